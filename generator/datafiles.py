"""Render/write stage for downloads: the files under /data/ (CONTRACT §2).

The rows come only from ``dataset.published`` and their events (CONTRACT
§1.5); instansi.csv and rapor.csv hold per-agency aggregates. Columns are
those declared in ``opendata``, text exactly as the pages show it.

CSV files are RFC 4180: UTF-8 without BOM (as rapor.csv always was: clean for
pandas, R and frictionless; the /data/ page says how to open them in Excel),
comma-separated, CRLF line ends, quoted only where needed; ISO 8601 date-times
with their offset (+07:00); an empty cell where a value does not exist. Cells
are never altered to defuse spreadsheet formulas (see ``FORMULA_PREFIXES``).
"""

from __future__ import annotations

import csv
import io
import json
import logging

import numpy as np
import pandas as pd

from . import formatting as fmt
from . import opendata, privacy, scorecards
from .pipeline import Dataset
from .views import agency_path, case_path

logger = logging.getLogger(__name__)

# A cell starting with one of these may run as a formula when a CSV is opened by
# double-click in a spreadsheet. The files keep the text exactly as the pages show
# it (a "'" prefix would change what researchers compare); /data/ warns instead
# and counts such cells.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_text(table: pd.DataFrame) -> str:
    """A table as RFC 4180 CSV text, deterministic for the same table (rapor.csv)."""
    return table.to_csv(index=False, lineterminator="\r\n", float_format="%.1f", na_rep="")


# -- the rows of each file ---------------------------------------------------


def case_rows(dataset: Dataset, rules: scorecards.Rules, site_url: str) -> pd.DataFrame:
    """kasus.csv / kasus.json: one row per published report, by tracking_id."""
    cases = dataset.published.sort_values("tracking_id", kind="stable")
    flags = scorecards.case_flags(cases, rules)
    table = pd.DataFrame(index=cases.index)
    for field in opendata.CASE_FIELDS:
        if field.name in cases.columns:
            table[field.name] = cases[field.name]
    table["url"] = site_url + cases["tracking_id"].map(case_path)
    table["within_response_sla"] = flags["response_in_time"].where(flags["response_due"])
    table["within_resolution_sla"] = flags["resolution_in_time"].where(flags["resolution_due"])
    return table[[f.name for f in opendata.CASE_FIELDS]].reset_index(drop=True)


def event_rows(dataset: Dataset, names: dict[str, str]) -> pd.DataFrame:
    """tindak_lanjut.csv: the events of published reports, in timeline order."""
    published = set(dataset.published["tracking_id"])
    events = dataset.responses[dataset.responses["tracking_id"].isin(published)]
    events = events.sort_values(["tracking_id"], kind="stable")  # keeps each case's order
    table = events[["tracking_id", "at", "actor", "action", "agency_id", "text"]].copy()
    table["seq"] = events.groupby("tracking_id", sort=False).cumcount() + 1
    agency_name = events["agency_id"].map(lambda a: names.get(a, a) if isinstance(a, str) else "")
    # As the case page's timeline shows them (views.Views._timeline).
    table["actor_label"] = (
        events["actor"].map(fmt.ACTOR_LABELS).where(events["actor"] != "instansi", agency_name)
    )
    dispatched = (events["action"] == "disposisi") & events["agency_id"].notna()
    table["action_label"] = (
        events["action"].map(fmt.ACTION_LABELS).where(~dispatched, "Disposisi ke " + agency_name)
    )
    table["workdays_since_submitted"] = events["workdays_since_submitted"]
    return table[[f.name for f in opendata.EVENT_FIELDS]].reset_index(drop=True)


def agency_rows(dataset: Dataset, rules: scorecards.Rules, site_url: str) -> pd.DataFrame:
    """instansi.csv: every agency, with counts of its published and unpublished reports."""
    agencies = dataset.agencies
    ids = pd.Index(agencies["agency_id"])
    complaints = dataset.complaints
    hidden = complaints[complaints["outcome"] != privacy.PUBLISHED]
    flags = scorecards.case_flags(hidden, rules).assign(agency_id=hidden["agency_id"])
    sums = flags.groupby("agency_id").sum().reindex(ids, fill_value=0).astype("int64")
    table = agencies[["agency_id", "name", "short_name", "kind", "parent_id"]].copy()
    table["url"] = site_url + agencies["agency_id"].map(agency_path)
    counts = dataset.published.groupby("agency_id").size().reindex(ids, fill_value=0)
    table["published"] = counts.to_numpy()
    table["unpublished"] = hidden.groupby("agency_id").size().reindex(ids, fill_value=0).values
    for name, flag in (
        ("resolved", "resolved"),
        ("response_due", "response_due"),
        ("response_in_time", "response_in_time"),
        ("resolution_due", "resolution_due"),
        ("resolution_in_time", "resolution_in_time"),
    ):
        table[f"unpublished_{name}"] = sums[flag].to_numpy()
    return table[[f.name for f in opendata.AGENCY_FIELDS]].reset_index(drop=True)


# -- cells as text -----------------------------------------------------------


def _iso(moments: pd.Series) -> pd.Series:
    text = moments.dt.strftime("%Y-%m-%dT%H:%M:%S%z")
    return (text.str[:-2] + ":" + text.str[-2:]).where(moments.notna(), None)


def _number(value) -> str:
    return np.format_float_positional(float(value), trim="-")


def typed_cells(table: pd.DataFrame, fields: tuple[opendata.Field, ...]) -> dict[str, list]:
    """Each column as a list of JSON values (str, int, float, bool or None), by field type."""
    columns: dict[str, list] = {}
    for field in fields:
        s = table[field.name]
        if field.type == "datetime":
            values = _iso(s).tolist()
        elif field.type == "integer":
            values = [None if pd.isna(v) else int(v) for v in s.tolist()]
        elif field.type == "number":
            values = [None if pd.isna(v) else float(v) for v in s.tolist()]
        elif field.type == "boolean":
            values = [None if pd.isna(v) else bool(v) for v in s.tolist()]
        else:
            values = [v if isinstance(v, str) and v != "" else None for v in s.tolist()]
        columns[field.name] = values
    return columns


def _cell(value) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float):
        return _number(value)
    return str(value)


def to_csv(columns: dict[str, list]) -> str:
    """RFC 4180 text: header, then one CRLF-terminated line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(list(columns))
    writer.writerows(zip(*([_cell(v) for v in col] for col in columns.values()), strict=True))
    return buffer.getvalue()


def to_json(columns: dict[str, list]) -> str:
    """A JSON array of objects, one line per record, keys in the declared order."""
    names = list(columns)
    lines = [
        json.dumps(dict(zip(names, values, strict=True)), ensure_ascii=False)
        for values in zip(*columns.values(), strict=True)
    ]
    return "[\n" + ",\n".join(lines) + ("\n]\n" if lines else "]\n")


def formula_cells(columns: dict[str, list]) -> int:
    """How many text cells start like a spreadsheet formula."""
    return sum(
        1
        for values in columns.values()
        for v in values
        if isinstance(v, str) and v.startswith(FORMULA_PREFIXES)
    )
