"""The words that mark a line of a web page as furniture, per language (see lang/base.py).

Page furniture (captions, picture credits, share and subscribe boxes, video
widgets, related-article lists) is written in the page's language, so its cue
words live in the packs; the furniture detector (veille.analyze.furniture)
counts them as features of a line, next to language-free shape features. The
cues are the generic vocabulary of web pages ("caption", "subscribe",
"lire aussi"), never words of one article. :data:`UNIVERSAL` holds the marks
that are the same in every language (the copyright sign, picture agencies'
names, which are proper names): it applies to every text, with a pack or not.
"""

from __future__ import annotations

from dataclasses import dataclass

Words = frozenset[str]
_EMPTY: Words = frozenset()


@dataclass(frozen=True)
class FurnitureWords:
    """Lower-case phrases, matched on word boundaries in a lower-cased line."""

    #: Phrases that mark furniture wherever they occur in a line
    #: ("toggle caption", "sign up", "all rights reserved").
    phrases: Words = _EMPTY
    #: Phrases that mark furniture when they open a line ("read more", "photo",
    #: "related"): the same word inside a sentence is ordinary prose.
    openers: Words = _EMPTY
    #: Names of picture and wire agencies and of credit words that close a
    #: caption ("getty images", "reuters", "photograph").
    credits: Words = _EMPTY
    #: Words a wire caption opens with before it names its picture ("FILE -
    #: In this Dec. 20, 2015, file photo, ...", "FILE PHOTO: ...", "In this
    #: photo taken on ..."): with a :attr:`picture_words` word a few words on,
    #: the line is a caption wherever it sits (``furniture.wire_caption``).
    caption_openers: Words = _EMPTY
    #: The nouns such a caption names its picture with ("photo", "image").
    picture_words: Words = _EMPTY
    #: The words that join an author's name to their role in the note a page
    #: puts at its top or tail ("Cindy Godwin is a retired marketing
    #: executive …", "Gretchen Schuldt writes a blog for …"); a bare link
    #: ("is") must be followed by a possessive ("Kelly Wallace is CNN's
    #: digital correspondent …"): see ``furniture._author_note``.
    bio_links: Words = _EMPTY
    #: Headers of a list of links ("Read more", "Lire aussi", "Más noticias",
    #: "Latest stories", "Plus"): opening a line with a colon after them
    #: (right after a one-word header), the line is the list, whatever its
    #: length (``furniture.list_header``).
    list_headers: Words = _EMPTY
    #: The words that address the reader or an interviewee ("you", German
    #: "Sie", "vous"), matched as whole words in their case: a page whose
    #: short questions address someone is an interview, whose questions are
    #: its dialogue, not subheads (``furniture._question_subheads``).
    addressee: Words = _EMPTY


#: Marks and names that are the same in every language.
UNIVERSAL = FurnitureWords(
    phrases=frozenset({"©", "®", "™", "►", "▶", "•"}),
    credits=frozenset({
        "getty", "getty images", "afp", "ap", "reuters", "epa", "rex", "shutterstock",
        "associated press", "ap photo", "afp photo", "rex features", "landov", "xinhua",
        "sipa", "maxppp", "abaca", "anadolu", "dpa", "istock", "alamy", "youtube",
        "instagram", "facebook", "twitter", "pinterest", "whatsapp",
    }),
)


#: A URL path segment that names a page of video, pictures, audio or a
#: broadcast programme ("edition.cnn.com/videos/us/…", "cnn.com/…/gallery/…",
#: "rt.com/shows/boom-bust/…", "bbc.com/news/av/…"): the text a scraper keeps
#: from such a page is the player's blurb, the gallery's captions or the
#: show's teaser, not an article. Segments, not words of the slug; the site
#: structure of every language's press (the slugs are ASCII).
MEDIA_PAGE_PATHS: Words = frozenset({
    "video", "videos", "gallery", "galleries", "photos", "pictures", "slideshow",
    "slideshows", "av", "shows", "podcast", "podcasts", "audio",
    # de, es, fr, it, pt
    "fotos", "fotostrecke", "bildergalerie", "fotogalerie", "galerie", "galeria",
    "galeria-de-fotos", "diaporama", "diaporamas", "galleria", "fotogallery",
    "fotogalleria", "mediathek", "emissions", "programas",
})


def merged(*parts: FurnitureWords | None) -> FurnitureWords:
    """The union of several packs' words (a pack left out contributes nothing)."""
    got = [p for p in parts if p is not None]
    return FurnitureWords(
        phrases=frozenset().union(*(p.phrases for p in got)),
        openers=frozenset().union(*(p.openers for p in got)),
        credits=frozenset().union(*(p.credits for p in got)),
        caption_openers=frozenset().union(*(p.caption_openers for p in got)),
        picture_words=frozenset().union(*(p.picture_words for p in got)),
        bio_links=frozenset().union(*(p.bio_links for p in got)),
        list_headers=frozenset().union(*(p.list_headers for p in got)),
        addressee=frozenset().union(*(p.addressee for p in got)),
    )
