"""Run the data stages in order: load → validate → privacy → metrics.

``inspect`` reports on an input folder without raising (``check``);
``prepare`` returns the dataset the page generators render, or raises
InputError / PrivacyError before anything is written.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from . import areas as area_input
from . import coverage, metrics, privacy
from .errors import ConfigError, InputError, PrivacyError, Problem
from .loaders import load
from .settings import as_of as configured_as_of
from .settings import timezone
from .validators import Validated, validate
from .workdays import WorkCalendar

logger = logging.getLogger(__name__)


@dataclass
class Report:
    """What ``check`` tells: every problem and where every row ended."""

    problems: list[Problem]
    counts: dict[str, dict[str, int]]
    validated: Validated | None = None
    outcomes: dict[str, pd.Series] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    personal_data: list[Problem] = field(default_factory=list)  # never skippable
    # With PII_POLICY = "redact": the matches the build replaces, masked; not problems.
    redactions: list[privacy.Finding] = field(default_factory=list)
    areas: tuple[area_input.Area, ...] = ()  # from areas.geojson, when given
    # What the input lacks for some figures (e.g. no responses table): not problems.
    warnings: list[coverage.Notice] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict:
        data = {
            "ok": self.ok,
            "problems": [p.as_json() for p in sorted(self.problems)],
            "counts": self.counts,
            "warnings": [w.as_json() for w in self.warnings],
        }
        if self.redactions:
            data["redacted"] = [p.as_json() for p in self.redacted]
        return data

    @property
    def redacted(self) -> list[Problem]:
        """What a build with PII_POLICY = "redact" replaces, as masked notes."""
        return sorted(privacy.redacted(f) for f in self.redactions)


@dataclass
class Dataset:
    """Validated, privacy-checked tables with derived figures, ready to render."""

    agencies: pd.DataFrame
    complaints: pd.DataFrame  # all kept reports, with 'outcome' and derived columns
    responses: pd.DataFrame  # events of kept reports, oldest first
    counts: dict[str, dict[str, int]]
    tz: ZoneInfo
    calendar: WorkCalendar
    as_of: pd.Timestamp | None
    areas: tuple[area_input.Area, ...] = ()  # kecamatan polygons, when the input has them
    # False when the input has no responses table: no response-based figure exists.
    responses_present: bool = True

    @cached_property
    def short_names(self) -> pd.Series:
        """Each agency's short name, or its full name when it has none, by agency_id."""
        by_id = self.agencies.set_index("agency_id")
        short = by_id["short_name"].fillna(by_id["name"])
        return short.where(short != "", by_id["name"])

    @cached_property
    def published(self) -> pd.DataFrame:
        return self.complaints[self.complaints["outcome"] == privacy.PUBLISHED]


def _count(outcome: pd.Series) -> dict[str, int]:
    values = outcome.value_counts()
    counts = {"total": len(outcome)}
    for name in (privacy.PUBLISHED, privacy.COUNTED_ONLY, privacy.REJECTED):
        counts[name] = int(values.get(name, 0))
    return counts


