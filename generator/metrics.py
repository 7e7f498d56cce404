"""Metrics stage: pure functions from validated tables to derived figures.

DataFrame in, DataFrame out, no I/O. Working days follow ``workdays``; the
first response of a report is its earliest event with actor = instansi and
an answering action (CONTRACT §1.3).
"""

from __future__ import annotations

import pandas as pd

from .schema import ANSWER_ACTIONS
from .workdays import WorkCalendar


def first_responses(responses: pd.DataFrame) -> pd.Series:
    """Earliest answering agency event per tracking_id."""
    answers = responses[
        (responses["actor"] == "instansi") & responses["action"].isin(ANSWER_ACTIONS)
    ]
    return answers.groupby("tracking_id")["at"].min()


def rerouted_reports(complaints: pd.DataFrame, responses: pd.DataFrame) -> pd.Series:
    """True where a report was routed to another agency before its final one."""
    routed = responses[(responses["action"] == "disposisi") & responses["agency_id"].notna()]
    final = complaints.set_index("tracking_id")["agency_id"]
    other = routed[routed["agency_id"] != routed["tracking_id"].map(final)]
    return complaints["tracking_id"].isin(set(other["tracking_id"]))


def case_timings(
    complaints: pd.DataFrame, responses: pd.DataFrame, calendar: WorkCalendar
) -> pd.DataFrame:
    """Per report: first response time and working days to answer and to close."""
    first = first_responses(responses).astype(complaints["submitted_at"].dtype)
    first = first.reindex(complaints["tracking_id"]).set_axis(complaints.index)
    return pd.DataFrame(
        {
            "first_response_at": first,
            "response_workdays": calendar.between(complaints["submitted_at"], first),
            "resolution_workdays": calendar.between(
                complaints["submitted_at"], complaints["closed_at"]
            ),
            "rerouted": rerouted_reports(complaints, responses),
        },
        index=complaints.index,
    )


def response_evidence(
    complaints: pd.DataFrame, responses: pd.DataFrame, responses_present: bool
) -> pd.Series:
    """Per report: whether the input holds what its response time is judged on.

    False for every report without a responses table (CONTRACT §1.3); else
    False for the reports of an agency on none of whose reports the table
    holds any agency (actor = instansi) event: an export without that
    agency's events, not evidence that it never answered.
    """
    if not responses_present:
        return pd.Series(False, index=complaints.index)
    agency_of = complaints.set_index("tracking_id")["agency_id"]
    by_agency = responses.loc[responses["actor"] == "instansi", "tracking_id"].map(agency_of)
    return complaints["agency_id"].isin(set(by_agency.dropna()))


def event_workdays(
    complaints: pd.DataFrame, responses: pd.DataFrame, calendar: WorkCalendar
) -> pd.Series:
    """Working days from each event's report submission to the event."""
    if responses.empty:  # mapping onto an empty index loses the datetime type
        return pd.Series(pd.NA, index=responses.index, dtype="Int64")
    submitted = complaints.set_index("tracking_id")["submitted_at"]
    return calendar.between(responses["tracking_id"].map(submitted), responses["at"])


def latest_timestamp(complaints: pd.DataFrame, responses: pd.DataFrame) -> pd.Timestamp | None:
    """The latest moment in the input: the data's 'as of' date."""
    candidates = [
        complaints["submitted_at"].max(),
        complaints["closed_at"].max(),
        responses["at"].max() if len(responses) else pd.NaT,
    ]
    found = [c for c in candidates if pd.notna(c)]
    return max(found) if found else None
