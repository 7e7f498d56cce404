"""The open-data files, their package, the /data/ page: a journalist can recompute."""

from __future__ import annotations

import csv
import io
import json
import socket
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import HOSTILE_TITLE, ROOT, SITEURL, build
from fixtures import base_tables, write_input
from test_settings import settings_file

from generator import opendata
from generator.rapor import rules_from
from generator.settings import SETTINGS


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def read_csv(path: Path) -> pd.DataFrame:
    """As a researcher would: every cell as text, empty cells as ''."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture
def offline(monkeypatch):
    """Validation must never fetch a remote schema or profile."""

    def refuse(*args, **kwargs):
        raise AssertionError("network access during validation")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# -- the package -------------------------------------------------------------


@pytest.mark.parametrize("site", ["base_site", "sample_site", "all_public_site"])
def test_datapackage_validates_offline_with_foreign_keys(site, request, offline):
    import frictionless

    folder = request.getfixturevalue(site) / "data"
    report = frictionless.validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "type", "note"])
    assert all(task.stats["rows"] >= 1 for task in report.tasks)


def test_datapackage_declares_keys_licence_and_the_data_date(base_site):
    package = json.loads((base_site / "data/datapackage.json").read_text("utf-8"))
    assert package["profile"] == "tabular-data-package"
    assert package["created"] == "2025-03-10T15:00:00+07:00"  # the data's date, no clock
    assert package["version"] == "2025.3.10"
    assert package["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 International",
        }
    ]
    resources = {r["name"]: r for r in package["resources"]}
    assert [r["path"] for r in package["resources"]] == [
        "kasus.csv",
        "kasus.json",
        "tindak_lanjut.csv",
        "instansi.csv",
        "rapor.csv",
        "instansi.xlsx",
        "rapor.xlsx",
    ]
    keys = {
        name: [
            (k["fields"], k["reference"]["resource"]) for k in r["schema"].get("foreignKeys", [])
        ]
        for name, r in resources.items()
    }
    assert (["agency_id"], "instansi") in keys["kasus"]
    assert (["tracking_id"], "kasus") in keys["tindak_lanjut"]
    assert (["agency_id"], "instansi") in keys["rapor"]
    assert (["parent_id"], "") in keys["instansi"]  # instansi.parent_id -> instansi
    for r in package["resources"]:
        for f in r["schema"]["fields"]:
            assert "\n\nEN: " in f["description"], (r["name"], f["name"])


def test_every_file_has_exactly_its_declared_columns(base_site):
    rules = rules_from({k: s.default for k, s in SETTINGS.items()})
    for r in opendata.resources(rules):
        path = base_site / "data" / r.path
        if r.format == "json":
            records = json.loads(path.read_text("utf-8"))
            assert all(list(rec) == list(r.columns) for rec in records)
        elif r.format == "xlsx":
            sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
            header = next(sheet.iter_rows(max_row=1, values_only=True))
            assert list(header) == list(r.columns), r.path
        else:
            header = path.read_bytes().split(b"\r\n", 1)[0].decode("utf-8")
            assert header.split(",") == list(r.columns), r.path


def test_rapor_csv_keeps_its_columns():
    from generator.scorecards import COLUMNS

    rules = rules_from({k: s.default for k, s in SETTINGS.items()})
    rapor = next(r for r in opendata.resources(rules) if r.name == "rapor")
    assert rapor.columns[0] == r"agency_id" and rapor.columns == COLUMNS


def test_csv_is_rfc4180_utf8_without_bom_crlf(base_site):
    for name in ("kasus.csv", "tindak_lanjut.csv", "instansi.csv", "rapor.csv"):
        raw = (base_site / "data" / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        assert raw.endswith(b"\r\n")
        # Every record ends in CRLF; a bare LF appears only inside a quoted cell.
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
        assert len({len(r) for r in rows}) == 1, name


# -- the rows ----------------------------------------------------------------


def test_rows_are_the_published_cases_with_the_text_the_pages_show(sample_site):
    from generator.views import paragraphs

    cases = read_csv(sample_site / "data/kasus.csv")
    pages = sorted(p.parent.name for p in (sample_site / "kasus").glob("*/index.html"))
    assert sorted(cases["tracking_id"].str.lower()) == pages
    assert cases["tracking_id"].is_unique and len(cases) == 1646
    assert set(cases["privacy"]) == {"publik", "anonim"} and set(cases["status"]) == {"selesai"}
    for row in cases.sample(40, random_state=1).itertuples():
        page = soup(sample_site / "kasus" / row.tracking_id.lower() / "index.html")
        assert row.url == f"{SITEURL}/kasus/{row.tracking_id.lower()}/"
        assert page.select_one("link[rel=canonical]")["href"] == row.url
        assert page.h1.get_text() == row.title
        shown = [p.get_text() for p in page.select("section:has(#isi) .user-text p")]
        assert shown == list(paragraphs(row.body))
        facts = {
            div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True)
            for div in page.select("dl.facts > div")
        }
        assert facts["Kategori"] == row.category
        assert [t["datetime"] for t in page.select("dl.facts time")][:2] == [
            row.submitted_at,
            row.closed_at,
        ]
    as_json = pd.DataFrame(json.loads((sample_site / "data/kasus.json").read_text("utf-8")))
    assert list(as_json["tracking_id"]) == list(cases["tracking_id"])
    assert list(as_json["body"]) == list(cases["body"])


def test_event_rows_are_each_timeline_as_shown(sample_site):
    events = read_csv(sample_site / "data/tindak_lanjut.csv")
    cases = set(read_csv(sample_site / "data/kasus.csv")["tracking_id"])
    assert set(events["tracking_id"]) <= cases
    for tracking_id in sorted(cases)[:25]:
        own = events[events["tracking_id"] == tracking_id]
        assert list(own["seq"]) == [str(i) for i in range(1, len(own) + 1)]
        page = soup(sample_site / "kasus" / tracking_id.lower() / "index.html")
        items = page.select("ol.timeline > li")[1 : len(own) + 1]  # after "Laporan masuk"
        for item, row in zip(items, own.itertuples(), strict=True):
            title = item.select_one(".event-title").get_text()
            assert title.startswith(row.actor_label)
            assert row.action_label in title
            text = item.select_one(".event-text")
            assert (text.get_text() if text else "") == row.text
            assert item.time["datetime"] == row.at


def test_confidential_and_open_reports_are_in_no_data_row(sample_site):
    raw = pd.read_csv(ROOT / "data/sample/complaints.csv", dtype=str, keep_default_na=False)
    hidden = raw[(raw["privacy"] == "rahasia") | (raw["status"] != "selesai")]
    assert len(hidden) > 100
    hidden_ids = set(hidden["tracking_id"])
    for name in ("kasus.csv", "tindak_lanjut.csv"):
        assert not hidden_ids & set(read_csv(sample_site / "data" / name)["tracking_id"]), name
    everything = b"".join(
        p.read_bytes()
        for p in sorted(sample_site.rglob("*"))
        if p.suffix in (".csv", ".json", ".xml")
    )
    for tracking_id in sorted(raw.loc[raw["privacy"] == "rahasia", "tracking_id"])[:200]:
        assert tracking_id.encode() not in everything


def test_coordinates_are_the_generalised_ones(sample_site):
    cases = read_csv(sample_site / "data/kasus.csv").set_index("tracking_id")
    raw = pd.read_csv(ROOT / "data/sample/complaints.csv", dtype=str, keep_default_na=False)
    raw = raw.set_index("tracking_id").loc[cases.index]
    located = raw["lat"] != ""
    assert located.any()
    assert (cases.loc[located, "lat"] != raw.loc[located, "lat"]).mean() > 0.9


def test_formula_like_text_is_kept_exactly_and_counted(all_public_site):
    cases = read_csv(all_public_site / "data/kasus.csv").set_index("tracking_id")
    assert cases.loc["LU-005", "title"] == HOSTILE_TITLE
    page = soup(all_public_site / "data/index.html")
    note = page.select_one("section:has(#format)").get_text(" ", strip=True)
    assert "memuat 1 sel teks seperti itu" in note


# -- recomputing the scorecards ----------------------------------------------


def half_up(num: int, den: int) -> float | None:
    return None if den == 0 else ((2 * 1000 * num + den) // (2 * den)) / 10


def recompute(folder: Path) -> pd.DataFrame:
    """Each agency's figures from kasus.csv and instansi.csv, as a journalist would."""
    cases = pd.read_csv(folder / "data/kasus.csv")
    agencies = pd.read_csv(folder / "data/instansi.csv").set_index("agency_id")
    rows = {}
    for agency_id, a in agencies.iterrows():
        own = cases[cases["agency_id"] == agency_id]
        response_due = own["within_response_sla"].notna().sum() + a["unpublished_response_due"]
        in_time = (own["within_response_sla"] == True).sum() + a["unpublished_response_in_time"]  # noqa: E712
        closed_in_time = (own["within_resolution_sla"] == True).sum()  # noqa: E712
        rows[agency_id] = {
            "received": a["published"] + a["unpublished"],
            "resolved": a["published"] + a["unpublished_resolved"],
            "open": a["unpublished"] - a["unpublished_resolved"],
            "pct_response_within_sla": half_up(in_time, response_due),
            "pct_resolved_within_sla": half_up(
                closed_in_time + a["unpublished_resolution_in_time"],
                len(own) + a["unpublished_resolution_due"],
            ),
            "median_response_workdays": own["response_workdays"].median(),
            "median_resolution_workdays": own["resolution_workdays"].median(),
            "rating_count": own["rating"].notna().sum(),
            "rerouted": (own["rerouted"] == True).sum(),  # noqa: E712
            "unpublished": a["unpublished"],
        }
    return pd.DataFrame.from_dict(rows, orient="index")