def inspect(folder: Path, settings: dict) -> Report:
    """Load, validate and scan an input folder; never raises on bad input.

    With PII_POLICY = "redact", personal data in free text is no problem: the
    findings are listed in ``redactions`` for ``prepare`` to replace.
    """
    tz = timezone(settings)
    loaded = load(folder)
    for raw in loaded.tables.values():
        privacy.neutralise(raw)
    personal = privacy.identifying_columns(loaded.headers)
    for raw in loaded.tables.values():
        for header in raw.extra_columns:
            if not privacy.identifying_column(header):
                logger.warning("%s: kolom '%s' tidak dikenal, diabaikan", raw.file, header)
    others = [f for f in loaded.other_files if f.lower() != area_input.FILE_NAME]
    if others:
        logger.info("berkas lain di folder input diabaikan: %s", ", ".join(others))
    if "complaints" not in loaded.tables or "agencies" not in loaded.tables:
        nothing = dict.fromkeys((privacy.PUBLISHED, privacy.COUNTED_ONLY, privacy.REJECTED), 0)
        counts = {"complaints": {"total": 0, **nothing}}
        return Report(loaded.problems + personal, counts, personal_data=personal)
    validated = validate(
        loaded.tables, tz, tuple(settings["MAP_BOUNDS"]), settings["INPUT_DATE_ORDER"]
    )
    findings: list[privacy.Finding] = []
    for raw in loaded.tables.values():
        findings += privacy.scan_text(raw, getattr(validated, raw.table.name))
    redactions: list[privacy.Finding] = []
    if settings["PII_POLICY"] == "redact":
        redactions = findings
    else:
        personal += [f.problem for f in findings]
    problems = loaded.problems + validated.problems + personal
    areas: tuple[area_input.Area, ...] = ()
    areas_path = area_input.find(folder)
    if areas_path is not None:
        areas, area_problems = area_input.load_areas(areas_path, tuple(settings["MAP_BOUNDS"]))
        complaints_file = validated.files.get("complaints", "complaints.csv")
        area_problems += area_input.unmatched(
            validated.complaints, areas, areas_path.name, complaints_file
        )
        problems += area_problems
    report = Report(
        problems,
        {},
        validated,
        personal_data=personal,
        redactions=redactions,
        areas=areas,
    )
    _settle_rows(report)
    kept = {t: getattr(validated, t)[o != privacy.REJECTED] for t, o in report.outcomes.items()}
    report.warnings = coverage.response_notices(
        kept["complaints"], kept["responses"], validated.files
    )
    return report


def _settle_rows(report: Report) -> None:
    """Decide each row's outcome; a report falls with its agency or any bad event."""
    v = report.validated
    agencies, complaints, responses = v.agencies, v.complaints, v.responses

    def bad_rows(table: str) -> set[int]:
        # Validation problems, and those of later stages (personal data) on the same file.
        file = v.files.get(table)
        return v.bad_rows(table) | {p.row for p in report.problems if p.file == file and p.row > 1}

    agency_bad = agencies["row"].isin(bad_rows("agencies"))
    good_agencies = set(agencies.loc[~agency_bad, "agency_id"].dropna())
    bad_response = responses["row"].isin(bad_rows("responses"))
    bad_response |= responses["agency_id"].notna() & ~responses["agency_id"].isin(good_agencies)
    tainted = set(responses.loc[bad_response, "tracking_id"].dropna())
    own = complaints["row"].isin(bad_rows("complaints"))
    by_agency = (
        ~own & complaints["agency_id"].notna() & ~complaints["agency_id"].isin(good_agencies)
    )
    by_events = ~own & complaints["tracking_id"].isin(tainted)
    rejected = own | by_agency | by_events
    file = v.files.get("complaints", "complaints.csv")
    event_rows = responses.loc[bad_response].groupby("tracking_id")["row"].apply(list)
    for row in complaints.loc[by_agency | by_events].itertuples(index=False):
        because = (
            f"instansi '{row.agency_id}' ditolak"
            if row.agency_id not in good_agencies
            else "tindak lanjutnya bermasalah ("
            + ", ".join(f"{v.files['responses']}:{n}" for n in event_rows[row.tracking_id])
            + ")"
        )
        report.reasons.append(f"{file}:{row.row}: ditolak karena {because} [{row.tracking_id}]")
    outcome = privacy.classify(complaints, rejected)
    report.outcomes["complaints"] = outcome
    kept = complaints.loc[outcome != privacy.REJECTED, ["tracking_id"]].assign(o=outcome)
    by_id = dict(zip(kept["tracking_id"], kept["o"], strict=True))
    response_outcome = responses["tracking_id"].map(by_id).fillna(privacy.REJECTED)
    response_outcome[bad_response] = privacy.REJECTED
    report.outcomes["responses"] = response_outcome.astype(object)
    agency_outcome = pd.Series(privacy.PUBLISHED, index=agencies.index, dtype=object)
    agency_outcome[agency_bad] = privacy.REJECTED
    report.outcomes["agencies"] = agency_outcome
    report.counts = {name: _count(o) for name, o in report.outcomes.items()}


