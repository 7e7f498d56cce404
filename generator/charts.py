"""Charts for the scorecards (rapor), computed at build time: geometry only.

Functions here are pure: sequences in, frozen dataclasses out, no I/O.
``theme/templates/_charts.html`` draws them as inline SVG, with no script and
no style attributes (site.css colours them by class). Every coordinate is
rounded to one decimal, so the same input always gives the same bytes.

Sizes are in viewBox units. Text is 26 units high: about 13 px when the chart
is squeezed to 330 px on a 360 px phone. Label widths are estimated
generously (``CHAR`` em per character) so that labels never touch.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from .contexts import doc
from .formatting import LOCALE, number

FONT = 26.0
CHAR = 0.6
GAP = 12.0
RECEIVED = "Laporan masuk"
RESOLVED = "Laporan selesai"
LINE_SIZE = (640, 360)
MARKER_SPACING = 20.0  # below this, markers would merge into a band: lines only
BAR_ROW = 40.0
BAR_THICKNESS = 26.0
LABEL_STEPS = (1, 2, 3, 4, 6, 12)  # months between x labels; then multiples of 12


@dataclass(frozen=True)
class Tick:
    x: float = doc("Where the label is anchored horizontally.")
    y: float = doc("Where the label is anchored vertically; for y ticks, the gridline.")
    label: str = doc("Label text: a count ('1.500') or a short month ('Jan').")
    sublabel: str = doc("Second line under a month: its year where it changes.", default="")


@dataclass(frozen=True)
class Marker:
    x: float = doc("Centre, horizontally.")
    y: float = doc("Centre, vertically.")


@dataclass(frozen=True)
class Series:
    name: str = doc("What is counted, in Indonesian; shown in the legend.")
    css_class: str = doc("Class for site.css: line-received or line-resolved.")
    dash: str = doc("stroke-dasharray value, '' for a solid line.")
    marker: str = doc("Marker shape: circle or square.")
    points: str = doc("polyline points, 'x,y x,y …'.")
    markers: tuple[Marker, ...] = doc("One per month; none when months are too close.")


@dataclass(frozen=True)
class LineChart:
    title: str = doc("What the chart shows; also the SVG <title>.")
    description: str = doc("Text alternative: the period, totals and peak month.")
    width: int = doc("viewBox width.")
    height: int = doc("viewBox height.")
    empty: bool = doc("True when there is no month to draw; only the text is shown.")
    table_headers: tuple[str, ...] = doc("Column headings of the data table.")
    table_rows: tuple[tuple[str, ...], ...] = doc("One row per month, numbers formatted.")
    plot_left: float = doc("Left edge of the plot area (the first month).", default=0.0)
    plot_right: float = doc("Right edge of the plot area (the last month).", default=0.0)
    plot_top: float = doc("Top of the plot area (the highest y tick).", default=0.0)
    plot_bottom: float = doc("Bottom of the plot area (zero).", default=0.0)
    y_ticks: tuple[Tick, ...] = doc("Gridlines from 0 up, labelled right-aligned.", factory=tuple)
    x_ticks: tuple[Tick, ...] = doc("Labelled months, centred; thinned to fit.", factory=tuple)
    series: tuple[Series, ...] = doc("Laporan masuk, then Laporan selesai.", factory=tuple)


@dataclass(frozen=True)
class Bar:
    label: str = doc("The bin, e.g. '3' or '6–10' (working days).")
    value_label: str = doc("The count, formatted.")
    css_class: str = doc("bar-ok inside the deadline, else bar-late.")
    x: float = doc("Left edge (the axis).")
    y: float = doc("Top edge.")
    width: float = doc("Length, proportional to the count; 0 for none.")
    height: float = doc("Thickness, the same for every bar.")
    text_y: float = doc("Vertical centre of the row, for its labels.")
    value_x: float = doc("Where the count is written, just past the bar's end.")


@dataclass(frozen=True)
class Key:
    name: str = doc("Legend text.")
    css_class: str = doc("Class of the bars it explains.")


@dataclass(frozen=True)
class BarChart:
    title: str = doc("What the chart shows; also the SVG <title>.")
    description: str = doc("Text alternative: totals, share within the deadline, largest bin.")
    note: str = doc("The deadline in words, e.g. 'Tenggat: 5 hari kerja'.")
    width: int = doc("viewBox width.")
    height: int = doc("viewBox height.")
    empty: bool = doc("True when every count is 0; only the text is shown.")
    table_headers: tuple[str, ...] = doc("Column headings of the data table.")
    table_rows: tuple[tuple[str, ...], ...] = doc("One row per bin, numbers formatted.")
    divider_y: float | None = doc("Rule between the last bin in time and the first late one.")
    label_x: float = doc("Right edge of the bin labels.", default=0.0)
    bars: tuple[Bar, ...] = doc("One horizontal bar per bin, top to bottom.", factory=tuple)
    keys: tuple[Key, ...] = doc("Legend entries for the bar classes drawn.", factory=tuple)


def _c(value: float) -> float:
    """A coordinate rounded to one decimal: prints as '12.3', never '12.300000001'."""
    return round(value, 1) + 0.0  # + 0.0 turns -0.0 into 0.0


def _text_width(text: str) -> float:
    return len(text) * CHAR * FONT


def nice_scale(maximum: int, most: int = 4) -> tuple[int, int]:
    """(top, step) for an axis from 0: step is 1, 2 or 5 × 10^k, the smallest
    giving at most ``most`` steps, and top the first multiple of step ≥ maximum.
    A maximum of 0 or less gives (1, 1)."""
    maximum = max(maximum, 1)
    for power in itertools.count():
        for nice in (1, 2, 5):
            step = nice * 10**power
            if math.ceil(maximum / step) <= most:
                return math.ceil(maximum / step) * step, step
    raise AssertionError("unreachable")


def label_step(count: int, spacing: float, label_width: float) -> int:
    """Label every Nth of ``count`` evenly spaced points so that labels
    ``label_width`` wide never overlap: N is 1, 2, 3, 4, 6 or a multiple of 12."""
    needed = label_width + GAP
    steps = [*LABEL_STEPS, *range(24, max(count, 24) + 12, 12)]
    return next((s for s in steps if s * spacing >= needed), steps[-1])


def _month(text: str) -> date:
    try:
        return date.fromisoformat(f"{text}-01")
    except ValueError:
        raise ValueError(f"Month {text!r} is not a 'YYYY-MM' string.") from None


def _long(day: date, step: int = 1) -> str:
    """A period's name: 'Maret 2025', 'Kuartal 1 2025' or '2025' (step 1, 3 or 12 months)."""
    if step == 12:
        return str(day.year)
    if step == 3:
        return f"Kuartal {(day.month - 1) // 3 + 1} {day.year}"
    return format_date(day, "MMMM y", locale=LOCALE)


