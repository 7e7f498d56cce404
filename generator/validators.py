"""Validate stage: type every cell, check every rule, collect every problem.

Input: the load stage's string tables. Output: typed DataFrames (enums
lower-cased, date-times tz-aware in TIMEZONE, numbers as numbers) and the list
of problems, each naming file, spreadsheet row, column and, where it helps,
the value and a hint. Free text is never echoed (it may hold personal data).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from . import dates
from .detectors import INVISIBLE, mask_all
from .errors import Problem
from .loaders import RawTable
from .schema import AREA_CODE_PATTERN, ID_PATTERN, TABLES, Column, Table


def show(value: str, limit: int = 40) -> str:
    """A cell value quoted for a message: personal data masked, at most ``limit`` characters."""
    # A shifted CSV row can put the citizen's words in any column, so mask before quoting.
    value = mask_all(value)
    # Shown, not obeyed: a bidi override in a quoted cell would reorder the message.
    value = INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", value)
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return f"'{text}'"


@dataclass
class TableCheck:
    """Collects problems for one table; the typed frame is built up column by column."""

    raw: RawTable
    date_order: str = "dmy"
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.frame = self.raw.frame
        # A row that does not fit the header was reported once by the load stage.
        self.broken = self.frame["row"].isin(self.raw.broken)
        self.typed = pd.DataFrame({"row": self.frame["row"]})
        if "tracking_id" in self.frame:
            ids = self.frame["tracking_id"]
            self.ids = ids.where(ids.str.fullmatch(ID_PATTERN.pattern), None)
        else:
            self.ids = pd.Series([None] * len(self.frame), index=self.frame.index, dtype=object)

    def add(self, mask: pd.Series, column: str, message, hint: str | None = None) -> None:
        """Report ``message`` on every masked row that fits the header.

        ``message`` is a text, or a function of the cell value giving a text or a
        (text, hint) pair.
        """
        mask = mask & ~self.broken
        if not mask.any():
            return
        values = self.frame.get(column, None)
        for index in mask[mask].index:
            text = message(values[index]) if callable(message) else message
            text, hint_here = text if isinstance(text, tuple) else (text, hint)
            self.problems.append(
                Problem(
                    self.raw.file,
                    int(self.frame.at[index, "row"]),
                    column,
                    text,
                    self.ids[index],
                    hint_here,
                )
            )

    def check_column(self, column: Column, tz: ZoneInfo) -> None:
        values = self.frame[column.name]
        empty = values == ""
        if column.always_required:
            self.add(empty, column.name, "wajib diisi")
        if column.kind == "id":
            bad = ~empty & ~values.str.fullmatch(ID_PATTERN.pattern)
            self.add(
                bad,
                column.name,
                lambda v: f"{show(v)} bukan kode yang sah",
                "1–40 karakter: huruf, angka, '_' atau '-'",
            )
            self.typed[column.name] = values.where(~bad & ~empty, None)
        elif column.kind == "enum":
            lowered = values.str.lower()
            if column.default:
                lowered = lowered.where(~empty, column.default)
            bad = (lowered != "") & ~lowered.isin(column.choices)
            choices = ", ".join(column.choices)
            self.add(
                bad,
                column.name,
                lambda v: (
                    f"nilai {show(v)} tidak dikenal; pilihan: {choices}"
                    + _suggest(v, column.choices)
                ),
            )
            self.typed[column.name] = lowered.where(~bad & (lowered != ""), None)
        elif column.kind == "text":
            too_long = values.str.len() > column.max_length
            self.add(
                too_long,
                column.name,
                lambda v: (
                    f"terlalu panjang: {len(v):,} karakter "
                    f"(paling banyak {column.max_length:,})".replace(",", ".")
                ),
            )
            self.typed[column.name] = values
        elif column.kind == "datetime":
            parsed = dates.parse(values, tz, self.date_order)
            bad = ~empty & parsed.isna()
            self.add(bad, column.name, lambda v: dates.explain(v, show(v), self.date_order))
            self.typed[column.name] = parsed
        elif column.kind in ("float", "int"):
            semicolon = self.raw.separator == ";"
            if semicolon:  # the cells cannot be split by a comma, so it is the decimal mark
                values = values.str.replace(",", ".", regex=False)
            numbers = pd.to_numeric(values.where(~empty, None), errors="coerce")
            bad = ~empty & numbers.isna()
            comma = values.str.contains(",", regex=False) & (not semicolon)
            self.add(
                bad & comma,
                column.name,
                lambda v: f"{show(v)} bukan angka",
                "pakai titik sebagai pemisah desimal, mis. -4.8312",
            )
            self.add(bad & ~comma, column.name, lambda v: f"{show(v)} bukan angka")
            if column.kind == "int":
                fractional = numbers.notna() & (numbers != np.floor(numbers))
                self.add(fractional, column.name, lambda v: f"{show(v)} bukan bilangan bulat")
                numbers = numbers.where(~fractional).astype("Int64")
            self.typed[column.name] = numbers
        elif column.kind == "area_code":
            bad = ~empty & ~values.str.fullmatch(AREA_CODE_PATTERN.pattern)
            self.add(
                bad,
                column.name,
                lambda v: f"{show(v)} bukan kode wilayah Kemendagri",
                "contoh: 18.03.01",
            )
            self.typed[column.name] = values

    def check_unique(self, column: str) -> None:
        """Duplicates, also those that differ only in case (URLs are lower-cased)."""
        values = self.typed[column]
        lowered = values.str.lower()
        present = values.notna()
        first_row = self.frame["row"].groupby(lowered).transform("min")
        duplicate = present & lowered.duplicated(keep="first")
        exact = values.duplicated(keep="first")
        rows = first_row.astype("Int64")
        for index in duplicate[duplicate & ~self.broken].index:
            same = (
                ""
                if exact[index]
                else " (beda huruf besar/kecil saja; alamat halaman memakai huruf kecil)"
            )
            self.problems.append(
                Problem(
                    self.raw.file,
                    int(self.frame.at[index, "row"]),
                    column,
                    f"{show(values[index])} sudah dipakai di baris {rows[index]}{same}",
                    self.ids[index],
                )
            )
        self.typed[column + "_duplicate"] = duplicate

    def run(self, tz: ZoneInfo) -> pd.DataFrame:
        for column in self.raw.table.columns:
            self.check_column(column, tz)
            if column.unique:
                self.check_unique(column.name)
        return self.typed


def _suggest(value: str, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value.lower(), choices, n=1, cutoff=0.6)
    return f" (maksudnya '{close[0]}'?)" if close else ""


@dataclass
class Validated:
    """Typed tables and every problem found; ``bad_rows`` per table holds row numbers."""

    agencies: pd.DataFrame
    complaints: pd.DataFrame
    responses: pd.DataFrame
    files: dict[str, str]
    problems: list[Problem]

    def bad_rows(self, table: str) -> set[int]:
        file = self.files.get(table)
        return {p.row for p in self.problems if p.file == file and p.row}


def _check_agencies(check: TableCheck) -> None:
    typed = check.typed
    known = set(typed["agency_id"].dropna())
    parent = typed["parent_id"]
    check.add(
        parent.notna() & ~parent.isin(known),
        "parent_id",
        lambda v: f"instansi induk {show(v)} tidak ada di tabel agencies",
    )
    check.add(
        parent.notna() & (parent == typed["agency_id"]),
        "parent_id",
        "instansi tidak boleh menjadi induk dirinya sendiri",
    )
    # A cycle of two or more would make "parent" chains endless on the pages.
    parents = {
        a: p
        for a, p in zip(typed["agency_id"], parent, strict=True)
        if a is not None and p is not None
    }
    in_cycle = typed["agency_id"].map(lambda start: _returns_to(start, parents))
    check.add(
        in_cycle & (parent != typed["agency_id"]),
        "parent_id",
        "rantai instansi induk berputar kembali ke instansi ini",
    )


def _returns_to(start: str | None, parents: dict[str, str]) -> bool:
    node, steps = parents.get(start), 0
    while node is not None and steps <= len(parents):
        if node == start:
            return True
        node, steps = parents.get(node), steps + 1
    return False


def _check_complaints(check: TableCheck, agency_ids: set[str], bounds: tuple) -> None:
    typed = check.typed
    agency = typed["agency_id"]
    check.add(
        agency.notna() & ~agency.isin(agency_ids),
        "agency_id",
        lambda v: f"instansi {show(v)} tidak ada di tabel agencies",
        "tambahkan instansinya ke agencies, atau perbaiki kodenya",
    )
    selesai = typed["status"] == "selesai"
    closed = typed["closed_at"]
    has_closed = check.frame["closed_at"] != ""
    check.add(selesai & ~has_closed, "closed_at", "wajib diisi jika status = selesai")
    check.add(
        ~selesai & typed["status"].notna() & has_closed,
        "closed_at",
        lambda v: "diisi padahal status belum selesai",
        "kosongkan, atau ubah status",
    )
    before = closed.notna() & typed["submitted_at"].notna() & (closed < typed["submitted_at"])
    check.add(before, "closed_at", lambda v: f"{show(v)} lebih awal dari submitted_at")
    lat, lon = typed["lat"], typed["lon"]
    # Pairing is about what was typed: a lat that is not a number is reported once, above.
    lat_given, lon_given = check.frame["lat"] != "", check.frame["lon"] != ""
    pair = "lat dan lon harus diisi keduanya atau tidak sama sekali"
    check.add(~lat_given & lon_given, "lat", pair)
    check.add(~lon_given & lat_given, "lon", pair)
    lat_min, lat_max, lon_min, lon_max = bounds
    hint = f"MAP_BOUNDS: lintang {lat_min}…{lat_max}, bujur {lon_min}…{lon_max}"
    swapped = lat.between(lon_min, lon_max) & lon.between(lat_min, lat_max)
    lat_outside = lat.notna() & ~lat.between(lat_min, lat_max)
    check.add(
        lat_outside & swapped,
        "lat",
        lambda v: f"{show(v)} di luar batas peta",
        "lat dan lon tampaknya tertukar",
    )
    check.add(lat_outside & ~swapped, "lat", lambda v: f"{show(v)} di luar batas peta", hint)
    check.add(
        lon.notna() & ~lon.between(lon_min, lon_max),
        "lon",
        lambda v: f"{show(v)} di luar batas peta",
        hint,
    )
    rating = typed["rating"]
    check.add(
        rating.notna() & ~rating.between(1, 5), "rating", lambda v: f"{show(v)} harus 1 sampai 5"
    )


def _check_responses(check: TableCheck, complaints: pd.DataFrame, agency_ids: set[str]) -> None:
    typed = check.typed
    submitted = complaints.drop_duplicates("tracking_id").set_index("tracking_id")["submitted_at"]
    tid = typed["tracking_id"]
    check.add(
        tid.notna() & ~tid.isin(submitted.index),
        "tracking_id",
        lambda v: f"laporan {show(v)} tidak ada di tabel complaints",
    )
    agency = typed["agency_id"]
    needs_agency = (typed["actor"] == "instansi") | (typed["action"] == "disposisi")
    check.add(
        needs_agency & (check.frame["agency_id"] == ""),
        "agency_id",
        "wajib diisi jika actor = instansi atau action = disposisi",
    )
    check.add(
        agency.notna() & ~agency.isin(agency_ids),
        "agency_id",
        lambda v: f"instansi {show(v)} tidak ada di tabel agencies",
    )
    start = tid.map(submitted)
    early = typed["at"].notna() & start.notna() & (typed["at"] < start)
    check.add(
        early,
        "at",
        lambda v: f"{show(v)} lebih awal dari waktu laporan masuk",
        "periksa zona waktu dan tanggalnya",
    )


def _empty_typed(table: Table, tz: ZoneInfo) -> pd.DataFrame:
    frame = pd.DataFrame({"row": pd.Series([], dtype="int64")})
    for column in table.columns:
        if column.kind == "datetime":
            frame[column.name] = pd.Series([], dtype=pd.DatetimeTZDtype("us", tz))
        elif column.kind in ("float", "int"):
            frame[column.name] = pd.Series(
                [], dtype="float64" if column.kind == "float" else "Int64"
            )
        else:
            frame[column.name] = pd.Series([], dtype=object)
    return frame


def validate(
    tables: dict[str, RawTable], tz: ZoneInfo, bounds: tuple, date_order: str = "dmy"
) -> Validated:
    """Type and check every table; cross-table rules use only well-formed keys.

    Slash and dash dates are read in ``date_order`` (INPUT_DATE_ORDER: "dmy" or "mdy").
    """
    checks = {name: TableCheck(raw, date_order) for name, raw in tables.items()}
    typed = {name: check.run(tz) for name, check in checks.items()}
    agency_ids: set[str] = set()
    if "agencies" in checks:
        _check_agencies(checks["agencies"])
        agency_ids = set(typed["agencies"]["agency_id"].dropna())
    if "complaints" in checks:
        _check_complaints(checks["complaints"], agency_ids, bounds)
    if "responses" in checks and "complaints" in typed:
        _check_responses(checks["responses"], typed["complaints"], agency_ids)
    for name, table in TABLES.items():
        if name not in typed:  # an optional table that is absent: no rows
            typed[name] = _empty_typed(table, tz)
    problems = [p for check in checks.values() for p in check.problems]
    return Validated(
        typed["agencies"],
        typed["complaints"],
        typed["responses"],
        {name: raw.file for name, raw in tables.items()},
        problems,
    )
