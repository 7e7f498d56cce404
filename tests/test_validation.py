"""Bad input (CONTRACT §1, §1.4, §1.6): every problem at once, located as a spreadsheet shows it.

Each kind of bad input is one small fixture built in code from ``fixtures.base_tables()``;
each test names the exact file, row and column it expects, so a problem that goes missing,
moves to another row, or comes with an unexpected companion fails the test.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import logging
import re
from pathlib import Path

import conftest
import pytest
from fixtures import base_tables, complaint, event, write_input
from openpyxl import Workbook

from generator import settings as project_settings
from generator.errors import InputError, PrivacyError
from generator.pipeline import Report, inspect, prepare
from generator.privacy import identifying_column

ROOT = Path(__file__).resolve().parent.parent

# Base input rows as a spreadsheet shows them: complaints LU-001..LU-004 are rows 2..5,
# the eight responses rows 2..9, the three agencies rows 2..4. Tests add LU-005 at row 6.
NEW_ROW = 6
NEW_RESPONSE_ROW = 10


def settings(**overrides) -> dict:
    return project_settings.validate({"TIMEZONE": "Asia/Jakarta", **overrides})


def check(folder: Path) -> Report:
    return inspect(folder, settings())


def located(report: Report) -> list[tuple[str, int, str]]:
    return sorted((p.file, p.row, p.column) for p in report.problems)


def with_complaint(**fields) -> dict[str, list[dict]]:
    """The base input plus one report LU-005 (complaints.csv row 6) with ``fields``."""
    tables = base_tables()
    tables["complaints"].append(complaint("LU-005", **fields))
    return tables


def with_event(*args, **kwargs) -> dict[str, list[dict]]:
    """The base input plus one response (responses.csv row 10)."""
    tables = base_tables()
    tables["responses"].append(event(*args, **kwargs))
    return tables


def csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def as_rows(records: list[dict]) -> list[list[str]]:
    return [list(record.values()) for record in records]


def only(report: Report):
    assert len(report.problems) == 1, [str(p) for p in report.problems]
    return report.problems[0]


def test_base_input_is_clean(tmp_path):
    report = check(write_input(tmp_path, base_tables()))
    assert report.problems == []
    assert report.ok


# --- Tables and columns -------------------------------------------------------------------


def test_missing_required_tables_are_all_reported(tmp_path):
    tables = base_tables()
    write_input(tmp_path, {"responses": tables["responses"]})
    report = check(tmp_path)
    assert located(report) == [("agencies.csv", 0, ""), ("complaints.csv", 0, "")]
    assert all(p.fatal for p in report.problems)
    assert "'agencies'" in sorted(report.problems)[0].message


def test_optional_responses_table_may_be_absent(tmp_path):
    tables = base_tables()
    del tables["responses"]
    report = check(write_input(tmp_path, tables))
    assert report.ok
    assert report.counts["responses"]["total"] == 0


def test_table_present_twice_is_reported_naming_both_files(tmp_path):
    tables = base_tables()
    write_input(tmp_path, tables)
    write_input(tmp_path, {"complaints": tables["complaints"]}, fmt="json")
    problem = only(check(tmp_path))
    assert (problem.file, problem.row, problem.column) == ("complaints.json", 0, "")
    assert "complaints.csv" in problem.message and "complaints.json" in problem.message
    assert problem.fatal


def test_every_missing_required_column_is_reported_at_once(tmp_path):
    tables = base_tables()
    for row in tables["complaints"]:
        del row["title"], row["category"]
    for row in tables["agencies"]:
        del row["name"]
    report = check(write_input(tmp_path, tables))
    assert located(report) == [
        ("agencies.csv", 1, "name"),
        ("complaints.csv", 1, "category"),
        ("complaints.csv", 1, "title"),
    ]
    assert all(p.fatal and "kolom wajib" in p.message for p in report.problems)


def test_duplicate_header_is_reported(tmp_path):
    tables = base_tables()
    write_input(tmp_path, tables)
    header = [*tables["complaints"][0], "Status"]
    rows = [[*row.values(), row["status"]] for row in tables["complaints"]]
    (tmp_path / "complaints.csv").write_text(csv_text([header, *rows]), "utf-8")
    problem = only(check(tmp_path))
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", 1, "status")
    assert "ganda" in problem.message
    assert problem.fatal


def test_unknown_column_is_a_warning_only(tmp_path, caplog):
    tables = base_tables()
    for row in tables["complaints"]:
        row["catatan_internal"] = "cek ulang"
    with caplog.at_level(logging.WARNING, logger="generator"):
        report = check(write_input(tmp_path, tables))
    assert report.ok
    assert report.counts["complaints"]["published"] == 2
    assert any(
        "catatan_internal" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING
    )


@pytest.mark.parametrize("table", ["complaints", "responses"])
@pytest.mark.parametrize(
    "header",
    [
        "Nama Pelapor",
        "NIK",
        "no_hp",
        "email",
        "alamat",
        "No. Telp",
        "e-mail",
        "nomor_kk",
        "pelapor",
        "Nama Lengkap",
        "full_name",
    ],
)
def test_identifying_column_refuses_the_whole_input(tmp_path, table, header):
    tables = base_tables()
    for row in tables[table]:
        row[header] = "x"
    folder = write_input(tmp_path, tables)
    problem = only(check(folder))
    assert (problem.file, problem.row, problem.column) == (f"{table}.csv", 1, header)
    assert problem.fatal
    # Not even SKIP_INVALID publishes the rest.
    with pytest.raises(InputError) as refused:
        prepare(settings(DATA=str(folder), SKIP_INVALID=True))
    assert problem in refused.value.problems


@pytest.mark.parametrize(
    "header",
    ["teknik", "catatan", "nama_instansi", "kode_pos", "Keterangan Teknis", "dokumen_lengkap"],
)
def test_harmless_extra_column_is_not_identifying(tmp_path, header):
    tables = base_tables()
    for row in tables["complaints"]:
        row[header] = "x"
    assert not identifying_column(header)
    assert check(write_input(tmp_path, tables)).ok


# --- One cell at a time ---------------------------------------------------------------------

BAD_CELLS = [
    # fields of LU-005, column, message fragment, hint fragment
    pytest.param({"title": ""}, "title", "wajib diisi", None, id="empty-title"),
    pytest.param({"body": ""}, "body", "wajib diisi", None, id="empty-body"),
    pytest.param({"category": ""}, "category", "wajib diisi", None, id="empty-category"),
    pytest.param({"submitted_at": ""}, "submitted_at", "wajib diisi", None, id="empty-submitted"),
    pytest.param({"type": ""}, "type", "wajib diisi", None, id="empty-type"),
    pytest.param(
        {"status": "selesia"}, "status", "(maksudnya 'selesai'?)", None, id="enum-typo-suggests"
    ),
    pytest.param(
        {"privacy": "pubilk"}, "privacy", "(maksudnya 'publik'?)", None, id="privacy-typo-suggests"
    ),
    pytest.param(
        {"channel": "telegram"}, "channel", "pilihan: web, android", None, id="enum-unknown"
    ),
    pytest.param(
        {"title": "x" * 201}, "title", "201 karakter (paling banyak 200)", None, id="title-too-long"
    ),
    pytest.param(
        {"submitted_at": "3 Maret 2025 09.00"},
        "submitted_at",
        "'3 Maret 2025 09.00' bukan tanggal yang dikenali",
        "tulis seperti 31/12/2024 08.30",
        id="bad-datetime",
    ),
    pytest.param(
        {"closed_at": "2025-02-30T10:00:00"},
        "closed_at",
        "tanggal '2025-02-30T10:00:00' tidak ada di kalender",
        None,
        id="impossible-iso-date",
    ),
    pytest.param(
        {"closed_at": "31/02/2025 10.00"},
        "closed_at",
        "tanggal '31/02/2025 10.00' tidak ada di kalender",
        "hari/bulan/tahun",
        id="impossible-day-first-date",
    ),
    pytest.param(
        {"submitted_at": "13/13/2025"},
        "submitted_at",
        "tanggal '13/13/2025' tidak ada di kalender",
        None,
        id="month-13",
    ),
    pytest.param(
        {"submitted_at": "03/13/2025 09:00"},
        "submitted_at",
        "tanggal '03/13/2025 09:00' tidak ada di kalender",
        'INPUT_DATE_ORDER = "mdy"',
        id="month-first-is-not-guessed",
    ),
    pytest.param(
        {"submitted_at": "03/03/25 09.00"},
        "submitted_at",
        "harus ditulis empat angka",
        None,
        id="two-digit-year",
    ),
    pytest.param(
        {"submitted_at": "03/03/2025 24.10"},
        "submitted_at",
        "jam pada '03/03/2025 24.10' tidak ada",
        None,
        id="impossible-time",
    ),
    pytest.param(
        {"closed_at": "2025-03-01T10:00:00"},
        "closed_at",
        "lebih awal dari submitted_at",
        None,
        id="closed-before-submitted",
    ),
    pytest.param(
        {"closed_at": ""},
        "closed_at",
        "wajib diisi jika status = selesai",
        None,
        id="selesai-without-closed",
    ),
    pytest.param(
        {"status": "proses"}, "closed_at", "status belum selesai", None, id="closed-while-proses"
    ),
    pytest.param({"lon": ""}, "lon", "keduanya", None, id="lat-without-lon"),
    pytest.param({"lat": ""}, "lat", "keduanya", None, id="lon-without-lat"),
    pytest.param({"lat": "12.5"}, "lat", "di luar batas peta", "MAP_BOUNDS", id="lat-outside"),
    pytest.param({"lon": "150.2"}, "lon", "di luar batas peta", "MAP_BOUNDS", id="lon-outside"),
    pytest.param({"lat": "-4,8312"}, "lat", "bukan angka", "titik", id="decimal-comma"),
    pytest.param({"rating": "0"}, "rating", "harus 1 sampai 5", None, id="rating-0"),
    pytest.param({"rating": "6"}, "rating", "harus 1 sampai 5", None, id="rating-6"),
    pytest.param({"rating": "4.5"}, "rating", "bukan bilangan bulat", None, id="rating-4.5"),
    pytest.param({"rating": "empat"}, "rating", "bukan angka", None, id="rating-word"),
    pytest.param(
        {"area_code": "1803"}, "area_code", "bukan kode wilayah", "18.03.01", id="area-code-short"
    ),
    pytest.param(
        {"area_code": "18-03-02"}, "area_code", "bukan kode wilayah", None, id="area-code-dashes"
    ),
    pytest.param(
        {"agency_id": "dinas-xyz"},
        "agency_id",
        "tidak ada di tabel agencies",
        "tambahkan",
        id="unknown-agency",
    ),
]


@pytest.mark.parametrize("fields, column, message, hint", BAD_CELLS)
def test_bad_cell_is_reported_at_its_row_and_column(tmp_path, fields, column, message, hint):
    report = check(write_input(tmp_path, with_complaint(**fields)))
    problem = only(report)
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", NEW_ROW, column)
    assert problem.tracking_id == "LU-005"
    assert message in problem.message
    if hint:
        assert hint in problem.hint
    assert report.counts["complaints"]["rejected"] == 1


def test_bad_tracking_id_is_reported_without_a_tracking_id(tmp_path):
    tables = base_tables()
    tables["complaints"].append(complaint("LU 005"))
    problem = only(check(write_input(tmp_path, tables)))
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", NEW_ROW, "tracking_id")
    assert "'LU 005' bukan kode yang sah" in problem.message
    assert problem.tracking_id is None


@pytest.mark.parametrize("duplicate, case_note", [("LU-002", False), ("lu-002", True)])
def test_duplicate_tracking_id_names_the_first_row(tmp_path, duplicate, case_note):
    tables = base_tables()
    tables["complaints"].append(complaint(duplicate, title="Laporan ganda"))
    report = check(write_input(tmp_path, tables))
    problem = only(report)
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", NEW_ROW, "tracking_id")
    assert "sudah dipakai di baris 3" in problem.message
    assert ("huruf besar/kecil" in problem.message) is case_note
    assert report.counts["complaints"] == {
        "total": 5,
        "published": 2,
        "counted_only": 2,
        "rejected": 1,
    }


def test_swapped_coordinates_are_named_and_only_where_swapped(tmp_path):
    tables = with_complaint(lat="104.8841", lon="-4.8312")
    tables["complaints"].append(complaint("LU-006", lat="50.1"))
    report = check(write_input(tmp_path, tables))
    assert located(report) == [
        ("complaints.csv", 6, "lat"),
        ("complaints.csv", 6, "lon"),
        ("complaints.csv", 7, "lat"),
    ]
    hints = {(p.row, p.column): p.hint for p in report.problems}
    assert "tertukar" in hints[6, "lat"]
    # LU-006 is simply outside the map, not swapped.
    assert "MAP_BOUNDS" in hints[7, "lat"]


def test_map_bounds_come_from_the_settings(tmp_path):
    folder = write_input(tmp_path, base_tables())
    report = inspect(folder, settings(MAP_BOUNDS=(-6.0, -5.0, 104.0, 106.0)))
    # Every base report lies at lat -4.8312, north of this narrower map.
    assert located(report) == [("complaints.csv", row, "lat") for row in range(2, 6)]


ACCEPTED = [
    pytest.param(
        {"privacy": "Publik", "status": "SELESAI", "type": "Pengaduan", "channel": "Media_Sosial"},
        id="enums-any-case",
    ),
    pytest.param({"title": "x" * 200}, id="title-200-chars"),
    pytest.param({"submitted_at": "2025-03-03 09:00"}, id="datetime-with-space"),
    pytest.param({"submitted_at": "2025-03-03T02:00:00Z"}, id="datetime-utc"),
    pytest.param({"rating": "1"}, id="rating-1"),
    pytest.param({"rating": "5"}, id="rating-5"),
    pytest.param({"rating": ""}, id="rating-empty"),
    pytest.param({"lat": "", "lon": ""}, id="no-coordinates"),
    pytest.param({"lat": "6.5", "lon": "94"}, id="coordinates-on-the-bounds"),
    pytest.param({"area_code": "18.03.02.2001"}, id="area-code-village"),
    pytest.param({"channel": ""}, id="optional-enum-empty"),
]


@pytest.mark.parametrize("fields", ACCEPTED)
def test_valid_cells_are_accepted(tmp_path, fields):
    report = check(write_input(tmp_path, with_complaint(**fields)))
    assert report.problems == []
    typed = report.validated.complaints.set_index("tracking_id").loc["LU-005"]
    assert typed["privacy"] == "publik" and typed["status"] == "selesai"


def test_enum_values_are_typed_lower_case(tmp_path):
    report = check(write_input(tmp_path, with_complaint(privacy="Publik", channel="Media_Sosial")))
    typed = report.validated.complaints.set_index("tracking_id").loc["LU-005"]
    assert (typed["privacy"], typed["channel"]) == ("publik", "media_sosial")
    assert report.counts["complaints"]["published"] == 3


# --- Across tables ----------------------------------------------------------------------------

BAD_EVENTS = [
    pytest.param(
        ("LU-999", "2025-03-05T09:00:00", "admin", "verifikasi"),
        "tracking_id",
        "tidak ada di tabel complaints",
        id="unknown-report",
    ),
    pytest.param(
        ("LU-002", "2025-03-01T09:00:00", "admin", "verifikasi"),
        "at",
        "lebih awal dari waktu laporan masuk",
        id="before-submission",
    ),
    pytest.param(
        ("LU-002", "2025-03-05T09:00:00", "instansi", "tanggapan", ""),
        "agency_id",
        "wajib diisi jika actor = instansi",
        id="instansi-without-agency",
    ),
    pytest.param(
        ("LU-002", "2025-03-05T09:00:00", "admin", "disposisi", ""),
        "agency_id",
        "action = disposisi",
        id="disposisi-without-agency",
    ),
    pytest.param(
        ("LU-002", "2025-03-05T09:00:00", "admin", "disposisi", "dinas-xyz"),
        "agency_id",
        "tidak ada di tabel agencies",
        id="unknown-agency",
    ),
    pytest.param(
        ("LU-002", "2025-03-05T09:00:00", "dinas", "tanggapan", "dinas-pupr"),
        "actor",
        "tidak dikenal",
        id="bad-actor",
    ),
]


@pytest.mark.parametrize("args, column, message", BAD_EVENTS)
def test_bad_response_is_reported_at_its_row(tmp_path, args, column, message):
    problem = only(check(write_input(tmp_path, with_event(*args))))
    assert (problem.file, problem.row, problem.column) == (
        "responses.csv",
        NEW_RESPONSE_ROW,
        column,
    )
    assert problem.tracking_id == args[0]
    assert message in problem.message


def test_unknown_parent_agency(tmp_path):
    tables = base_tables()
    tables["agencies"].append(
        {
            "agency_id": "pkm-baru",
            "name": "Puskesmas Baru",
            "short_name": "",
            "kind": "opd",
            "parent_id": "dinkes-lama",
        }
    )
    problem = only(check(write_input(tmp_path, tables)))
    assert (problem.file, problem.row, problem.column) == ("agencies.csv", 5, "parent_id")
    assert "'dinkes-lama'" in problem.message
    assert problem.tracking_id is None


def test_parent_cycle_names_every_agency_in_it(tmp_path):
    tables = base_tables()
    tables["agencies"][1]["parent_id"] = "pkm-kotabumi"  # dinkes <-> pkm-kotabumi
    report = check(write_input(tmp_path, tables))
    assert located(report) == [("agencies.csv", 3, "parent_id"), ("agencies.csv", 4, "parent_id")]
    assert all("berputar" in p.message for p in report.problems)


def test_agency_that_is_its_own_parent(tmp_path):
    tables = base_tables()
    tables["agencies"][0]["parent_id"] = "dinas-pupr"
    problem = only(check(write_input(tmp_path, tables)))
    assert (problem.file, problem.row, problem.column) == ("agencies.csv", 2, "parent_id")


def test_every_problem_in_every_table_is_reported_at_once(tmp_path):
    tables = base_tables()
    tables["complaints"][1]["rating"] = "9"  # row 3
    tables["complaints"][3]["status"] = "selesia"  # row 5
    tables["complaints"].append(complaint("LU-005", agency_id="dinas-xyz", lat="-4,8"))  # row 6
    tables["responses"][2]["agency_id"] = ""  # row 4: instansi without agency
    tables["responses"].append(event("LU-999", "2025-03-05T09:00:00", "admin", "komentar"))
    tables["agencies"][2]["parent_id"] = "dinkes-lama"  # row 4
    report = check(write_input(tmp_path, tables))
    assert located(report) == [
        ("agencies.csv", 4, "parent_id"),
        ("complaints.csv", 3, "rating"),
        ("complaints.csv", 5, "status"),
        ("complaints.csv", 6, "agency_id"),
        ("complaints.csv", 6, "lat"),
        ("responses.csv", 4, "agency_id"),
        ("responses.csv", 10, "tracking_id"),
    ]


# --- Row numbers as a spreadsheet shows them ------------------------------------------------


def test_row_counts_records_not_lines_after_a_multiline_cell(tmp_path):
    tables = base_tables()
    tables["complaints"][2]["rating"] = "9"  # LU-003, the third record
    folder = write_input(tmp_path, tables)
    lines = (folder / "complaints.csv").read_text("utf-8").splitlines()
    # Every body holds line breaks: LU-003 starts on physical line 8, not 4.
    assert [n for n, line in enumerate(lines, start=1) if line.startswith("LU-003")] == [8]
    problem = only(check(folder))
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", 4, "rating")
    assert str(problem).startswith("complaints.csv:4: rating: ")


def test_unclosed_quote_names_the_record_where_it_opens(tmp_path):
    folder = write_input(tmp_path, base_tables())
    path = folder / "complaints.csv"
    # LU-003 (row 4) opens a quote it never closes; the parser gives up lines later.
    path.write_text(path.read_text("utf-8").replace(",RAHASIA-JUDUL", ',"RAHASIA-JUDUL'), "utf-8")
    problem = only(check(folder))
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", 4, "")
    assert problem.fatal and "kutip" in problem.hint


@pytest.mark.parametrize("blank", ["\n", ",,,,,,,,,,,,,,,,\n"])
def test_blank_line_is_an_empty_spreadsheet_row(tmp_path, blank):
    tables = base_tables()
    tables["complaints"][2]["rating"] = "9"
    folder = write_input(tmp_path, tables)
    rows = [list(tables["complaints"][0]), *as_rows(tables["complaints"])]
    # A spreadsheet opens the blank line as row 3, so LU-003 moves from row 4 to row 5.
    text = csv_text(rows[:2]) + blank + csv_text(rows[2:])
    (folder / "complaints.csv").write_text(text, "utf-8")
    report = check(folder)
    assert located(report) == [("complaints.csv", 5, "rating")]
    assert report.counts["complaints"]["total"] == 4  # the blank row is no record


@pytest.mark.parametrize("position, row", [(0, 2), (2, 4), (3, 5)])
def test_json_row_is_object_position_plus_one(tmp_path, position, row):
    tables = base_tables()
    tables["complaints"][position]["rating"] = "9"
    write_input(tmp_path, {"agencies": tables["agencies"], "responses": tables["responses"]})
    write_input(tmp_path, {"complaints": tables["complaints"]}, fmt="json")
    problem = only(check(tmp_path))
    assert (problem.file, problem.row, problem.column) == ("complaints.json", row, "rating")


def write_xlsx(path: Path, records: list[dict], blank_rows: tuple[int, ...] = ()) -> Path:
    """Records as an XLSX sheet; ``blank_rows`` are sheet rows left empty."""
    book = Workbook()
    sheet = book.active
    header = list(records[0])
    sheet.append(header)
    row = 2
    for record in records:
        while row in blank_rows:
            row += 1
        for column, name in enumerate(header, start=1):
            sheet.cell(row=row, column=column, value=record[name] or None)
        row += 1
    book.save(path)
    return path


@pytest.mark.parametrize("blank_rows, row", [((), 4), ((3,), 5)])
def test_xlsx_row_is_the_sheet_row(tmp_path, blank_rows, row):
    tables = base_tables()
    tables["complaints"][2]["rating"] = "9"
    write_input(tmp_path, {"agencies": tables["agencies"], "responses": tables["responses"]})
    write_xlsx(tmp_path / "complaints.xlsx", tables["complaints"], blank_rows)
    problem = only(check(tmp_path))
    assert (problem.file, problem.row, problem.column) == ("complaints.xlsx", row, "rating")


def test_csv_row_with_too_many_cells_is_reported_and_rejected(tmp_path):
    tables = base_tables()
    folder = write_input(tmp_path, tables)
    rows = [list(tables["complaints"][0]), *as_rows(tables["complaints"])]
    rows[2] = [*rows[2], "sisa"]  # LU-002: an unquoted comma shifted a cell
    (folder / "complaints.csv").write_text(csv_text(rows), "utf-8")
    report = check(folder)
    problem = only(report)
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", 3, "")
    assert "18 kolom" in problem.message
    assert outcomes(report, "complaints")[3] == "rejected"


def test_json_nested_value_is_reported_and_rejected(tmp_path):
    tables = base_tables()
    tables["complaints"][1]["desa"] = {"nama": "Sindang Sari"}
    write_input(tmp_path, {"agencies": tables["agencies"], "responses": tables["responses"]})
    write_input(tmp_path, {"complaints": tables["complaints"]}, fmt="json")
    report = check(tmp_path)
    problem = only(report)
    assert (problem.file, problem.row, problem.column) == ("complaints.json", 3, "desa")
    assert outcomes(report, "complaints")[3] == "rejected"


# --- Personal data in free text ---------------------------------------------------------------

# (table, column, text, the personal data in it)
PERSONAL = [
    pytest.param(
        "complaints",
        "body",
        "NIK saya 3201231508850001, mohon dibantu.",
        "3201231508850001",
        id="nik",
    ),
    pytest.param(
        "complaints",
        "body",
        "NIK istri 3201235508850001.",
        "3201235508850001",
        id="nik-woman-day-plus-40",
    ),
    pytest.param(
        "complaints", "body", "NIK: 3201 2315 0885 0001", "3201 2315 0885 0001", id="nik-spaced"
    ),
    pytest.param(
        "complaints", "body", "nik 32.01.23.150885.0001 ya", "32.01.23.150885.0001", id="nik-dotted"
    ),
    pytest.param(
        "complaints", "body", "No KK 1803021203150004 belum terbit.", "1803021203150004", id="kk"
    ),
    pytest.param(
        "complaints",
        "title",
        "Hubungi 0812-3456-7890 segera",
        "0812-3456-7890",
        id="phone-dashed-in-title",
    ),
    pytest.param(
        "complaints",
        "body",
        "WA saya +62 812 3456 7890.",
        "+62 812 3456 7890",
        id="phone-international",
    ),
    pytest.param("complaints", "body", "hubungi 6281234567890", "6281234567890", id="phone-62"),
    pytest.param(
        "complaints", "desa", "Sindang Sari 081234567890", "081234567890", id="phone-in-desa"
    ),
    pytest.param("complaints", "body", "Telp. (0724) 21345 kantor", "(0724) 21345", id="landline"),
    pytest.param(
        "complaints",
        "body",
        "Balas ke budi.santoso87@gmail.com ya",
        "budi.santoso87@gmail.com",
        id="email",
    ),
    pytest.param(
        "complaints",
        "body",
        "kirim ke budisan [at] gmail.com",
        "budisan [at] gmail.com",
        id="email-at-spelled",
    ),
    pytest.param("complaints", "body", "Dana ke rek 1234567890 hilang", "1234567890", id="rek"),
    pytest.param(
        "complaints", "body", "No. Rek. 0123-4567-89 atas nama saya", "0123-4567-89", id="no-rek"
    ),
    pytest.param(
        "complaints",
        "body",
        "transfer ke rekening BRI 0021-01-123456-50-3",
        "0021-01-123456-50-3",
        id="rekening-with-bank",
    ),
    pytest.param(
        "complaints", "body", "rekening: 9876543210 diblokir", "9876543210", id="rekening"
    ),
    pytest.param(
        "responses",
        "text",
        "Silakan hubungi petugas di 081298765432.",
        "081298765432",
        id="phone-in-response",
    ),
]


def place(table: str, column: str, text: str) -> dict[str, list[dict]]:
    """Base input with ``text`` in ``column`` of the table's first row (row 2, report LU-001)."""
    tables = base_tables()
    tables[table][0][column] = text
    return tables


