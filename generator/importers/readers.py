"""Read an export file into records: (row as a spreadsheet shows it, {column: text}).

CSV (UTF-8, BOM or Windows-1252; comma, ';' or tab, detected from the header),
XLSX (first sheet), JSON (an array of objects, optionally under a key path) and
XML (record elements under the root, parsed with defusedxml: the file is
untrusted). Column names are lower-cased; every cell is stripped text. Rows
are numbered as CONTRACT §1.6 says: header = 1, first record = 2; JSON and XML
records by position + 1.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from .. import loaders
from ..errors import Problem
from ..loaders import decode

Record = tuple[int, dict[str, str]]


def cell_text(value: object) -> str:
    """A spreadsheet or JSON cell as text, as the loader reads it, without outer spaces."""
    return loaders.cell_text(value).strip()


def _rows(header: list[str], rows: list[tuple[int, list[str]]]) -> list[Record]:
    names = [h.strip().lower() for h in header]
    records = []
    for number, cells in rows:
        record: dict[str, str] = {}
        for name, cell in zip(names, cells, strict=False):
            if name and name not in record:
                record[name] = cell.strip()
        records.append((number, record))
    return records


def _problem(file: str, message: str, row: int = 0) -> list[Problem]:
    return [Problem(file, row, "", message, fatal=True)]


def read_csv(path: Path) -> tuple[list[str], list[Record], list[Problem]]:
    text, _, problems = decode(path.read_bytes(), path.name)
    if text is None:
        return [], [], problems
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        header = next(reader, [])
        for number, cells in enumerate(reader, start=2):
            rows.append((number, cells))
    except csv.Error as exc:
        return [], [], _problem(path.name, f"CSV rusak: {exc}", len(rows) + 2)
    return header, _rows(header, rows), []


def read_xlsx(path: Path) -> tuple[list[str], list[Record], list[Problem]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        return [], [], _problem(path.name, f"file XLSX tidak bisa dibaca: {exc}")
    values = book.worksheets[0].iter_rows(values_only=True)
    header = [cell_text(v) for v in next(values, ())]
    rows = [(n, [cell_text(v) for v in row]) for n, row in enumerate(values, start=2)]
    book.close()
    return header, _rows(header, rows), []


def _objects(objects: list, file: str) -> tuple[list[str], list[Record], list[Problem]]:
    header: list[str] = []
    records: list[Record] = []
    problems: list[Problem] = []
    for number, obj in enumerate(objects, start=2):
        if not isinstance(obj, dict):
            problems.append(Problem(file, number, "", "elemen bukan objek"))
            continue
        record = {}
        for key, value in obj.items():
            name = str(key).strip().lower()
            if name not in header:
                header.append(name)
            # Nested values (e.g. a list of attributes) are not columns: left out.
            record[name] = "" if isinstance(value, (dict, list)) else cell_text(value)
        records.append((number, record))
    return header, records, problems


def read_json(path: Path, records: str) -> tuple[list[str], list[Record], list[Problem]]:
    text, _, problems = decode(path.read_bytes(), path.name)
    if text is None:
        return [], [], problems
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [], _problem(path.name, f"JSON rusak di baris {exc.lineno}: {exc.msg}")
    # The record path leads into an object; a top-level array is the records already.
    for key in [k for k in records.split(".") if k] if isinstance(data, dict) else ():
        data = data.get(key) if isinstance(data, dict) else None
    if not isinstance(data, list):
        where = f" di '{records}'" if records else ""
        return [], [], _problem(path.name, f"JSON harus berupa array objek{where}")
    return _objects(data, path.name)


def read_xml(path: Path, records: str) -> tuple[list[str], list[Record], list[Problem]]:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(path.read_bytes())
    except (ParseError, DefusedXmlException) as exc:
        return [], [], _problem(path.name, f"XML rusak atau tidak aman: {exc}")
    elements = root.findall(records or "*")
    objects = [
        {child.tag: (child.text or "") for child in element if len(child) == 0}
        for element in elements
    ]
    return _objects(objects, path.name)


def read(
    path: Path, formats: tuple[str, ...], records: str
) -> tuple[list[str], list[Record], list[Problem]]:
    """The file's header (lower-cased) and records, or the problems that stop reading it."""
    kind = path.suffix.lower().lstrip(".")
    if not path.is_file():
        return [], [], _problem(str(path), "file sumber tidak ditemukan")
    if kind not in formats:
        accepted = ", ".join(f".{f}" for f in formats)
        return [], [], _problem(path.name, f"format ini membaca file {accepted}, bukan '{kind}'")
    if kind == "csv":
        header, rows, problems = read_csv(path)
    elif kind == "xlsx":
        header, rows, problems = read_xlsx(path)
    elif kind == "json":
        header, rows, problems = read_json(path, records)
    else:
        header, rows, problems = read_xml(path, records)
    return [h.strip().lower() for h in header], rows, problems
