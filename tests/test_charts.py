"""Chart geometry (generator/charts.py) and its SVG (_charts.html), checked with a parser."""

from __future__ import annotations

import itertools
import re
from dataclasses import fields
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup

from generator import charts
from generator.charts import distribution_chart, label_step, monthly_chart, nice_scale
from generator.formatting import number

THEME = Path(__file__).resolve().parent.parent / "theme" / "templates"
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(THEME), autoescape=True)
MACROS = ENV.get_template("_charts.html").module

BINS = ("0", "1", "2", "3", "4", "5", "6–10", "11–20", "> 20", "Belum ditanggapi")
WITHIN = (True,) * 6 + (False,) * 4


def months(count: int, start: int = 2023) -> list[str]:
    return [f"{start + i // 12}-{i % 12 + 1:02d}" for i in range(count)]


def three_years() -> charts.LineChart:
    received = [100 + (i * 37) % 90 for i in range(36)]
    received[14] = 480  # March 2024
    resolved = [r - 20 for r in received]
    resolved[20] = 600  # a backlog cleared in September 2024: not the peak of reports
    return monthly_chart(months(36), received, resolved, "Laporan per bulan")


def histogram(title: str = "Waktu tanggapan pertama") -> charts.BarChart:
    counts = (120, 310, 1250, 240, 90, 0, 160, 75, 30, 205)
    return distribution_chart(BINS, counts, WITHIN, title, "Tenggat: 5 hari kerja")


