"""Privacy stage: refuse identifying columns, scan free text, decide what is published.

Runs after validation and before anything is written (CONTRACT §1.4, §1.5).
A finding is reported with its match masked; the whole match never reaches a
message, a log line or a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .detectors import INVISIBLE, find, replace_all, suspects
from .errors import Problem
from .loaders import RawTable
from .schema import FREE_TEXT

PUBLISHED, COUNTED_ONLY, REJECTED = "published", "counted_only", "rejected"

# Header words that identify a reporter. Matched against the header's words, so
# "nik" matches "NIK" and "nik_pelapor" but not "teknik".
_IDENTIFYING_WORDS = {
    "nik",
    "kk",
    "nokk",
    "ktp",
    "hp",
    "nohp",
    "phone",
    "telepon",
    "telp",
    "tlp",
    "telpon",
    "handphone",
    "whatsapp",
    "wa",
    "email",
    "mail",
    "surel",
    "alamat",
    "address",
}
_NAME_WORDS = {"nama", "name"}
_REPORTER_WORDS = {"pelapor", "reporter", "pengadu", "pemohon", "user", "pengguna"}
# "Nama Lengkap" / "full name" is a person's name, whoever the column says it is.
_FULL_WORDS = {"lengkap", "full"}


def identifying_column(header: str) -> bool:
    """True when a column header names data that identifies a reporter."""
    words = [w for w in re.split(r"[^a-z0-9]+", header.lower()) if w]
    joined = "".join(words)
    if joined in {"nokk", "nohp", "notelp", "email", "nik"}:
        return True
    if any(w in _IDENTIFYING_WORDS for w in words):
        return True
    # "pelapor" alone, a name column about the reporter, or a person's full name.
    given = set(words)
    return bool(
        given
        and given <= _REPORTER_WORDS | _NAME_WORDS | _FULL_WORDS
        and (given & _REPORTER_WORDS or (given & _NAME_WORDS and given & _FULL_WORDS))
    )


def identifying_columns(headers: dict[str, tuple[str, ...]]) -> list[Problem]:
    """One fatal problem per identifying column, in every file whose header was read
    (also in a file that fails for another reason, so one run reports everything)."""
    return [
        Problem(
            file,
            1,
            header,
            "kolom identitas pelapor tidak boleh ada; seluruh input ditolak",
            fatal=True,
            hint="hapus kolom ini dari ekspor sebelum diterbitkan",
        )
        for file, names in headers.items()
        for header in names
        if identifying_column(header)
    ]


REDACTED = "[disamarkan]"


def neutralise(raw: RawTable) -> None:
    """Remove invisible control characters from the table's text columns, in place.

    Runs before validation and the scan, so every stage and every output shows
    the same text. Only text columns: an ID holding a control character is
    reported by validation, not quietly repaired.
    """
    for column in raw.table.columns:
        if column.kind != "text" or column.name not in raw.frame:
            continue
        values = raw.frame[column.name]
        dirty = values.str.contains(INVISIBLE, regex=True)
        if dirty.any():
            raw.frame.loc[dirty, column.name] = values[dirty].str.replace(INVISIBLE, "", regex=True)


@dataclass(frozen=True)
class Finding:
    """One personal-data match: its problem (masked) and the cell it is in."""

    problem: Problem
    table: str
    index: object  # the row's index label in the table's frames
    column: str


def scan_text(raw: RawTable, typed: pd.DataFrame) -> list[Finding]:
    """Every personal-data finding in the table's free-text columns, masked."""
    findings: list[Finding] = []
    ids = typed.get("tracking_id", None)
    for column in FREE_TEXT[raw.table.name]:
        values = raw.frame[column]
        values = values[suspects(values)]
        for index, text in values.items():
            for match in find(text):
                problem = Problem(
                    raw.file,
                    int(raw.frame.at[index, "row"]),
                    column,
                    f"data pribadi ({match.kind}) ditemukan: {match.masked}",
                    ids[index] if ids is not None else None,
                    "hapus dari teks sumber, atau terbitkan dengan PII_POLICY=redact",
                    fatal=True,
                )
                findings.append(Finding(problem, raw.table.name, index, column))
    return findings


def redacted(finding: Finding) -> Problem:
    """The finding as a note that its match was replaced (still masked)."""
    p = finding.problem
    message = p.message.replace(" ditemukan: ", " disamarkan: ", 1)
    return Problem(p.file, p.row, p.column, message, p.tracking_id)


def redact(frame: pd.DataFrame, table: str, findings: list[Finding]) -> pd.DataFrame:
    """``frame`` with every personal-data match in the cells of ``findings`` replaced
    by ``[disamarkan]``. Done once, in the data stages, so every page, index, feed
    and data file carries the same text."""
    cells = {(f.index, f.column) for f in findings if f.table == table and f.index in frame.index}
    if not cells:
        return frame
    frame = frame.copy()
    for index, column in sorted(cells, key=str):
        frame.at[index, column] = replace_all(frame.at[index, column], REDACTED)
    return frame


def classify(complaints: pd.DataFrame, rejected: pd.Series) -> pd.Series:
    """Each report's outcome: published, counted_only or rejected (CONTRACT §1.5)."""
    public = complaints["privacy"].isin(("publik", "anonim")) & (complaints["status"] == "selesai")
    outcome = pd.Series(COUNTED_ONLY, index=complaints.index, dtype=object)
    outcome[public] = PUBLISHED
    outcome[rejected] = REJECTED
    return outcome


# Metres in one degree of latitude (WGS84 mean); a degree of longitude is this times cos(lat).
METRES_PER_DEGREE = 111_320.0


def generalise_coordinates(
    lat: pd.Series, lon: pd.Series, grid_metres: float
) -> tuple[pd.Series, pd.Series]:
    """Each point moved to the centre of its ``grid_metres`` grid cell (CONTRACT §1.5).

    Rows are bands of ``grid_metres`` of latitude; within a band, cells are
    ``grid_metres`` wide at the band's centre, so every cell is about square and
    every point in it gets the same centre, rounded to 5 decimals (about 1 m).
    The pipeline applies it before any later stage sees the data, so no page or
    file can hold the input's exact coordinates. Missing values stay missing.
    """
    lat_step = grid_metres / METRES_PER_DEGREE
    band = np.floor(lat.to_numpy(dtype=float) / lat_step)
    lat_centre = (band + 0.5) * lat_step
    lon_step = lat_step / np.cos(np.radians(lat_centre))
    lon_centre = (np.floor(lon.to_numpy(dtype=float) / lon_step) + 0.5) * lon_step
    return (
        pd.Series(np.round(lat_centre, 5), index=lat.index, dtype="float64"),
        pd.Series(np.round(lon_centre, 5), index=lon.index, dtype="float64"),
    )
