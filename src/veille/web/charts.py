"""Charts as inline SVG, drawn on the server: pure functions of counts.

The pages' Content-Security-Policy allows no inline script and no inline
style, so a chart is plain SVG markup with presentation attributes (``fill``,
``x``, ``height``...), which CSP does not govern, and classes styled by
``static/style.css``. Every name in a chart (a source, a language, an entity)
comes from articles: it is escaped like any other text of a page. Each chart
carries a ``<title>``/``<desc>`` for screen readers, a ``<title>`` per bar or
point (the tooltip), and the same numbers as a table under a ``<details>``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

#: Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D1F", "#000000")
OTHER_COLOUR = "#9A9A9A"
OTHER = "other"
WIDTH, HEIGHT = 640, 200
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 36, 8, 10, 28


@dataclass(frozen=True)
class Series:
    name: str
    counts: Mapping[str, int]  # bucket -> count

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Chart:
    """What a chart shows: named series over ordered buckets (days or months)."""

    id: str  # unique on the page: ids of the <title>/<desc>
    title: str
    unit: str  # "articles", "mentions"
    buckets: Sequence[str]
    series: Sequence[Series]
    note: str = ""  # e.g. "2 undated articles not shown"

    @property
    def total(self) -> int:
        return sum(s.total for s in self.series)


def colour(i: int, name: str) -> str:
    return OTHER_COLOUR if name == OTHER else PALETTE[i % len(PALETTE)]


def _fmt(n: float) -> str:
    return f"{n:.1f}".rstrip("0").rstrip(".")


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit[:-1] if n == 1 and unit.endswith('s') else unit}"


def describe(chart: Chart) -> str:
    """One sentence a screen reader says for the chart."""
    if not chart.buckets:
        return f"No dated {chart.unit}."
    span = (chart.buckets[0] if len(chart.buckets) == 1
            else f"{chart.buckets[0]} to {chart.buckets[-1]}")
    parts = ", ".join(f"{s.name} {s.total}" for s in chart.series)
    return f"{_plural(chart.total, chart.unit)}, {span}: {parts}."


def _axis_labels(buckets: Sequence[str]) -> list[int]:
    """Which buckets get a label under the x axis: first, last and a few between."""
    n = len(buckets)
    if n <= 6:
        return list(range(n))
    step = max(1, (n - 1) // 4)
    idx = list(range(0, n - 1, step))
    if n - 1 - idx[-1] < step:  # too close to the last label: they would overlap
        idx.pop()
    return [*idx, n - 1]


def _frame(chart: Chart, peak: int, body: list[str]) -> Markup:
    cid = escape(chart.id)
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    base_y = PAD_TOP + plot_h
    out = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-labelledby="{cid}-t {cid}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{cid}-t">{escape(chart.title)}</title>',
        f'<desc id="{cid}-d">{escape(describe(chart))}</desc>',
        f'<g class="axis" aria-hidden="true">'
        f'<line x1="{PAD_LEFT}" y1="{base_y}" x2="{WIDTH - PAD_RIGHT}" y2="{base_y}"/>'
        f'<line x1="{PAD_LEFT}" y1="{PAD_TOP}" x2="{PAD_LEFT}" y2="{base_y}"/>'
        f'<text x="{PAD_LEFT - 4}" y="{PAD_TOP + 4}" text-anchor="end">{peak}</text>'
        f'<text x="{PAD_LEFT - 4}" y="{base_y}" text-anchor="end">0</text>',
    ]
    n = max(1, len(chart.buckets))
    slot = plot_w / n
    for i in _axis_labels(chart.buckets):
        x = PAD_LEFT + slot * (i + 0.5)
        anchor = "start" if i == 0 and n > 1 else ("end" if i == n - 1 and n > 1 else "middle")
        if n == 1:
            anchor = "middle"
        out.append(f'<text x="{_fmt(x)}" y="{HEIGHT - 8}" text-anchor="{anchor}">'
                   f'{escape(chart.buckets[i])}</text>')
    out.append("</g>")
    out += body
    out.append("</svg>")
    return Markup("".join(out))


def stacked_bars(chart: Chart) -> Markup:
    """One bar per bucket, stacked by series (sources, languages)."""
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    base_y = PAD_TOP + plot_h
    n = max(1, len(chart.buckets))
    slot = plot_w / n
    bar_w = max(1.0, min(slot * 0.8, 48.0))
    peak = max((sum(s.counts.get(b, 0) for s in chart.series) for b in chart.buckets), default=0)
    scale = plot_h / peak if peak else 0.0
    body = ['<g class="bars">']
    for i, b in enumerate(chart.buckets):
        y = float(base_y)
        x = PAD_LEFT + slot * i + (slot - bar_w) / 2
        for j, s in enumerate(chart.series):
            c = s.counts.get(b, 0)
            if not c:
                continue
            h = c * scale
            y -= h
            body.append(f'<rect x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(bar_w)}" height="{_fmt(h)}" '
                        f'fill="{colour(j, s.name)}"><title>{escape(s.name)}, {escape(b)}: '
                        f'{escape(_plural(c, chart.unit))}</title></rect>')
    body.append("</g>")
    return _frame(chart, peak, body)


def lines(chart: Chart) -> Markup:
    """One line per series (entities' mentions), a dot on each bucket with a count."""
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    base_y = PAD_TOP + plot_h
    n = max(1, len(chart.buckets))
    slot = plot_w / n
    peak = max((s.counts.get(b, 0) for s in chart.series for b in chart.buckets), default=0)
    scale = plot_h / peak if peak else 0.0
    body = ['<g class="lines">']
    for j, s in enumerate(chart.series):
        col = colour(j, s.name)
        pts = [(PAD_LEFT + slot * (i + 0.5), base_y - s.counts.get(b, 0) * scale)
               for i, b in enumerate(chart.buckets)]
        if len(pts) > 1:
            path = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in pts)
            body.append(f'<polyline points="{path}" fill="none" stroke="{col}" stroke-width="2"/>')
        for (x, y), b in zip(pts, chart.buckets, strict=True):
            c = s.counts.get(b, 0)
            if c:
                body.append(f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="3" fill="{col}"><title>'
                            f'{escape(s.name)}, {escape(b)}: {escape(_plural(c, chart.unit))}'
                            f'</title></circle>')
    body.append("</g>")
    return _frame(chart, peak, body)


