"""Files as Excel saves them in Indonesian offices (CONTRACT §1, issue 11).

';'-separated CSV with decimal commas and day-first dates (31/12/2024 08.30) is read as
its ISO/comma twin; month-first dates only when INPUT_DATE_ORDER says so; impossible
dates and rows that do not fit the header are one message each, at the spreadsheet row.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from pathlib import Path

import pandas as pd
import pytest
from conftest import run_cli
from fixtures import base_tables, complaint, event, write_excel_indonesia, write_input
from openpyxl import Workbook

from generator import settings as project_settings
from generator.errors import ConfigError
from generator.pipeline import Report, inspect, prepare

TZ = "Asia/Jakarta"
NEW_ROW = 6  # LU-005 after the base input's four reports


def settings(**overrides) -> dict:
    return project_settings.validate({"TIMEZONE": TZ, **overrides})


def check(folder: Path, **overrides) -> Report:
    return inspect(folder, settings(**overrides))


def only(report: Report):
    assert len(report.problems) == 1, [str(p) for p in report.problems]
    return report.problems[0]


def accented_tables() -> dict[str, list[dict]]:
    """The base input with names and text Windows-1252 holds but ASCII does not."""
    tables = base_tables()
    tables["agencies"][0]["name"] = "Dinas Pekerjaan Umum – Bidang Jalan & Jembatan"
    tables["complaints"][1]["desa"] = "Sindang Sari (Kampung Café)"
    tables["complaints"][0]["body"] = (
        "Air menggenang di depan café, jalan; berlubang.\nMohon dicek."
    )
    return tables


def with_new(**fields) -> dict[str, list[dict]]:
    """The base input plus an open report LU-005 (row 6) with ``fields``."""
    tables = base_tables()
    fields = {"status": "proses", "closed_at": "", "rating": "", **fields}
    tables["complaints"].append(complaint("LU-005", **fields))
    return tables


def semicolon_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


# --- A whole Excel-Indonesia folder -----------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-8"])
def test_excel_indonesia_folder_publishes_the_same_figures(tmp_path, encoding):
    iso = write_input(tmp_path / "iso", accented_tables())
    excel = write_excel_indonesia(tmp_path / "excel", accented_tables(), encoding)
    raw = (excel / "complaints.csv").read_bytes()
    assert b";-4,8312;104,8841;" in raw and b";03/03/2025 09.00;10/03/2025 15.00;" in raw
    expected = prepare(settings(DATA=str(iso)))
    got = prepare(settings(DATA=str(excel)))
    for table in ("agencies", "complaints", "responses"):
        pd.testing.assert_frame_equal(getattr(got, table), getattr(expected, table))
    assert got.counts == expected.counts
    assert got.as_of == expected.as_of
    by_id = got.complaints.set_index("tracking_id")
    assert by_id.loc["LU-001", "submitted_at"] == pd.Timestamp("2025-03-03 09:00", tz=TZ)
    assert "café, jalan; berlubang" in by_id.loc["LU-001", "body"]
    assert (
        got.agencies.set_index("agency_id")
        .loc["dinas-pupr", "name"]
        .startswith("Dinas Pekerjaan Umum – Bidang")
    )


def test_read_log_names_the_encoding_and_the_separator(tmp_path, caplog):
    write_excel_indonesia(tmp_path, base_tables())
    with caplog.at_level(logging.INFO, logger="generator.loaders"):
        assert check(tmp_path).problems == []
    assert "complaints.csv: 4 baris dibaca (UTF-8, pemisah titik koma)" in caplog.messages
    caplog.clear()
    write_input(tmp_path, base_tables())
    with caplog.at_level(logging.INFO, logger="generator.loaders"):
        check(tmp_path)
    assert "complaints.csv: 4 baris dibaca (UTF-8, pemisah koma)" in caplog.messages


def test_separator_is_told_by_the_header_not_by_the_text(tmp_path):
    """Text full of the other separator cannot make either file read the wrong way."""
    tables = base_tables()
    for row in tables["complaints"]:
        row["body"] = "Satu, dua, tiga, empat, lima, enam, tujuh, delapan, sembilan, sepuluh."
        row["title"] = "Jalan; jembatan; lampu; air; sampah; parit; pasar; sekolah; puskesmas"
    for write in (write_input, write_excel_indonesia):
        report = check(write(tmp_path / write.__name__, tables))
        assert report.problems == [], [str(p) for p in report.problems]
        titles = report.validated.complaints["title"]
        assert set(titles) == {tables["complaints"][0]["title"]}


def test_decimal_comma_only_where_the_separator_is_a_semicolon(tmp_path):
    tables = with_new(lat="-4,8313", lon="104,88")
    report = check(write_excel_indonesia(tmp_path / "semicolon", tables))
    assert report.problems == []
    typed = report.validated.complaints.set_index("tracking_id").loc["LU-005"]
    assert (typed["lat"], typed["lon"]) == (-4.8313, 104.88)
    # In a comma file the cell must be quoted to hold a comma; it is refused, with the hint.
    tables = with_new(lat="-4,8313")
    problem = only(check(write_input(tmp_path / "comma", tables)))
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", NEW_ROW, "lat")
    assert problem.message == "'-4,8313' bukan angka"
    assert "titik" in problem.hint


def test_thousands_point_with_decimal_comma_is_not_a_number(tmp_path):
    problem = only(check(write_excel_indonesia(tmp_path, with_new(lon="1.104,88"))))
    assert (problem.row, problem.column) == (NEW_ROW, "lon")
    assert problem.message == "'1.104,88' bukan angka"
    assert problem.hint is None


# --- Dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, moment",
    [
        ("31/12/2024 08.30", "2024-12-31 08:30"),
        ("31-12-2024 08:30:00", "2024-12-31 08:30"),
        ("31/12/2024 08.30.15", "2024-12-31 08:30:15"),
        ("31-12-2024 08.30", "2024-12-31 08:30"),
        ("1/2/2025 8.05", "2025-02-01 08:05"),
        ("31/12/2024", "2024-12-31 00:00"),
        ("2024-12-31T08:30:00", "2024-12-31 08:30"),
        ("2024-12-31 08:30", "2024-12-31 08:30"),
        ("2024-12-31", "2024-12-31 00:00"),
        ("2024-12-31T01:30:00Z", "2024-12-31 08:30"),
        ("2024-12-31T08:30:00+07:00", "2024-12-31 08:30"),
        ("2024-12-31T08:30:00,5", "2024-12-31 08:30:00.5"),
    ],
)
def test_day_first_and_iso_date_times_are_read(tmp_path, written, moment):
    report = check(write_input(tmp_path, with_new(submitted_at=written)))
    assert report.problems == [], [str(p) for p in report.problems]
    typed = report.validated.complaints.set_index("tracking_id").loc["LU-005"]
    assert typed["submitted_at"] == pd.Timestamp(moment, tz=TZ)


@pytest.mark.parametrize(
    "written, message",
    [
        ("31/02/2024 10.00", "tanggal '31/02/2024 10.00' tidak ada di kalender"),
        ("13/13/2024", "tanggal '13/13/2024' tidak ada di kalender"),
        ("29/02/2025", "tanggal '29/02/2025' tidak ada di kalender"),
        ("31/12/2024 08.75", "jam pada '31/12/2024 08.75' tidak ada"),
        ("31/12/24 08.30", "tahun pada tanggal '31/12/24 08.30' harus ditulis empat angka"),
        ("31/12-2024", "'31/12-2024' bukan tanggal yang dikenali"),
        ("Selasa, 31 Des 2024", "'Selasa, 31 Des 2024' bukan tanggal yang dikenali"),
        ("45657,35", "'45657,35' adalah angka, bukan tanggal"),
    ],
)
def test_unreadable_date_names_the_cell_in_plain_words(tmp_path, written, message):
    tables = base_tables()
    tables["responses"].append(event("LU-004", written, "admin", "komentar"))
    folder = write_excel_indonesia(tmp_path, tables)
    problem = only(check(folder))
    assert (problem.file, problem.row, problem.column) == ("responses.csv", 10, "at")
    assert problem.message == message
    assert str(problem).startswith(f"responses.csv:10: at: {message}")
    assert "ISO" not in problem.message


def test_month_first_is_read_only_when_declared(tmp_path):
    folder = write_input(tmp_path, with_new(submitted_at="12/31/2024 08:30"))
    problem = only(check(folder))
    assert (problem.row, problem.column) == (NEW_ROW, "submitted_at")
    assert problem.message == "tanggal '12/31/2024 08:30' tidak ada di kalender"
    assert 'INPUT_DATE_ORDER = "mdy"' in problem.hint
    report = check(folder, INPUT_DATE_ORDER="mdy")
    assert report.problems == []
    typed = report.validated.complaints.set_index("tracking_id").loc["LU-005"]
    assert typed["submitted_at"] == pd.Timestamp("2024-12-31 08:30", tz=TZ)


def test_date_order_decides_an_ambiguous_date(tmp_path):
    folder = write_input(tmp_path, with_new(submitted_at="04/05/2025 09.00"))
    read = {}
    for order in ("dmy", "mdy"):
        report = check(folder, INPUT_DATE_ORDER=order)
        assert report.problems == []
        read[order] = report.validated.complaints.set_index("tracking_id").loc["LU-005"]
    assert read["dmy"]["submitted_at"] == pd.Timestamp("2025-05-04 09:00", tz=TZ)
    assert read["mdy"]["submitted_at"] == pd.Timestamp("2025-04-05 09:00", tz=TZ)


def test_date_order_setting_is_strict():
    with pytest.raises(ConfigError, match="INPUT_DATE_ORDER"):
        settings(INPUT_DATE_ORDER="ymd")


def test_xlsx_date_cells_and_day_first_text_cells_are_both_read(tmp_path):
    tables = with_new(submitted_at="31/12/2024 08.30")
    write_input(tmp_path, {"agencies": tables["agencies"], "responses": tables["responses"]})
    book = Workbook()
    sheet = book.active
    header = list(tables["complaints"][0])
    sheet.append(header)
    for row in tables["complaints"]:
        cells = [row[h] or None for h in header]
        if row["tracking_id"] == "LU-001":  # a real Excel date cell
            cells[header.index("submitted_at")] = pd.Timestamp("2025-03-03 09:00").to_pydatetime()
        sheet.append(cells)
    book.save(tmp_path / "complaints.xlsx")
    report = check(tmp_path)
    assert report.problems == [], [str(p) for p in report.problems]
    typed = report.validated.complaints.set_index("tracking_id")["submitted_at"]
    assert typed["LU-001"] == pd.Timestamp("2025-03-03 09:00", tz=TZ)
    assert typed["LU-005"] == pd.Timestamp("2024-12-31 08:30", tz=TZ)


def test_row_numbers_stay_spreadsheet_rows_after_multiline_cells(tmp_path):
    tables = base_tables()
    tables["complaints"][2]["closed_at"] = "31/02/2025 10.00"  # LU-003, row 4
    folder = write_excel_indonesia(tmp_path, tables)
    lines = (folder / "complaints.csv").read_text("cp1252").splitlines()
    # Every body holds line breaks: LU-003 starts on physical line 8, not 4.
    assert [n for n, line in enumerate(lines, start=1) if line.startswith("LU-003")] == [8]
    problem = only(check(folder))
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", 4, "closed_at")
    assert problem.message == "tanggal '31/02/2025 10.00' tidak ada di kalender"


# --- Rows that do not fit the header ---------------------------------------------------------


def cut_row(folder: Path, tracking_id: str, keep: int, separator: str) -> None:
    """Cut the record of ``tracking_id`` after its first ``keep`` cells, as a broken export."""
    path = folder / "complaints.csv"
    text = path.read_text("cp1252" if separator == ";" else "utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    rows = [r[:keep] if r[0] == tracking_id else r for r in rows]
    if separator == ";":
        path.write_text(semicolon_text(rows), "cp1252", newline="")
    else:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        path.write_text(buffer.getvalue(), "utf-8")


@pytest.mark.parametrize("separator", [",", ";"])
def test_truncated_row_is_one_message(tmp_path, separator):
    tables = base_tables()
    if separator == ";":
        folder = write_excel_indonesia(tmp_path, tables)
    else:
        folder = write_input(tmp_path, tables)
    cut_row(folder, "LU-002", 4, separator)
    report = check(folder)
    problem = only(report)
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", 3, "")
    assert problem.message == "baris hanya berisi 4 dari 17 kolom"
    assert str(problem).startswith("complaints.csv:3: baris hanya berisi 4 dari 17 kolom")
    assert report.counts["complaints"] == {
        "total": 4,
        "published": 1,
        "counted_only": 2,
        "rejected": 1,
    }
    # The report falls, and with it its events; nothing else is reported.
    assert report.counts["responses"]["rejected"] == 1


def test_unquoted_semicolon_in_text_is_one_message(tmp_path):
    folder = write_excel_indonesia(tmp_path, base_tables())
    path = folder / "complaints.csv"
    text = path.read_text("cp1252").replace(";Lampu jalan mati;", ";Lampu jalan; mati;")
    path.write_text(text, "cp1252", newline="")
    report = check(folder)
    problem = only(report)
    assert (problem.file, problem.row, problem.column) == ("complaints.csv", 3, "")
    assert problem.message == "baris berisi 18 kolom, padahal header hanya 17 kolom"
    assert "titik koma (;)" in problem.hint and "kutip" in problem.hint
    assert report.counts["complaints"]["rejected"] == 1


def test_empty_cells_past_the_last_column_are_ignored(tmp_path):
    folder = write_excel_indonesia(tmp_path, base_tables())
    path = folder / "complaints.csv"
    lines = path.read_text("cp1252").split("\r\n")
    lines = [line + ";;" if line.startswith("LU-") else line for line in lines]
    path.write_text("\r\n".join(lines), "cp1252", newline="")
    report = check(folder)
    assert report.problems == []
    assert report.counts["complaints"]["rejected"] == 0


def test_check_command_takes_the_date_order(tmp_path):
    folder = write_excel_indonesia(tmp_path, with_new(submitted_at="12/31/2024 08:30"))
    refused = run_cli("check", str(folder), "--json")
    assert refused.returncode == 1
    problems = json.loads(refused.stdout)["problems"]
    assert [(p["file"], p["row"], p["column"]) for p in problems] == [
        ("complaints.csv", NEW_ROW, "submitted_at")
    ]
    assert 'INPUT_DATE_ORDER = "mdy"' in problems[0]["hint"]
    accepted = run_cli("check", str(folder), "--json", "--date-order", "mdy")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert json.loads(accepted.stdout)["ok"] is True
