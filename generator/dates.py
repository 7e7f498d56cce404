"""Input date-times: ISO 8601, or as a spreadsheet shows them (CONTRACT §1).

Excel under Indonesian regional settings writes ``31/12/2024 08.30``; the order of day and
month in slash or dash dates is never guessed but declared by ``INPUT_DATE_ORDER``
(``"dmy"`` by default, ``"mdy"`` for files from month-first offices). Every recognised
shape has one exact format, and ``pd.to_datetime`` reads a whole column with the formats
its first cells show, so the validate stage stays fast on 100,000+ rows; only cells of
another shape are looked at one by one.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pandas as pd

ORDERS = ("dmy", "mdy")
ORDER_WORDS = {"dmy": "hari/bulan/tahun", "mdy": "bulan/hari/tahun"}
EXAMPLES = {"dmy": "31/12/2024 08.30", "mdy": "12/31/2024 08:30"}

# How many of a column's first cells tell which formats to try on the whole column.
SAMPLE = 50

# 31/12/2024, 31-12-2024, optionally with 8.30, 08:30, 08:30:00 or 08.30.00 after a space.
# The two date separators must agree, and so must the time's.
SPREADSHEET = re.compile(
    r"(?P<first>\d{1,2})(?P<sep>[/-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4})"
    r"(?: (?P<hour>\d{1,2})(?P<tsep>[.:])(?P<minute>\d{2})"
    r"(?:(?P=tsep)(?P<second_of_minute>\d{2}))?)?"
)
# 2024-12-31, 2024-12-31T08:30, 2024-12-31 08:30:00.5, with an offset after a time.
ISO = re.compile(
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2})"
    r"(?:(?P<t>[T ])(?P<time>\d{1,2}:\d{2}(?P<seconds>:\d{2}(?P<fsep>[.,]\d{1,6})?)?)"
    r"(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"
)
SHORT_YEAR = re.compile(r"\d{1,2}([/-])\d{1,2}\1\d{2}(?:\s.*)?", re.DOTALL)
# A date cell that lost its format in Excel shows the day count since 1899-12-30.
EXCEL_SERIAL = re.compile(r"\d{5}(?:[.,]\d+)?")


def cell_format(text: str, order: str = "dmy") -> str | None:
    """The exact ``strptime`` format of one cell's shape, or None when it has none we read.

    The format says nothing about whether the date exists: parsing it does.
    """
    match = SPREADSHEET.fullmatch(text)
    if match:
        sep = match["sep"]
        form = f"%d{sep}%m{sep}%Y" if order == "dmy" else f"%m{sep}%d{sep}%Y"
        if match["hour"] is None:
            return form
        clock = match["tsep"]
        return form + f" %H{clock}%M" + (f"{clock}%S" if match["second_of_minute"] else "")
    match = ISO.fullmatch(text)
    if match is None:
        return None
    form = "%Y-%m-%d"
    if match["time"]:
        form += match["t"] + "%H:%M"
        if match["seconds"]:
            form += ":%S" + (match["fsep"][0] + "%f" if match["fsep"] else "")
        if match["offset"]:
            form += "%z"
    return form


def parse(values: pd.Series, tz: ZoneInfo, order: str = "dmy") -> pd.Series:
    """Cells (stripped strings) to tz-aware timestamps in ``tz``; NaT where empty or unreadable.

    Naive values are local time in ``tz`` (CONTRACT §1.2); values with an offset are
    converted to ``tz``. Slash and dash dates are read in ``order`` ("dmy" or "mdy").
    The formats of the first cells are tried on the whole column, vectorised; only the
    cells none of them reads are looked at one by one, to find their own format.
    """
    if order not in ORDERS:
        raise ValueError(f"unknown date order {order!r}")
    result = pd.Series(pd.NaT, index=values.index, dtype=pd.DatetimeTZDtype("us", tz))
    todo = values != ""
    sample = values[todo].head(SAMPLE)
    tried = [f for f in dict.fromkeys(cell_format(v, order) for v in sample) if f]
    for form in tried:
        todo &= ~_read(values[todo], form, tz, result)
    if todo.any():  # cells of another shape, or unreadable: few in a well-made file
        rest = values[todo]
        forms = rest.map(lambda v: cell_format(v, order))
        for form, cells in rest.groupby(forms, sort=True):
            if form not in tried:
                _read(cells, form, tz, result)
    return result


def _read(cells: pd.Series, form: str, tz: ZoneInfo, result: pd.Series) -> pd.Series:
    """Parse ``cells`` with one format into ``result``; True where a cell was read."""
    aware = form.endswith("%z")
    moments = pd.to_datetime(cells, format=form, errors="coerce", utc=aware)
    read = moments.notna()
    moments = moments[read]
    moments = moments.dt.tz_convert(tz) if aware else moments.dt.tz_localize(tz)
    result[moments.index] = moments.astype(result.dtype)
    return read.reindex(result.index, fill_value=False)


def _day(year: str, month: str, day: str) -> bool:
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _clock(hour: str | None, minute: str | None, second: str | None) -> bool:
    return int(hour or 0) < 24 and int(minute or 0) < 60 and int(second or 0) < 60


def explain(text: str, shown: str, order: str = "dmy") -> tuple[str, str | None]:
    """Message and hint for a non-empty cell that ``parse`` could not read.

    ``shown`` is the cell as it may be quoted (masked and shortened by the caller).
    """
    example = f"tulis seperti {EXAMPLES[order]}"
    match = SPREADSHEET.fullmatch(text)
    if match:
        first, second, year = match["first"], match["second"], match["year"]
        day, month = (first, second) if order == "dmy" else (second, first)
        if not _day(year, month, day):
            other = "mdy" if order == "dmy" else "dmy"
            if _day(year, day, month):  # readable the other way round: say so, never guess
                return (
                    f"tanggal {shown} tidak ada di kalender",
                    f"tanggal dibaca sebagai {ORDER_WORDS[order]} (INPUT_DATE_ORDER = "
                    f'"{order}"); jika berkas ini menulis {ORDER_WORDS[other]}, '
                    f'setel INPUT_DATE_ORDER = "{other}"',
                )
            return (
                f"tanggal {shown} tidak ada di kalender",
                f"tanggal dibaca sebagai {ORDER_WORDS[order]}",
            )
        return f"jam pada {shown} tidak ada", "jam 0–23, menit dan detik 0–59, mis. 08.30"
    match = ISO.fullmatch(text)
    if match:
        year, month, day = match["date"].split("-")
        if not _day(year, month, day):
            return f"tanggal {shown} tidak ada di kalender", "urutannya tahun-bulan-hari"
        hour, minute, *second = (match["time"] or "0:0").split(":")
        if not _clock(hour, minute, second[0][:2] if second else None):
            return f"jam pada {shown} tidak ada", "jam 0–23, menit dan detik 0–59, mis. 08:30"
        return f"{shown} bukan tanggal yang dikenali", f"{example}, atau 2024-12-31T08:30:00"
    if SHORT_YEAR.fullmatch(text):
        return f"tahun pada tanggal {shown} harus ditulis empat angka", example
    if EXCEL_SERIAL.fullmatch(text):
        return (
            f"{shown} adalah angka, bukan tanggal",
            "di Excel, format kolom ini sebagai tanggal (mis. dd/mm/yyyy hh.mm) lalu simpan ulang",
        )
    return (
        f"{shown} bukan tanggal yang dikenali",
        f"{example} ({ORDER_WORDS[order]} jam.menit), atau 2024-12-31T08:30:00 (ISO 8601)",
    )