def legend(chart: Chart) -> Markup:
    items = []
    for j, s in enumerate(chart.series):
        items.append(
            f'<li><svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">'
            f'<rect width="12" height="12" fill="{colour(j, s.name)}"/></svg> '
            f'{escape(s.name)} <span class="count">{s.total}</span></li>')
    return Markup(f'<ul class="chart-legend">{"".join(items)}</ul>')


def table(chart: Chart) -> Markup:
    """The chart's numbers as a table (for screen readers and copying)."""
    head = "".join(f'<th scope="col">{escape(s.name)}</th>' for s in chart.series)
    rows = "".join(
        f'<tr><th scope="row">{escape(b)}</th>'
        + "".join(f"<td>{s.counts.get(b, 0)}</td>" for s in chart.series) + "</tr>"
        for b in chart.buckets)
    return Markup(f'<details class="chart-data"><summary>The numbers</summary><table>'
                  f'<thead><tr><th scope="col">date</th>{head}</tr></thead><tbody>{rows}</tbody>'
                  f'</table></details>')


def figure(chart: Chart, kind: str = "bars") -> Markup:
    """The chart with its caption, legend, note and data table, ready for a page."""
    svg = lines(chart) if kind == "lines" else stacked_bars(chart)
    note = f'<p class="meta">{escape(chart.note)}</p>' if chart.note else ""
    return Markup(f'<figure class="chart-figure"><figcaption>{escape(chart.title)}</figcaption>'
                  f"{svg}{legend(chart)}{note}{table(chart)}</figure>")