def assert_masked(secret: str, text: str) -> None:
    """Neither the match nor its bare digits may appear in ``text``."""
    assert secret not in text
    digits = re.sub(r"\D", "", secret)
    if len(digits) >= 6:
        assert digits not in text


@pytest.mark.parametrize("table, column, text, secret", PERSONAL)
def test_personal_data_is_found_and_masked(tmp_path, table, column, text, secret):
    folder = write_input(tmp_path, place(table, column, text))
    report = check(folder)
    problem = only(report)
    assert (problem.file, problem.row, problem.column) == (f"{table}.csv", 2, column)
    assert problem.tracking_id == "LU-001"
    assert problem.fatal and problem.message.startswith("data pribadi")
    assert "*" in problem.message
    for shown in (problem.message, str(problem), json.dumps(report.as_json(), ensure_ascii=False)):
        assert_masked(secret, shown)
    with pytest.raises(PrivacyError) as refused:
        prepare(settings(DATA=str(folder), SKIP_INVALID=True))
    assert_masked(secret, "\n".join(map(str, refused.value.problems)))


@pytest.mark.parametrize("column", ["channel", "rating", "submitted_at"])
def test_a_quoted_cell_never_shows_personal_data(tmp_path, column):
    """Messages quote bad enum, number and date cells; a phone number there is masked."""
    problem = only(check(write_input(tmp_path, with_complaint(**{column: "wa 081234567890"}))))
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", NEW_ROW, column)
    assert_masked("081234567890", str(problem))


