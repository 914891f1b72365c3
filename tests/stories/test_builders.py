"""Story builders on small hand-made stories (no spaCy model needed)."""

from __future__ import annotations

import json
import re
from typing import Any

from veille.core.records import StoredArticle
from veille.stories.graph import to_graphml
from veille.stories.sources import independence_keys, wire_agency
from veille.stories.units import build_units
from veille.stories.view import build_story_view as build_view


def build_story_view(*args: Any, **kwargs: Any) -> dict[str, Any]:
    """The view's JSON form: what is stored and printed, the contract under test."""
    return build_view(*args, **kwargs).to_dict()


def art(uid: str, text: str, source: str | None = None, lang: str = "fr",
        published: str = "2024-05-10", **kw: Any) -> dict[str, Any]:
    return {"uid": uid, "text": text, "title": kw.get("title"), "source": source,
            "url": kw.get("url"), "published": published, "date_precision": "day",
            "language": lang, "duplicate_of": kw.get("duplicate_of")}


def analysis(a: dict[str, Any], *, ents: dict[str, tuple[str, str]] | None = None,
             times: dict[str, tuple[str, str, str]] | None = None,
             qty: dict[str, tuple[float, str]] | None = None,
             quotes: dict[str, str] | None = None) -> dict[str, Any]:
    """An analysis dict located by substring: each key is a surface form in the text."""
    text = a["text"]
    sents = [{"index": i, "start": m.start(), "end": m.end(), "text": m.group()}
             for i, m in enumerate(re.finditer(r"[^.!?]+[.!?]", text))]

    def spans(surface: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]

    out: dict[str, Any] = {"article_uid": a["uid"], "language": a["language"], "sentences": sents,
                           "entities": [], "quotes": [], "times": [], "quantities": [], "notes": []}
    for surf, (eid, label) in (ents or {}).items():
        for s, e in spans(surf):
            out["entities"].append({"text": surf, "label": label, "start": s, "end": e,
                                    "sentence": 0, "entity_id": eid, "canonical": eid})
    for surf, (rs, re_, gran) in (times or {}).items():
        for s, e in spans(surf):
            out["times"].append({"text": surf, "start": s, "end": e, "sentence": 0, "type": "DATE",
                                 "value": rs, "range_start": rs, "range_end": re_,
                                 "granularity": gran})
    for surf, (val, noun) in (qty or {}).items():
        for s, e in spans(surf):
            out["quantities"].append({"text": surf, "start": s, "end": e, "sentence": 0,
                                      "value": val, "noun": noun})
    for surf, speaker in (quotes or {}).items():
        for s, e in spans(surf):
            out["quotes"].append({"text": surf, "start": s, "end": e, "sentence": 0,
                                  "kind": "direct", "speaker": speaker,
                                  "speaker_entity_id": speaker})
    return out


# --- sources ------------------------------------------------------------------
def test_wire_dateline_and_signoff_are_wire_copies() -> None:
    assert wire_agency("PARIS (AFP) - Le gouvernement a annoncé mardi ...") == "AFP"
    assert wire_agency("MOSCOW, June 9 (Reuters) - Russia said ...") == "Reuters"
    assert wire_agency("Le texte de l'article.\nLa suite du texte. (avec AFP)") == "AFP"
    assert wire_agency("TOKYO/SEOUL (Reuters) - North Korea fired a missile.") == "Reuters"
    assert wire_agency("By Jane Roe\nERIE, Pa. (AP) - Snow continues to fall.") == "AP"


def test_photo_credits_and_attribution_are_not_wire_copies() -> None:
    assert wire_agency("Des soldats se reposent. (Roman Chop/Associated Press)\nSuite.") is None
    assert wire_agency("Les deux hommes ont discuté (Photo: Reuters) Le président a dit ...") is None
    assert wire_agency("Le front bouge.\nReuters rapporte que la poussée a commencé.") is None
    assert wire_agency("Texte.\nUne vue de la ville (Photo: AP)") is None
    assert wire_agency("Text.\nOffshore firms created by the law firm ©jgd (AFP)") is None


def test_independence_duplicates_outlets_and_wires() -> None:
    arts = [
        art("a", "Texte un.", source="Le Monde"),
        art("b", "Texte un bis.", duplicate_of="a"),
        art("c", "Autre texte.", url="https://www.lemonde.fr/x"),
        art("d", "BRUXELLES (AFP) - Texte.", source="lesoir.be"),
        art("e", "BRUXELLES (AFP) - Texte.", source="rtbf.be"),
        art("f", "Texte sans origine."),
    ]
    k = {uid: v["key"] for uid, v in independence_keys([StoredArticle.from_row(a) for a in arts]).items()}
    assert k["a"] == k["b"]
    assert k["d"] == k["e"] == "wire:AFP"
    assert k["c"] == "outlet:lemonde.fr"
    assert len(set(k.values())) == 4


