"""The benchmark's 1 % republish: a changed copy of the input, and comparing two outputs.

``change_input`` copies an input folder (CSV tables) and changes about 1 % of its
reports, in three equal parts: edited (title and the last agency answer changed),
added (new closed public reports, copies of published ones under new tracking IDs),
and withdrawn (made ``rahasia``, so their pages must disappear). The choice is
drawn from ``random.Random(seed)``, so the same input and seed give the same change.
``compare_trees`` then says which files of two output folders differ.
"""

from __future__ import annotations

import csv
import filecmp
import os
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from timing import BenchError

SHARE = 0.01  # of all reports, split in three: edited, added, withdrawn
EDITED_TITLE = " (diperbarui)"
EDITED_ANSWER = " Hasil pemeriksaan ulang sudah dicatat dan disampaikan kepada pelapor."
ADDED_PREFIX = "BENCH-"
MAX_TITLE = 200  # CONTRACT §1.2


@dataclass
class Changes:
    """What change_input did, by tracking ID."""

    reports: int  # reports in the original input
    edited: list[str] = field(default_factory=list)
    answers_edited: int = 0
    added: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        raise BenchError(f"{path} is empty")
    return [c.strip().lower() for c in rows[0]], rows[1:]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def change_input(source: Path, target: Path, seed: int = 1) -> Changes:
    """Copy ``source`` to ``target`` with about 1 % of its reports edited, added or withdrawn.

    Needs ``complaints.csv`` (and reads ``responses.csv`` when present); other files
    are copied as they are. Raises BenchError when the input is not CSV or has no
    published report to change.
    """
    complaints_path, responses_path = source / "complaints.csv", source / "responses.csv"
    if not complaints_path.is_file():
        raise BenchError(f"the 1 % republish needs {complaints_path} (CSV input)")
    header, complaints = _read(complaints_path)
    col = {name: i for i, name in enumerate(header)}
    r_header, responses = _read(responses_path) if responses_path.is_file() else ([], [])
    r_col = {name: i for i, name in enumerate(r_header)}
    published = [
        i
        for i, row in enumerate(complaints)
        if row[col["privacy"]].strip().lower() in ("publik", "anonim")
        and row[col["status"]].strip().lower() == "selesai"
    ]
    each = max(1, round(len(complaints) * SHARE / 3))
    if len(published) < 2 * each:
        raise BenchError(f"too few published reports ({len(published)}) for the 1 % republish")
    rng = random.Random(seed)
    chosen = rng.sample(published, 3 * each if len(published) >= 3 * each else 2 * each)
    edit, withdraw, models = chosen[:each], chosen[each : 2 * each], chosen[-each:]
    changes = Changes(len(complaints))

    by_case: dict[str, list[int]] = {}
    for j, event in enumerate(responses):
        by_case.setdefault(event[r_col["tracking_id"]], []).append(j)
    for i in edit:
        row = complaints[i]
        title = row[col["title"]][: MAX_TITLE - len(EDITED_TITLE)]
        row[col["title"]] = title + EDITED_TITLE
        changes.edited.append(row[col["tracking_id"]])
        answers = [
            j
            for j in by_case.get(row[col["tracking_id"]], [])
            if responses[j][r_col["actor"]].strip().lower() == "instansi"
            and responses[j][r_col["text"]].strip()
        ]
        if answers:
            responses[answers[-1]][r_col["text"]] += EDITED_ANSWER
            changes.answers_edited += 1
    for i in withdraw:
        complaints[i][col["privacy"]] = "rahasia"
        changes.withdrawn.append(complaints[i][col["tracking_id"]])
    taken = {row[col["tracking_id"]] for row in complaints}
    for n, i in enumerate(models, start=1):
        new_id = f"{ADDED_PREFIX}{n:06d}"
        if new_id in taken:
            raise BenchError(f"tracking ID {new_id} is in the input already")
        old_id = complaints[i][col["tracking_id"]]
        row = list(complaints[i])
        row[col["tracking_id"]], row[col["privacy"]] = new_id, "publik"
        row[col["title"]] = f"Laporan baru {new_id}: {row[col['title']]}"[:MAX_TITLE]
        complaints.append(row)
        for j in by_case.get(old_id, []):
            event = list(responses[j])
            event[r_col["tracking_id"]] = new_id
            responses.append(event)
        changes.added.append(new_id)

    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for path in source.iterdir():
        if path.is_file() and path.name not in ("complaints.csv", "responses.csv"):
            shutil.copy2(path, target / path.name)
    _write(target / "complaints.csv", header, complaints)
    if r_header:
        _write(target / "responses.csv", r_header, responses)
    return changes


@dataclass
class Comparison:
    """Files of two output folders: how many, and which are only in one or differ."""

    files: int  # in the first folder
    only_first: list[str]
    only_second: list[str]
    differing: list[str]

    @property
    def differences(self) -> int:
        return len(self.only_first) + len(self.only_second) + len(self.differing)


def _files(folder: Path) -> set[str]:
    found = set()
    for parent, _dirs, names in os.walk(folder):
        base = Path(parent).relative_to(folder)
        found.update(str(base / name) for name in names)
    return found


def compare_trees(first: Path, second: Path) -> Comparison:
    """Every file of ``first`` and ``second`` compared byte by byte."""
    a, b = _files(first), _files(second)
    differing = [
        name
        for name in sorted(a & b)
        if not filecmp.cmp(first / name, second / name, shallow=False)
    ]
    return Comparison(len(a), sorted(a - b), sorted(b - a), differing)
