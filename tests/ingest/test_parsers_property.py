"""Property-based tests of the ingest parsers (hypothesis).

Example counts are modest by default (the suite must stay fast); set
VEILLE_FUZZ_EXAMPLES to run more (docs/measured/reliability.md says how many ran).
"""

from __future__ import annotations

import calendar
import json
import os
from datetime import date

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from veille.core.errors import CODES, VeilleError
from veille.core.model import RawRecord, Reject
from veille.ingest.dates import month_range, parse_date
from veille.ingest.decode import decode
from veille.ingest.normalize import clean_field, content_hash, normalize_text
from veille.ingest.readers import ReadOptions, detect_format, read_jsonl_lines, read_seed, read_text

N = int(os.environ.get("VEILLE_FUZZ_EXAMPLES", "60"))
PROPS = settings(max_examples=N, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def opts(name: str = "x.txt") -> ReadOptions:
    return ReadOptions(origin=f"in/{name}", name=name)


# --- dates --------------------------------------------------------------------
@PROPS
@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_iso_day_round_trips(d: date) -> None:
    r = parse_date(d.isoformat())
    assert (r.start, r.end, r.precision, r.label()) == (d, d, "day", d.isoformat())


@PROPS
@given(st.integers(1, 9999), st.integers(1, 12))
def test_month_is_the_whole_month(year: int, month: int) -> None:
    label = f"{year:04d}-{month:02d}"
    r = parse_date(label)
    assert r == month_range(year, month)
    assert r.precision == "month" and r.label() == label
    assert r.start == date(year, month, 1)
    assert r.end == date(year, month, calendar.monthrange(year, month)[1])


@PROPS
@given(st.text(max_size=40))
def test_any_date_string_parses_or_is_rejected_with_e012(value: str) -> None:
    try:
        r = parse_date(value)
    except VeilleError as err:
        assert err.code == "E012" and err.reason
        return
    if r.known:
        assert r.start is not None and r.end is not None and r.start <= r.end
        assert r.precision in {"day", "month", "year"}
    else:
        assert not value.strip()


# --- decoding and normalisation ---------------------------------------------------
@PROPS
@given(st.text(min_size=1).filter(lambda t: t.strip()))
def test_utf8_text_decodes_to_itself(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    try:
        assert decode(data) == text
    except VeilleError as err:
        # Only text that really is mostly control characters may be refused.
        assert err.code in {"E003", "E004"}
        assert "\x00" in text or sum(ord(c) < 32 for c in text) / len(data) > 0.05 or any(
            0xD800 <= ord(c) <= 0xDFFF for c in text)


@PROPS
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused_with_a_code(data: bytes) -> None:
    try:
        out = decode(data)
    except VeilleError as err:
        assert err.code in {"E003", "E004"}
        return
    assert isinstance(out, str)
    out.encode("utf-8")  # what we return is storable


@PROPS
@given(st.text())
def test_normalize_is_idempotent_and_storable(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    once.encode("utf-8")
    assert "\x00" not in once and once == once.strip()


@PROPS
@given(st.text(min_size=1), st.sampled_from(["  ", "\n", "\t", " \n\n "]))
def test_hash_ignores_layout(text: str, gap: str) -> None:
    words = text.split()
    assume(words)
    assert content_hash(" ".join(words)) == content_hash(gap.join(words))


@PROPS
@given(st.text())
def test_clean_field_is_one_storable_line(value: str) -> None:
    out = clean_field(value, 512)
    if out is not None:
        out.encode("utf-8")
        assert len(out) <= 512 and out == out.strip()
        assert not any(ord(c) < 32 or ord(c) == 0x7F for c in out)


# --- seed format ----------------------------------------------------------------
BODY = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
               max_size=300).filter(lambda t: t.strip())


@PROPS
@given(st.integers(1000, 9999), st.integers(1, 12), BODY)
def test_seed_reader_takes_date_and_body(year: int, month: int, body: str) -> None:
    body = body.strip()
    data = f" date {year}-{month:02d} {body}".encode()
    [item] = list(read_seed(data, opts()))
    assert isinstance(item, RawRecord)
    assert item.published.label() == f"{year:04d}-{month:02d}"
    assert item.text == body
    assert detect_format(__import__("pathlib").Path("a.txt"), data) == "seed"


@PROPS
@given(st.binary(max_size=500))
def test_seed_reader_never_raises(data: bytes) -> None:
    items = list(read_seed(data, opts()))
    assert len(items) == 1
    item = items[0]
    if isinstance(item, Reject):
        assert item.code in CODES and item.origin == "in/x.txt" and item.reason
    else:
        assert item.published.precision == "month"


@PROPS
@given(st.integers(0, 99999), st.integers(0, 99), BODY)
def test_malformed_seed_month_is_rejected_with_line_one(year: int, month: int, body: str) -> None:
    assume(not (1 <= month <= 12 and 1 <= year <= 9999 and year >= 1000))
    data = f"date {year}-{month} {body}".encode()
    [item] = list(read_seed(data, opts()))
    if isinstance(item, RawRecord):  # e.g. year 0999 is a four-digit valid year
        assert 1 <= month <= 12
        return
    assert item.code in {"E006"} and item.line == 1


@PROPS
@given(st.binary(max_size=300), st.none() | st.dictionaries(
    st.sampled_from(["id", "source", "published", "url", "title", "language", "date"]),
    st.none() | st.text(max_size=30) | st.integers() | st.lists(st.integers(), max_size=2),
    max_size=4))
def test_text_reader_with_any_sidecar_never_raises(data: bytes, meta: dict | None) -> None:  # type: ignore[type-arg]
    o = opts()
    o.meta = meta
    for item in read_text(data, o):
        assert isinstance(item, RawRecord | Reject)
        if isinstance(item, Reject):
            assert item.code in CODES


# --- JSONL ----------------------------------------------------------------------
GOOD = st.fixed_dictionaries(
    {"text": BODY},
    optional={"id": st.text(max_size=20), "source": st.text(max_size=20),
              "title": st.text(max_size=20), "published": st.sampled_from(["2023", "2023-06",
                                                                          "2023-06-09", ""])},
)
JUNK = st.one_of(
    st.binary(max_size=80).filter(lambda b: b"\n" not in b and b"\r" not in b),
    st.text(max_size=80).map(lambda t: t.replace("\n", " ").replace("\r", " ").encode()),
    st.sampled_from([b"{", b"[]", b"null", b'{"text": 3}', b'{"text": ""}', b'{"text": "a", "id": {}}',
                     b'{"text": "ok", "published": "demain"}', b"\xff\xfe\x00"]),
)
LINE = st.one_of(GOOD.map(lambda r: ("good", json.dumps(r).encode())), JUNK.map(lambda b: ("junk", b)))


@PROPS
@given(st.lists(LINE, max_size=12))
def test_jsonl_one_item_per_line_good_kept_bad_rejected(lines: list[tuple[str, bytes]]) -> None:
    raw = [b for _kind, b in lines]
    items = list(read_jsonl_lines(iter(raw), opts("f.jsonl")))
    nonblank = [(i, kind, b) for i, (kind, b) in enumerate(lines, start=1) if b.strip()]
    if not nonblank:
        assert [(it.code) for it in items] == ["E002"]  # type: ignore[union-attr]
        return
    assert len(items) == len(nonblank)
    for (lineno, kind, _b), item in zip(nonblank, items, strict=True):
        assert item.line == lineno
        if kind == "good":
            assert isinstance(item, RawRecord)
        if isinstance(item, Reject):
            assert item.code in CODES and item.origin == "in/f.jsonl" and item.reason


@PROPS
@given(st.binary(max_size=600))
def test_detect_format_is_total(data: bytes) -> None:
    assert detect_format(__import__("pathlib").Path("x"), data) in {
        "seed", "text", "jsonl", "html", "feed"}