# --- units --------------------------------------------------------------------
def test_caption_glued_to_next_sentence_is_split() -> None:
    text = ("Les deux chefs ont discuté des plans (Photo: Reuters) Le président a confirmé "
            "la rencontre à Genève mardi. Un autre fait.")
    a = art("x", text)
    units, _ = build_units([StoredArticle.from_row(a)], [None])
    captions = [u.text for u in units if u.caption]
    assert captions == ["Les deux chefs ont discuté des plans"]
    assert any(u.text.startswith("Le président a confirmé") and not u.caption for u in units)


# --- facts, disagreements, timeline --------------------------------------------
def _quake_story() -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    a1 = art("a1", "Le séisme a fait 12 morts à Izmir mardi selon les secours. "
                   "Le gouverneur Yilmaz a promis une enquête. "
                   "« Nous reconstruirons chaque maison détruite », a déclaré Yilmaz.",
             source="outlet-one.example")
    a2 = art("a2", "Le séisme a fait 15 morts à Izmir mardi selon les secours locaux. "
                   "Le gouverneur Yilmaz a promis une enquête rapide sur les bâtiments. "
                   "« Nous allons reconstruire chaque maison », a déclaré Yilmaz.",
             source="outlet-two.example")
    a3 = art("a3", "IZMIR (AFP) - Le gouverneur Yilmaz a promis une enquête. "
                   "Les écoles rouvriront le 3 juin.", source="outlet-three.example")
    ents = {"Izmir": ("izmir", "LOC"), "Yilmaz": ("yilmaz", "PER")}
    an = [
        analysis(a1, ents=ents, qty={"12 morts": (12, "morts")},
                 times={"mardi": ("2024-05-07", "2024-05-07", "day")},
                 quotes={"Nous reconstruirons chaque maison détruite": "yilmaz"}),
        analysis(a2, ents=ents, qty={"15 morts": (15, "morts")},
                 times={"mardi": ("2024-05-07", "2024-05-07", "day")},
                 quotes={"Nous allons reconstruire chaque maison": "yilmaz"}),
        analysis(a3, ents=ents, times={"le 3 juin": ("2024-06-03", "2024-06-03", "day"),
                                       "1945": ("1945-01-01", "1945-12-31", "year")}),
    ]
    entities = {"izmir": {"canonical": "Izmir", "label": "LOC"},
                "yilmaz": {"canonical": "Yilmaz", "label": "PER"}}
    return [a1, a2, a3], an, entities


def test_corroboration_disagreement_quotes_timeline() -> None:
    arts, ans, ents = _quake_story()
    v = build_story_view(arts, ans, ents)
    json.dumps(v)
    # the inquiry promise: three outlets, one of them a wire copy -> still 3 distinct keys
    inquiry = next(f for f in v["facts"] if any("enquête" in m["text"] for m in f["members"]))
    assert inquiry["n_sources"] == 3 and len(inquiry["articles"]) == 3
    # death toll differs across two sources
    qd = [d for d in v["disagreements"] if d["kind"] == "quantity"]
    assert len(qd) == 1 and {s["source"] for s in qd[0]["sides"]} == {
        "outlet:outlet-one.example", "outlet:outlet-two.example"}
    # one statement of Yilmaz in two wordings
    wd = [d for d in v["disagreements"] if d["kind"] == "quote_wording"]
    assert len(wd) == 1 and len(wd[0]["sides"]) == 2
    yil = next(s for s in v["speakers"] if s["entity_id"] == "yilmaz")
    assert yil["speaker"] == "Yilmaz" and yil["n_quotes"] == 1
    # timeline ordered, with its precision
    tl = v["timeline"]
    assert [e["start"] for e in tl] == sorted(e["start"] for e in tl)
    assert tl[-1]["date"] == "2024-06-03" and tl[-1]["relative_to_publication"] == "future"
    assert not any(e["date"] == "1945" for e in tl)  # 1945 is in no sentence of a3


def test_wire_copies_count_once() -> None:
    s = "Le parlement a adopté la loi sur l'eau par 300 voix contre 200 jeudi."
    arts = [art("w1", "PARIS (AFP) - " + s, source="site-a.example"),
            art("w2", "PARIS (AFP) - " + s, source="site-b.example")]
    v = build_story_view(arts, [analysis(a) for a in arts], {})
    f = next(f for f in v["facts"] if "parlement" in f["statement"])
    assert len(f["articles"]) == 2 and f["n_sources"] == 1


