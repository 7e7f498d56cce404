"""One input in every accepted format (CONTRACT §1) gives the same typed tables.

CSV as UTF-8, UTF-8 with a BOM and Windows-1252 (what Excel exports), XLSX with real
numbers and date-time cells, and JSON with real numbers are all compared with the plain
UTF-8 CSV reading of the same tables. Formats that are not accepted get one clear problem.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from fixtures import base_tables, write_excel_indonesia, write_input
from openpyxl import Workbook, load_workbook

from generator import settings as project_settings
from generator.pipeline import Report, inspect

NON_ASCII_TITLE = "Pelayanan di Puskesmas sangat lambat – kami kecewa"
NUMBERS = {"lat": float, "lon": float, "rating": int}
DATETIMES = {"submitted_at", "closed_at", "at"}


def check(folder: Path) -> Report:
    return inspect(folder, project_settings.validate({"TIMEZONE": "Asia/Jakarta"}))


def only(report: Report):
    assert len(report.problems) == 1, [str(p) for p in report.problems]
    return report.problems[0]


def tables_with_accents() -> dict[str, list[dict]]:
    """The base input with characters outside ASCII that Windows-1252 can still hold."""
    tables = base_tables()
    tables["complaints"][1]["title"] = NON_ASCII_TITLE
    tables["complaints"][0]["body"] = "Air menggenang di depan café, jalan berlubang.\nMohon dicek."
    tables["responses"][2]["text"] = "Tim kami – bersama kecamatan – meninjau lokasi."
    return tables


def cell(column: str, value: str, dates: bool):
    """A cell as a spreadsheet or JSON exporter types it: numbers as numbers."""
    if value == "":
        return None
    if column in NUMBERS:
        return NUMBERS[column](value)
    if dates and column in DATETIMES:
        return dt.datetime.fromisoformat(value)
    return value


def write_xlsx(folder: Path, tables: dict[str, list[dict]]) -> None:
    for name, rows in tables.items():
        book = Workbook()
        sheet = book.active
        sheet.append(list(rows[0]))
        for row in rows:
            sheet.append([cell(column, value, dates=True) for column, value in row.items()])
        notes = book.create_sheet("Keterangan")  # only the first sheet is data
        notes.append(["Diekspor dari SP4N-LAPOR!", 42])
        book.save(folder / f"{name}.xlsx")


def write_json(folder: Path, tables: dict[str, list[dict]], encoding: str = "utf-8") -> None:
    for name, rows in tables.items():
        objects = [{c: cell(c, v, dates=False) for c, v in row.items()} for row in rows]
        (folder / f"{name}.json").write_text(
            json.dumps(objects, ensure_ascii=False, indent=1), encoding
        )


def write_crlf(folder: Path, tables: dict[str, list[dict]]) -> None:
    for name, rows in tables.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(rows)


WRITERS = {
    "csv-utf8-bom": lambda folder, tables: write_input(folder, tables, encoding="utf-8-sig"),
    "csv-windows-1252": lambda folder, tables: write_input(folder, tables, encoding="cp1252"),
    "csv-crlf": write_crlf,
    "csv-excel-indonesia-windows-1252": lambda folder, tables: write_excel_indonesia(
        folder, tables, "cp1252"
    ),
    "csv-excel-indonesia-utf8-bom": lambda folder, tables: write_excel_indonesia(
        folder, tables, "utf-8-sig"
    ),
    "csv-excel-indonesia-utf8": lambda folder, tables: write_excel_indonesia(
        folder, tables, "utf-8"
    ),
    "xlsx": write_xlsx,
    "json": write_json,
    "json-bom": lambda folder, tables: write_json(folder, tables, "utf-8-sig"),
}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Report:
    """The same tables as plain UTF-8 CSV."""
    report = check(write_input(tmp_path_factory.mktemp("utf8"), tables_with_accents()))
    assert report.ok
    return report


def test_the_file_really_is_in_its_format(tmp_path):
    """Guards the comparisons below: each writer wrote what its name says."""
    tables = tables_with_accents()
    for name, write in WRITERS.items():
        (tmp_path / name).mkdir()
        write(tmp_path / name, tables)
    raw = (tmp_path / "csv-utf8-bom" / "complaints.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbftracking_id,")
    raw = (tmp_path / "csv-windows-1252" / "complaints.csv").read_bytes()
    assert b"\x96 kami kecewa" in raw and b"caf\xe9" in raw
    assert b"\r\n" in (tmp_path / "csv-crlf" / "complaints.csv").read_bytes()
    raw = (tmp_path / "csv-excel-indonesia-windows-1252" / "complaints.csv").read_bytes()
    assert raw.startswith(b"tracking_id;type;title;") and b"caf\xe9, jalan" in raw
    assert b";-4,8312;104,8841;" in raw and b";03/03/2025 09.00;10/03/2025 15.00;" in raw
    assert b"\x96 kami kecewa" in raw and b"\r\n" in raw
    raw = (tmp_path / "csv-excel-indonesia-utf8-bom" / "responses.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbftracking_id;at;") and b";05/03/2025 09.30;" in raw
    sheet = load_workbook(tmp_path / "xlsx" / "complaints.xlsx").worksheets[0]
    first = {c.value: v.value for c, v in zip(sheet[1], sheet[2], strict=True)}
    assert isinstance(first["lat"], float) and isinstance(first["rating"], int)
    assert isinstance(first["submitted_at"], dt.datetime)
    objects = json.loads((tmp_path / "json" / "complaints.json").read_text("utf-8"))
    assert objects[0]["lat"] == -4.8312 and objects[0]["rating"] == 4
    assert objects[3]["closed_at"] is None


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_every_format_gives_the_same_typed_tables(tmp_path, reference, fmt):
    WRITERS[fmt](tmp_path, tables_with_accents())
    report = check(tmp_path)
    assert report.problems == []
    for table in ("agencies", "complaints", "responses"):
        pd.testing.assert_frame_equal(
            getattr(report.validated, table), getattr(reference.validated, table)
        )
    assert report.counts == reference.counts


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_every_format_publishes_the_same_titles(tmp_path, fmt):
    WRITERS[fmt](tmp_path, tables_with_accents())
    report = check(tmp_path)
    complaints = report.validated.complaints
    published = complaints.loc[report.outcomes["complaints"] == "published", "title"]
    assert list(published) == ["Jalan rusak LU-001", NON_ASCII_TITLE]
    typed = complaints.set_index("tracking_id").loc["LU-001"]
    assert typed["lat"] == -4.8312 and typed["rating"] == 4
    assert typed["submitted_at"] == pd.Timestamp("2025-03-03T09:00:00", tz="Asia/Jakarta")
    assert "café" in typed["body"]


def test_excel_time_of_day_survives(tmp_path):
    """09:30 is not exact in Excel's day fractions; it must still read as 09:30:00."""
    tables = base_tables()
    write_xlsx(tmp_path, tables)
    report = check(tmp_path)
    at = report.validated.responses.set_index("row").loc[4, "at"]
    assert at == pd.Timestamp("2025-03-05T09:30:00", tz="Asia/Jakarta")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_headers_match_whatever_their_case_and_spaces(tmp_path, reference, fmt):
    tables = tables_with_accents()
    renames = {
        "tracking_id": "Tracking_ID",
        "title": " Title ",
        "status": "STATUS",
        "submitted_at": "Submitted_At",
    }
    tables["complaints"] = [
        {renames.get(k, k): v for k, v in row.items()} for row in tables["complaints"]
    ]
    tables["agencies"] = [
        {"Agency_ID" if k == "agency_id" else k: v for k, v in row.items()}
        for row in tables["agencies"]
    ]
    if fmt == "csv":
        write_input(tmp_path, tables)
    else:
        write_json(tmp_path, tables)
    report = check(tmp_path)
    assert report.problems == []
    pd.testing.assert_frame_equal(report.validated.complaints, reference.validated.complaints)


