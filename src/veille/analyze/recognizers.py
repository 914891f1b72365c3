"""Run our time and quantity extractors on Microsoft Recognizers-Text French specs.

The specs are unit tests of another system, so not every case is in our
scope. A case counts as *supported* when

- the Recognizers-Text Python port itself supports it (no "python" in
  ``NotSupported``; for NumberRange, where every case is marked unsupported
  on every platform, this condition is dropped; the starred reports
  "DateTime*", "Number*", "Dimension*" drop it too), and
- every expected result is of a kind we model:
  DateTime: date, daterange, datetime, time, duration, set (not the
  time-of-day ranges "de 3 à 5 heures", datetimeranges, time zones);
  Number: integers and decimals (not fractions, ordinals, powers);
  NumberRange: two-bound ranges ("de 1000 à 5000", "entre 10 et 20"), not
  one-sided comparatives ("plus de 40");
  Dimension: units in our unit table (km, m, cm, mm, kg, t, l, mile).

A supported case is *resolved exactly* when every expected result is
overlapped by one of ours with the same value (TimeML value / number /
bounds / value+unit), and none of ours is left over (cases with no expected
result must yield nothing). Cases outside the scope are counted and
reported, not hidden.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from veille.analyze.quantities import extract_quantities
from veille.analyze.temporal import extract_times
from veille.core.model import DateRange

MODELS = ("DateTime", "Number", "NumberRange", "Dimension")
#: the language of the specs read here (Specs/*/French); the extractors take it as any text's
SPEC_LANGUAGE = "fr"
_DT_TYPES = {"date", "daterange", "datetime", "time", "duration", "set"}
_DIM_UNITS = {
    "kilomètres": "km", "kilomètre": "km", "mètres": "m", "mètre": "m", "millimètres": "mm",
    "centimètres": "cm", "millimètre": "mm", "centimètre": "cm", "litre": "l",
    "tonne métrique": "t", "tonne": "t", "mile": "mile",
    "kilogramme": "kg",
}  # fmt: skip


@dataclass
class ModelReport:
    model: str
    cases: int = 0
    supported: int = 0
    exact: int = 0
    by_reason: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "cases": self.cases,
            "supported": self.supported,
            "exact": self.exact,
            "share_exact": round(100 * self.exact / self.supported, 2) if self.supported else 0.0,
            "out_of_scope": self.by_reason,
        }


def _load(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    return data if isinstance(data, list) else []


def _type_name(r: dict[str, Any]) -> str:
    return str(r.get("TypeName") or r.get("Typename") or "")


def _span(r: dict[str, Any], text: str) -> tuple[int, int]:
    s = r.get("Start")
    e = r.get("End")
    if isinstance(s, int) and isinstance(e, int):
        return s, e + 1  # specs use inclusive ends
    i = text.find(str(r.get("Text", "")))
    return (i, i + len(str(r.get("Text", "")))) if i >= 0 else (0, 0)


def _num(s: Any) -> float | None:
    try:
        return float(str(s).replace(",", "."))
    except ValueError:
        return None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _timex_match(ours: str | None, values: list[dict[str, Any]]) -> bool:
    if not ours:
        return False
    for v in values:
        timex = str(v.get("timex", ""))
        if ours == timex:
            return True
        if "X" in timex and re.fullmatch(re.escape(timex).replace("X", r"\d"), ours):
            return True  # an ambiguous spec value we resolved to a year/week
        if timex.startswith("T") and "T" in ours:
            t_ours = ours[ours.index("T") :]
            t_gold = timex if ":" in timex else timex + ":00"
            if t_ours == t_gold or t_ours.startswith(t_gold):
                return True
        if ours == str(v.get("value", "")).split(" ")[0]:
            return True
    return False


def _ref(case: dict[str, Any]) -> DateRange:
    raw = (case.get("Context") or {}).get("ReferenceDateTime")
    d = datetime.fromisoformat(raw).date() if raw else date(2016, 11, 7)
    return DateRange(d, d, "day")


def run_datetime(cases: list[dict[str, Any]], respect_flags: bool = True) -> ModelReport:
    rep = ModelReport("DateTime" if respect_flags else "DateTime*", cases=len(cases))
    for case in cases:
        if respect_flags and "python" in str(case.get("NotSupported", "")):
            rep.by_reason["not_supported_by_python_port"] = (
                rep.by_reason.get("not_supported_by_python_port", 0) + 1
            )
            continue
        results = case.get("Results") or []
        kinds = {_type_name(r).split(".")[-1] for r in results}
        if not kinds <= _DT_TYPES:
            key = "types:" + ",".join(sorted(kinds - _DT_TYPES))
            rep.by_reason[key] = rep.by_reason.get(key, 0) + 1
            continue
        rep.supported += 1
        text = str(case.get("Input", ""))
        ours = extract_times(text, [], _ref(case), SPEC_LANGUAGE)
        used: set[int] = set()
        ok = True
        for r in results:
            span = _span(r, text)
            values = (r.get("Resolution") or {}).get("values") or []
            hit = next((i for i, t in enumerate(ours)
                        if i not in used and _overlap(span, (t.start, t.end))), None)
            if hit is None or not _timex_match(ours[hit].value, values):
                ok = False
                break
            used.add(hit)
        if ok and len(used) != len(ours):
            ok = False
        if ok:
            rep.exact += 1
        else:
            got = "; ".join(f"{t.text}={t.value}" for t in ours)
            want = "; ".join(
                f"{r.get('Text')}={[v.get('timex') for v in (r.get('Resolution') or {}).get('values') or []]}"
                for r in results
            )
            rep.failures.append(f"{text!r}: want [{want}] got [{got}]")
    return rep


def run_number(
    cases: list[dict[str, Any]], ranges: bool = False, respect_flags: bool = True
) -> ModelReport:
    name = "NumberRange" if ranges else "Number"
    rep = ModelReport(name if respect_flags or ranges else name + "*", cases=len(cases))
    for case in cases:
        if respect_flags and not ranges and "python" in str(case.get("NotSupported", "")):
            rep.by_reason["not_supported_by_python_port"] = (
                rep.by_reason.get("not_supported_by_python_port", 0) + 1
            )
            continue
        results = case.get("Results") or []
        text = str(case.get("Input", ""))
        wanted: list[tuple[tuple[int, int], float | None, float | None]] = []
        scope = True
        for r in results:
            res = r.get("Resolution") or {}
            if ranges:
                m = re.fullmatch(r"[\[(]([-\d.,]+),([-\d.,]+)[\])]", str(res.get("value", "")))
                if not m:
                    scope = False
                    break
                wanted.append((_span(r, text), _num(m.group(1)), _num(m.group(2))))
            else:
                if res.get("subtype") not in ("integer", "decimal"):
                    scope = False
                    break
                wanted.append((_span(r, text), _num(res.get("value")), None))
        if not scope:
            key = "one-sided or open range" if ranges else "fraction/ordinal/power"
            rep.by_reason[key] = rep.by_reason.get(key, 0) + 1
            continue
        rep.supported += 1
        ours = extract_quantities(text, [], SPEC_LANGUAGE, keep_bare=True, skip_times=False)
        if not ranges:  # a number with a unit is the Dimension model's business
            ours = [q for q in ours if q.unit is None or q.unit == "percent"]
        used: set[int] = set()
        ok = True
        for span, v1, v2 in wanted:
            hit = next((i for i, q in enumerate(ours)
                        if i not in used and _overlap(span, (q.start, q.end))), None)
            if hit is None:
                ok = False
                break
            q = ours[hit]
            if ranges:
                good = q.value == v1 and q.value_max == v2
            else:
                good = q.value is not None and v1 is not None and abs(q.value - v1) < 1e-6
            if not good:
                ok = False
                break
            used.add(hit)
        if ok and len(used) != len(ours):
            ok = False
        if ok:
            rep.exact += 1
        else:
            got = "; ".join(f"{q.text}={q.value}..{q.value_max}" for q in ours)
            rep.failures.append(f"{text!r}: want {[(w[1], w[2]) for w in wanted]} got [{got}]")
    return rep


def run_dimension(cases: list[dict[str, Any]], respect_flags: bool = True) -> ModelReport:
    rep = ModelReport("Dimension" if respect_flags else "Dimension*", cases=len(cases))
    for case in cases:
        if respect_flags and "python" in str(case.get("NotSupported", "")):
            rep.by_reason["not_supported_by_python_port"] = (
                rep.by_reason.get("not_supported_by_python_port", 0) + 1
            )
            continue
        results = case.get("Results") or []
        text = str(case.get("Input", ""))
        units = [str((r.get("Resolution") or {}).get("unit", "")).lower() for r in results]
        if any(u not in _DIM_UNITS for u in units):
            rep.by_reason["unit outside our table"] = rep.by_reason.get("unit outside our table", 0) + 1
            continue
        rep.supported += 1
        physical = set(_DIM_UNITS.values())
        ours = [q for q in extract_quantities(text, [], SPEC_LANGUAGE) if q.unit in physical]
        used: set[int] = set()
        ok = True
        for r, u in zip(results, units, strict=True):
            span = _span(r, text)
            v = _num((r.get("Resolution") or {}).get("value"))
            hit = next((i for i, q in enumerate(ours)
                        if i not in used and _overlap(span, (q.start, q.end))), None)
            if hit is None or ours[hit].unit != _DIM_UNITS[u] or ours[hit].value != v:
                ok = False
                break
            used.add(hit)
        if ok and len(used) != len(ours):
            ok = False
        if ok:
            rep.exact += 1
        else:
            got = "; ".join(f"{q.text}={q.value} {q.unit}" for q in ours)
            rep.failures.append(f"{text!r}: want {units} got [{got}]")
    return rep


def run_all(directory: Path, include_flagged: bool = True) -> list[ModelReport]:
    """One report per model; with ``include_flagged`` also a starred report that
    ignores the ``NotSupported`` flags (which describe Microsoft's ports, not us)."""
    out = []
    d = Path(directory)
    for flags in (True, False) if include_flagged else (True,):
        if (d / "DateTimeModel.json").exists():
            out.append(run_datetime(_load(d / "DateTimeModel.json"), flags))
        if (d / "NumberModel.json").exists():
            out.append(run_number(_load(d / "NumberModel.json"), respect_flags=flags))
        if flags and (d / "NumberRangeModel.json").exists():
            out.append(run_number(_load(d / "NumberRangeModel.json"), ranges=True))
        if (d / "DimensionModel.json").exists():
            out.append(run_dimension(_load(d / "DimensionModel.json"), flags))
    return out