def test_date_disagreement() -> None:
    a1 = art("d1", "Le sommet européen sur le climat se tiendra le 7 juillet à Bruxelles.",
             source="one.example")
    a2 = art("d2", "Le sommet européen sur le climat se tiendra le 9 juillet à Bruxelles.",
             source="two.example")
    ents = {"Bruxelles": ("bxl", "LOC")}
    ans = [analysis(a1, ents=ents, times={"le 7 juillet": ("2024-07-07", "2024-07-07", "day")}),
           analysis(a2, ents=ents, times={"le 9 juillet": ("2024-07-09", "2024-07-09", "day")})]
    v = build_story_view([a1, a2], ans, {})
    dd = [d for d in v["disagreements"] if d["kind"] == "date"]
    assert len(dd) == 1
    assert {s["value"][0]["range_start"] for s in dd[0]["sides"]} == {"2024-07-07", "2024-07-09"}


# --- bad input ----------------------------------------------------------------
SECTIONS = ("title", "summary", "facts", "disagreements", "timeline", "speakers",
            "entity_graph", "missing")


def _renders(v: dict[str, Any]) -> None:
    json.dumps(v)
    assert all(k in v for k in SECTIONS)


def test_empty_story() -> None:
    v = build_story_view([], [], {})
    _renders(v)
    assert v["title"] is None and "story has no articles" in v["missing"]


def test_one_article_without_analysis() -> None:
    a = art("solo", "Le pont de la ville a été fermé lundi pour travaux. Il rouvrira en août "
                    "selon la mairie qui prévoit des déviations.")
    v = build_story_view([a], [None], {})
    _renders(v)
    assert v["title"]["article"] == "solo" and v["summary"]
    assert any("one article" in m for m in v["missing"])
    assert any("no analysis" in m for m in v["missing"])


def test_article_with_no_sentences() -> None:
    arts, ans, ents = _quake_story()
    empty = art("void", "   ")
    v = build_story_view([*arts, empty], [*ans, None], ents)
    _renders(v)
    assert any("void" in m and "no sentences" in m for m in v["missing"])
    assert v["summary"]


def test_two_languages() -> None:
    fr = art("fr1", "Le séisme a fait 12 morts à Izmir mardi selon les secours turcs. "
                    "Les sauveteurs cherchent encore des survivants dans les ruines.")
    fr2 = art("fr2", "Un séisme a tué 12 personnes à Izmir mardi, ont indiqué les secours. "
                     "Les recherches continuent dans la nuit.", source="b.example")
    en = art("en1", "The earthquake killed 12 people in Izmir on Tuesday, rescuers said. "
                    "Rescuers are still searching the rubble.", lang="en", source="c.example")
    ents = {"Izmir": ("izmir", "LOC")}
    t = {"mardi": ("2024-05-07", "2024-05-07", "day"),
         "Tuesday": ("2024-05-07", "2024-05-07", "day")}
    ans = [analysis(fr, ents=ents, times=t, qty={"12 morts": (12, "mort")}),
           analysis(fr2, ents=ents, times=t, qty={"12 personnes": (12, "personne")}),
           analysis(en, ents=ents, times=t, qty={"12 people": (12, "people")})]
    v = build_story_view([fr, fr2, en], ans, {})
    _renders(v)
    assert v["languages"]["main"] == "fr" and v["title"]["language"] == "fr"
    assert any("several languages" in m for m in v["missing"])
    toll = next(f for f in v["facts"] if any(m["article"] == "en1" and "killed" in m["text"]
                                            for m in f["members"]))
    assert "fr1" in toll["articles"]  # matched across languages on place + date


def test_graphml_export_with_entity_records() -> None:
    from veille.core.model import EntityRecord

    arts, ans, _ = _quake_story()
    ents = {"izmir": EntityRecord("izmir", "Izmir", "LOC"),
            "yilmaz": EntityRecord("yilmaz", "Yilmaz", "PER")}
    v = build_story_view(arts, ans, ents)
    g = v["entity_graph"]
    assert {n["canonical"] for n in g["nodes"]} == {"Izmir", "Yilmaz"}
    assert any(s["speaker"] == "Yilmaz" for s in v["speakers"])
    assert {n["id"] for n in g["nodes"]} == {"izmir", "yilmaz"}
    assert "<graphml" in to_graphml(g)


def test_render_lines_show_every_section() -> None:
    from veille.stories.render import render_lines

    arts, ans, ents = _quake_story()
    lines = render_lines(build_story_view(arts, ans, ents))
    text = "\n".join(lines)
    for head in ("Summary", "Corroborated facts", "Disagreements", "Timeline", "Who said what"):
        assert head in lines or head in text
    assert "12 morts" in text and "15 morts" in text
    assert "\n".join(render_lines(build_story_view([], [], {}))).endswith("story has no articles")


