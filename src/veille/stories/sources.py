"""Which articles count as independent sources.

Corroboration is only worth something when the outlets did their own reporting:
two sites running the same agency dispatch, or an article and the near duplicate
ingestion linked to it, are one source. A photo credit ("(Photo: Reuters)",
"(Jane Doe/Associated Press)") says who took a picture, and "Reuters reports that"
is attribution inside an outlet's own text: neither makes the article a wire copy.
Only a dispatch credit in the dateline or the sign-off does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse

from veille.core.records import StoredArticle

# Major news agencies and the spellings used in credits. A general list of wire
# services, not tied to any article.
AGENCIES: dict[str, str] = {
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "belga": "Belga",
    "ats": "ATS",
    "upi": "UPI",
    "bloomberg": "Bloomberg",
    "pap": "PAP",
    "anp": "ANP",
    "apa": "APA",
    "yonhap": "Yonhap",
    "interfax": "Interfax",
    "ukrinform": "Ukrinform",
}

_AG = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
# "PARIS (AFP) -", "(Reuters) —", "MOSCOW, June 9 (Reuters) -": the dispatch dateline.
_DATELINE = re.compile(
    rf"^[^\n()]{{0,80}}\((?P<ag>{_AG})\)\s*[-–—:]", re.IGNORECASE | re.MULTILINE
)
# "AFP -" / "Xinhua |" at the very start of a dispatch.
_LEAD_CREDIT = re.compile(rf"^\s*(?:[^\n]{{0,60}}\n)?\s*(?P<ag>{_AG})\s*[-–—|:]", re.IGNORECASE)
# Sign-offs: "avec AFP", "(avec Reuters)", "— AFP", "Source: AP", "(Reporting by ...; Reuters)".
_SIGN_OFF = re.compile(
    rf"(?:\bavec\s+(?:l['’])?|\bwith\s+|\bsource\s*:\s*|[-–—]\s*|\(\s*)(?P<ag>{_AG})\s*\)?\s*\.?\s*$",
    re.IGNORECASE,
)
_PHOTO_WORDS = re.compile(
    r"\b(?:photo|photos|foto|image|images|crédit|credit|illustration|video|vidéo)\b", re.I
)


def outlet_of(source: str | None, url: str | None) -> str | None:
    """The outlet's name: the declared source, else the URL's host without ``www.``."""
    if source and source.strip():
        s = source.strip().lower()
        if "." in s and " " not in s:
            s = s.removeprefix("www.")
        return s
    if url:
        host = urlparse(url if "://" in url else f"//{url}").hostname
        if host:
            return host.lower().removeprefix("www.")
    return None


def wire_agency(text: str | None) -> str | None:
    """The agency whose dispatch this article reproduces, from dateline or sign-off credits.

    Looks only at the first line and the last line, where dispatch credits sit;
    parentheticals containing a photo word or a ``Name/Agency`` pair are photo credits.
    """
    if not text:
        return None
    # the dateline opens the body, which may come after a headline or byline line
    head = "\n".join(text.lstrip().splitlines()[:4])[:400]
    m = _DATELINE.search(head)
    if m and not _PHOTO_WORDS.search(m.group(0)):
        return AGENCIES[m.group("ag").lower()]
    m = _LEAD_CREDIT.search(head[:200])
    if m and not _PHOTO_WORDS.search(m.group(0)) and "/" not in m.group(0):
        return AGENCIES[m.group("ag").lower()]
    tail_lines = [ln for ln in text.rstrip().splitlines() if ln.strip()]
    if tail_lines:
        last = tail_lines[-1].strip()[-80:]
        m = _SIGN_OFF.search(last)
        # "©jgd (AFP)" or "(Name/AFP)" closing a caption is a photo credit
        if (m and not _PHOTO_WORDS.search(last) and "/" not in m.group(0)
                and "©" not in last[max(0, m.start() - 15):]):
            return AGENCIES[m.group("ag").lower()]
    return None


def independence_keys(articles: Sequence[StoredArticle]) -> dict[str, dict[str, Any]]:
    """Map each article uid to the source it counts as, with the reason.

    Order of precedence: a near duplicate counts as the article it duplicates
    (following chains); a wire copy counts as its agency; otherwise the outlet;
    an article with neither outlet nor agency counts as itself.
    """
    by_uid = {a.uid: a for a in articles}

    def root(uid: str) -> str:
        seen = {uid}
        cur = uid
        while True:
            at = by_uid.get(cur)
            nxt = at.duplicate_of if at is not None else None
            if not nxt or nxt in seen:
                return cur
            seen.add(nxt)
            cur = nxt

    out: dict[str, dict[str, Any]] = {}
    for a in articles:
        uid = a.uid
        r = root(uid)
        base = by_uid.get(r, a)
        agency = wire_agency(base.text) or wire_agency(a.text)
        outlet = outlet_of(base.source, base.url)
        if agency:
            key, why = f"wire:{agency}", f"wire copy of {agency}"
        elif outlet:
            key, why = f"outlet:{outlet}", "outlet"
        else:
            key, why = f"article:{r}", "no outlet known: counted as its own source"
        if r != uid:
            why = f"near duplicate of {r}; " + why
        out[uid] = {
            "key": key,
            "outlet": outlet_of(a.source, a.url),
            "agency": agency,
            "duplicate_root": r,
            "reason": why,
        }
    return out