def test_tab_separated_file_is_one_clear_problem(tmp_path):
    tables = base_tables()
    write_input(tmp_path, {"agencies": tables["agencies"], "responses": tables["responses"]})
    with (tmp_path / "complaints.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle,
            fieldnames=list(tables["complaints"][0]),
            delimiter="\t",
            lineterminator="\n",
        )
        writer.writeheader()
        writer.writerows(tables["complaints"])
    problem = only(check(tmp_path))
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", 1, "")
    assert "tab" in problem.message
    assert "CSV UTF-8" in problem.hint
    assert problem.fatal


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_one_clear_problem(tmp_path, encoding):
    tables = base_tables()
    write_input(tmp_path, {"agencies": tables["agencies"], "responses": tables["responses"]})
    write_input(tmp_path, {"complaints": tables["complaints"]}, encoding=encoding)
    problem = only(check(tmp_path))
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", 0, "")
    assert "UTF-16" in problem.message
    assert "CSV UTF-8" in problem.hint
    assert "\x00" not in str(problem)


def test_bytes_neither_utf8_nor_windows_1252_are_one_clear_problem(tmp_path):
    tables = base_tables()
    write_input(tmp_path, tables)
    raw = (tmp_path / "complaints.csv").read_bytes()
    (tmp_path / "complaints.csv").write_bytes(raw.replace(b"Lampu jalan", b"Lampu \x81 jalan"))
    problem = only(check(tmp_path))
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", 0, "")
    assert "Windows-1252" in problem.message
    assert problem.hint


@pytest.mark.parametrize(
    "text, where",
    [
        ('{"tracking_id": "LU-001"}', "array"),
        ('[{"tracking_id": "LU-001",}]', "JSON rusak di baris 1"),
    ],
)
def test_json_that_is_not_an_array_of_objects_is_one_clear_problem(tmp_path, text, where):
    tables = base_tables()
    write_input(tmp_path, {"agencies": tables["agencies"], "responses": tables["responses"]})
    (tmp_path / "complaints.json").write_text(text, "utf-8")
    problem = only(check(tmp_path))
    assert (problem.file, problem.row, problem.column) == ("complaints.json", 0, "")
    assert where in problem.message


def test_file_that_is_not_really_xlsx_is_one_clear_problem(tmp_path):
    tables = base_tables()
    write_input(tmp_path, {"agencies": tables["agencies"], "responses": tables["responses"]})
    (tmp_path / "complaints.xlsx").write_text("tracking_id,type\n", "utf-8")
    problem = only(check(tmp_path))
    assert (problem.file, problem.row, problem.column) == ("complaints.xlsx", 0, "")
    assert "XLSX" in problem.message
