"""One story as a report a journalist can file or cite: Markdown, HTML, and
its timeline and quotes as CSV.

Everything is read from the story's view (``veille.core.views.StoryView``
as JSON), the same one the page and ``veille story`` show, so a report never
says something the page does not. The report is assembled once
(:func:`build`) and rendered twice, so Markdown and HTML cannot drift.

Article text is untrusted: the HTML is rendered by Jinja2 with autoescaping,
under a Content-Security-Policy that forbids scripts; Markdown escapes every
character that would start markup; an article's own URL becomes a link only
when it is http(s); CSV cells that a spreadsheet would run as a formula
(``=``, ``+``, ``-``, ``@``) are prefixed with an apostrophe, the usual
defence (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader

from veille.export import links
from veille.export.cells import inert

STORY_FORMATS = ("md", "html", "csv-timeline", "csv-quotes")
MEDIA_TYPES = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8",
               "csv-timeline": "text/csv; charset=utf-8", "csv-quotes": "text/csv; charset=utf-8"}
EXTENSIONS = {"md": "md", "html": "html", "csv-timeline": "timeline.csv", "csv-quotes": "quotes.csv"}

TIMELINE_COLUMNS = ("date", "start", "end", "precision", "relative_to_publication", "background",
                    "sentence", "n_sources", "sources", "article_ids", "article_urls")
QUOTE_COLUMNS = ("speaker", "speaker_entity_id", "quote", "n_sources", "wording", "kind", "verb",
                 "source", "article_id", "article_url", "link")


# --- the report, once -------------------------------------------------------------
def _one_line(value: Any) -> str:
    return " ".join(str(value or "").split())


def _source_name(source: Any) -> str:
    return str(source or "").split(":", 1)[-1]


def safe_url(url: Any) -> str | None:
    """An article's own URL, if it is one a reader may follow (http/https)."""
    text = str(url or "").strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    return text if scheme in ("http", "https") else None


def _value_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_one_line(v.get("text") if isinstance(v, Mapping) else v) for v in value)
    return _one_line(value)


