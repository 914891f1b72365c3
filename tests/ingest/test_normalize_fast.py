"""The ftfy fast path of normalisation gives exactly ftfy's result.

Real text: the seed articles (examples/), line by line and whole, plus
mojibake made from them the way it happens (UTF-8 bytes read as
Windows-1252 / Latin-1), and generated strings mixing safe characters with
characters ftfy rewrites.
"""

from __future__ import annotations

from pathlib import Path

import ftfy
import pytest
from ftfy.badness import is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from veille.ingest.normalize import _fix_text, _is_bad, content_hash

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))


def _ftfy(text: str) -> str:
    return ftfy.fix_text(text, normalization="NFC")


def _real_texts() -> list[str]:
    texts = []
    for path in EXAMPLES:
        whole = path.read_text(encoding="utf-8")
        texts.append(whole)
        texts += [line for line in whole.splitlines() if line.strip()]
        texts.append(whole.encode("utf-8").decode("windows-1252", "replace"))
        texts.append(whole.encode("utf-8").decode("latin-1"))
        texts.append(whole.replace("'", "\u2019").replace('"', "\u201c"))
    return texts


@pytest.mark.skipif(not EXAMPLES, reason="examples/ absent")
def test_real_and_mojibake_texts_match_ftfy() -> None:
    texts = _real_texts()
    mojibake = [t for t in texts if _ftfy(t) != t]
    assert mojibake  # the mojibake variants do get repaired
    for text in texts:
        assert _fix_text(text) == _ftfy(text)
        assert _is_bad(text) == is_bad(text)


@pytest.mark.parametrize("text", [
    "Ã© en dÃ©but", "Ã  la ligne\nÂ suite", "l\u2019Ã©tÃ©", "cafÃ©\u2019s",
    "ï¬\x81", "ﬁn de ligne", "ＬＯＵＤ", "a\r\nb", "x\u2028y", "AT&amp;T", "&eacute;t&eacute;",
    "<b>&amp;</b>", "\x1b[31mred\x1b[0m", "e\u0301t\u0301e", "\u201cquoted\u201d \u2018x\u2019",
    "Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "â€œhelloâ€\x9d", "plain ascii", "", "50\u202f000 €",
    "AT&T et Q&A", "R&D; l\u2019été &x", "&amp", "a &#233; b", "&#x27;", "&NTILDE;", "& ;",
    "l\u2019AT&T &lt;", "&\u00e9;", "Ã©&amp;",
])
def test_crafted_texts_match_ftfy(text: str) -> None:
    assert _fix_text(text) == _ftfy(text)
    assert _is_bad(text) == is_bad(text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x85\u00a0\u2028\u3000aÉ.")), max_size=30))
def test_content_hash_folds_whitespace_like_the_regex(text: str) -> None:
    import hashlib
    import re

    folded = re.sub(r"\s+", " ", text).strip().casefold()
    assert content_hash(text) == hashlib.sha256(folded.encode("utf-8")).hexdigest()


_ALPHABET = st.sampled_from(list(
    "abcXYZ \n\t.,'\"-éèàçÃÂâ€œ™©®«»\u2019\u201c\u201d\u00a0\u202fœŒÐÑ¿×²³ØÙ°µ√±ВГРСЂβΒΓ&<;ﬁ\r\x85\u2028"
))


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_generated_texts_match_ftfy(text: str) -> None:
    assert _fix_text(text) == _ftfy(text)
    assert _is_bad(text) == is_bad(text)


@pytest.mark.skipif(not EXAMPLES, reason="examples/ absent")
def test_stem_text_is_the_stems_of_tokens() -> None:
    from veille.search.text import stem, stem_text, tokens

    texts = [(t, lang) for t in _real_texts() for lang in ("fr", "en", None)]
    texts.append(("L'été d’abord qu'il jusqu'à lorsqu'on ſ'a K'x l' aL'b", "fr"))
    for text, lang in texts:
        assert stem_text(text, lang) == " ".join(stem(w, lang) for w, _, _ in tokens(text))


def test_index_stems_come_from_the_stored_article(tmp_path: Path) -> None:
    """Workers stem each prepared article; the writer must use the stems of
    the article it stored, even when one batch holds the same id twice (an
    exact copy first, then a different text under that id)."""
    from sqlalchemy import text as sql

    from veille.core.model import RawRecord
    from veille.ingest.service import ingest_items
    from veille.search.text import stem_text
    from veille.store import Store

    first = "Les ministres se sont réunis à Bruxelles pour discuter du budget européen."
    other = "The ministers met in Brussels to discuss the European budget for next year."
    recs = [RawRecord(text=first, origin="<t>", uid="b", language="fr"),
            RawRecord(text=first, origin="<t>", uid="a", language="fr"),
            RawRecord(text=other, origin="<t>", uid="a", language="en")]
    store = Store.open(str(tmp_path / "s.db"))
    rep = ingest_items(store, recs)
    assert rep.added == ["b", "a"]
    with store.connect() as conn:
        body = conn.execute(sql("SELECT f.body FROM article_fts f JOIN articles a ON a.seq = f.rowid "
                                "WHERE a.uid = 'a'")).scalar_one()
    store.close()
    assert body == stem_text(other, "en")


def test_mojibake_regex_anchors_are_proven_for_this_ftfy() -> None:
    """The rare-character shortcut of _is_bad applies to the installed ftfy
    (its regex was analysed, not the fallback to every non-ASCII char)."""
    from veille.ingest.normalize import _COMMON, _bad_anchor_re

    anchors, span = _bad_anchor_re()
    assert span <= 16
    assert not any(anchors.search(c) for c in _COMMON + "abc '\"")
    assert all(anchors.search(c) for c in "“”«»É\u00a0œ€©")


# Common letters next to the characters ftfy's mojibake patterns are made of.
_NEAR_COMMON = st.sampled_from(list(
    "ab Z.'\"éàèêôîçâûùüëä…öïßáñ’—–ãÃÂ€œ™©®«»“”\u00a0°µ±ÉÀÔÖÙÛÜ×²ÐØ•ВГβΓā‚√"
))


@settings(max_examples=600, deadline=None)
@given(st.lists(_NEAR_COMMON, max_size=30).map("".join))
def test_is_bad_shortcut_matches_ftfy(text: str) -> None:
    assert _is_bad(text) == is_bad(text)
    assert _fix_text(text) == _ftfy(text)


def _tidy_unguarded(text: str) -> str:
    """normalize_text's whitespace steps without the substring guards."""
    import unicodedata

    from veille.ingest.normalize import _MANY_NEWLINES, _SPACE_RUNS

    text = unicodedata.normalize("NFC", _fix_text(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACE_RUNS.sub(" ", text)
    text = "\n".join([line.strip() for line in text.split("\n")])
    return _MANY_NEWLINES.sub("\n\n", text).strip()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["mot", "l'été", " ", "  ", "\t", "\u00a0", "\u2009", "\u202f",
                                 "\n", "\n\n\n", "\r\n", "50\u202f000", "x"]), max_size=40))
def test_whitespace_guards_change_nothing(parts: list[str]) -> None:
    from veille.ingest.normalize import normalize_text

    text = "".join(parts)
    assert normalize_text(text) == _tidy_unguarded(text)


@pytest.mark.skipif(not EXAMPLES, reason="examples/ absent")
def test_whitespace_guards_change_nothing_on_real_text() -> None:
    from veille.ingest.normalize import normalize_text

    for text in _real_texts():
        assert normalize_text(text) == _tidy_unguarded(text)