def prepare(settings: dict) -> Dataset:
    """The dataset to render, or InputError/PrivacyError listing every problem.

    Prepared once per build: the CLI calls it before starting Pelican (so bad
    input fails before anything is written) and hands the dataset down through
    the settings (``generators.build_of``); only a plain ``pelican`` run has the
    page generator call it.
    """
    return _prepare(settings)


def _prepare(settings: dict) -> Dataset:
    started = time.perf_counter()
    folder = Path(settings["DATA"])
    report = inspect(folder, settings)
    if report.personal_data:
        raise PrivacyError(report.problems, report.counts)
    if any(p.fatal for p in report.problems) or (report.problems and not settings["SKIP_INVALID"]):
        raise InputError(report.problems, report.counts)
    v = report.validated
    for problem in sorted(report.problems):
        logger.warning("ditolak: %s", problem)
    for reason in report.reasons:
        logger.warning("%s", reason)
    for note in report.redacted:
        logger.warning("%s", note)
    if report.redactions:
        logger.warning(
            "%d data pribadi disamarkan menjadi %s (PII_POLICY = 'redact')",
            len(report.redactions),
            privacy.REDACTED,
        )
    complaints = v.complaints[report.outcomes["complaints"] != privacy.REJECTED].copy()
    # Personal data goes no further than this either: every later stage, and so every
    # page, index, feed and data file, sees the same redacted text.
    complaints = privacy.redact(complaints, "complaints", report.redactions)
    complaints["outcome"] = report.outcomes["complaints"]
    # Exact coordinates go no further than this: every later stage sees grid centres.
    complaints["lat"], complaints["lon"] = privacy.generalise_coordinates(
        complaints["lat"], complaints["lon"], settings["MAP_GRID_METERS"]
    )
    responses = v.responses[report.outcomes["responses"] != privacy.REJECTED]
    responses = privacy.redact(responses, "responses", report.redactions)
    agencies = v.agencies[report.outcomes["agencies"] != privacy.REJECTED]
    tz = timezone(settings)
    latest = metrics.latest_timestamp(complaints, responses)
    data_as_of = _as_of(settings, latest)
    calendar = WorkCalendar.covering(
        [complaints["submitted_at"], complaints["closed_at"], responses["at"]]
        + ([pd.Series([data_as_of])] if data_as_of is not None else []),
        tuple(settings["EXTRA_HOLIDAYS"]),
        settings["HOLIDAYS_COUNTRY"],
    )
    responses = responses.sort_values(["tracking_id", "at", "row"], kind="stable")
    responses = responses.assign(
        workdays_since_submitted=metrics.event_workdays(complaints, responses, calendar)
    )
    complaints = complaints.join(metrics.case_timings(complaints, responses, calendar))
    complaints["response_known"] = metrics.response_evidence(
        complaints, responses, "responses" in v.files
    )
    complaints["workdays_as_of"] = calendar.between(
        complaints["submitted_at"],
        pd.Series(data_as_of, index=complaints.index, dtype=complaints["submitted_at"].dtype),
    )
    dataset = Dataset(
        agencies.sort_values("agency_id", kind="stable"),
        complaints,
        responses,
        report.counts,
        tz,
        calendar,
        data_as_of,
        report.areas,
        responses_present="responses" in v.files,
    )
    for warning in report.warnings:
        logger.warning("%s", warning.message)
    logger.info(
        "data siap dalam %.1f detik: %s", time.perf_counter() - started, _summary(report.counts)
    )
    return dataset


def _as_of(settings: dict, latest: pd.Timestamp | None) -> pd.Timestamp | None:
    """AS_OF from the settings, else the latest timestamp; never before the latest event."""
    chosen = configured_as_of(settings)
    if chosen is None:
        return latest
    if latest is not None and chosen < latest:
        raise ConfigError(
            f"Setting 'AS_OF' ({chosen.isoformat()}) is before the latest moment in the input "
            f"({latest.isoformat()}). Hint: leave AS_OF = '' to use the latest moment, or give "
            "the date the export was made."
        )
    return chosen


def _summary(counts: dict) -> str:
    c = counts["complaints"]
    return (
        f"{c['total']} laporan: {c['published']} diterbitkan, {c['counted_only']} "
        f"hanya dihitung, {c['rejected']} ditolak"
    )