def test_personal_data_in_a_rahasia_report_is_still_refused(tmp_path):
    tables = base_tables()
    tables["complaints"][2]["body"] = "NIK saya 3201231508850001"  # LU-003, rahasia
    problem = only(check(write_input(tmp_path, tables)))
    assert (problem.file, problem.row, problem.column, problem.tracking_id) == (
        "complaints.csv",
        4,
        "body",
        "LU-003",
    )
    assert problem.fatal


def test_every_personal_data_finding_is_listed(tmp_path):
    tables = base_tables()
    tables["complaints"][0]["body"] = "NIK 3201231508850001, HP 0812-3456-7890"
    tables["complaints"][3]["title"] = "Surel budi@gmail.com"
    tables["responses"][5]["text"] = "rek 1234567890"
    report = check(write_input(tmp_path, tables))
    assert located(report) == [
        ("complaints.csv", 2, "body"),
        ("complaints.csv", 2, "body"),
        ("complaints.csv", 5, "title"),
        ("responses.csv", 7, "text"),
    ]
    assert {p.tracking_id for p in report.problems} == {"LU-001", "LU-004", "LU-002"}


HARMLESS = [
    "Saya diminta membayar Rp 2.500.000 untuk sertifikat.",
    "Biaya Rp2.500.000,- tanpa kuitansi.",
    "Kejadian tanggal 17-08-2025 pukul 09.30 di balai desa.",
    "Lokasi di RT 03/RW 05 Dusun II.",
    "Surat nomor 470/1234/DUKCAPIL/2025 belum dibalas.",
    "Jalan rusak sepanjang 250 meter.",
    "Saya dapat antrean 123 tapi tidak dipanggil.",
    "Sudah pernah lapor dengan nomor LU-002.",
    "Sejak tahun 2019 sampai 2025 tidak diperbaiki.",
    "Kode pos 34511, Kecamatan Kotabumi.",
    "Tagihan rekening air Rp 1.250.000 terlalu mahal.",
    "Rekening listrik Rp2.500.000,- padahal rumah kosong.",
    "Pada 17-08-2025 pukul 09.30 di RT 03/RW 05 (kode pos 34511), saya antre nomor 123 dan "
    "membayar Rp 2.500.000 dan Rp2.500.000,- sesuai surat 470/1234/DUKCAPIL/2025; jalan rusak "
    "250 meter sejak 2019, lapor LU-002.",
]


