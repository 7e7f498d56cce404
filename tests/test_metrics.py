"""Working days and per-case timings, on cases computed by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from generator import metrics
from generator.workdays import WorkCalendar

TZ = "Asia/Jakarta"
CALENDAR = WorkCalendar.for_years(2025, 2026)


def stamps(*texts: str | None) -> pd.Series:
    return pd.Series(pd.to_datetime(list(texts))).dt.tz_localize(TZ)


@pytest.mark.parametrize(
    "start, end, expected",
    [
        ("2025-03-03 09:00", "2025-03-03 16:00", 0),  # same day
        ("2025-03-07 09:00", "2025-03-10 08:00", 1),  # Friday -> Monday
        ("2025-03-08 09:00", "2025-03-08 10:00", 0),  # Saturday, same day
        ("2025-03-27 10:00", "2025-04-08 10:00", 1),  # Idul Fitri 2025 and its cuti bersama
        ("2025-05-09 10:00", "2025-05-14 10:00", 1),  # Waisak 12 May + cuti bersama 13 May
        ("2025-08-15 09:00", "2025-08-19 09:00", 1),  # 17 Agustus (Sunday) + cuti bersama 18th
        ("2025-12-24 09:00", "2026-01-02 09:00", 4),  # Natal 25, cuti 26, 1 Jan: 29, 30, 31, 2
    ],
)
def test_working_days_between(start, end, expected):
    assert CALENDAR.between(stamps(start), stamps(end)).tolist() == [expected]


def test_missing_end_gives_no_count():
    assert CALENDAR.between(stamps("2025-03-03 09:00"), stamps(None)).isna().all()


def test_extra_regional_holiday_is_not_a_working_day():
    calendar = WorkCalendar.for_years(2025, 2025, ("2025-03-04",))
    assert calendar.between(stamps("2025-03-03 09:00"), stamps("2025-03-05 09:00")).tolist() == [1]


def test_first_response_is_the_earliest_answering_agency_event():
    responses = pd.DataFrame(
        {
            "tracking_id": ["A", "A", "A", "A", "B"],
            "at": stamps(
                "2025-03-03 10:00",
                "2025-03-03 11:00",
                "2025-03-05 09:00",
                "2025-03-04 09:00",
                "2025-03-03 10:00",
            ),
            "actor": ["admin", "instansi", "instansi", "pelapor", "admin"],
            "action": ["disposisi", "komentar", "tanggapan", "komentar", "verifikasi"],
            "agency_id": ["x", "x", "x", None, None],
        }
    )
    first = metrics.first_responses(responses)
    assert list(first.index) == ["A"]  # B was never answered
    assert first["A"] == pd.Timestamp("2025-03-05 09:00", tz=TZ)  # not the komentar


def test_rerouted_means_a_disposisi_to_another_agency():
    complaints = pd.DataFrame({"tracking_id": ["A", "B"], "agency_id": ["final", "final"]})
    responses = pd.DataFrame(
        {
            "tracking_id": ["A", "A", "B"],
            "action": ["disposisi", "disposisi", "disposisi"],
            "agency_id": ["wrong", "final", "final"],
        }
    )
    assert metrics.rerouted_reports(complaints, responses).tolist() == [True, False]
