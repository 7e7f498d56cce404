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


@dataclass(frozen=True)
class Detector:
    kind: str  # what it finds, in Indonesian, for the message
    pattern: re.Pattern
    accept: object = None  # optional function(match) -> bool to drop false alarms
    prefilter: re.Pattern | None = None  # cheap test a cell must pass before the full pattern


def _nik_like(match: re.Match) -> bool:
    """NIK and KK numbers: 6-digit region code, then a date (day +40 for women)."""
    digits = re.sub(r"\D", "", match.group())
    province, day, month = int(digits[:2]), int(digits[6:8]), int(digits[8:10])
    return 11 <= province <= 97 and (1 <= day <= 31 or 41 <= day <= 71) and 1 <= month <= 12


DETECTORS = (
    Detector(
        "alamat e-mail",
        re.compile(
            # The lookbehind starts a match only at a word's start (same matches, ~3x faster).
            r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+\s*(?:@|\[at\]|\(at\))\s*[A-Za-z0-9-]+"
            r"(?:\s*(?:\.|\[dot\]|\(dot\))\s*[A-Za-z0-9-]+)+",
            re.IGNORECASE,
        ),
        prefilter=re.compile(r"@|\[at\]|\(at\)", re.IGNORECASE),
    ),
    Detector("NIK/nomor KK", re.compile(r"(?<![\d/])\d(?:[ .-]?\d){15}(?![\d/])"), _nik_like),
    Detector(
        "nomor telepon", re.compile(r"(?<![\d/])(?:\+62|62|0)[ .-]?8\d(?:[ .-]?\d){6,10}(?![\d/])")
    ),
    Detector(
        "nomor telepon",
        re.compile(
            r"(?i)(?:telp|tlp|telepon|telpon|fax|hp|wa)\.?\s*:?\s*"
            r"\(?0\d{2,3}\)?[ .-]?\d{3,4}[ .-]?\d{2,5}"
        ),
    ),
    Detector(
        "nomor rekening",
        re.compile(
            # "rek. BRI no. 0021-01-…", "rekening Bank Lampung a.n. Budi 123…": up to three words
            # (bank, "no.", "a.n.", a name) may stand between the word and the number, but not
            # "Rp": "rekening air Rp 1.250.000" is a water bill.
            r"(?i)\brek(?:ening)?\.?(?:\s+(?!rp)[a-z][a-z.]{0,14}){0,3}?"
            r"\s*:?\s*\d(?:[ .-]?\d){6,19}"
        ),
    ),
)


def mask(text: str) -> str:
    """Hide the middle of a match: keep a few leading and trailing characters only."""
    if "@" in text or "[at]" in text.lower() or "(at)" in text.lower():
        local, _sep, domain = re.split(r"(@|\[at\]|\(at\))", text, maxsplit=1, flags=re.I)
        return f"{local[:1]}***@***{domain[-4:] if len(domain) > 4 else ''}"
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    keep = 4 if len(digits) >= 12 else 2
    hidden = set(digits[keep:-keep]) if len(digits) > 2 * keep else set(digits[1:])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(text))


def redact(text: str) -> str:
    """``text`` with every personal-data match masked, for messages that quote a cell."""
    for detector in DETECTORS:
        text = detector.pattern.sub(
            lambda m, d=detector: m.group() if d.accept and not d.accept(m) else mask(m.group()),
            text,
        )
    return text


# Every detector needs an e-mail marker or seven digits with at most two separator
# characters between them; one pass of this over all cells leaves the detectors a few.
SUSPECT = re.compile(r"@|\[at\]|\(at\)|\d(?:[ ().-]{0,2}\d){6}", re.IGNORECASE)


def scan_text(raw: RawTable, typed: pd.DataFrame) -> list[Problem]:
    """Every personal-data finding in the table's free-text columns, masked."""
    problems: list[Problem] = []
    ids = typed.get("tracking_id", None)
    for column in FREE_TEXT[raw.table.name]:
        values = raw.frame[column]
        values = values[values.str.contains(SUSPECT, regex=True)]
        # One finding per piece of text: "HP 0812-…" is both a mobile and a "telp/hp" number.
        found: dict[int, list[tuple[int, int]]] = {}
        for detector in DETECTORS:
            hits = values.str.contains(detector.prefilter or detector.pattern, regex=True)
            for index in hits[hits].index:
                for match in detector.pattern.finditer(values[index]):
                    if detector.accept is not None and not detector.accept(match):
                        continue
                    spans = found.setdefault(index, [])
                    if any(match.start() < end and start < match.end() for start, end in spans):
                        continue
                    spans.append(match.span())
                    problems.append(
                        Problem(
                            raw.file,
                            int(raw.frame.at[index, "row"]),
                            column,
                            f"data pribadi ({detector.kind}) ditemukan: {mask(match.group())}",
                            ids[index] if ids is not None else None,
                            "hapus dari teks sumber; data pribadi tidak pernah diterbitkan",
                            fatal=True,
                        )
                    )
    return problems


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