def test_render_lines_count_in_words_and_mark_cut_quotes() -> None:
    from veille.stories.render import clip, render_lines

    arts, ans, ents = _quake_story()
    view = build_story_view(arts, ans, ents)
    text = "\n".join(render_lines(view))
    assert "(1 quotes)" not in text and " 1 articles" not in text
    for sp in view["speakers"]:
        assert f"({sp['n_quotes']} quote{'' if sp['n_quotes'] == 1 else 's'})" in text
    # A long quote is cut at a word and says so; a short one is left whole.
    quote = ("La Russie commencera à déployer des armes nucléaires tactiques en Biélorussie "
             "après que des installations de stockage spéciales seront prêtes")
    cut = clip(quote, 100)
    assert len(cut) <= 100 and cut.endswith("…")
    assert quote.startswith(cut[:-1]) and quote[len(cut) - 1] == " "
    assert clip("Tout se déroule comme prévu", 100) == "Tout se déroule comme prévu"


def test_site_furniture_is_no_statement_and_old_dates_are_background() -> None:
    # Shapes from news-clusters (Las Vegas shooting, chinadaily.com.cn and
    # nytimes.com, 2017-10-03): a copyright line in the text, a list of
    # earlier shootings.
    a1 = art("a1", "Copyright 1995 - . All rights reserved. "
                   "A gunman killed 59 people in Las Vegas on Sunday. "
                   "In December 2012 a gunman killed 26 people in Newtown. "
                   "Few things seemed odd on Thursday at the hotel.",
             source="one.example", lang="en", published="2017-10-03")
    a2 = art("a2", "A gunman killed 59 people in Las Vegas on Sunday night. "
                   "The EU copyright directive was not the news of the day.",
             source="two.example", lang="en", published="2017-10-03")
    an = [analysis(a1, times={"1995": ("1995-01-01", "1995-12-31", "year"),
                              "Sunday": ("2017-10-01", "2017-10-01", "day"),
                              "December 2012": ("2012-12-01", "2012-12-31", "month"),
                              "Thursday": ("2017-09-28", "2017-09-28", "day")}),
          analysis(a2, times={"Sunday": ("2017-10-01", "2017-10-01", "day")})]
    v = build_story_view([a1, a2], an, {})
    texts = [m["text"] for f in v["facts"] for m in f["members"]]
    assert not any("Copyright" in t or "rights reserved" in t for t in texts)
    assert any("copyright directive" in t for t in texts)  # the word alone is not furniture
    by_date = {e["date"]: e for e in v["timeline"]}
    assert "1995" not in by_date
    assert by_date["2012-12"]["background"] is True
    assert by_date["2017-10-01"]["background"] is False and by_date["2017-09-28"]["background"] is False
    from veille.stories.render import render_lines

    text = "\n".join(render_lines(v))
    own, _, background = text.partition("Background: 1 earlier date")
    assert "2017-10-01" in own and "2012-12" in background and "2012-12" not in own


def test_quote_nested_in_a_quote_of_the_same_speaker_is_one_statement() -> None:
    # news-clusters (chinadaily.com.cn, 2017-10-03): the indirect statement and
    # the word quoted inside it were listed as two quotes of Boris Johnson.
    a1 = art("a1", 'Boris Johnson said he was "horrified" by the shooting in Las Vegas. '
                   'Johnson added that "the United Kingdom stood ready to help".',
             source="one.example", lang="en")
    an = analysis(a1, ents={"Boris Johnson": ("johnson", "PER"), "Johnson": ("johnson", "PER")},
                  quotes={'he was "horrified" by the shooting in Las Vegas': "johnson",
                          "horrified": "johnson", "the United Kingdom stood ready to help": "johnson"})
    v = build_story_view([a1], [an], {"johnson": {"canonical": "Boris Johnson", "label": "PER"}})
    (spk,) = v["speakers"]
    assert [q["text"] for q in spk["quotes"]] == [
        'he was "horrified" by the shooting in Las Vegas', "the United Kingdom stood ready to help"]


def test_title_is_a_headline_when_articles_have_one() -> None:
    # news-clusters (USA Today, 2018-02-05): the lead "CLOSE A group of tech
    # experts ..." (video-player furniture) was more central than any headline.
    lead = ("CLOSE A group of tech experts who used to work at Facebook and Google have founded "
            "an organization to raise awareness about what they believe is tech addiction.")
    a1 = art("a1", lead + " The tech experts say Facebook and Google addict children.",
             source="one.example", lang="en", title="Facebook, Google accused of addicting kids")
    a2 = art("a2", "Former Facebook and Google employees founded a group against tech addiction. "
                   "The group says Facebook and Google products addict children.",
             source="two.example", lang="en", title="Ex-Facebook and Google staff fight tech addiction")
    v = build_story_view([a1, a2], [None, None], {})
    assert v["title"]["from"] == "headline"
    assert v["title"]["text"] in {a1["title"], a2["title"]}
    # without headlines, the lead sentence is the title
    v = build_story_view([{**a1, "title": None}, {**a2, "title": None}], [None, None], {})
    assert v["title"]["from"] == "lead sentence"