def build(story_id: int, view: Mapping[str, Any], base_url: str = "",
          first_lines: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The report's content: plain strings and numbered citations (the
    numbers follow the view's article order, as on the story page).

    ``first_lines``: for articles that came without a headline, their first
    line (``web.data.articles.first_lines``), which names them in the sources
    instead of their bare id, said to be a first line."""
    arts = [a for a in view.get("articles") or [] if isinstance(a, Mapping)]
    numbers = {a.get("uid"): i + 1 for i, a in enumerate(arts)}
    facts = {f.get("id"): f for f in view.get("facts") or [] if isinstance(f, Mapping)}

    def once(cites: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """One citation per article (its first statement): [1][1][2] reads as noise."""
        out: dict[Any, dict[str, Any]] = {}
        for c in cites:
            out.setdefault(c["n"], c)
        return list(out.values())

    def cite(uid: Any, start: Any = None, end: Any = None) -> dict[str, Any]:
        return {"n": numbers.get(uid, "?"),
                "url": links.article_url(base_url, str(uid), start, end)}

    sources = [{"n": i + 1, "title": _source_title(a, first_lines or {}),
                "source": _source_name(a.get("source")), "published": a.get("published") or "",
                "language": a.get("language") or "", "url": safe_url(a.get("url")),
                "page": links.article_url(base_url, str(a.get("uid")))} for i, a in enumerate(arts)]
    summary = []
    for item in view.get("summary") or []:
        fact = facts.get(item.get("fact")) or {}
        members = {m.get("article"): m for m in fact.get("members") or []}
        cites = []
        for uid in item.get("citations") or [item.get("article")]:
            if uid == item.get("article"):
                cites.append(cite(uid, item.get("start"), item.get("end")))
            else:
                m = members.get(uid) or {}
                cites.append(cite(uid, m.get("start"), m.get("end")))
        summary.append({"text": _one_line(item.get("text")), "cites": once(cites)})
    timeline: dict[str, list[dict[str, Any]]] = {"own": [], "background": []}
    for e in view.get("timeline") or []:
        if e.get("restates_publication_date"):
            continue  # "published on the day it was published" tells nobody anything
        timeline["background" if e.get("background") else "own"].append(
            {"date": _one_line(e.get("date")), "precision": e.get("precision") or "",
             "text": _one_line(e.get("sentence")), "cites": once([cite(u) for u in e.get("articles") or []])})
    speakers = []
    for sp in view.get("speakers") or []:
        quotes = [{"text": _one_line(q.get("text")), "n_sources": q.get("n_sources") or 0,
                   "link": links.quote_url(base_url, story_id, q),
                   "cites": once([cite(r.get("article")) for r in q.get("renderings") or []])}
                  for q in sp.get("quotes") or []]
        speakers.append({"speaker": _one_line(sp.get("speaker")), "quotes": quotes})
    corroborated = [
        {"text": _one_line(f.get("statement")), "n_sources": f.get("n_sources") or 0,
         "languages": ", ".join(f.get("languages") or []) if len(f.get("languages") or []) > 1
         else "",
         "link": links.fact_url(base_url, story_id, f),
         "cites": once([cite(m.get("article"), m.get("start"), m.get("end"))
                        for m in f.get("members") or []])}
        for f in view.get("facts") or [] if (f.get("n_sources") or 0) > 1]
    disagreements = [
        {"kind": str(d.get("kind") or "").replace("_", " "), "about": _one_line(d.get("about")),
         "sides": [{"source": _source_name(s.get("source")), "value": _value_text(s.get("value")),
                    "text": _one_line(s.get("text")), "cite": cite(s.get("article"))}
                   for s in d.get("sides") or []]}
        for d in view.get("disagreements") or []]
    title = view.get("title") or {}
    langs = (view.get("languages") or {}).get("articles_by_language") or {}
    dates = [str(a["published"]) for a in arts if a.get("published")]
    return {
        # the whole headline, not the page's shortened one: a report is read, not scanned
        "id": story_id, "title": _one_line((title.get("full") or title.get("text"))
                                           if isinstance(title, Mapping) else title) or f"Story {story_id}",
        "url": links.story_url(base_url, story_id),
        "n_articles": view.get("n_articles") or len(arts),
        "n_sources": view.get("n_independent_sources") or 0,
        "first": min(dates, default=""), "last": max(dates, default=""),
        "dates": " – ".join(dict.fromkeys([min(dates), max(dates)])) if dates else "undated",
        "languages": ", ".join(sorted(langs)), "language": (view.get("languages") or {}).get("main"),
        "sources": sources, "summary": summary,
        "timeline": timeline, "speakers": speakers, "facts": corroborated,
        "disagreements": disagreements, "missing": [_one_line(m) for m in view.get("missing") or []],
    }


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


# --- Markdown ---------------------------------------------------------------------
# Brackets are escaped, so "(" can never close a link and "!" never opens an image.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>#|~&])")
_MD_LEAD = re.compile(r"^([-+=>])|^(\d+)([.)])")


def md(text: Any) -> str:
    """Article text as literal Markdown: one line, every character that could
    open inline markup backslash-escaped, and a line start that could open a
    block (list, heading, quote) neutralised."""
    out = _MD_INLINE.sub(r"\\\1", _one_line(text))
    return _MD_LEAD.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), out)


def md_url(url: str) -> str:
    """A URL safe inside ``(...)`` of a Markdown link."""
    return quote(url, safe=":/?#=&%@+,;!$*'~.-_")


def _md_cites(cites: Iterable[Mapping[str, Any]]) -> str:
    return "".join(f"[\\[{c['n']}\\]]({md_url(c['url'])})" for c in cites)


def _source_title(article: Mapping[str, Any], first_lines: Mapping[str, str]) -> str:
    uid = str(article.get("uid"))
    if article.get("title"):
        return _one_line(article.get("title"))
    if uid in first_lines:
        return f"{_one_line(first_lines[uid])} (first line; {uid})"
    return _one_line(uid)


def markdown_report(story_id: int, view: Mapping[str, Any], base_url: str = "",
                    first_lines: Mapping[str, str] | None = None) -> str:
    r = build(story_id, view, base_url, first_lines)
    out = [f"# {md(r['title'])}", "",
           f"{_n(r['n_articles'], 'article')} from {_n(r['n_sources'], 'independent source')}, "
           f"{md(r['dates'])}"
           + (f"; languages: {md(r['languages'])}" if r["languages"] else "") + ".  ",
           f"Story page: <{md_url(r['url'])}>" if r["url"].startswith("http")
           else f"Story page: `{r['url']}`", ""]
    out += ["## Summary", ""]
    out += [f"{i}. {md(s['text'])} {_md_cites(s['cites'])}" for i, s in enumerate(r["summary"], 1)]
    out += ["", "## Timeline", ""]
    out += [f"- **{md(e['date'])}** ({md(e['precision'])}): {md(e['text'])} {_md_cites(e['cites'])}"
            for e in r["timeline"]["own"]] or ["No dated event."]
    if r["timeline"]["background"]:
        out += ["", "### Background (more than a year before the first article)", ""]
        out += [f"- **{md(e['date'])}**: {md(e['text'])} {_md_cites(e['cites'])}"
                for e in r["timeline"]["background"]]
    out += ["", "## Who said what", ""]
    for sp in r["speakers"]:
        out.append(f"- **{md(sp['speaker'])}**")
        out += [f"  - “{md(q['text'])}” {_md_cites(q['cites'])} ([link]({md_url(q['link'])}))"
                for q in sp["quotes"]]
    if not r["speakers"]:
        out.append("No attributed quote.")
    out += ["", "## Corroborated facts", ""]
    out += [f"- {md(f['text'])} ({f['n_sources']} sources"
            + (f"; in {md(f['languages'])}" if f["languages"] else "") + f") {_md_cites(f['cites'])} "
            f"([link]({md_url(f['link'])}))" for f in r["facts"]] or [
        "No fact is reported by more than one independent source."]
    out += ["", "## Where sources differ", ""]
    for d in r["disagreements"]:
        out.append(f"- {md(d['kind'])}" + (f": {md(d['about'])}" if d["about"] else ""))
        out += [f"  - {md(s['source'])}: {md(s['value'])} — “{md(s['text'])}” {_md_cites([s['cite']])}"
                for s in d["sides"]]
    if not r["disagreements"]:
        out.append("No disagreement found.")
    out += ["", "## Sources", ""]
    for s in r["sources"]:
        line = f"{s['n']}. {md(s['title'])}" + "".join(
            f" — {md(x)}" for x in (s["source"], s["published"]) if x)
        if s["url"]:
            line += f" <{md_url(s['url'])}>"
        out.append(line + f" ([in veille]({md_url(s['page'])}))")
    if r["missing"]:
        out += ["", "## Limits of this report", ""] + [f"- {md(m)}" for m in r["missing"]]
    return "\n".join(out) + "\n"


# --- HTML -------------------------------------------------------------------------
# The template is a file beside this module (package data), autoescaped.
_ENV = Environment(loader=PackageLoader("veille.export", "."), autoescape=True,
                   trim_blocks=True, lstrip_blocks=True)
_TEMPLATE = _ENV.get_template("report.html")


def html_report(story_id: int, view: Mapping[str, Any], base_url: str = "",
                first_lines: Mapping[str, str] | None = None) -> str:
    return _TEMPLATE.render(r=build(story_id, view, base_url, first_lines), n=_n)


# --- CSV --------------------------------------------------------------------------
def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore")
    w.writeheader()
    for row in rows:
        w.writerow({k: inert(v) for k, v in row.items()})
    return buf.getvalue()


def timeline_rows(view: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    urls = {a.get("uid"): safe_url(a.get("url")) for a in view.get("articles") or []}
    for e in view.get("timeline") or []:
        if e.get("restates_publication_date"):
            continue
        arts = [str(u) for u in e.get("articles") or []]
        yield {"date": e.get("date"), "start": e.get("start"), "end": e.get("end"),
               "precision": e.get("precision"), "relative_to_publication": e.get("relative_to_publication"),
               "background": bool(e.get("background")), "sentence": _one_line(e.get("sentence")),
               "n_sources": e.get("n_sources"),
               "sources": "; ".join(_source_name(s) for s in e.get("sources") or []),
               "article_ids": "; ".join(arts),
               "article_urls": "; ".join(u for u in (urls.get(a) for a in arts) if u)}


def quote_rows(story_id: int, view: Mapping[str, Any], base_url: str = "") -> Iterator[dict[str, Any]]:
    """One row per outlet's wording of a quote (who said it, the quote as
    grouped, and this outlet's words), with a link to it on the story page."""
    urls = {a.get("uid"): safe_url(a.get("url")) for a in view.get("articles") or []}
    for sp in view.get("speakers") or []:
        for q in sp.get("quotes") or []:
            for rd in q.get("renderings") or []:
                yield {"speaker": _one_line(sp.get("speaker")), "speaker_entity_id": sp.get("entity_id"),
                       "quote": _one_line(q.get("text")), "n_sources": q.get("n_sources"),
                       "wording": _one_line(rd.get("text")), "kind": rd.get("kind"), "verb": rd.get("verb"),
                       "source": _source_name(rd.get("source")), "article_id": rd.get("article"),
                       "article_url": urls.get(rd.get("article")),
                       "link": f"{links.story_url(base_url, story_id)}#{links.rendering_anchor(rd)}"}


def render(fmt: str, story_id: int, view: Mapping[str, Any], base_url: str = "",
           first_lines: Mapping[str, str] | None = None) -> str:
    """One story in ``fmt`` (one of ``STORY_FORMATS``); ``first_lines`` as in ``build``."""
    if fmt == "md":
        return markdown_report(story_id, view, base_url, first_lines)
    if fmt == "html":
        return html_report(story_id, view, base_url, first_lines)
    if fmt == "csv-timeline":
        return csv_text(TIMELINE_COLUMNS, timeline_rows(view))
    if fmt == "csv-quotes":
        return csv_text(QUOTE_COLUMNS, quote_rows(story_id, view, base_url))
    raise ValueError(f"format must be one of {', '.join(STORY_FORMATS)}, not {fmt!r}")


def filename(story_id: int, fmt: str) -> str:
    return f"veille-story-{int(story_id)}.{EXTENSIONS[fmt]}"
