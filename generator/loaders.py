"""Load stage: read the input folder's tables into DataFrames of strings.

Every cell comes out as a stripped string ('' when empty) and every record
keeps the row number a spreadsheet would show (header = 1, first record = 2,
whatever line breaks a quoted cell holds). Nothing is interpreted here; the
validate stage does that. Problems are collected, never raised one by one.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import csvinput
from .errors import Problem
from .schema import TABLES, Table

logger = logging.getLogger(__name__)

EXTENSIONS = (".csv", ".xlsx", ".json")
# cp1252 leaves five bytes undefined; Excel never writes them, so a file that
# holds one is neither UTF-8 nor Windows-1252 and is reported, not guessed.
_HINT_ENCODING = 'simpan ulang dari Excel sebagai "CSV UTF-8 (Comma delimited)"'


@dataclass
class RawTable:
    """One table as read: string cells, canonical lower-case column names."""

    table: Table
    file: str  # file name as in the folder, used in every message
    frame: pd.DataFrame  # one column per known column, plus 'row'
    extra_columns: tuple[str, ...] = ()  # header names not in the schema, as written
    encoding: str = ""
    separator: str = ""  # a CSV file's: "," or ";" (then numbers may have a decimal comma)
    # Rows whose cells do not fit the header: reported once, their cells not checked.
    broken: frozenset[int] = frozenset()


@dataclass
class LoadResult:
    tables: dict[str, RawTable] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    other_files: tuple[str, ...] = ()
    headers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # file -> header as written


def discover(folder: Path) -> tuple[dict[str, Path], list[Problem], list[str]]:
    """Map each table name to its file; report missing and doubled tables."""
    problems: list[Problem] = []
    found: dict[str, list[Path]] = {}
    others: list[str] = []
    if not folder.is_dir():
        problems.append(
            Problem(
                str(folder),
                0,
                "",
                "folder input tidak ditemukan",
                fatal=True,
                hint="jalankan dengan DATA=folder-ekspor/",
            )
        )
        return {}, problems, others
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        name, ext = path.stem.lower(), path.suffix.lower()
        if path.is_file() and ext in EXTENSIONS and name in TABLES:
            found.setdefault(name, []).append(path)
        elif not path.name.startswith("."):
            others.append(path.name)
    chosen: dict[str, Path] = {}
    for name, table in TABLES.items():
        paths = found.get(name, [])
        if len(paths) > 1:
            problems.append(
                Problem(
                    paths[1].name,
                    0,
                    "",
                    f"tabel '{name}' ada di lebih dari satu "
                    f"file: {', '.join(p.name for p in paths)}",
                    fatal=True,
                    hint="sisakan satu file per tabel",
                )
            )
        elif paths:
            chosen[name] = paths[0]
        elif table.required:
            problems.append(
                Problem(
                    f"{name}.csv",
                    0,
                    "",
                    f"tabel wajib '{name}' tidak ada di {folder}",
                    fatal=True,
                    hint=f"tambahkan {name}.csv, {name}.xlsx atau {name}.json",
                )
            )
    return chosen, problems, others


def decode(raw: bytes, file: str) -> tuple[str | None, str, list[Problem]]:
    """Decode CSV bytes: UTF-8 with or without BOM, else Windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "UTF-8 dengan BOM", []
        except UnicodeDecodeError as exc:
            return None, "", [_encoding_problem(file, exc)]
    # Without a BOM, UTF-16 still shows itself by NUL bytes: one in every two bytes of
    # Latin text. A stray NUL in a UTF-8 cell is not that; the privacy stage removes it.
    head = raw[:4096]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or head.count(b"\x00") * 4 > len(head):
        return (
            None,
            "",
            [
                Problem(
                    file,
                    0,
                    "",
                    'file berformat UTF-16 ("Unicode Text") tidak didukung',
                    fatal=True,
                    hint=_HINT_ENCODING,
                )
            ],
        )
    try:
        return raw.decode("utf-8"), "UTF-8", []
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "Windows-1252", []
    except UnicodeDecodeError as exc:
        return None, "", [_encoding_problem(file, exc)]


def _encoding_problem(file: str, exc: UnicodeDecodeError) -> Problem:
    return Problem(
        file,
        0,
        "",
        f"bukan teks UTF-8 maupun Windows-1252 (byte tak dikenal di posisi {exc.start})",
        fatal=True,
        hint=_HINT_ENCODING,
    )


def _read_csv(
    path: Path, table: Table
) -> tuple[list[str], list[tuple[int, list[str]]], str, str, list[Problem]]:
    text, encoding, problems = decode(path.read_bytes(), path.name)
    if text is None:
        return [], [], "", "", problems
    header, records, sep, problems = csvinput.read(
        text, path.name, table.column_names, _HINT_ENCODING
    )
    return header, records, encoding, sep, problems


