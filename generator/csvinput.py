"""CSV text into records: which separator it uses, and rows that do not fit the header.

Part of the load stage (``loaders.py`` decodes the bytes and builds the tables). Excel
writes ``,`` between cells, or ``;`` where the regional settings use the decimal comma
(Indonesia among them). The separator is told by the header row: the reading that finds
the most known column names wins, so commas in a report's text cannot mislead it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection

from .errors import Problem

SEPARATORS = {",": "koma", ";": "titik koma", "\t": "tab"}
ACCEPTED = (",", ";")  # CONTRACT §1; a tab file is refused with a hint

HEAD_CHARS = 1 << 16  # enough for any header row
Record = tuple[int, list[str]]


def _header(text: str, separator: str) -> list[str]:
    # The header row only: a copy of the whole file for each guess would cost seconds.
    head = io.StringIO(text[:HEAD_CHARS], newline="")
    try:
        return next(csv.reader(head, delimiter=separator), [])
    except csv.Error:  # reported when the whole file is read
        return []


def separator(text: str, known: Collection[str]) -> str:
    """The separator whose reading of the header row finds most known column names.

    Ties go to the reading with more cells, then to the comma.
    """
    best, best_score = ",", (-1, -1)
    for candidate in SEPARATORS:
        cells = [c.strip().lower() for c in _header(text, candidate)]
        score = (sum(c in known for c in cells), len(cells))
        if score > best_score:
            best, best_score = candidate, score
    return best


def read(
    text: str, file: str, known: Collection[str], hint: str
) -> tuple[list[str], list[Record], str, list[Problem]]:
    """Header, records (spreadsheet row number, cells) and separator of a decoded CSV text.

    Rows are numbered as a spreadsheet shows them: header 1, first record 2, however
    many line breaks a quoted cell holds. A file that cannot be read as a whole gives
    one fatal problem and no records; ``hint`` says how to save it again.
    """
    sep = separator(text, known)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    header: list[str] = []
    records: list[Record] = []
    try:
        header = next(reader, [])
        # A spreadsheet shows one row per record, so count records, not lines.
        for row_number, cells in enumerate(reader, start=2):
            records.append((row_number, cells))
    except csv.Error as exc:
        # The record that could not be read, as a spreadsheet numbers it (not the file line).
        row = len(records) + 2 if header else 1
        problem = Problem(
            file,
            row,
            "",
            f"CSV rusak: {exc}",
            fatal=True,
            hint="periksa tanda kutip yang tidak ditutup",
        )
        return [], [], sep, [problem]
    if sep not in ACCEPTED:
        problem = Problem(
            file,
            1,
            "",
            f"kolom dipisah dengan {SEPARATORS[sep]}, bukan koma atau titik koma",
            fatal=True,
            hint=hint,
        )
        return [], [], sep, [problem]
    return header, records, sep, []


def fit(
    cells: list[str], width: int, file: str, row: int, sep: str
) -> tuple[list[str], Problem | None]:
    """A record's cells cut to the header's width, and the problem when they do not fit.

    Empty cells after the last column (Excel writes them when a sheet was once wider)
    are dropped silently. A row with fewer cells, or with more filled ones, gets one
    problem naming the counts: every cell after a cut or a split is in the wrong
    column, so the caller checks none of them one by one.
    """
    if len(cells) > width and not any(c.strip() for c in cells[width:]):
        return cells[:width], None
    if len(cells) < width:
        message = f"baris hanya berisi {len(cells)} dari {width} kolom"
        hint = 'baris terpotong, atau sel yang memuat baris baru tidak diapit tanda kutip ("…")'
    else:
        message = f"baris berisi {len(cells)} kolom, padahal header hanya {width} kolom"
        hint = f'teks yang memuat {SEPARATORS[sep]} ({sep}) harus diapit tanda kutip ("…")'
    return cells, Problem(file, row, "", message, hint=hint)
