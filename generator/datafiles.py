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
    agency_name = events["agency_id"].map(names).fillna(events["agency_id"]).fillna("")
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


# -- cells ---------------------------------------------------------------------


def iso_text(moments: pd.Series) -> pd.Series:
    """Tz-aware moments as ISO 8601 with offset ('2025-03-03T09:00:00+07:00'); None if NaT.

    Vectorised: strftime per value costs seconds at 100,000 reports.
    """
    if not len(moments):
        return pd.Series([], index=moments.index, dtype=object)
    local = moments.dt.tz_localize(None)
    text = pd.Series(
        np.datetime_as_string(local.to_numpy(dtype="datetime64[s]"), unit="s"),
        index=moments.index,
        dtype=object,
    )
    offsets = (local - moments.dt.tz_convert("UTC").dt.tz_localize(None)).dt.total_seconds()
    signs = {o: _offset(o) for o in offsets.dropna().unique()}
    return (text + offsets.map(signs)).where(moments.notna(), None)


def _offset(seconds: float) -> str:
    minutes = int(seconds) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def json_values(s: pd.Series, field: opendata.Field) -> pd.Series:
    """A column as Python values for JSON: str, int, float, bool, or None where missing."""
    missing = s.isna()
    if field.type == "datetime":
        return iso_text(s)
    if field.type == "integer":
        values = s.astype("Int64").astype(object)
    elif field.type == "number":
        values = s.astype("float64").astype(object)
    elif field.type == "boolean":
        values = s.map({True: True, False: False}).astype(object)
    else:
        values = s.astype(object)
        missing = missing | (values == "")
    return values.where(~missing, None)


def csv_values(s: pd.Series, field: opendata.Field) -> pd.Series:
    """A column as CSV cells: the JSON value as text, 'true'/'false', '' where missing."""
    if field.type == "boolean":
        return s.map({True: "true", False: "false"}).astype(object).where(s.notna(), "")
    values = json_values(s, field)
    if field.type in ("integer", "number"):
        return values.map(str, na_action="ignore").where(values.notna(), "")
    return values.where(values.notna(), "")


def to_csv(table: pd.DataFrame, fields: tuple[opendata.Field, ...]) -> str:
    """RFC 4180 text: header, then one CRLF-terminated line per row."""
    columns = [csv_values(table[f.name], f).tolist() for f in fields]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([f.name for f in fields])
    writer.writerows(zip(*columns, strict=True))
    return buffer.getvalue()


def to_json(table: pd.DataFrame, fields: tuple[opendata.Field, ...]) -> str:
    """A JSON array of objects, one line per record, keys in the declared order."""
    names = [f.name for f in fields]
    columns = [json_values(table[f.name], f).tolist() for f in fields]
    lines = [
        json.dumps(dict(zip(names, values, strict=True)), ensure_ascii=False)
        for values in zip(*columns, strict=True)
    ]
    return "[\n" + ",\n".join(lines) + ("\n]\n" if lines else "]\n")


def formula_cells(table: pd.DataFrame, fields: tuple[opendata.Field, ...]) -> int:
    """How many text cells start like a spreadsheet formula."""
    found = 0
    for f in fields:
        column = table[f.name]
        if f.type == "string" and column.dtype == object and len(column):
            found += int(column.str.startswith(FORMULA_PREFIXES, na=False).sum())
    return found