@pytest.mark.parametrize("text", HARMLESS)
@pytest.mark.parametrize("table, column", [("complaints", "body"), ("responses", "text")])
def test_no_false_alarm_on_ordinary_numbers(tmp_path, table, column, text):
    report = check(write_input(tmp_path, place(table, column, text)))
    assert report.problems == []


# --- Every row is accounted for ----------------------------------------------------------------


def outcomes(report: Report, table: str) -> dict[int, str]:
    """Spreadsheet row -> published / counted_only / rejected."""
    frame = getattr(report.validated, table)
    return dict(zip(frame["row"], report.outcomes[table], strict=True))


def broken_rating(tables):
    tables["complaints"][1]["rating"] = "9"  # LU-002, row 3


def unknown_agency(tables):
    tables["complaints"][0]["agency_id"] = "dinas-xyz"  # LU-001, row 2


def response_for_unknown_report(tables):
    tables["responses"].append(event("LU-999", "2025-03-05T09:00:00", "admin", "komentar"))


def parent_cycle(tables):
    tables["agencies"][1]["parent_id"] = "pkm-kotabumi"


def duplicate_report(tables):
    tables["complaints"].append(complaint("LU-001"))


def open_and_secret_reports(tables):
    tables["complaints"] += [
        complaint("LU-005", privacy="rahasia", status="belum", closed_at=""),
        complaint("LU-006", privacy="anonim", status="belum", closed_at=""),
    ]


