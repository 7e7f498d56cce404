"""Rendered pages, checked with an HTML parser rather than by string equality."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build
from fixtures import base_tables, complaint, event, write_input


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def all_files(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*") if p.is_file())


def test_case_page_shows_the_report_and_its_timeline(base_site):
    page = soup(base_site / "kasus/lu-001/index.html")
    assert page.h1.get_text(strip=True) == "Jalan rusak LU-001"
    text = page.get_text(" ", strip=True)
    for expected in (
        "LU-001",
        "Pengaduan",
        "Infrastruktur",
        "Sindang Sari, Kotabumi",
        "3 Maret 2025 pukul 09.00 WIB",
        "10 Maret 2025 pukul 15.00 WIB",
        "4 dari 5",
        "Selesai",
        "Publik",
    ):
        assert expected in text, expected
    body = page.select(".user-text p")
    assert [p.get_text() for p in body] == [
        "Jalan di dusun kami berlubang sejak tiga minggu.",
        "Mohon segera diperbaiki.",
    ]
    events = page.select("ol.timeline > li")
    # submission + verifikasi, disposisi, tanggapan, komentar, selesai
    assert len(events) == 6
    answer = events[3].get_text(" ", strip=True)
    assert "Dinas Pekerjaan Umum dan Penataan Ruang" in answer
    assert "Tim kami akan meninjau lokasi." in answer
    # 3 March (Mon) -> 5 March (Wed): 4 and 5 March are working days.
    assert "2 hari kerja sejak laporan masuk" in answer
    assert "Pelapor" in events[4].get_text()
    agency_links = {a["href"] for a in page.select("a")}
    assert "/instansi/dinas-pupr/" in agency_links


def test_dates_are_machine_readable(base_site):
    page = soup(base_site / "kasus/lu-001/index.html")
    stamps = [t["datetime"] for t in page.select("time")]
    assert "2025-03-03T09:00:00+07:00" in stamps


def test_only_published_reports_get_pages(base_site):
    cases = sorted(p.parent.name for p in (base_site / "kasus").glob("*/index.html"))
    assert cases == ["lu-001", "lu-002"]  # LU-003 is rahasia, LU-004 still open


def test_rahasia_report_is_in_no_output_file(base_site):
    for path in all_files(base_site):
        data = path.read_bytes()
        for secret in (b"LU-003", b"lu-003", b"RAHASIA-"):
            assert secret not in data, f"{secret!r} in {path}"


def test_anonim_reporter_is_only_pelapor(base_site):
    page = soup(base_site / "kasus/lu-002/index.html")
    assert "Anonim" in page.get_text()


def test_agency_page_counts_open_and_rahasia_reports(base_site):
    page = soup(base_site / "instansi/dinas-pupr/index.html")
    text = page.get_text(" ", strip=True)
    assert "3 Laporan diterima" in text  # LU-001, LU-002 and the rahasia LU-003
    listed = [a["href"] for a in page.select("main a[href^='/kasus/']")]
    assert listed[:2] == ["/kasus/lu-001/", "/kasus/lu-002/"]  # newest closed first, then ID
    child = soup(base_site / "instansi/dinkes/index.html")
    assert "/instansi/pkm-kotabumi/" in {a["href"] for a in child.select("a")}


def test_home_shows_headline_figures_and_latest_cases(base_site):
    page = soup(base_site / "index.html")
    text = page.get_text(" ", strip=True)
    assert "4 Laporan diterima" in text
    assert "2 Kasus terbit" in text
    assert {a["href"] for a in page.select("main a[href^='/kasus/']")} == {
        "/kasus/lu-001/",
        "/kasus/lu-002/",
    }


def test_hand_written_pages_use_the_theme(base_site):
    for slug in ("tentang", "metodologi"):
        page = soup(base_site / slug / "index.html")
        assert page.html["lang"] == "id"
        assert page.select_one("nav") is not None


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    tables = base_tables()
    tables["complaints"].append(
        complaint(
            "LU-666",
            title="<script>alert(1)</script>",
            category="<b>Kategori</b>",
            body="{{ 7*7 }} {% if true %}x{% endif %} <img src=x onerror=alert(2)> "
            "\"kutip\" & 'petik'",
            desa="<i>Desa</i>",
        )
    )
    tables["responses"].append(
        event(
            "LU-666",
            "2025-03-04T09:00:00",
            "instansi",
            "tanggapan",
            "dinas-pupr",
            "<a href='javascript:alert(3)'>klik</a>",
        )
    )
    data = write_input(folder / "input", tables)
    assert build(data, folder / "output") == 0
    return folder / "output"


def test_hostile_text_is_shown_literally(hostile_site):
    html = (hostile_site / "kasus/lu-666/index.html").read_text("utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert page.h1.get_text() == "<script>alert(1)</script>"
    assert "<script>alert(1)</script> (LU-666)" in page.title.get_text()
    # Only the share box's own file (js/bagikan.js), never inline code.
    scripts = page.find_all("script")
    assert [s["src"] for s in scripts] == ["/theme/js/bagikan.js"]
    assert all(not s.string for s in scripts)
    assert page.find_all("img") == []
    assert page.find_all("i") == []
    assert not [a for a in page.find_all("a") if "javascript" in a.get("href", "")]
    body = page.select_one(".user-text p").get_text()
    assert body.startswith("{{ 7*7 }} {% if true %}x{% endif %}")
    assert "49" not in body
    assert "&lt;script&gt;" in html


def test_pages_are_reproducible(tmp_path, base_site):
    data = write_input(tmp_path / "input", base_tables())
    assert build(data, tmp_path / "again") == 0
    first = {p.relative_to(base_site): p.read_bytes() for p in all_files(base_site)}
    second = {
        p.relative_to(tmp_path / "again"): p.read_bytes() for p in all_files(tmp_path / "again")
    }
    assert first == second


def test_agency_pages_paginate_newest_first(tmp_path):
    tables = base_tables()
    tables["complaints"] = [
        complaint(
            f"P-{i:03d}",
            closed_at=f"2025-04-{i + 1:02d}T10:00:00",
            submitted_at="2025-03-03T09:00:00",
        )
        for i in range(27)
    ]
    del tables["responses"]  # the optional table, absent
    data = write_input(tmp_path / "input", tables)
    assert build(data, tmp_path / "out") == 0
    first = soup(tmp_path / "out/instansi/dinas-pupr/index.html")
    second = soup(tmp_path / "out/instansi/dinas-pupr/page/2/index.html")
    first_cases = [a["href"] for a in first.select("main a[href^='/kasus/']")]
    second_cases = [a["href"] for a in second.select("main a[href^='/kasus/']")]
    assert len(first_cases) == 25 and len(second_cases) == 2
    assert first_cases[0] == "/kasus/p-026/" and second_cases[-1] == "/kasus/p-000/"
    assert "/instansi/dinas-pupr/page/2/" in {a["href"] for a in first.select("a")}
    assert "Halaman 2 dari 2" in second.get_text(" ", strip=True)


def test_rapor_page_lists_every_agency_with_grade_rules(base_site):
    page = soup(base_site / "rapor/index.html")
    assert page.h1.get_text(" ", strip=True) == "Rapor instansi Semua periode"
    current = page.select_one(".period-nav [aria-current]")
    assert current.get_text(strip=True) == "Semua periode"
    years = [a.get_text(strip=True) for a in page.select(".period-nav a")]
    assert years == ["Semua periode", "2025"]
    legend = page.select_one(".grade-legend").get_text(" ", strip=True)
    assert "paling sedikit 80% tanggapan pertama dalam 5 hari kerja" in legend
    assert "kurang dari 10 laporan" in legend
    # Three reports at most per agency: none is ranked; Dinkes has none at all.
    # The name shown (a short name's full name follows it on a second line).
    names = [a.find(string=True) for a in page.select(".score-table .agency-cell a")]
    assert names == ["Dinas PUPR", "Puskesmas Kotabumi"]
    assert len(page.select(".score-table .grade-none")) == 2
    listed = [a.get_text(strip=True) for a in page.select("section:has(#tanpa-laporan) a")]
    assert listed == ["Dinkes"]
    assert page.select_one('a[href="/data/rapor.csv"]') is not None


def test_year_page_exists_for_each_year_of_submission(base_site):
    assert (base_site / "rapor/2025/index.html").is_file()
    page = soup(base_site / "rapor/2025/index.html")
    assert page.select_one(".period-nav [aria-current]").get_text(strip=True) == "2025"


def test_rapor_csv_has_the_contract_columns_and_every_agency(base_site):
    import csv

    raw = (base_site / "data/rapor.csv").read_bytes()
    assert raw.startswith(b"agency_id,name,received,resolved,open,overdue,")
    assert b"\r\n" in raw and b"\n\n" not in raw
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines()))
    assert [r["agency_id"] for r in rows] == ["dinas-pupr", "dinkes", "pkm-kotabumi"]
    pupr = rows[0]
    # LU-001 (2 wd), LU-002 (1 wd), LU-003 rahasia (1 wd): all three count.
    assert (pupr["received"], pupr["resolved"], pupr["open"]) == ("3", "3", "0")
    assert pupr["median_response_workdays"] == "1.0"
    assert pupr["pct_response_within_sla"] == "100.0"
    assert pupr["grade"] == ""  # fewer than RANK_MIN_REPORTS
    assert rows[1]["received"] == "0" and rows[1]["median_response_workdays"] == ""


def test_agency_page_opens_with_its_scorecard_and_charts(base_site):
    page = soup(base_site / "instansi/dinas-pupr/index.html")
    tiles = {}
    for tile in page.select("section:has(#rapor) .figure"):
        label = tile.select_one(".figure-label").get_text(strip=True)
        tiles[label] = tile.select_one(".figure-value").get_text(strip=True)
    assert tiles["Laporan diterima"] == "3"
    assert tiles["Median waktu tanggapan"] == "1 hari kerja"
    assert tiles["Tanggapan tepat waktu"] == "100,0%"
    links = page.select("section:has(#rapor) .figure-label a")
    assert links[0]["href"] == "/metodologi/#received"
    charts = page.select("figure.chart svg[role=img]")
    assert len(charts) == 2
    for svg in charts:
        ids = svg["aria-labelledby"].split()
        assert all(page.find(id=i) for i in ids)
    assert page.select("figure.chart details table")


def test_methodology_is_rendered_from_the_definitions(base_site):
    from generator.scorecards import DEFINITIONS

    page = soup(base_site / "metodologi/index.html")
    for d in DEFINITIONS:
        entry = page.find(id=d.column)
        assert entry is not None, d.column
        assert d.label in entry.get_text(" ", strip=True)
    holidays = page.select_one("table.holidays").get_text(" ", strip=True)
    assert "Senin, 31 Maret 2025 Hari Raya Idul Fitri" in holidays
    assert "Cuti Bersama Hari Raya Waisak" in holidays
    examples = page.select_one(".examples").get_text(" ", strip=True)
    assert "1 hari kerja : masuk Kamis, 27 Maret 2025" in examples
    assert "Senin 31 Maret (Hari Raya Idul Fitri)" in examples


def test_deadline_setting_changes_figures_and_methodology_together(tmp_path):
    from test_settings import settings_file

    data = write_input(tmp_path / "input", base_tables())
    conf = settings_file(tmp_path, "SLA_RESPONSE_WORKDAYS = 1\nGRADE_THRESHOLDS = (90, 50)")
    assert build(data, tmp_path / "out", settings=str(conf)) == 0
    method = soup(tmp_path / "out/metodologi/index.html")
    text = method.find(id="pct_response_within_sla").get_text(" ", strip=True)
    assert "dalam 1 hari kerja" in text
    assert "paling sedikit 90%" in method.find(id="grade").get_text(" ", strip=True)
    rows = (tmp_path / "out/data/rapor.csv").read_text("utf-8").splitlines()
    # LU-001 answered after 2 working days is now late: 2 of 3 within 1 day.
    assert rows[1].split(",")[8] == "66.7"


def test_an_export_without_reports_builds_a_site_of_zeros(tmp_path):
    from fixtures import AGENCIES, write_csv

    data = tmp_path / "input"
    data.mkdir()
    write_csv(data / "agencies.csv", AGENCIES)
    write_csv(data / "complaints.csv", [], header=list(complaint("X")))
    assert build(data, tmp_path / "out") == 0
    rows = (tmp_path / "out/data/rapor.csv").read_text("utf-8").splitlines()
    # No responses table: closed_without_response and rerouted are not available (empty).
    assert rows[1] == "dinas-pupr,Dinas Pekerjaan Umum dan Penataan Ruang,0,0,0,0,,,,,,,,0,,"
    page = soup(tmp_path / "out/rapor/index.html")
    assert page.select_one(".period-nav [aria-current]").get_text(strip=True) == "Semua periode"