EXACT = ("received", "resolved", "open", "pct_response_within_sla", "pct_resolved_within_sla")
PUBLISHED_ONLY = (
    "median_response_workdays",
    "median_resolution_workdays",
    "rating_count",
    "rerouted",
)


def same(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or float(a) == float(b)


@pytest.mark.parametrize("site", ["base_site", "sample_site", "all_public_site"])
def test_scorecards_recompute_from_the_files(site, request):
    folder = request.getfixturevalue(site)
    rapor = pd.read_csv(folder / "data/rapor.csv").set_index("agency_id")
    mine = recompute(folder)
    assert list(mine.index) == list(rapor.index)
    for agency_id, row in mine.iterrows():
        for column in EXACT:
            assert same(row[column], rapor.loc[agency_id, column]), (agency_id, column)
        if row["unpublished"] == 0:  # every report published: the files alone must agree
            for column in PUBLISHED_ONLY:
                assert same(row[column], rapor.loc[agency_id, column]), (agency_id, column)


def test_an_all_published_agency_recomputes_from_kasus_csv_alone(all_public_site):
    mine = recompute(all_public_site).loc["dinas-pupr"]
    rapor = pd.read_csv(all_public_site / "data/rapor.csv").set_index("agency_id")
    assert mine["unpublished"] == 0 and rapor.loc["dinas-pupr", "received"] == 4
    assert mine["median_response_workdays"] == rapor.loc["dinas-pupr", "median_response_workdays"]


def test_every_scorecard_figure_says_how_to_recompute_it():
    from generator.scorecards import FIGURES

    assert set(opendata.RECOMPUTE) == set(FIGURES)


# -- the /data/ page ---------------------------------------------------------


def test_data_page_lists_the_files_dictionary_licence_and_citation(sample_site):
    page = soup(sample_site / "data/index.html")
    links = {a["href"] for a in page.select("#konten a[download]")}
    assert links == {
        f"{SITEURL}/data/{name}"
        for name in (
            "kasus.csv",
            "kasus.json",
            "tindak_lanjut.csv",
            "instansi.csv",
            "rapor.csv",
            "instansi.xlsx",
            "rapor.xlsx",
            "datapackage.json",
        )
    }
    rules = rules_from({k: s.default for k, s in SETTINGS.items()})
    dictionary = page.select(".data-file")
    assert len(dictionary) == 7
    for section, resource in zip(dictionary, opendata.resources(rules), strict=True):
        assert resource.path in section.h3.get_text()
        names = [dt.code.get_text() for dt in section.select("dl.definitions dt")]
        if resource.same_as:  # the same columns as its CSV, listed once
            assert names == [] and f"sama dengan {resource.same_as}" in section.get_text()
        else:
            assert names == list(resource.columns)
    rapor = dictionary[4].get_text(" ", strip=True)
    assert "dalam 5 hari kerja" in rapor  # the site's deadline filled in
    licence = page.select_one("a[rel=license]")
    assert licence["href"] == "https://creativecommons.org/licenses/by/4.0/"
    citation = page.select_one(".citation").get_text(" ", strip=True)
    for part in ("Jendela Aduan", "Kabupaten Lampung Utara", f"{SITEURL}/data/", "31 Oktober 2026"):
        assert part in citation
    assert page.select_one(".intro time")["datetime"].startswith("2026-10-31")
    sizes = page.select(".downloads .file-facts")
    assert "1.646 baris" in sizes[0].get_text()
    recompute_rows = page.select("dl.recompute > div")
    assert len(recompute_rows) == len(opendata.RECOMPUTE)
    assert "Data" in [a.get_text() for a in page.select("nav.site-nav a")]
    assert page.select_one(".site-nav [aria-current]").get_text() == "Data"
    assert f"{SITEURL}/data/" in {a["href"] for a in page.select("footer a")}


def test_licence_setting_reaches_page_and_package(tmp_path):
    data = write_input(tmp_path / "input", base_tables())
    licence = {
        "spdx": "CC0-1.0",
        "name": "CC0 1.0",
        "url": "https://creativecommons.org/publicdomain/zero/1.0/",
    }
    conf = settings_file(tmp_path, f"DATA_LICENSE = {licence!r}")
    assert build(data, tmp_path / "out", settings=str(conf)) == 0
    package = json.loads((tmp_path / "out/data/datapackage.json").read_text("utf-8"))
    assert package["licenses"][0]["name"] == "CC0-1.0"
    page = soup(tmp_path / "out/data/index.html")
    assert page.select_one("a[rel=license]").get_text() == "CC0 1.0"


@pytest.mark.parametrize(
    "line, message",
    [
        ("DATA_LICENSE = 'CC-BY-4.0'", "Expected dict"),
        ("DATA_LICENSE = {'spdx': 'CC-BY-4.0'}", "keys 'spdx', 'name' and 'url'"),
        ("FEED_MAX_ITEMS = 0", "at least 1"),
    ],
)
def test_bad_open_data_settings_are_refused(tmp_path, line, message):
    from generator.cli import load_settings
    from generator.errors import ConfigError

    with pytest.raises(ConfigError, match=message):
        load_settings(settings_file(tmp_path, line))


# -- Excel files -----------------------------------------------------------------


def xlsx_rows(path: Path) -> list[list]:
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("name", ["instansi", "rapor"])
def test_xlsx_holds_the_csv_rows_as_typed_cells(sample_site, name):
    data = sample_site / "data"
    csv_rows = read_csv(data / f"{name}.csv")
    rows = xlsx_rows(data / f"{name}.xlsx")
    assert rows[0] == list(csv_rows.columns)
    assert len(rows) - 1 == len(csv_rows)
    for cells, (_, expected) in zip(rows[1:], csv_rows.iterrows(), strict=True):
        for cell, text in zip(cells, expected, strict=True):
            if text == "":
                assert cell in (None, ""), (name, expected["agency_id"])
            elif isinstance(cell, bool):
                assert text == str(cell).lower()
            elif isinstance(cell, (int, float)):
                assert float(text) == pytest.approx(cell)
            else:
                assert cell == text


def test_xlsx_keeps_accented_and_formula_like_text(tmp_path):
    from generator import spreadsheets

    fields = (
        opendata.Field("name", "string", "", ""),
        opendata.Field("count", "integer", "", ""),
        opendata.Field("late", "boolean", "", ""),
    )
    table = pd.DataFrame(
        {
            "name": ["Pengaduan tentang jalan—rusak", "Kelurahan Kotabumi Ilir", "=1+1", None],
            "count": [1, None, 3, 4],
            "late": [True, False, None, True],
        }
    )
    path = tmp_path / "x.xlsx"
    path.write_bytes(spreadsheets.workbook_bytes(table, fields, "uji", None))
    book = openpyxl.load_workbook(path)
    sheet = book["uji"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["name", "count", "late"],
        ["Pengaduan tentang jalan—rusak", 1, True],
        ["Kelurahan Kotabumi Ilir", None, False],
        ["=1+1", 3, None],
        [None, 4, True],
    ]
    assert sheet["A4"].data_type == "s"  # text, not a formula Excel would run


def test_xlsx_is_the_same_bytes_in_every_build(base_site, tmp_path):
    import zipfile

    data = write_input(tmp_path / "input", base_tables())
    assert build(data, tmp_path / "again") == 0
    for name in ("instansi.xlsx", "rapor.xlsx"):
        first = (base_site / "data" / name).read_bytes()
        assert first == (tmp_path / "again" / "data" / name).read_bytes(), name
        with zipfile.ZipFile(base_site / "data" / name) as archive:
            # Dated by the data (10 March 2025, 08:00 UTC), never by the clock.
            assert {i.date_time for i in archive.infolist()} == {(2025, 3, 10, 8, 0, 0)}
            core = archive.read("docProps/core.xml").decode()
        assert core.count("2025-03-10T08:00:00Z") == 2  # created and modified