# (how the base input is changed, the rows expected to be rejected per table)
RECONCILED = [
    pytest.param(lambda tables: None, {}, id="base"),
    pytest.param(open_and_secret_reports, {}, id="open-and-rahasia"),
    pytest.param(broken_rating, {"complaints": {3}, "responses": {7}}, id="bad-cell"),
    pytest.param(
        unknown_agency, {"complaints": {2}, "responses": {2, 3, 4, 5, 6}}, id="unknown-agency"
    ),
    pytest.param(response_for_unknown_report, {"responses": {10}}, id="orphan-response"),
    pytest.param(
        parent_cycle, {"agencies": {3, 4}, "complaints": {5}, "responses": {9}}, id="agency-cycle"
    ),
    pytest.param(duplicate_report, {"complaints": {6}}, id="duplicate-id"),
]


@pytest.mark.parametrize("change, rejected", RECONCILED)
def test_every_row_ends_in_exactly_one_outcome(tmp_path, change, rejected):
    tables = base_tables()
    change(tables)
    report = check(write_input(tmp_path, tables))
    for table in ("complaints", "responses", "agencies"):
        counts = report.counts[table]
        assert counts["total"] == len(tables[table])
        assert counts["total"] == counts["published"] + counts["counted_only"] + counts["rejected"]
        rows = outcomes(report, table)
        assert {row for row, o in rows.items() if o == "rejected"} == rejected.get(table, set())
    assert report.ok is not bool(rejected)


