"""Changelog stage: what changed since the previous release, and the history.

The current release is compared with the previous one (its rilis.json and the
open-data files it published): cases added, cases changed (which fields; old
and new value of answers, status, dates, agency and category), the number of
cases withdrawn from publication, and the scorecard figures that moved.

A withdrawn case is counted, never named: it may have become confidential.
The history is carried over from the previous perubahan.csv, and every row
naming a case that is not published now is dropped, so no file names it again.
A release that changes nothing adds no row: republishing the same input gives
the same history, byte for byte.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import datafiles, detectors, privacy, releases
from .releases import Previous

logger = logging.getLogger(__name__)

HISTORY_FILE = "perubahan.csv"
HISTORY_COLUMNS = (
    "release",
    "data_as_of",
    "change",
    "tracking_id",
    "agency_id",
    "field",
    "old",
    "new",
    "count",
)
FIRST, ADDED, CHANGED, WITHDRAWN, FIGURE = (
    "rilis_pertama",
    "ditambahkan",
    "diubah",
    "ditarik",
    "angka",
)
ANSWER, TIMELINE, UNKNOWN = "tanggapan", "linimasa", ""
# Case fields whose old and new values are listed; others are named only.
WITH_VALUES = ("status", "submitted_at", "closed_at", "agency_id", "category", "type")
ANSWER_ACTIONS = ("tanggapan", "tindak_lanjut", "selesai")
FIGURES = ("received", "pct_response_within_sla", "grade")
FIELD_ORDER = (*releases.CASE_DIGEST_FIELDS, ANSWER, TIMELINE, UNKNOWN)


@dataclass(frozen=True)
class Comparison:
    """How this release differs from the previous one (None: a first release)."""

    previous: Previous | None
    added: int
    changed: int
    withdrawn: int
    figures: int

    @property
    def first(self) -> bool:
        return self.previous is None

    @property
    def nothing(self) -> bool:
        return not self.first and not (self.added or self.changed or self.withdrawn or self.figures)


def _row(release: releases.Release, change: str, **cells: str) -> dict[str, str]:
    row = dict.fromkeys(HISTORY_COLUMNS, "")
    row.update(release=release.id, data_as_of=release.data_as_of or "", change=change)
    row.update(cells)
    return row


def answers(events: Sequence[Mapping[str, str]]) -> list[str]:
    """The texts of a case's agency answers, in timeline order."""
    return [
        e.get("text") or ""
        for e in events
        if e.get("actor") == "instansi" and e.get("action") in ANSWER_ACTIONS
    ]


def case_changes(
    old: Mapping[str, str] | None,
    new: Mapping[str, str],
    old_events: Sequence[Mapping[str, str]],
    new_events: Sequence[Mapping[str, str]],
) -> list[tuple[str, str, str]]:
    """(field, old, new) for each difference; old/new are '' where not listed.

    With no old row (the previous release kept no kasus.csv) the change is one
    row with an empty field: the case changed, what is not known.
    """
    if old is None:
        return [(UNKNOWN, "", "")]
    found = []
    for name in releases.CASE_DIGEST_FIELDS:
        before, after = old.get(name) or "", new.get(name) or ""
        if before != after:
            found.append((name, before, after) if name in WITH_VALUES else (name, "", ""))
    old_answers, new_answers = answers(old_events), answers(new_events)
    for i in range(max(len(old_answers), len(new_answers))):
        before = old_answers[i] if i < len(old_answers) else ""
        after = new_answers[i] if i < len(new_answers) else ""
        if before != after:
            found.append((ANSWER, before, after))
    keys = releases.EVENT_DIGEST_FIELDS
    if [[e.get(k) or "" for k in keys] for e in old_events] != [
        [e.get(k) or "" for k in keys] for e in new_events
    ] and old_answers == new_answers:
        found.append((TIMELINE, "", ""))
    return found or [(UNKNOWN, "", "")]


def _read_rows(previous: Previous, name: str) -> list[dict[str, str]] | None:
    path = previous.file(name)
    if path is None:
        logger.warning(
            "rilis sebelumnya tidak memuat %s: %s", name, "nilai lama tidak dapat ditampilkan"
        )
        return None
    return releases.csv_rows(path.read_bytes())


def figure_changes(
    release: releases.Release, old: list[dict[str, str]], new: list[dict[str, str]]
) -> list[dict[str, str]]:
    """Rows for each agency whose received count, % on time or grade moved."""
    before = {r.get("agency_id", ""): r for r in old}
    rows = []
    for agency in sorted(new, key=lambda r: r["agency_id"]):
        was = before.get(agency["agency_id"])
        if was is None:
            continue
        for name in FIGURES:
            if (was.get(name) or "") != (agency.get(name) or ""):
                rows.append(
                    _row(
                        release,
                        FIGURE,
                        agency_id=agency["agency_id"],
                        field=name,
                        old=was.get(name) or "",
                        new=agency.get(name) or "",
                    )
                )
    return rows


