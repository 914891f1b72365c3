"""English web-page furniture words (see lang/furniture_words.py)."""

from __future__ import annotations

from veille.lang.furniture_words import FurnitureWords

WORDS = FurnitureWords(
    phrases=frozenset({
        # the page pointing at its player or embed (session 20: "Watch the ad above.")
        "the ad above", "the ad below", "the video above", "the video below", "the clip above",
        "the clip below", "the gallery above", "the gallery below",
        "caption", "toggle caption", "enlarge this image", "hide caption", "image caption",
        "image copyright", "photo credit", "photograph:", "file photo", "pictured",
        "sign up", "subscribe", "subscribing", "newsletter", "inbox", "invalid email",
        "email address", "share this", "follow us", "click here", "scroll down",
        "read more", "continue reading", "advertisement", "sponsored", "just watched",
        "must watch", "replay", "more videos", "watch the video", "video player",
        "all rights reserved", "copyright", "terms of use", "privacy policy",
        "updated:", "last updated", "published:", "reporting by", "editing by",
        "writing by", "additional reporting", "a post shared by", "story highlights",
        "this photo", "in this photo", "photo released by", "select month", "archives",
        # a page's tail: contributor and syndication notes, the newsletter
        # box's messages, the author's contact line
        "contributed to this", "contributed reporting", "originally appeared",
        "has been updated", "email the author", "try again later", "already subscribed",
        "error has occurred", "views expressed", "opinions expressed",
        # calls to action and widget messages of a page's body and tail
        "related stories", "don't miss", "do not miss", "not a robot", "required field",
        "already a subscriber", "restricted from playing", "ad blocker", "adblock",
        "email notifications", "support our journalism", "podcast app", "was updated",
        "contributed from", "like us on facebook", "editor's note", "editor’s note",
        "are his own", "are her own", "click to read", "read the rest", "read the full",
        # the reader's calls to action of a page's tail (session 18)
        "share it with", "follow her on", "follow him on", "follow me on", "got a story",
        "email us", "contact us",
        # a disclaimer of the links a page carries (session 19)
        "not responsible for the content of external",
    }),
    openers=frozenset({
        "read more", "related", "more:", "see also", "also read", "watch", "video:",
        "photo", "photos", "photos:", "image", "images", "picture", "pictures",
        "gallery", "update", "updated", "source:", "credit", "credits",
        "listen", "advertisement", "sponsored", "trending", "recommended", "most read",
        "you may also like", "don't miss", "getty", "file",
        "related:", "also:", "more from", "editor's note", "editor’s note", "correction:",
        "clarification:", "subscribe",
        # a translated page's "Czytaj także:", "Lesen Sie auch:" (session 18)
        "read also", "see more",
    }),
    # AP's "FILE - In this Dec. 20, 2015, file photo, ..." and Reuters'
    # "FILE PHOTO: ..." open every file-picture caption of the wires
    caption_openers=frozenset({"file", "in this"}),
    picture_words=frozenset({"photo", "photos", "image", "images", "picture", "pictures",
                             "frame grab", "photograph"}),
    # an op-ed's or a column's author note: "… is a lecturer in …", "… is the
    # author of …", "… writes a blog for …", "… is CNN's digital correspondent"
    bio_links=frozenset({"is a", "is an", "is the", "is", "writes", "covers"}),
    # headers of a list of related links (session 20): "PLUS: …", "LATEST
    # STORIES: …", "RELATED: …", "Read more: …"
    list_headers=frozenset({
        "read more", "read also", "also read", "see also", "related", "related stories",
        "related articles", "more", "plus", "latest stories", "latest news", "more stories",
        "more news", "most read", "most popular", "trending", "recommended", "you may also like",
        "more from", "also", "top stories",
    }),
    addressee=frozenset({"you", "You", "your", "Your", "yours", "yourself"}),
)
