"""The plain views: numbers as a reader writes them, untrusted text escaped."""

from __future__ import annotations

from veille.cli.render import article_lines, story_article_lines


def test_quantities_read_as_written_not_in_exponent_form() -> None:
    art = {"id": "a", "text": "", "analysis": {"status": "ok"}, "quantities": [
        {"text": "11.5 million documents", "value": 11_500_000.0, "noun": "documents"},
        {"text": "$5 billion", "value": 5e9, "unit": "USD"},
        {"text": "50 000 à 60 000 hommes", "value": 50_000.0, "value_max": 60_000.0, "noun": "hommes"}]}
    lines = article_lines(art)
    assert "  11.5 million documents → 11,500,000 documents" in lines
    assert "  $5 billion → 5,000,000,000 USD" in lines
    assert "  50 000 à 60 000 hommes → 50,000–60,000 hommes" in lines
    assert not any("e+" in line for line in lines)


def test_titles_names_and_quotes_cannot_send_terminal_sequences() -> None:
    evil = "Title\x1b[2J\u202eevil\nfake line"
    art = {"id": "x\x1b]0;t\x07", "title": evil, "source": evil, "text": "body\x1b[31m red\nline 2",
           "analysis": {"status": "ok"},
           "entities": [{"text": evil, "canonical": evil, "label": "PER", "entity_id": "per:x"}],
           "quotes": [{"text": evil, "speaker": evil, "kind": "direct"}]}
    lines = article_lines(art)
    assert not any(c in line for line in lines for c in "\x1b\x07\u202e")
    assert "line 2" in lines  # the body keeps its own line breaks
    assert not any(line == "fake line" for line in lines)
    rows = story_article_lines([{"id": "1", "title": evil, "outlet": evil, "published": None,
                                 "language": "en"}])
    assert len(rows) == 1 and "\x1b" not in rows[0] and "\\n" in rows[0]


def test_a_storys_articles_are_listed_by_date_undated_last() -> None:
    """Session-21 audit, story 35 (PolNeAR dev): `veille story` listed the
    articles in the order they were ingested (09-26 before 09-23); the story
    page lists them by date."""
    arts = [{"id": "polnear-west-journal_2016-09-26_rush-limbaugh-hillary-asking-mod",
             "published": "2016-09-26", "outlet": "west-journal", "language": "en"},
            {"id": "semeval-1513958355", "published": None, "outlet": None, "language": "de"},
            {"id": "polnear-usa-today_2016-09-23_trump-questions-the-fairness-of-",
             "published": "2016-09-23", "outlet": "usa-today", "language": "en"},
            {"id": "wash-post_2016-09-29_the-real-trump-showed-up-at-deba.txt",
             "published": "2016-09-29", "outlet": "wash-post", "language": "en"}]
    rows = story_article_lines(arts)
    order = [next(a["id"] for a in arts if f"[{a['id']}]" in row) for row in rows]
    assert order == [arts[2]["id"], arts[0]["id"], arts[3]["id"], arts[1]["id"]]