def compare(
    release: releases.Release,
    previous: Previous | None,
    cases: list[dict[str, str]],
    events: list[dict[str, str]],
    rapor: list[dict[str, str]],
) -> tuple[Comparison, list[dict[str, str]]]:
    """This release's comparison and its new history rows (none when nothing changed).

    ``cases``, ``events`` and ``rapor`` are the rows of this release's kasus.csv,
    tindak_lanjut.csv and rapor.csv.
    """
    if previous is None:
        row = _row(release, FIRST, count=str(len(cases)))
        return Comparison(None, len(cases), 0, 0, 0), [row]
    by_id = {c["tracking_id"].lower(): c for c in cases}
    new_events = releases.events_by_case(events)
    added = sorted(set(release.cases) - set(previous.cases))
    withdrawn = len(set(previous.cases) - set(release.cases))
    changed = sorted(
        k for k in set(release.cases) & set(previous.cases) if release.cases[k] != previous.cases[k]
    )
    old_cases: dict[str, dict[str, str]] = {}
    old_events: dict[str, list] = {}
    if changed:
        old_rows = _read_rows(previous, "kasus.csv") or []
        wanted = set(changed)
        old_cases = {
            r["tracking_id"].lower(): r
            for r in old_rows
            if r.get("tracking_id", "").lower() in wanted
        }
        for event in _read_rows(previous, "tindak_lanjut.csv") or []:
            key = event.get("tracking_id", "").lower()
            if key in wanted:
                old_events.setdefault(key, []).append(event)
    rows = []
    if withdrawn:
        rows.append(_row(release, WITHDRAWN, count=str(withdrawn)))
    for key in added:
        rows.append(_row(release, ADDED, tracking_id=by_id[key]["tracking_id"]))
    for key in changed:
        case = by_id[key]
        for name, before, after in case_changes(
            old_cases.get(key),
            case,
            old_events.get(key, []),
            new_events.get(case["tracking_id"], []),
        ):
            rows.append(
                _row(
                    release,
                    CHANGED,
                    tracking_id=case["tracking_id"],
                    agency_id=case.get("agency_id", ""),
                    field=name,
                    old=before,
                    new=after,
                )
            )
    old_rapor = _read_rows(previous, "rapor.csv") if previous.file("rapor.csv") else None
    figures = figure_changes(release, old_rapor or [], rapor)
    rows += figures
    comparison = Comparison(previous, len(added), len(changed), withdrawn, len(figures))
    return comparison, rows


def carried_history(previous: Previous | None, published: set[str]) -> list[dict[str, str]]:
    """The previous perubahan.csv's rows, minus every row naming a case not published now.

    ``published`` holds the lower-cased tracking ids of this release.
    """
    if previous is None:
        return []
    path = previous.file(HISTORY_FILE)
    if path is None:
        logger.warning(
            "rilis sebelumnya tidak memuat %s: riwayat dimulai dari rilis ini", HISTORY_FILE
        )
        return []
    rows = releases.csv_rows(path.read_bytes())
    if rows and set(rows[0]) != set(HISTORY_COLUMNS):
        logger.warning("%s sebelumnya tidak berformat riwayat perubahan: diabaikan", path)
        return []
    kept = [r for r in rows if not r["tracking_id"] or r["tracking_id"].lower() in published]
    dropped = len(rows) - len(kept)
    if dropped:
        # Counted in the log, never named: the case may have become confidential.
        logger.info("riwayat: %d baris tentang kasus yang ditarik dihapus", dropped)
    return [{k: r.get(k) or "" for k in HISTORY_COLUMNS} for r in kept]


def history_csv(rows: list[dict[str, str]]) -> bytes:
    """perubahan.csv: RFC 4180 like the other files, newest release first."""
    import pandas as pd

    table = pd.DataFrame(rows, columns=list(HISTORY_COLUMNS), dtype=object)
    fields = tuple(datafiles.opendata.Field(name, "string", "", "") for name in HISTORY_COLUMNS)
    return datafiles.to_csv(table, fields).encode("utf-8")


def build_history(
    release: releases.Release,
    previous: Previous | None,
    cases: list[dict[str, str]],
    events: list[dict[str, str]],
    rapor: list[dict[str, str]],
) -> tuple[Comparison, list[dict[str, str]]]:
    """The comparison and the whole history (this release's rows first).

    Old and new values are scanned for personal data again, with today's
    detectors: an answer rewritten to remove a phone number the scan of an
    earlier release missed must not come back as the "old" value.
    """
    comparison, new_rows = compare(release, previous, cases, events, rapor)
    rows = new_rows + carried_history(previous, set(release.cases))
    masked = 0
    for row in rows:
        for name in ("old", "new"):
            if row[name]:
                clean = detectors.replace_all(row[name], privacy.REDACTED)
                masked += clean != row[name]
                row[name] = clean
    if masked:
        logger.warning(
            "riwayat perubahan: %d nilai lama/baru memuat data pribadi dan disamarkan", masked
        )
    return comparison, rows


def find_previous(settings: dict) -> Previous | None:
    """The release to compare with: PREVIOUS_RELEASE, else the output being replaced.

    A named folder that holds no release is an error (ReleaseError); an output
    folder that holds none is ignored with a warning (a first release).
    """
    from .errors import ConfigError

    named = settings.get("PREVIOUS_RELEASE") or ""
    if named:
        try:
            return releases.read_previous(Path(named))
        except releases.NotARelease as exc:
            raise ConfigError(
                f"Setting 'PREVIOUS_RELEASE' ({named}) holds no release of this site: {exc}. "
                "Hint: copy a published site's /data/ folder (rilis.json, perubahan.csv, "
                "kasus.csv, tindak_lanjut.csv, rapor.csv)."
            ) from exc
    output = settings.get("RELEASE_OUTPUT") or ""
    if not output or not Path(output).is_dir() or not any(Path(output).iterdir()):
        return None
    try:
        return releases.read_previous(Path(output))
    except releases.NotARelease as exc:
        logger.warning(
            "keluaran lama di %s bukan rilis situs ini (%s): diabaikan, rilis ini dianggap "
            "rilis pertama",
            output,
            exc,
        )
        return None
