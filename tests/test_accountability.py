"""Tools for accountability (issue 14, points 1 and 2): lateness is visible on every
case, agencies' late cases are listed, and figures are broken down by category and
kecamatan with the scorecards' rules.

1. Pure functions (``patterns``) on hand-made tables, checked against the scorecards.
2. A small built site: hand-computed badges, lists, links and tables.
3. The same site without a responses table: nothing is called late.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import build
from fixtures import base_tables, complaint, event, write_input
from test_scorecards import RULES, case
from test_scorecards import table as scorecard_table

from generator import charts, patterns

# -- 1. pure functions -----------------------------------------------------------


def frame(cases: list[dict], known: list[bool] | None = None) -> pd.DataFrame:
    data = pd.DataFrame(cases)
    for column in ("response_workdays", "resolution_workdays", "workdays_as_of"):
        data[column] = data[column].astype("Int64")
    data["response_known"] = known if known is not None else [True] * len(data)
    return data


def test_case_lateness_judges_each_deadline_with_the_scorecard_rules():
    data = frame(
        [
            case(response=5, resolution=14, waited=40),  # both exactly on the deadline
            case(response=8, resolution=16, waited=40),  # 3 and 2 working days late
            case(response=None, resolution=3, waited=40),  # closed, no agency answer
            case(response=None, waited=9, status="proses"),  # open, unanswered, 4 past
            case(response=None, waited=2, status="proses"),  # open, deadline not yet come
            case(response=2, resolution=4, waited=40),  # the input cannot tell (not known)
        ],
        known=[True, True, True, True, True, False],
    )
    late = patterns.case_lateness(data, RULES)
    assert late["response_state"].tolist() == [
        patterns.ON_TIME,
        patterns.LATE,
        patterns.NO_ANSWER,
        patterns.LATE,
        "",
        patterns.UNKNOWN,
    ]
    assert late["response_late"].tolist() == [0, 3, pd.NA, 4, pd.NA, pd.NA]
    assert late["resolution_state"].tolist()[:3] == [patterns.ON_TIME, patterns.LATE, "tepat"]
    assert late["resolution_late"].tolist()[:3] == [0, 2, 0]


def test_breakdown_of_one_group_equals_the_agencys_scorecard():
    cases = (
        [case(response=2, resolution=3, waited=30)] * 3
        + [case(response=7, resolution=20, waited=30)] * 2
        + [case(response=None, resolution=4, waited=30)]  # neither on time nor late
        + [case(response=None, waited=12, status="proses")]  # waiting past the deadline
        + [case(response=1, waited=3, status="proses")]
    )
    data = frame(cases)
    card = scorecard_table(cases).loc["a"]
    table = patterns.breakdown(
        data, pd.Series("Jalan", index=data.index), RULES, responses_present=True
    )
    row = table.loc["Jalan"]
    assert row["received"] == card["received"] == 8
    assert row["pct_response_within_sla"] == card["pct_response_within_sla"] == 57.1  # 4 / 7
    assert row["median_response_workdays"] == card["median_response_workdays"] == 2


def test_breakdown_orders_by_received_and_says_when_figures_do_not_exist():
    data = frame([case(response=1, resolution=2, waited=9)] * 3, known=[True, False, False])
    by = pd.Series(["B", "A", "A"], index=data.index)
    table = patterns.breakdown(data, by, RULES, responses_present=True)
    assert table.index.tolist() == ["A", "B"]  # two reports before one
    assert table.loc["A", "response_missing"] == "no_agency_events"
    assert pd.isna(table.loc["A", "pct_response_within_sla"])
    assert table.loc["B", "pct_response_within_sla"] == 100.0
    none = patterns.breakdown(data, by, RULES, responses_present=False)
    assert set(none["response_missing"]) == {"no_responses_table"}
    assert none["median_response_workdays"].isna().all()


@pytest.mark.parametrize(
    ("received", "months", "step"),
    [(360, 12, 1), (359, 12, 3), (60, 12, 3), (59, 12, 12), (0, 12, 12), (5, 0, 12)],
)
def test_trend_period_follows_the_volume(received, months, step):
    assert patterns.trend_step(received, months) == step


def test_periods_are_calendar_quarters_and_years():
    monthly = pd.DataFrame(
        {"received": [1, 2, 3, 4, 5], "resolved": [0, 1, 1, 1, 1]},
        index=range(2025 * 12 + 1, 2025 * 12 + 6),  # February to June 2025
    )
    quarters = patterns.by_period(monthly, 3)
    assert quarters.index.tolist() == [2025 * 12, 2025 * 12 + 3]
    assert quarters["received"].tolist() == [3, 12]
    assert patterns.by_period(monthly, 12)["received"].tolist() == [15]


def test_a_quarterly_chart_names_its_quarters():
    chart = charts.monthly_chart(["2025-01", "2025-04"], [3, 4], [1, 2], "per kuartal", 3)
    assert [t.label for t in chart.x_ticks] == ["K1", "K2"]
    assert chart.table_headers[0] == "Kuartal"
    assert chart.table_rows[0][0] == "Kuartal 1 2025"
    with pytest.raises(ValueError, match="consecutive"):
        charts.monthly_chart(["2025-01", "2025-02"], [1, 1], [1, 1], "x", 3)


# -- 2. a built site ---------------------------------------------------------------


def tables(with_responses: bool = True) -> dict[str, list[dict]]:
    """base_tables plus a late case, a case closed without an agency answer, and a late
    rahasia one. Working days from Monday 3 March 2025 (no holiday before the 28th):
    LU-010 answered on the 13th (8, deadline 5: 3 late), closed on the 25th (16 of 14)."""
    t = base_tables()
    t["complaints"] += [
        complaint("LU-010", title="Gorong-gorong tersumbat", closed_at="2025-03-25T15:00:00"),
        complaint("LU-011", title="Jembatan retak", kecamatan="", desa=""),
        complaint(
            "LU-012", privacy="rahasia", title="RAHASIA-TERLAMBAT", body="RAHASIA-ISI-2 rahasia"
        ),
    ]
    t["responses"] += [
        event("LU-010", "2025-03-13T09:00:00", "instansi", "tanggapan", "dinas-pupr", "Ok."),
        event("LU-011", "2025-03-03T10:00:00", "admin", "verifikasi"),
        event("LU-012", "2025-03-14T09:00:00", "instansi", "tanggapan", "dinas-pupr", "Ya."),
    ]
    if not with_responses:
        del t["responses"]
    return t


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("late")
    assert build(write_input(folder / "input", tables()), folder / "output") == 0
    return folder / "output"


@pytest.fixture(scope="module")
def bare_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("late-bare")
    data = write_input(folder / "input", tables(with_responses=False))
    assert build(data, folder / "output") == 0
    return folder / "output"


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path.strip("/") / "index.html").read_text("utf-8"), "html.parser")


def deadlines(page: BeautifulSoup) -> list[tuple[str, str, str]]:
    """(label, badge class, badge text) of each deadline in the case header."""
    found = []
    for item in page.select(".case-header .deadlines li"):
        badge = item.select_one(".badge")
        state = next(c for c in badge["class"] if c.startswith("badge-"))
        found.append((item.select_one(".deadline-label").get_text(), state, badge.get_text()))
    return found


def test_case_page_shows_days_against_each_deadline_in_words(site):
    late = soup(site, "/kasus/lu-010/")
    assert deadlines(late) == [
        ("Tanggapan pertama instansi:", "badge-terlambat", "terlambat 3 hari kerja"),
        ("Penyelesaian:", "badge-terlambat", "terlambat 2 hari kerja"),
    ]
    text = late.select_one(".deadlines").get_text(" ", strip=True)
    assert "8 hari kerja (tenggat 5 hari kerja)" in text
    assert "16 hari kerja (tenggat 14 hari kerja)" in text
    assert late.select_one('[data-pagefind-filter="ketepatan:Terlambat"]')
    on_time = soup(site, "/kasus/lu-001/")
    assert [d[2] for d in deadlines(on_time)] == ["tepat waktu", "tepat waktu"]
    assert on_time.select_one('[data-pagefind-filter="ketepatan:Tepat waktu"]')


def test_a_case_closed_without_an_agency_answer_is_neither_on_time_nor_late(site):
    page = soup(site, "/kasus/lu-011/")
    response = deadlines(page)[0]
    assert response[1:] == ("badge-tanpa", "tidak ada tanggapan instansi yang tercatat")
    assert not page.select('[data-pagefind-filter^="ketepatan"]')


def test_the_citizens_text_comes_before_the_metadata(site):
    page = soup(site, "/kasus/lu-010/")
    order = [h["id"] for h in page.select("article h2[id]")]
    assert order.index("isi") < order.index("ringkasan")


def test_case_lists_show_the_first_answer_and_its_badge(site):
    card = soup(site, "/kategori/infrastruktur/").find("a", string="Gorong-gorong tersumbat")
    line = card.find_parent("article").select_one(".case-deadline").get_text(" ", strip=True)
    assert line == "Tanggapan pertama: 8 hari kerja terlambat 3 hari kerja"


def test_late_list_holds_only_late_published_cases_slowest_first(site):
    page = soup(site, "/instansi/dinas-pupr/terlambat/")
    titles = [a.get_text() for a in page.select(".case-list .case-title a")]
    assert titles == ["Gorong-gorong tersumbat"]  # LU-012 is rahasia; LU-001/002 on time
    assert soup(site, "/instansi/dinkes/terlambat/").select_one(".empty")
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".csv", ".xml"}:
            assert "RAHASIA-TERLAMBAT" not in path.read_text("utf-8", errors="replace"), path


def test_agency_page_links_to_late_and_slowest_cases(site):
    page = soup(site, "/instansi/dinas-pupr/")
    links = {a.get_text(" ", strip=True): a["href"] for a in page.select(".late-links a")}
    late = links["1 kasus terbit yang ditanggapi terlambat, yang paling lama lebih dulu"]
    assert late == "/instansi/dinas-pupr/terlambat/"
    search = parse_qs(urlparse(links["Cari di antara kasus terlambat"]).query)
    assert search == {
        "instansi": ["Dinas Pekerjaan Umum dan Penataan Ruang"],
        "ketepatan": ["Terlambat"],
        "urut": ["tanggapan:desc"],
    }
    slowest = parse_qs(urlparse(links["Kasus dengan tanggapan pertama paling lama"]).query)
    assert slowest["urut"] == ["tanggapan:desc"] and "ketepatan" not in slowest


def test_search_page_offers_the_late_filter_and_a_clear_slowest_sort(site):
    page = soup(site, "/cari/")
    options = [o.get_text() for o in page.select("#f-ketepatan option")]
    assert options == ["Semua", "Tepat waktu", "Terlambat"]
    sorts = {o["value"]: o.get_text() for o in page.select("#urut option")}
    assert sorts["tanggapan:desc"] == "Tanggapan pertama paling lama"
    agencies = [o.get_text() for o in page.select("#f-instansi option")]
    assert "Dinas PUPR (Dinas Pekerjaan Umum dan Penataan Ruang)" in agencies


def rows(table) -> dict[str, list[str]]:
    return {
        tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in table.select("tbody tr")
    }


def test_agency_patterns_count_every_report_with_the_scorecard_rules(site):
    page = soup(site, "/instansi/dinas-pupr/")
    by_category = rows(page.select_one("#per-kategori-judul").find_parent("table"))
    # Infrastruktur: LU-001 (2 days), LU-003 rahasia (1), LU-010 (8), LU-011 (no answer:
    # left out), LU-012 rahasia (9): 2 of 4 on time, median of 1, 2, 8, 9 = 5.
    assert by_category["Infrastruktur"] == ["5", "5 hari kerja", "50,0%"]
    assert by_category["Penerangan"] == ["1", "1 hari kerja", "100,0%"]
    by_kecamatan = rows(page.select_one("#per-kecamatan-judul").find_parent("table"))
    assert list(by_kecamatan) == ["Kotabumi", "Tanpa keterangan kecamatan"]
    assert by_kecamatan["Tanpa keterangan kecamatan"] == ["1", "–", "–"]
    bars = page.select("#per-kategori-judul ~ tbody svg.mini-bar rect.bar-ok")
    assert [b["width"] for b in bars] == ["50.0", "100.0"]
    # Six reports in one month: 6 a month is 18 a quarter, under 30 a month.
    assert (
        page.select_one(".chart-period")
        .get_text()
        .startswith("Dihitung per kuartal: rata-rata 6,0 laporan per bulan.")
    )


def test_rapor_has_categories_and_a_sortable_ranking_with_an_external_script(site):
    page = soup(site, "/rapor/")
    assert "Infrastruktur" in rows(page.select_one("#per-kategori-judul").find_parent("table"))
    scripts = page.find_all("script")
    assert [s.get("src") for s in scripts] == ["/theme/js/urut-tabel.js"]
    assert all(not s.string for s in scripts)  # no inline code (CSP: 'self' only)
    assert page.select("table.score-table[data-sortable]")
    assert (site / "theme/js/urut-tabel.js").is_file()


def test_short_names_come_with_their_full_name(site):
    rapor = soup(site, "/rapor/")
    abbr = rapor.select_one(".score-table abbr")
    assert abbr.get_text() == "Dinas PUPR"
    assert abbr["title"] == "Dinas Pekerjaan Umum dan Penataan Ruang"
    assert abbr.find_next_sibling(class_="full-name").get_text() == abbr["title"]
    listing = soup(site, "/instansi/").find("abbr", string="Dinkes")
    assert listing["title"] == "Dinas Kesehatan"


# -- 3. without a responses table --------------------------------------------------


def test_without_responses_nothing_is_late_and_no_late_list_exists(bare_site):
    page = soup(bare_site, "/kasus/lu-010/")
    response, closing = deadlines(page)
    assert response[1] == "badge-tidak-tersedia"
    assert response[2].startswith("tidak tersedia")
    assert closing[2] == "terlambat 2 hari kerja"  # closing needs no responses table
    assert not page.select('[data-pagefind-filter^="ketepatan"]')
    assert not (bare_site / "instansi/dinas-pupr/terlambat").exists()
    assert not soup(bare_site, "/cari/").select("#f-ketepatan")
    agency = soup(bare_site, "/instansi/dinas-pupr/")
    assert not agency.select(".late-links")
    figures = rows(agency.select_one("#per-kategori-judul").find_parent("table"))
    assert figures["Infrastruktur"] == ["5", "Tidak tersedia", "Tidak tersedia"]