def test_rahasia_and_open_reports_are_counted_only(tmp_path):
    tables = base_tables()
    open_and_secret_reports(tables)
    report = check(write_input(tmp_path, tables))
    ids = report.validated.complaints["tracking_id"]
    by_id = dict(zip(ids, report.outcomes["complaints"], strict=True))
    assert by_id == {
        "LU-001": "published",
        "LU-002": "published",
        "LU-003": "counted_only",
        "LU-004": "counted_only",
        "LU-005": "counted_only",
        "LU-006": "counted_only",
    }
    assert report.counts["complaints"] == {
        "total": 6,
        "published": 2,
        "counted_only": 4,
        "rejected": 0,
    }
    assert report.counts["responses"] == {
        "total": 8,
        "published": 6,
        "counted_only": 2,
        "rejected": 0,
    }


def test_row_with_personal_data_is_counted_as_rejected(tmp_path):
    tables = base_tables()
    tables["complaints"][0]["body"] = "NIK saya 3201231508850001"
    report = check(write_input(tmp_path, tables))
    assert outcomes(report, "complaints")[2] == "rejected"


# --- The command line ---------------------------------------------------------------------------

run_cli = functools.partial(conftest.run_cli, timeout=60)


def broken_tables() -> dict[str, list[dict]]:
    tables = base_tables()
    broken_rating(tables)
    tables["agencies"][1]["parent_id"] = "dinkes-lama"  # row 3; no report is dinkes's
    return tables


