"""From a raw record to an article ready to store (pure)."""

from __future__ import annotations

from veille.core.errors import VeilleError
from veille.core.model import Article, RawRecord, Reject
from veille.ingest.normalize import clean_field, content_hash, normalize_text
from veille.lang.detect import detect_language, valid_language_code


def prepare(rec: RawRecord, max_bytes: int) -> Article | Reject:
    # A character is at most 4 bytes in UTF-8: short texts need no encoding.
    if len(rec.text) * 4 > max_bytes and len(rec.text.encode("utf-8", "surrogatepass")) > max_bytes:
        return Reject(rec.origin, f"article text is over the {max_bytes:,}-byte limit", "E011",
                      rec.line, rec.text[:2000])
    text = normalize_text(rec.text)
    if not text:
        return Reject(rec.origin, VeilleError("E014", "").reason or "text is empty after normalisation",
                      "E014", rec.line, rec.text[:2000])
    title = normalize_text(rec.title) if rec.title else None
    language = valid_language_code(rec.language) if rec.language else None
    if language is None:
        language = detect_language(f"{title}\n{text}" if title else text)
    digest = content_hash(text)
    uid = clean_field(rec.uid, 512) or f"sha:{digest[:16]}"
    return Article(
        uid=uid, text=text, title=title or None,
        source=clean_field(rec.source, 512),
        url=clean_field(rec.url), published=rec.published, language=language,
        content_hash=digest, origin=rec.origin, fmt=rec.fmt,
    )
