"""No agency is graded on evidence the input does not hold (CONTRACT §1.3, issue 11).

1. The bundled sample without its responses table: it publishes, every
   response-based figure is "tidak tersedia" on every page and an empty cell in
   rapor.csv, the closing-based figures are those of the full sample, and
   ``check`` (text and JSON) and the build log warn.
2. Responses present, but a closed report has no agency answer (closed by the
   admin, or its events not exported), and one agency has no agency event at
   all: hand-computed figures.
"""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build, run_cli
from fixtures import base_tables, complaint, event, write_input
from test_opendata import EXACT, recompute, same
from test_scorecards import table as scorecard_table
from test_settings import settings_file

from generator import scorecards

UNAVAILABLE = "Tidak tersedia"
RESPONSE_COLUMNS = (
    "median_response_workdays",
    "p90_response_workdays",
    "pct_response_within_sla",
    "closed_without_response",
    "rerouted",
    "grade",
)
CLOSING_COLUMNS = (
    "received",
    "resolved",
    "open",
    "overdue",
    "median_resolution_workdays",
    "pct_resolved_within_sla",
    "rating_mean",
    "rating_count",
)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False).set_index("agency_id")


def tiles(page: BeautifulSoup, section: str) -> dict[str, tuple[str, str]]:
    """{column a tile's label links to: (value, note)} of one section's figure tiles."""
    found = {}
    for tile in page.select(f"section[aria-labelledby={section}] .figure"):
        link = tile.select_one(".figure-label a")
        key = link["href"].rsplit("#", 1)[1] if link else tile.select_one(".figure-label").text
        note = tile.select_one(".figure-note")
        found[key] = (
            tile.select_one(".figure-value").get_text(strip=True),
            note.get_text(strip=True) if note else "",
        )
    return found


# -- 1. The sample without responses ----------------------------------------