def test_check_json_on_clean_input(tmp_path):
    result = run_cli("check", str(write_input(tmp_path, base_tables())), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ok"] is True
    assert data["problems"] == []
    assert data["counts"]["complaints"] == {
        "total": 4,
        "published": 2,
        "counted_only": 2,
        "rejected": 0,
    }


def test_check_json_on_broken_input(tmp_path):
    folder = write_input(tmp_path, broken_tables())
    result = run_cli("check", str(folder), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert data["problems"] == [p.as_json() for p in sorted(check(folder).problems)]
    by_file = {p["file"]: p for p in data["problems"]}
    rating = by_file["complaints.csv"]
    assert (rating["row"], rating["column"], rating["tracking_id"]) == (3, "rating", "LU-002")
    assert "'9' harus 1 sampai 5" in rating["message"]
    parent = by_file["agencies.csv"]
    assert (parent["row"], parent["column"]) == (3, "parent_id")
    assert "tracking_id" not in parent  # an agency row concerns no report
    complaints = data["counts"]["complaints"]
    assert complaints["total"] == sum(
        complaints[k] for k in ("published", "counted_only", "rejected")
    )


def test_check_prints_one_line_per_problem_then_the_counts(tmp_path):
    folder = write_input(tmp_path, broken_tables())
    result = run_cli("check", str(folder))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "agencies.csv:3: parent_id: instansi induk 'dinkes-lama' tidak ada di tabel agencies",
        "complaints.csv:3: rating: '9' harus 1 sampai 5 [LU-002]",
    ]
    assert "laporan: 4 baris = 1 diterbitkan + 2 hanya dihitung + 1 ditolak" in lines
    assert lines.index("laporan: 4 baris = 1 diterbitkan + 2 hanya dihitung + 1 ditolak") > 2


def test_check_json_never_prints_personal_data(tmp_path):
    tables = base_tables()
    secrets = ["3201231508850001", "0812-3456-7890", "budi.santoso87@gmail.com", "1234567890"]
    tables["complaints"][0]["body"] = f"NIK {secrets[0]} HP {secrets[1]}"
    tables["complaints"][1]["desa"] = f"surel {secrets[2]}"
    tables["responses"][0]["text"] = f"rekening {secrets[3]}"
    result = run_cli("check", str(write_input(tmp_path, tables)), "--json")
    assert result.returncode == 1
    problems = json.loads(result.stdout)["problems"]
    assert [(p["file"], p["row"], p["column"], p["tracking_id"]) for p in problems] == [
        ("complaints.csv", 2, "body", "LU-001"),
        ("complaints.csv", 2, "body", "LU-001"),
        ("complaints.csv", 3, "desa", "LU-002"),
        ("responses.csv", 2, "text", "LU-001"),
    ]
    for secret in secrets:
        assert_masked(secret, result.stdout + result.stderr)


def test_build_skip_invalid_publishes_the_valid_rows(tmp_path):
    tables = base_tables()
    broken_rating(tables)
    folder = write_input(tmp_path / "input", tables)
    output = tmp_path / "output"
    refused = run_cli("build", "--data", str(folder), "--output", str(output))
    assert refused.returncode == 1
    assert not output.exists()
    result = run_cli("build", "--data", str(folder), "--output", str(output), "--skip-invalid")
    assert result.returncode == 0, result.stderr
    assert "laporan: 4 baris = 1 diterbitkan + 2 hanya dihitung + 1 ditolak" in result.stdout
    assert (output / "kasus" / "lu-001" / "index.html").is_file()
    assert not (output / "kasus" / "lu-002").exists()


def test_build_skip_invalid_still_refuses_personal_data(tmp_path):
    tables = base_tables()
    tables["complaints"][1]["rating"] = "9"
    tables["complaints"][0]["body"] = "Hubungi saya di 0812-3456-7890"
    folder = write_input(tmp_path / "input", tables)
    output = tmp_path / "site"
    output.mkdir()
    (output / "index.html").write_bytes(b"<p>situs lama</p>\n")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run_cli("build", "--data", str(folder), "--output", str(output), "--skip-invalid")
    assert result.returncode == 1
    assert (output / "index.html").read_bytes() == b"<p>situs lama</p>\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no half-built folder left
    assert "complaints.csv:2: body: data pribadi" in result.stderr
    assert_masked("0812-3456-7890", result.stdout + result.stderr)


def test_identifying_column_is_reported_even_when_the_file_fails_otherwise(tmp_path):
    tables = base_tables()
    for row in tables["complaints"]:
        row["NIK Pelapor"] = "x"
        del row["title"]
    report = check(write_input(tmp_path, tables))
    located = {(p.file, p.row, p.column) for p in report.problems}
    assert ("complaints.csv", 1, "NIK Pelapor") in located
    assert ("complaints.csv", 1, "title") in located


def test_empty_file_is_one_clear_problem(tmp_path):
    folder = write_input(tmp_path, base_tables())
    (folder / "responses.csv").write_bytes(b"")
    problem = only(check(folder))
    assert (problem.file, problem.row) == ("responses.csv", 1)
    assert "kosong" in problem.message