def _short(day: date, step: int) -> str:
    if step == 12:
        return str(day.year)
    if step == 3:
        return f"K{(day.month - 1) // 3 + 1}"
    return format_date(day, "LLL", locale=LOCALE)


PERIOD_NAMES = {1: "Bulan", 3: "Kuartal", 12: "Tahun"}


def _line_description(
    days: list[date], received: Sequence[int], resolved: Sequence[int], step: int = 1
) -> str:
    if not days:
        return "Belum ada laporan bulanan untuk digambarkan."
    totals = f"{number(sum(received))} laporan masuk dan {number(sum(resolved))} laporan selesai."
    if len(days) == 1:
        return f"Pada {_long(days[0], step)}, {totals}"
    text = f"Dari {_long(days[0], step)} sampai {_long(days[-1], step)}, {totals}"
    if sum(received):
        peak = max(range(len(days)), key=lambda i: (received[i], -i))
        text += (
            f" Laporan masuk terbanyak pada {_long(days[peak], step)} "
            f"({number(received[peak])} laporan)."
        )
    return text


def monthly_chart(
    months: Sequence[str],
    received: Sequence[int],
    resolved: Sequence[int],
    title: str,
    step: int = 1,
) -> LineChart:
    """Reports received and resolved per period as two lines, for consecutive
    'YYYY-MM' ``months``, each the first month of a period of ``step`` months (1:
    months, 3: quarters, 12: years). Resolved is dashed with square markers,
    received solid with round ones. No months gives an empty chart; one month a
    pair of markers. Raises ValueError when lengths differ or periods are not
    consecutive."""
    if not len(months) == len(received) == len(resolved):
        raise ValueError(
            f"monthly_chart needs one count per month: {len(months)} months, "
            f"{len(received)} received, {len(resolved)} resolved."
        )
    received, resolved = [int(v) for v in received], [int(v) for v in resolved]  # numpy-safe
    days = [_month(m) for m in months]
    for before, after in itertools.pairwise(days):
        if (after.year * 12 + after.month) - (before.year * 12 + before.month) != step:
            raise ValueError(f"Months must be consecutive: {before:%Y-%m} then {after:%Y-%m}.")
    width, height = LINE_SIZE
    base = {
        "title": title,
        "description": _line_description(days, received, resolved, step),
        "width": width,
        "height": height,
        "empty": not days,
        "table_headers": (PERIOD_NAMES[step], RECEIVED, RESOLVED),
        "table_rows": tuple(
            (_long(d, step), number(a), number(b))
            for d, a, b in zip(days, received, resolved, strict=True)
        ),
    }
    if not days:
        return LineChart(**base)

    top_value, y_step = nice_scale(max(*received, *resolved))
    values = range(0, top_value + 1, y_step)
    left = max(_text_width(number(v)) for v in values) + GAP + 4
    x_label = 4 * CHAR * FONT  # the wider of its two lines: a year
    right = width - x_label / 2 - 4
    top, bottom = FONT * 0.75, height - 2.3 * FONT - 16
    spacing = (right - left) / (len(days) - 1) if len(days) > 1 else right - left
    xs = [left + i * spacing for i in range(len(days))] if len(days) > 1 else [(left + right) / 2]

    def y_of(value: int) -> float:
        return _c(bottom - value / top_value * (bottom - top))

    y_ticks = tuple(Tick(_c(left - GAP), y_of(v), number(v)) for v in values)
    every = label_step(len(days), spacing, x_label)
    x_ticks, shown_year = [], None
    for i in range(0, len(days), every):
        year = days[i].year
        sublabel = str(year) if year != shown_year and step != 12 else ""
        shown_year = year
        label = _short(days[i], step)
        x_ticks.append(Tick(_c(xs[i]), _c(bottom + FONT + 10), label, sublabel))

    def series(name: str, counts: Sequence[int], css: str, dash: str, marker: str) -> Series:
        points = [(_c(x), y_of(v)) for x, v in zip(xs, counts, strict=True)]
        return Series(
            name=name,
            css_class=css,
            dash=dash,
            marker=marker,
            points=" ".join(f"{x:g},{y:g}" for x, y in points),
            markers=tuple(Marker(x, y) for x, y in points) if spacing >= MARKER_SPACING else (),
        )

    return LineChart(
        **base,
        plot_left=_c(left),
        plot_right=_c(right),
        plot_top=_c(top),
        plot_bottom=_c(bottom),
        y_ticks=y_ticks,
        x_ticks=tuple(x_ticks),
        series=(
            series(RECEIVED, received, "line-received", "", "circle"),
            series(RESOLVED, resolved, "line-resolved", "12 7", "square"),
        ),
    )