@pytest.fixture(scope="module")
def no_responses(tmp_path_factory) -> Path:
    """agencies.csv and complaints.csv of the bundled sample, and nothing else."""
    folder = tmp_path_factory.mktemp("no-responses") / "input"
    folder.mkdir()
    for name in ("agencies.csv", "complaints.csv"):
        shutil.copy(ROOT / "data" / "sample" / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def site(no_responses, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("no-responses-site") / "out"
    assert build(no_responses, output) == 0
    return output


def test_rapor_csv_has_empty_response_cells_and_the_full_samples_closing_figures(site):
    rapor = read_csv(site / "data/rapor.csv")
    assert len(rapor) == 35 and (rapor["resolved"].astype(int) > 0).sum() > 20
    for column in RESPONSE_COLUMNS:
        assert set(rapor[column]) == {""}, column  # not available: never 0, never merah
    # The full sample's figures, from the committed input with its responses.
    from generator.cli import load_settings
    from generator.pipeline import prepare
    from generator.rapor import RaporViews

    config = load_settings(ROOT / "pelicanconf.py", {"DATA": str(ROOT / "data" / "sample")})
    full = RaporViews(prepare(config), config, str, lambda a: a).csv_rows()
    full = full.astype(str).replace({"<NA>": "", "nan": ""}).set_index("agency_id")
    for column in CLOSING_COLUMNS:
        mine = rapor[column].replace("", "nan").astype(float)
        theirs = full[column].replace("", "nan").astype(float)
        assert mine.equals(theirs), column


def test_datapackage_still_validates_offline(site, monkeypatch):
    import frictionless

    def refuse(*args, **kwargs):
        raise AssertionError("network access during validation")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    report = frictionless.validate(site / "data/datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "type", "note"])
    package = json.loads((site / "data/datapackage.json").read_text("utf-8"))
    rapor = next(r for r in package["resources"] if r["name"] == "rapor")
    assert rapor["schema"]["missingValues"] == [""]


@pytest.mark.parametrize("path", ["rapor/index.html", "rapor/2025/index.html"])
def test_rapor_pages_rank_and_grade_no_one(site, path):
    page = soup(site / path)
    notice = page.select_one(".intro .notice").get_text(" ", strip=True)
    assert "tidak tersedia" in notice and "responses" in notice
    assert not page.select("section:has(#peringkat) table")  # no ranking
    assert "Peringkat tidak tersedia" in page.select_one("section:has(#peringkat)").get_text()
    rows = page.select("table.score-table tbody tr")
    assert len(rows) > 20
    for row in rows:
        cells = {td["data-label"]: td.get_text(strip=True) for td in row.select("td")}
        assert cells["Nilai"] == UNAVAILABLE
        assert cells["Tanggapan tepat waktu"] == UNAVAILABLE
        assert cells["Median tanggapan"] == UNAVAILABLE
    assert not page.select("table .grade-merah, table .grade-kuning, table .grade-hijau")
    figures = tiles(page, "angka")
    assert figures["pct_response_within_sla"][0] == UNAVAILABLE
    assert figures["median_response_workdays"][0] == UNAVAILABLE
    assert figures["pct_resolved_within_sla"][0].endswith("%")  # closing figures stay


def test_agency_page_shows_response_figures_as_not_available(site):
    page = soup(site / "instansi/dinas-pupr/index.html")
    badge = page.select_one("section:has(#rapor) .grade-line .grade")
    assert badge.get_text(strip=True) == UNAVAILABLE and "grade-none" in badge["class"]
    assert "responses" in page.select_one("section:has(#rapor) .notice").get_text()
    assert "Peringkat" not in page.select_one(".grade-line").get_text()
    figures = tiles(page, "rapor")
    for column in RESPONSE_COLUMNS[:-1]:
        value, note = figures[column]
        assert value == UNAVAILABLE and "tidak ada dalam input" in note, column
    assert figures["received"][0] == "275" and figures["pct_resolved_within_sla"][0] == "14,2%"
    assert "Lama tanggapan pertama" not in page.get_text()  # no chart of unknown times
    for row in page.select("section:has(#per-tahun) tbody tr"):
        cells = [td.get_text(strip=True) for td in row.select("td")]
        assert cells[1] == cells[2] == cells[4] == UNAVAILABLE


def test_home_page_headline_figures(site):
    page = soup(site / "index.html")
    figures = tiles(page, "angka")
    for column in ("median_response_workdays", "pct_response_within_sla"):
        value, note = figures[column]
        assert value == UNAVAILABLE and "responses" in note
    assert figures["overdue"][0] == "241"  # open past the deadline: from the reports alone
    grades = tiles(page, "rapor")
    assert list(grades.values()) == [
        (
            UNAVAILABLE,
            "Data tindak lanjut (tabel responses) tidak ada dalam input, jadi waktu "
            "tanggapan tidak bisa dihitung.",
        )
    ]


def test_map_data_and_methodology_pages_say_why(site):
    page = soup(site / "peta/index.html")
    medians = {
        row.select("td")[2].get_text(strip=True)
        for row in page.select(".area-table tr")
        if row.select("td")
    }
    assert medians == {"tidak tersedia"}
    assert "responses" in page.select_one("section:has(#per-kecamatan) .notice").get_text()
    data = soup(site / "data/index.html").select_one(".intro .notice").get_text(" ", strip=True)
    assert "tindak_lanjut.csv kosong" in data and "bukan nol" in data
    method = soup(site / "metodologi/index.html")
    section = method.select_one("section:has(#tidak-tersedia)")
    assert "tidak dianggap nol atau terlambat" in section.get_text()
    assert "responses" in section.select_one(".notice").get_text()


def test_search_offers_no_slowest_answer_sort(site):
    page = soup(site / "cari/index.html")
    assert [o["value"] for o in page.select("#urut option")] == [
        "",
        "selesai:desc",
        "selesai:asc",
    ]
    case = soup(next((site / "kasus").glob("*/index.html")))
    assert [e["data-pagefind-sort"].split(":")[0] for e in case.select("[data-pagefind-sort]")] == [
        "selesai"
    ]
    facts = {
        d.dt.get_text(strip=True): d.dd.get_text(strip=True) for d in case.select(".facts div")
    }
    assert facts["Tanggapan pertama instansi"].startswith(UNAVAILABLE)


def test_check_warns_in_text_and_json(no_responses):
    text = run_cli("check", str(no_responses))
    assert text.returncode == 0, text.stderr
    assert "Peringatan: tabel tindak lanjut (responses) tidak ada" in text.stdout
    assert "Input bersih: tidak ada masalah (1 peringatan di atas)." in text.stdout
    as_json = run_cli("check", str(no_responses), "--json")
    assert as_json.returncode == 0
    report = json.loads(as_json.stdout)
    assert report["ok"] is True and report["problems"] == []
    assert set(report) >= {"ok", "problems", "counts", "warnings"}
    assert [w["code"] for w in report["warnings"]] == ["responses_missing"]
    assert "tidak tersedia" in report["warnings"][0]["message"]


def test_build_log_warns(tmp_path):
    tables = base_tables()
    del tables["responses"]
    data = write_input(tmp_path / "input", tables)
    built = run_cli("-q", "build", "--data", str(data), "--output", str(tmp_path / "out"))
    assert built.returncode == 0, built.stderr
    assert "WARNING: tabel tindak lanjut (responses) tidak ada" in built.stderr


# -- 2. Closed without an agency answer; an agency without any agency event ---
#
# base_tables(): every report submitted Mon 3 Mar 2025 09:00, closed Mon 10 Mar 15:00
# (4, 5, 6, 7, 10 Mar = 5 working days to close), rating 4. Added:
#   LU-005 dinas-pupr, closed; only admin events (verifikasi, then selesai by the admin)
#   LU-006 dinas-pupr, closed; no event at all
#   LU-007 dinas-pupr, belum, submitted Mon 24 Feb 09:00, no event: waited to AS_OF
#          (10 Mar 15:00, the latest moment) 25-28 Feb = 4, 3-7 Mar = 5, 10 Mar = 1 -> 10 > 5
#   DK-001 dinkes, closed, no event; DK-002 dinkes, proses, submitted 24 Feb, no event
# dinas-pupr: received 6 (001 002 003 005 006 007), resolved 5, open 1, overdue 1 (007)
#   answered 001 (5 Mar = 2), 002 (4 Mar = 1), 003 (4 Mar = 1): median 1, p90 ceil(2.7) = 3rd = 2
#   due: 3 answered + 007 (open, unanswered, 10 > 5) = 4; in time 3 -> 75.0 -> kuning
#   (counting 005 and 006 as late would give 3/6 = 50.0 -> merah)
#   closed_without_response: 005, 006 = 2; resolution 5 5 5 5 5 -> 5, 5/5 = 100.0
#   ratings 4 x 5 (007 unrated) -> 4.0, 5
# dinkes: no agency event on any of its reports -> response figures and grade not
#   available; received 2, resolved 1, open 1, overdue 1 (DK-002: 10 > 5),
#   closed_without_response 1 (DK-001); resolution 5 -> 100.0 of 1 due (DK-002: 10 is not > 14)
# pkm-kotabumi: LU-004 answered 5 Mar = 2 -> 100.0, hijau (RANK_MIN_REPORTS = 1)
# Ranks: pkm-kotabumi 1 (100.0), dinas-pupr 2 (75.0); dinkes none.


def gap_tables() -> dict[str, list[dict]]:
    tables = base_tables()
    open_ = {"closed_at": "", "rating": "", "submitted_at": "2025-02-24T09:00:00"}
    tables["complaints"] += [
        complaint("LU-005", title="Ditutup admin"),
        complaint("LU-006", title="Tanpa peristiwa"),
        complaint("LU-007", status="belum", **open_),
        complaint("DK-001", agency_id="dinkes", category="Kesehatan"),
        complaint("DK-002", agency_id="dinkes", category="Kesehatan", status="proses", **open_),
    ]
    tables["responses"] += [
        event("LU-005", "2025-03-03T10:00:00", "admin", "verifikasi"),
        event("LU-005", "2025-03-10T15:00:00", "admin", "selesai", "", "Ditutup admin."),
    ]
    return tables


@pytest.fixture(scope="module")
def gap_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("gaps")
    data = write_input(folder / "input", gap_tables())
    conf = settings_file(folder, "RANK_MIN_REPORTS = 1")
    assert build(data, folder / "out", settings=str(conf)) == 0
    return folder / "out"


GAP_ROWS = {
    # received resolved open overdue median p90 pct closed_without_response median_res
    # pct_res rating_mean rating_count rerouted grade
    "dinas-pupr": "6,5,1,1,1.0,2,75.0,2,5.0,100.0,4.0,5,0,kuning",
    "dinkes": "2,1,1,1,,,,1,5.0,100.0,4.0,1,0,",
    "pkm-kotabumi": "1,0,1,0,2.0,2,100.0,0,,,,0,0,hijau",
}


def test_rapor_csv_leaves_closed_reports_without_an_answer_out(gap_site):
    rapor = read_csv(gap_site / "data/rapor.csv")
    for agency_id, expected in GAP_ROWS.items():
        row = rapor.loc[agency_id].drop("name")
        assert ",".join(row) == expected, agency_id


def test_the_files_still_recompute_the_scorecards(gap_site):
    rapor = pd.read_csv(gap_site / "data/rapor.csv").set_index("agency_id")
    for agency_id, row in recompute(gap_site).iterrows():
        for column in EXACT:
            assert same(row[column], rapor.loc[agency_id, column]), (agency_id, column)
    cases = pd.read_csv(gap_site / "data/kasus.csv", dtype=str, keep_default_na=False)
    within = dict(zip(cases["tracking_id"], cases["within_response_sla"], strict=True))
    assert (within["LU-005"], within["LU-006"], within["LU-001"]) == ("", "", "true")


def test_pages_show_the_count_and_no_grade_without_agency_events(gap_site):
    pupr = soup(gap_site / "instansi/dinas-pupr/index.html")
    assert tiles(pupr, "rapor")["closed_without_response"] == ("2", "")
    assert pupr.select_one(".grade-line .grade").get_text(strip=True) == "Kuning"
    chart = {
        r.th.get_text(strip=True): r.select("td")[0].get_text(strip=True)
        for r in pupr.select("section:has(#grafik) table tbody tr")
        if r.th
    }
    assert chart["Ditutup tanpa tanggapan"] == "2" and chart["Belum ditanggapi"] == "1"
    dinkes = soup(gap_site / "instansi/dinkes/index.html")
    assert dinkes.select_one(".grade-line .grade").get_text(strip=True) == UNAVAILABLE
    assert "tidak memuat satu pun tindak lanjut" in dinkes.select_one(".notice").get_text()
    figures = tiles(dinkes, "rapor")
    assert figures["pct_response_within_sla"][0] == UNAVAILABLE
    assert figures["closed_without_response"] == ("1", "")
    assert figures["overdue"] == ("1", "")
    rapor = soup(gap_site / "rapor/index.html")
    ranked = [
        (r.select_one("td.rank").get_text(strip=True), r.th.find(string=True))
        for r in rapor.select("section:has(#peringkat) tbody tr")
    ]
    assert ranked == [("1", "Puskesmas Kotabumi"), ("2", "Dinas PUPR")]
    missing = rapor.select("section:has(#tanpa-nilai) tbody tr")
    assert [r.th.find(string=True) for r in missing] == ["Dinkes"]
    home = tiles(soup(gap_site / "index.html"), "rapor")
    assert home[UNAVAILABLE][0] == "1" and home["Merah"][0] == "0"
    method = soup(gap_site / "metodologi/index.html").select_one("#tidak-tersedia").parent
    assert "Dinkes" in method.select_one(".notice").get_text()


def test_check_names_the_agency_and_the_closed_reports(tmp_path):
    data = write_input(tmp_path / "input", gap_tables())
    report = json.loads(run_cli("check", str(data), "--json").stdout)
    assert report["ok"] is True
    codes = [w["code"] for w in report["warnings"]]
    assert codes == ["agency_without_events", "closed_without_response"]
    assert "'dinkes'" in report["warnings"][0]["message"]
    assert "2 laporan selesai" in report["warnings"][1]["message"]
    assert "LU-005, LU-006" in report["warnings"][1]["message"]


def test_a_clean_export_has_no_warnings(tmp_path):
    data = write_input(tmp_path / "input", base_tables())
    report = json.loads(run_cli("check", str(data), "--json").stdout)
    assert report["warnings"] == []


def test_rule_on_hand_made_tables():
    from test_scorecards import case

    closed_unanswered = case(resolution=3, waited=30)  # closed, no answer: left out
    t = scorecard_table(
        [case(response=2, resolution=3, waited=30)] * 3  # in time
        + [case(response=7, resolution=9, waited=30)]  # late
        + [closed_unanswered] * 4
        + [case(waited=8)]  # open, unanswered, 8 > 5: late
        + [case(waited=3)],  # open, not yet due
    ).loc["a"]
    # due 4 answered + 1 open = 5; in time 3 -> 60.0 (with the 4 closed ones as late: 3/9 = 33.3)
    assert t["pct_response_within_sla"] == 60.0 and t["grade"] == "kuning"
    assert t["closed_without_response"] == 4
    assert t["median_response_workdays"] == 2.0  # 2 2 2 7: the closed ones are not in it
    assert t["response_missing"] == ""


def test_no_table_blanks_every_response_figure_but_keeps_the_counts():
    from test_scorecards import RULES, case

    cases = [case(response=None, resolution=3, waited=30)] * 10 + [case(waited=8)] * 2
    frame = pd.DataFrame(cases).assign(response_known=False)
    for column in ("rating", "response_workdays", "resolution_workdays", "workdays_as_of"):
        frame[column] = frame[column].astype("Int64")
    t = scorecards.scorecards(
        pd.DataFrame({"agency_id": ["a"]}), frame, RULES, responses_present=False
    ).loc["a"]
    # 10 closed in 3 working days, in time; the 2 open ones (8 is not > 14) not yet due.
    assert (t["received"], t["resolved"], t["overdue"]) == (12, 10, 2)
    assert t["pct_resolved_within_sla"] == 100.0
    for column in RESPONSE_COLUMNS[:-1]:
        assert pd.isna(t[column]), column
    assert t["grade"] == "" and t["response_missing"] == scorecards.NO_RESPONSES_TABLE


def test_map_has_no_median_layer_without_responses(no_responses, tmp_path):
    from generator.cli import load_settings
    from generator.pipeline import prepare
    from generator.views import Views

    data = tmp_path / "input"
    shutil.copytree(no_responses, data)
    shutil.copy(ROOT / "data" / "sample" / "areas.geojson", data / "areas.geojson")
    config = load_settings(ROOT / "pelicanconf.py", {"DATA": str(data)})
    maps = Views(prepare(config), config).maps
    layers = maps.area_layers()
    assert [name for name, _, _ in layers] == ["Laporan per kecamatan"]
    medians = {f["properties"]["median"] for f in layers[0][1]["features"]}
    assert medians == {"tidak tersedia"}  # the popups' "Median tanggapan: …"
    page = maps.page()
    assert page.polygons and page.legend_median == () and "responses" in page.response_note