def svg_page(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def drawing(page: BeautifulSoup):
    """The chart's own SVG (legend keys are small SVGs too); None if absent."""
    return page.find("svg", attrs={"role": "img"})


@pytest.mark.parametrize(
    ("maximum", "top", "step"),
    [(0, 1, 1), (1, 1, 1), (7, 8, 2), (10, 10, 5), (100, 100, 50), (130, 150, 50), (925, 1000, 500),
     (12_345, 15_000, 5_000)],
)  # fmt: skip
def test_nice_scale(maximum, top, step):
    assert nice_scale(maximum) == (top, step)


@pytest.mark.parametrize("maximum", [2, 3, 9, 11, 42, 99, 101, 260, 999, 1001, 7_777, 123_456])
def test_nice_scale_covers_the_maximum_with_three_to_five_gridlines(maximum):
    top, step = nice_scale(maximum)
    assert top >= maximum
    assert top - step < maximum
    mantissa = step / 10 ** (len(str(step)) - 1)
    assert mantissa in (1, 2, 5)
    assert 3 <= top // step + 1 <= 5


def test_y_axis_runs_from_zero_to_the_nice_maximum_with_indonesian_digits():
    chart = monthly_chart(months(3), [1200, 4100, 900], [800, 3000, 1300], "Bulanan")
    assert [t.label for t in chart.y_ticks] == ["0", "2.000", "4.000", "6.000"]
    assert chart.y_ticks[0].y == chart.plot_bottom
    assert chart.y_ticks[-1].y == chart.plot_top
    # 4.100 of 6.000 is 68.3 % of the way up.
    peak_y = float(chart.series[0].points.split()[1].split(",")[1])
    share = (chart.plot_bottom - peak_y) / (chart.plot_bottom - chart.plot_top)
    assert share == pytest.approx(4100 / 6000, abs=0.005)


def test_x_labels_are_thinned_so_they_never_overlap():
    chart = three_years()
    ticks = chart.x_ticks
    assert 3 <= len(ticks) < 36
    assert ticks[0].x == chart.plot_left
    assert (ticks[0].label, ticks[0].sublabel) == ("Jan", "2023")
    widest = max(max(len(t.label), len(t.sublabel)) for t in ticks) * charts.CHAR * charts.FONT
    gaps = [b.x - a.x for a, b in itertools.pairwise(ticks)]
    assert min(gaps) >= widest
    # The year is written under the first label and wherever it changes.
    assert [t.sublabel for t in ticks if t.sublabel] == ["2023", "2024", "2025"]


def test_few_months_get_every_label_and_markers():
    chart = monthly_chart(months(5), [1, 2, 3, 4, 5], [0, 1, 2, 3, 4], "Pendek")
    assert [t.label for t in chart.x_ticks] == ["Jan", "Feb", "Mar", "Apr", "Mei"]
    assert all(len(s.markers) == 5 for s in chart.series)
    assert len(three_years().series[0].markers) == 0


def test_label_step_picks_calendar_friendly_steps():
    assert label_step(12, spacing=100, label_width=50) == 1
    assert label_step(36, spacing=15, label_width=58) == 6
    assert label_step(120, spacing=4, label_width=58) == 24


def test_description_names_the_period_totals_and_peak_month():
    chart = three_years()
    assert chart.description.startswith("Dari Januari 2023 sampai Desember 2025")
    assert "terbanyak pada Maret 2024 (480 laporan)" in chart.description
    total = number(sum(int(r[1].replace(".", "")) for r in chart.table_rows))
    assert f"{total} laporan masuk" in chart.description


def test_second_series_is_dashed_and_square():
    received, resolved = three_years().series
    assert (received.name, received.dash, received.marker) == ("Laporan masuk", "", "circle")
    assert resolved.name == "Laporan selesai"
    assert resolved.dash and resolved.marker == "square"


def test_no_month_gives_an_empty_chart_and_one_month_a_point():
    empty = monthly_chart([], [], [], "Kosong")
    assert empty.empty and not empty.series and not empty.table_rows
    html = svg_page(MACROS.line_chart(empty, "kosong"))
    assert drawing(html) is None
    assert html.select_one("p.empty").get_text() == empty.description
    single = monthly_chart(["2024-05"], [7], [3], "Satu bulan")
    assert not single.empty
    assert single.description == "Pada Mei 2024, 7 laporan masuk dan 3 laporan selesai."
    assert len(single.series[0].markers) == 1
    assert single.series[0].markers[0].x == pytest.approx(
        (single.plot_left + single.plot_right) / 2, abs=0.1
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((months(3), [1, 2], [1, 2, 3]), "3 months, 2 received"),
        ((["2024-01", "2024-03"], [1, 2], [1, 2]), "consecutive: 2024-01 then 2024-03"),
        ((["2024/01"], [1], [1]), "'2024/01' is not a 'YYYY-MM'"),
    ],
)
def test_bad_monthly_input_is_named(args, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        monthly_chart(*args, "x")


def test_bar_length_is_proportional_to_its_count():
    bars = histogram().bars
    longest = bars[2]
    assert longest.width > 0
    for bar, count in zip(bars, (120, 310, 1250, 240, 90, 0, 160, 75, 30, 205), strict=True):
        assert bar.width == pytest.approx(longest.width * count / 1250, abs=0.1)
        assert bar.height == longest.height
        assert bar.value_x > bar.x + bar.width


def test_zero_count_bar_has_no_length_and_is_not_drawn():
    chart = histogram()
    assert chart.bars[5].width == 0
    assert chart.bars[5].value_label == "0"
    html = svg_page(MACROS.bar_chart(chart, "x"))
    assert len(drawing(html).select("rect")) == 9
    assert "0" in [t.get_text() for t in drawing(html).select(".chart-value text")]


def test_bars_inside_the_deadline_differ_from_late_ones():
    chart = histogram()
    classes = [b.css_class for b in chart.bars]
    assert classes == ["bar-ok"] * 6 + ["bar-late"] * 4
    assert chart.divider_y == 6 * charts.BAR_ROW
    assert [k.name for k in chart.keys] == ["Dalam tenggat", "Melewati tenggat"]
    assert chart.table_rows[-1] == ("Belum ditanggapi", "205", "Tidak")
    assert chart.table_rows[2] == ("2", "1.250", "Ya")


def test_bar_description_gives_share_within_deadline_and_largest_bin():
    text = histogram().description
    assert "Dari 2.480 laporan, 2.010 (81%) ditanggapi dalam tenggat." in text
    assert "“2” dengan 1.250 laporan" in text
    assert text.endswith("Tenggat: 5 hari kerja.")


def test_bar_chart_with_no_reports_is_empty():
    chart = distribution_chart(BINS, [0] * 10, WITHIN, "Kosong", "Tenggat: 5 hari kerja")
    assert chart.empty and not chart.bars
    assert drawing(svg_page(MACROS.bar_chart(chart, "x"))) is None


def test_bad_bins_are_refused():
    with pytest.raises(ValueError, match="2 labels, 1 counts, 2 flags"):
        distribution_chart(["0", "1"], [1], [True, False], "x", "")
    with pytest.raises(ValueError, match="too long for a phone"):
        distribution_chart(["x" * 40], [1], [True], "x", "")


@pytest.mark.parametrize("kind", ["line", "bar"])
def test_macro_renders_a_labelled_svg_and_a_table(kind):
    chart = three_years() if kind == "line" else histogram()
    render = MACROS.line_chart if kind == "line" else MACROS.bar_chart
    page = svg_page(render(chart, "rapor"))
    figure = page.select_one("figure.chart")
    assert figure.find().name == "figcaption"  # first child, as HTML requires
    svg = figure.find("svg", recursive=False)
    assert svg is drawing(page)
    assert svg["viewbox"] == f"0 0 {chart.width} {chart.height}"
    assert svg["role"] == "img"
    assert svg["aria-labelledby"].split() == ["rapor-title", "rapor-desc"]
    assert svg.find("title", id="rapor-title").get_text() == chart.title
    assert svg.find("desc", id="rapor-desc").get_text() == chart.description
    assert figure.figcaption.select_one(".chart-title").get_text() == chart.title
    assert figure.details.summary.get_text() == "Lihat angka"
    headers = [th.get_text() for th in figure.select("thead th")]
    assert tuple(headers) == chart.table_headers
    rows = figure.select("tbody tr")
    assert len(rows) == len(chart.table_rows)
    assert tuple(c.get_text() for c in rows[0].find_all(["th", "td"])) == chart.table_rows[0]
    assert page.find("script") is None and page.find("style") is None
    assert not page.find_all(style=True)


def test_legend_is_text_with_a_drawn_key_per_series():
    page = svg_page(MACROS.line_chart(three_years(), "x"))
    items = page.select(".chart-legend li")
    assert [li.get_text() for li in items] == ["Laporan masuk", "Laporan selesai"]
    dashes = [li.select_one("line").get("stroke-dasharray") for li in items]
    assert dashes[0] is None and dashes[1]
    assert all(li.svg["aria-hidden"] == "true" for li in items)


def test_two_charts_on_one_page_have_distinct_ids():
    html = MACROS.line_chart(three_years(), "bulanan") + MACROS.bar_chart(histogram(), "tanggapan")
    ids = [tag["id"] for tag in svg_page(html).find_all(id=True)]
    assert len(ids) == len(set(ids)) == 4


def test_hostile_text_is_escaped():
    hostile = "<script>alert(1)</script>"
    line = monthly_chart(months(2), [1, 2], [1, 1], hostile)
    label = "<b>0</b>"  # bin labels must stay short enough for a phone
    bars = distribution_chart([label, "1"], [1, 2], [True, False], hostile, hostile)
    html = MACROS.line_chart(line, "a") + MACROS.bar_chart(bars, "b")
    page = svg_page(html)
    assert page.find("script") is None and page.find("b") is None
    assert "&lt;script&gt;" in html
    assert page.find("title", id="a-title").get_text() == hostile
    assert hostile in page.find("desc", id="b-desc").get_text()
    assert page.select_one(".chart-note").get_text() == hostile
    assert label in [t.get_text() for t in page.select("#b-title ~ g text")]


def test_output_is_deterministic_with_at_most_one_decimal():
    first = MACROS.line_chart(three_years(), "x") + MACROS.bar_chart(histogram(), "y")
    again = MACROS.line_chart(three_years(), "x") + MACROS.bar_chart(histogram(), "y")
    assert first == again
    coordinates = [
        value
        for tag in svg_page(first).select("svg *")
        for name, value in tag.attrs.items()
        if name in {"x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height", "points", "d"}
    ]
    assert len(coordinates) > 100
    assert not [v for v in coordinates if re.search(r"\.\d\d", v)]


def test_every_chart_field_has_help():
    kinds = (charts.LineChart, charts.BarChart, charts.Series, charts.Bar, charts.Tick, charts.Key)
    for kind in (*kinds, charts.Marker):
        for f in fields(kind):
            assert f.metadata.get("help"), f"{kind.__name__}.{f.name} has no help text"