def cell_text(value: object) -> str:
    """A spreadsheet or JSON cell as text, the way a person typed it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _read_xlsx(path: Path) -> tuple[list[str], list[tuple[int, list[str]]], list[Problem]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        return (
            [],
            [],
            [Problem(path.name, 0, "", f"file XLSX tidak bisa dibaca: {exc}", fatal=True)],
        )
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [cell_text(v) for v in next(rows, ())]
    records = [(n, [cell_text(v) for v in values]) for n, values in enumerate(rows, start=2)]
    book.close()
    while header and header[-1] == "":
        header.pop()
    return header, records, []


def _read_json(path: Path) -> tuple[list[str], list[tuple[int, list[str]]], str, list[Problem]]:
    text, encoding, problems = decode(path.read_bytes(), path.name)
    if text is None:
        return [], [], "", problems
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return (
            [],
            [],
            encoding,
            [
                Problem(
                    path.name,
                    0,
                    "",
                    f"JSON rusak di baris {exc.lineno} kolom {exc.colno}: {exc.msg}",
                    fatal=True,
                )
            ],
        )
    if not isinstance(data, list):
        return (
            [],
            [],
            encoding,
            [
                Problem(
                    path.name, 0, "", "JSON harus berupa array objek ([{...}, {...}])", fatal=True
                )
            ],
        )
    header: list[str] = []
    seen: set[str] = set()
    for obj in data:
        for key in obj if isinstance(obj, dict) else ():
            if key not in seen:
                seen.add(key)
                header.append(key)
    records = []
    # Row = the object's position (first = 1) + 1, matching a spreadsheet's record rows.
    for number, obj in enumerate(data, start=2):
        if not isinstance(obj, dict):
            problems.append(Problem(path.name, number, "", "elemen array bukan objek", fatal=False))
            records.append((number, None))
            continue
        cells = []
        for key in header:
            value = obj.get(key)
            if isinstance(value, (dict, list)):
                problems.append(
                    Problem(
                        path.name,
                        number,
                        key.strip().lower(),
                        "nilai harus teks atau angka, bukan objek/array",
                    )
                )
                value = ""
            cells.append(cell_text(value))
        records.append((number, cells))
    return header, records, encoding, problems


def read_table(table: Table, path: Path) -> tuple[RawTable | None, list[Problem], list[str]]:
    """Read one table file: the table (None when the file as a whole cannot be
    used), its problems, and its header as written (for the privacy stage)."""
    ext = path.suffix.lower()
    encoding, sep = "XLSX", ""
    if ext == ".csv":
        header, records, encoding, sep, problems = _read_csv(path, table)
    elif ext == ".xlsx":
        header, records, problems = _read_xlsx(path)
    else:
        header, records, encoding, problems = _read_json(path)
    if not any(p.fatal for p in problems) and not any(h.strip() for h in header):
        problems.append(
            Problem(
                path.name,
                1,
                "",
                "berkas kosong: tidak ada baris header",
                fatal=True,
                hint="baris pertama harus berisi nama kolom",
            )
        )
    if any(p.fatal for p in problems):
        return None, problems, header
    names = [h.strip().lower() for h in header]
    index: dict[str, int] = {}
    for i, name in enumerate(names):
        if name in index and name:
            problems.append(
                Problem(
                    path.name,
                    1,
                    name,
                    f"kolom ganda (kolom ke-{index[name] + 1} dan ke-{i + 1})",
                    fatal=True,
                )
            )
        index.setdefault(name, i)
    for column in table.columns:
        if column.always_required and column.name not in index:
            problems.append(
                Problem(
                    path.name,
                    1,
                    column.name,
                    "kolom wajib tidak ada",
                    fatal=True,
                    hint=f"kolom yang ada: {', '.join(n for n in names if n)}",
                )
            )
    if any(p.fatal for p in problems):
        return None, problems, header
    extra = tuple(
        h.strip() for h, n in zip(header, names, strict=True) if n and n not in table.column_names
    )
    width = len(header)
    broken: set[int] = set()
    data: dict[str, list[str]] = {c: [] for c in table.column_names}
    rows: list[int] = []
    for number, cells in records:
        if cells is None or not any(c.strip() for c in cells):
            continue  # an empty row is no record
        if sep and len(cells) != width:
            cells, problem = csvinput.fit(cells, width, path.name, number, sep)
            if problem:
                problems.append(problem)
                broken.add(number)
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        rows.append(number)
        for column, values in data.items():
            i = index.get(column)
            values.append(cells[i].strip() if i is not None else "")
    frame = pd.DataFrame(data, dtype=object)
    frame["row"] = pd.Series(rows, dtype="int64")
    how = f"{encoding}, pemisah {csvinput.SEPARATORS[sep]}" if sep else encoding
    logger.info("%s: %d baris dibaca (%s)", path.name, len(frame), how)
    raw = RawTable(table, path.name, frame, extra, encoding, sep, frozenset(broken))
    return raw, problems, header


def load(folder: Path) -> LoadResult:
    """Read every table of the input folder; collect every problem."""
    chosen, problems, others = discover(folder)
    result = LoadResult(problems=problems, other_files=tuple(others))
    for name, path in chosen.items():
        raw, table_problems, header = read_table(TABLES[name], path)
        result.problems.extend(table_problems)
        result.headers[path.name] = tuple(h.strip() for h in header)
        if raw is not None:
            result.tables[name] = raw
    return result
