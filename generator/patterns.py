"""Metrics stage, patterns: lateness per report, figures per category or kecamatan,
and the trend period that suits an agency's volume.

Pure functions (DataFrame in, DataFrame out), over every report of every privacy
level (counts only), with the scorecards' rules (``scorecards.case_flags``): a
report closed without a recorded agency answer is neither on time nor late, and
without evidence (no responses table, or no agency event for the agency) response
figures do not exist.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .scorecards import NO_AGENCY_EVENTS, NO_RESPONSES_TABLE, Rules, case_flags, half_up

# Lateness states of one deadline (``case_lateness``), also CSS class suffixes.
ON_TIME = "tepat"
LATE = "terlambat"
NO_ANSWER = "tanpa"  # closed without a recorded agency answer: neither on time nor late
UNKNOWN = "tidak-tersedia"  # the input cannot tell (no responses table / no agency event)

# Months per trend period and the average reports per period it needs: monthly from
# 30 a month, quarterly from 15 a quarter (5 a month), else yearly.
TREND_STEPS = ((1, 30), (3, 15), (12, 0))


def case_lateness(complaints: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Per report: state and working days late for the first response and for closing.

    Columns response_state / resolution_state (ON_TIME, LATE, NO_ANSWER, UNKNOWN
    or '' when the deadline has not come yet) and response_late / resolution_late
    (working days past the deadline, 0 when on time, NA when not judged). An
    unanswered open report past its deadline is late by the days it has waited.
    """
    flags = case_flags(complaints, rules)
    response = complaints["response_workdays"].astype("float64")
    resolution = complaints["resolution_workdays"].astype("float64")
    waited = complaints["workdays_as_of"].astype("float64")
    known = complaints["response_known"].astype(bool)
    r_days = response.where(flags["answered"], waited)
    r_state = np.select(
        [
            flags["response_in_time"],
            flags["response_due"],
            flags["closed_unanswered"] & known,
            ~known,
        ],
        [ON_TIME, LATE, NO_ANSWER, UNKNOWN],
        "",
    )
    r_late = (r_days - rules.response_workdays).clip(lower=0).where(flags["response_due"])
    s_days = resolution.where(flags["resolved"], waited)
    s_state = np.select([flags["resolution_in_time"], flags["resolution_due"]], [ON_TIME, LATE], "")
    s_late = (s_days - rules.resolution_workdays).clip(lower=0).where(flags["resolution_due"])
    return pd.DataFrame(
        {
            "response_state": r_state,
            "response_late": r_late.round().astype("Int64"),
            "resolution_state": s_state,
            "resolution_late": s_late.round().astype("Int64"),
        },
        index=complaints.index,
    )


def breakdown(
    complaints: pd.DataFrame, by: pd.Series, rules: Rules, *, responses_present: bool
) -> pd.DataFrame:
    """Figures per value of ``by`` (e.g. category; '' for unknown), most reports first.

    Columns received, answered, median_response_workdays (over answered reports),
    pct_response_within_sla (scorecard rule, halves up) and response_missing ('',
    NO_RESPONSES_TABLE or NO_AGENCY_EVENTS; response figures are NA where it is set).
    Ties in received are ordered by name.
    """
    flags = case_flags(complaints, rules)
    frame = flags.assign(
        key=by.fillna("").astype(str).to_numpy(),
        known=complaints["response_known"].astype(bool),
        response=complaints["response_workdays"].astype("Float64"),
    )
    grouped = frame.groupby("key", sort=True)
    sums = grouped[["answered", "response_due", "response_in_time", "known"]].sum()
    table = pd.DataFrame(index=sums.index)
    table["received"] = grouped.size().astype("int64")
    table["answered"] = sums["answered"].astype("int64")
    table["median_response_workdays"] = grouped["response"].median().astype("Float64")
    table["pct_response_within_sla"] = half_up(sums["response_in_time"], sums["response_due"], 100)
    if not responses_present:
        missing = pd.Series(NO_RESPONSES_TABLE, index=table.index, dtype=object)
    else:
        lacking = sums["known"] == 0
        missing = pd.Series(np.where(lacking, NO_AGENCY_EVENTS, ""), index=table.index)
    table["response_missing"] = missing.astype(object)
    gone = table["response_missing"] != ""
    for column in ("median_response_workdays", "pct_response_within_sla"):
        table[column] = table[column].mask(gone)
    table.index.name = "name"
    order = table.reset_index().sort_values(
        ["received", "name"], ascending=[False, True], kind="stable"
    )
    return order.set_index("name")


def trend_step(received: int, months: int) -> int:
    """Months per trend period (TREND_STEPS): 1 when ``received`` over ``months`` averages
    at least 30 a month, else 3 when at least 15 a quarter, else 12."""
    for step, needed in TREND_STEPS[:-1]:
        if months > 0 and received * step >= needed * months:
            return step
    return TREND_STEPS[-1][0]


def by_period(monthly: pd.DataFrame, step: int) -> pd.DataFrame:
    """Monthly counts (indexed by month number, see ``scorecards.month_numbers``) summed
    into calendar periods of ``step`` months, indexed by each period's first month."""
    start = monthly.index.to_numpy() - monthly.index.to_numpy() % step
    return monthly.groupby(start).sum()