def _bar_description(
    labels: Sequence[str], counts: Sequence[int], within: Sequence[bool], note: str
) -> str:
    total = sum(counts)
    if note and note[-1] not in ".!?":
        note += "."
    if not total:
        return f"Belum ada laporan. {note}".strip()
    ok = sum(c for c, w in zip(counts, within, strict=True) if w)
    share = number(round(100 * ok / total))
    biggest = max(range(len(counts)), key=lambda i: (counts[i], -i))
    return (
        f"Dari {number(total)} laporan, {number(ok)} ({share}%) ditanggapi dalam tenggat. "
        f"Kelompok terbanyak: “{labels[biggest]}” dengan {number(counts[biggest])} laporan. "
        f"{note}"
    ).strip()


def distribution_chart(
    labels: Sequence[str], counts: Sequence[int], within: Sequence[bool], title: str, note: str
) -> BarChart:
    """A histogram as horizontal bars, one row per bin in the given order, each
    as long as its count (the largest spans the plot). Bins with ``within`` true
    get class bar-ok, the rest bar-late; a rule separates the two groups when
    the in-time bins come first. All counts 0 gives an empty chart. Raises
    ValueError when lengths differ or a label is too long to fit a phone."""
    if not len(labels) == len(counts) == len(within):
        raise ValueError(
            f"distribution_chart needs one count and flag per bin: {len(labels)} labels, "
            f"{len(counts)} counts, {len(within)} flags."
        )
    counts, within = [int(c) for c in counts], [bool(w) for w in within]  # numpy-safe
    width = LINE_SIZE[0]
    base = {
        "title": title,
        "description": _bar_description(labels, counts, within, note),
        "note": note,
        "width": width,
        "empty": not sum(counts),
        "table_headers": ("Tanggapan pertama (hari kerja)", "Laporan", "Dalam tenggat"),
        "table_rows": tuple(
            (label, number(c), "Ya" if w else "Tidak")
            for label, c, w in zip(labels, counts, within, strict=True)
        ),
        "divider_y": None,
    }
    if base["empty"]:
        return BarChart(**base, height=0)

    label_x = max(_text_width(label) for label in labels) + 4
    axis = label_x + GAP
    room = width - axis - max(_text_width(number(c)) for c in counts) - GAP
    if room < width / 3:
        long = max(labels, key=len)
        raise ValueError(f"Bin label {long!r} is too long for a phone; keep labels short.")
    most = max(counts)
    bars = tuple(
        Bar(
            label=label,
            value_label=number(count),
            css_class="bar-ok" if ok else "bar-late",
            x=_c(axis),
            y=_c(i * BAR_ROW + (BAR_ROW - BAR_THICKNESS) / 2),
            width=_c(room * count / most),
            height=BAR_THICKNESS,
            text_y=_c(i * BAR_ROW + BAR_ROW / 2),
            value_x=_c(axis + room * count / most + 8),
        )
        for i, (label, count, ok) in enumerate(zip(labels, counts, within, strict=True))
    )
    changes = [i for i in range(1, len(within)) if within[i] != within[i - 1]]
    divider = _c(changes[0] * BAR_ROW) if len(changes) == 1 and within[0] else None
    keys = [Key("Dalam tenggat", "bar-ok"), Key("Melewati tenggat", "bar-late")]
    return BarChart(
        **{**base, "divider_y": divider},
        height=round(len(labels) * BAR_ROW),
        label_x=_c(label_x),
        bars=bars,
        keys=tuple(k for k in keys if any(b.css_class == k.css_class for b in bars)),
    )
