"""Render/write stage for Excel downloads: rapor.xlsx and instansi.xlsx under /data/.

A CSV opened by double-click in Excel on Windows is read in the machine's code
page and split at the regional list separator (';' under Indonesian settings), so
"Kelurahan Kotabumi Ilir" survives but "jalan—rusak" does not. An .xlsx file has
no such guess: its text is Unicode and its cells are cells. The CSV files stay
exactly as the contract fixes them; these are the same rows, same columns, same
values (``datafiles``), made with openpyxl's write-only mode.

The bytes are the same for the same input: the document's created/modified dates
are the data's "as of" date (openpyxl would write the clock), and every zip entry
carries that date too (zipfile would write the clock). Text that starts like a
formula is stored as text, never as a formula, so opening the file runs nothing.

kasus.csv has no .xlsx twin: at 100,000 reports with their full text the file
would take most of a build's time for a table researchers read with pandas or R;
the /data/ page says how to import the CSV into Excel instead.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from . import datafiles, opendata

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Used when the data has no date (an empty input): 1980 is the earliest a zip entry holds.
NO_DATE = dt.datetime(1980, 1, 1)
CORE = "docProps/core.xml"
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def cell_values(s: pd.Series, field: opendata.Field) -> list:
    """A column as Excel cell values: str, int, float, bool, or None where missing.

    Date-times are ISO 8601 text with their offset, as in the CSV (Excel has no
    time zones), so the values match the CSV's cell for cell.
    """
    if field.type == "boolean":
        return s.map({True: True, False: False}).astype(object).where(s.notna(), None).tolist()
    return datafiles.json_values(s, field).tolist()


def workbook_bytes(
    table: pd.DataFrame, fields: tuple[opendata.Field, ...], sheet: str, as_of: dt.datetime | None
) -> bytes:
    """One sheet: a bold header row of column names, then one row per table row.

    ``as_of`` (tz-aware or naive) dates the document; the bytes depend on nothing else.
    """
    moment = NO_DATE if as_of is None else _naive_utc(as_of)
    book = Workbook(write_only=True)
    book.properties.creator = "Jendela Aduan"
    book.properties.created = book.properties.modified = moment
    ws = book.create_sheet(sheet)
    bold = Font(bold=True)
    header = []
    for f in fields:
        cell = WriteOnlyCell(ws, f.name)
        cell.font = bold
        header.append(cell)
    ws.freeze_panes = "A2"
    ws.append(header)
    columns = [cell_values(table[f.name], f) for f in fields]
    for row in zip(*columns, strict=True):
        ws.append([_cell(ws, v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_dates(buffer.getvalue(), moment)


def _cell(ws, value):
    if value is None:
        # An empty text cell, not a skipped one: a row keeps every column, so readers
        # (frictionless among them) see a missing value, not a missing cell.
        return ""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)  # none left after the privacy stage
    if value.startswith("="):
        cell = WriteOnlyCell(ws, value)
        cell.data_type = "s"  # text as the citizen typed it, not a formula
        return cell
    return value


def _naive_utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return max(moment.replace(microsecond=0), NO_DATE)


def _fixed_dates(data: bytes, moment: dt.datetime) -> bytes:
    """The same zip with every entry dated ``moment``, in the same order, and the
    document's modified date (openpyxl writes the clock at saving) set to it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=moment.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            part = source.read(info.filename)
            if info.filename == CORE:
                part = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", part)
            target.writestr(fixed, part, compresslevel=6)
    return out.getvalue()
