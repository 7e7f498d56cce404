"""Scorecards (rapor) checked against figures computed by hand, not by the code.

Three groups:

1. ``scorecards.scorecards`` on small hand-made tables of per-report working days;
2. the real pipeline on an input folder whose dates cross Idul Fitri, Waisak,
   17 Agustus and weekends: working days per report, then the scorecards;
3. the same input built into a site: ``/data/rapor.csv``, the agency pages,
   ``/rapor/`` and ``/rapor/<yyyy>/`` must show the hand-computed figures.

Every expected number has its arithmetic in a comment next to it. Holidays
used (``holidays``, ID, public + government; checked with the package):
2024: Wed 25 Dec, Thu 26 Dec (cuti). 2025: Wed 1 Jan, Fri 28 Mar (cuti Nyepi),
Sat 29 Mar, Mon 31 Mar + Tue 1 Apr (Idul Fitri), Wed 2, Thu 3, Fri 4, Mon 7 Apr
(cuti), Fri 18 Apr, Thu 1 May, Mon 12 May (Waisak), Tue 13 May (cuti), Thu 29 May,
Fri 30 May (cuti), Sun 1 Jun, Fri 6 Jun, Mon 9 Jun, Fri 27 Jun, Sun 17 Aug,
Mon 18 Aug (cuti), Fri 5 Sep.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build
from fixtures import complaint, event, write_input

from generator import scorecards
from generator.cli import load_settings
from generator.pipeline import prepare
from generator.rapor import rules_from

TZ = "Asia/Jakarta"
RULES = scorecards.Rules(
    response_workdays=5,
    resolution_workdays=14,
    rank_min_reports=10,
    green_min_pct=80.0,
    yellow_min_pct=60.0,
)


# -- 1. scorecards() on hand-made tables ------------------------------------


def case(
    agency: str = "a",
    response: int | None = None,
    resolution: int | None = None,
    waited: int = 0,
    status: str | None = None,
    rating: int | None = None,
    rerouted: bool = False,
) -> dict:
    """One report as the metrics stage sees it; closed (selesai) when it has a resolution."""
    return {
        "agency_id": agency,
        "status": status or ("selesai" if resolution is not None else "proses"),
        "rating": rating,
        "rerouted": rerouted,
        "response_workdays": response,
        "resolution_workdays": resolution,
        "workdays_as_of": waited,
        "response_known": True,
    }


def table(cases: list[dict], agencies: tuple[str, ...] = ("a",), **rules) -> pd.DataFrame:
    """scorecards() over ``cases``, typed as the pipeline types them."""
    columns = list(case())
    frame = pd.DataFrame(cases, columns=columns)
    for column in ("rating", "response_workdays", "resolution_workdays", "workdays_as_of"):
        frame[column] = frame[column].astype("Int64")
    frame["rerouted"] = frame["rerouted"].astype(bool)
    chosen = RULES if not rules else scorecards.Rules(**{**RULES.__dict__, **rules})
    return scorecards.scorecards(
        pd.DataFrame({"agency_id": list(agencies)}), frame, chosen, responses_present=True
    )


def answered(in_time: int, late: int, agency: str = "a") -> list[dict]:
    """``in_time`` reports answered in 2 working days, ``late`` answered in 6 (deadline 5)."""
    return [case(agency, response=2, waited=9)] * in_time + [
        case(agency, response=6, waited=9)
    ] * late


def test_counts_include_every_status_and_overdue_means_open_past_the_deadline():
    t = table(
        [
            case(response=1, resolution=3, waited=30),  # closed: never overdue
            case(response=2, resolution=20, waited=30, status="selesai"),
            case(response=0, waited=6, status="proses"),  # open, 6 > 5: overdue
            case(waited=6, status="belum"),  # open, 6 > 5: overdue
            case(waited=5, status="belum"),  # open, 5 is not > 5: not yet
        ]
    ).loc["a"]
    # received 5, resolved 2, open 5 - 2 = 3, overdue 2
    assert (t["received"], t["resolved"], t["open"], t["overdue"]) == (5, 2, 3, 2)


def test_median_is_the_middle_value_or_the_mean_of_the_middle_two():
    t = table(
        [case("odd", response=r, waited=9) for r in (5, 1, 2)]  # 1 2 5 -> 2
        + [case("even", response=r, waited=9) for r in (7, 0, 4, 1)]  # 0 1 4 7 -> (1+4)/2
        + [case("even", resolution=r, waited=20) for r in (10, 3)],  # 3 10 -> 6.5
        agencies=("odd", "even"),
    )
    assert t.loc["odd", "median_response_workdays"] == 2.0
    assert t.loc["even", "median_response_workdays"] == 2.5
    assert t.loc["even", "median_resolution_workdays"] == 6.5
    assert pd.isna(t.loc["odd", "median_resolution_workdays"])  # nothing resolved


@pytest.mark.parametrize(
    "values, expected",
    [
        ([3], 3),  # n=1: ceil(0.9) = 1st -> 3
        ([1, 7], 7),  # n=2: ceil(1.8) = 2nd -> 7
        ([4, 0, 9, 1, 2], 9),  # n=5: ceil(4.5) = 5th of 0 1 2 4 9 -> 9
        ([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 9),  # n=10: ceil(9.0) = 9th of 1..10 -> 9
        ([6, 11, 1, 9, 2, 10, 3, 8, 4, 7, 5], 10),  # n=11: ceil(9.9) = 10th of 1..11 -> 10
        (list(range(20, 0, -1)), 18),  # n=20: ceil(18.0) = 18th of 1..20 -> 18
    ],
)
def test_p90_is_the_nearest_rank_of_answered_reports(values, expected):
    unanswered = [case(waited=40)]  # not answered: no response time, not in the ranking
    t = table([case(response=v, waited=40) for v in values] + unanswered)
    assert t.loc["a", "p90_response_workdays"] == expected


@pytest.mark.parametrize(
    "in_time, late, expected",
    [
        (1, 7, 12.5),  # 1/8 = 12.5 exactly
        (49, 351, 12.3),  # 49/400 = 12.25 -> up to 12.3 (floating point gives 12.2)
        (1, 15, 6.3),  # 1/16 = 6.25 -> up to 6.3 (round-half-even gives 6.2)
        (2, 1, 66.7),  # 2/3 = 66.66.. -> 66.7
        (1, 2, 33.3),  # 1/3 = 33.33.. -> 33.3
        (7, 193, 3.5),  # 7/200 = 3.5
        (1, 0, 100.0),
        (0, 3, 0.0),
    ],
)
def test_pct_response_has_one_decimal_with_halves_rounded_up(in_time, late, expected):
    t = table(answered(in_time, late))
    assert t.loc["a", "pct_response_within_sla"] == expected


def test_pct_response_counts_unanswered_reports_only_once_their_deadline_passed():
    t = table(
        [
            case(response=5, waited=9),  # 5 <= 5: in time
            case(response=6, waited=9),  # late
            case(waited=6),  # unanswered, 6 > 5: due, not in time
            case(waited=5),  # unanswered, 5 is not > 5: not counted yet
        ]
    )
    assert t.loc["a", "pct_response_within_sla"] == 33.3  # 1 / (2 answered + 1 due) = 33.33..


def test_pct_response_is_empty_when_no_report_is_due_yet():
    t = table([case(waited=0, status="belum"), case(waited=5, status="belum")], rank_min_reports=1)
    row = t.loc["a"]
    assert (row["received"], row["open"], row["overdue"]) == (2, 2, 0)  # 0 and 5 are not > 5
    assert pd.isna(row["pct_response_within_sla"])  # 0 / 0
    assert pd.isna(row["pct_resolved_within_sla"])  # 0 / 0: 0 and 5 are not > 14
    assert pd.isna(row["median_response_workdays"])
    assert pd.isna(row["p90_response_workdays"])
    assert row["grade"] == ""  # enough reports (2 >= 1) but nothing due to grade


def test_pct_resolved_counts_open_reports_past_the_resolution_deadline():
    t = table(
        [
            case(response=1, resolution=14, waited=30),  # 14 <= 14: in time
            case(response=1, resolution=15, waited=30),  # late
            case(response=1, resolution=3, waited=30),  # in time
            case(response=1, waited=15),  # open, 15 > 14: due
            case(response=1, waited=14),  # open, 14 is not > 14: not counted
        ]
    )
    assert t.loc["a", "pct_resolved_within_sla"] == 50.0  # 2 / (3 resolved + 1 due)
    assert t.loc["a", "median_resolution_workdays"] == 14.0  # 3 14 15 -> 14


def test_agency_without_reports_has_zero_counts_and_empty_figures():
    t = table([case("a", response=1, waited=9)], agencies=("a", "none"))
    row = t.loc["none"]
    for column in ("received", "resolved", "open", "overdue", "rating_count", "rerouted"):
        assert row[column] == 0, column
    for column in (
        "median_response_workdays",
        "p90_response_workdays",
        "pct_response_within_sla",
        "median_resolution_workdays",
        "pct_resolved_within_sla",
        "rating_mean",
    ):
        assert pd.isna(row[column]), column
    assert row["grade"] == ""
    assert list(t.index) == ["a", "none"]  # in the agencies' order


@pytest.mark.parametrize(
    "ratings, expected",
    [
        ([4, 4, 4, 5], 4.3),  # 17/4 = 4.25 -> up to 4.3 (round-half-even gives 4.2)
        ([1, 2], 1.5),
        ([2, 2, 3], 2.3),  # 7/3 = 2.33..
        ([5], 5.0),
    ],
)
def test_rating_mean_has_one_decimal_with_halves_rounded_up(ratings, expected):
    unrated = [case(response=1, resolution=2, waited=9)]  # no rating: not in mean nor count
    t = table([case(response=1, resolution=2, waited=9, rating=r) for r in ratings] + unrated)
    assert t.loc["a", "rating_mean"] == expected
    assert t.loc["a", "rating_count"] == len(ratings)


def test_rerouted_counts_the_reports_that_came_from_another_agency():
    t = table([case(response=1, waited=9, rerouted=r) for r in (True, False, True)])
    assert t.loc["a", "rerouted"] == 2


@pytest.mark.parametrize(
    "in_time, late, pct, grade",
    [
        (10, 0, 100.0, "hijau"),
        (8, 2, 80.0, "hijau"),  # exactly 80: hijau
        (799, 201, 79.9, "kuning"),
        (6, 4, 60.0, "kuning"),  # exactly 60: kuning
        (599, 401, 59.9, "merah"),
        (0, 10, 0.0, "merah"),
        # 1999/2500 = 79.96 is shown as 80,0%: the grade follows the figure shown
        (1999, 501, 80.0, "hijau"),
    ],
)
def test_grade_thresholds(in_time, late, pct, grade):
    t = table(answered(in_time, late))  # at least 10 reports each
    assert t.loc["a", "pct_response_within_sla"] == pct
    assert t.loc["a", "grade"] == grade


def test_too_few_reports_get_no_grade():
    t = table(answered(9, 0, "nine") + answered(10, 0, "ten"), agencies=("nine", "ten"))
    assert t.loc["nine", "pct_response_within_sla"] == 100.0  # shown, but...
    assert t.loc["nine", "grade"] == ""  # 9 < RANK_MIN_REPORTS = 10
    assert t.loc["ten", "grade"] == "hijau"  # 10 is enough


def test_ranks_are_competition_ranks_among_graded_agencies():
    t = table(
        answered(9, 1, "a")  # 90.0
        + answered(8, 2, "b")  # 80.0
        + answered(7, 3, "c")  # 70.0
        + answered(8, 2, "d")  # 80.0, ties with b
        + answered(9, 0, "e"),  # 100.0 but only 9 reports: not ranked
        agencies=("a", "b", "c", "d", "e"),
    )
    ranks = scorecards.ranks(t)
    assert ranks[["a", "b", "c", "d"]].tolist() == [1, 2, 4, 2]  # 1, 2, 2, 4
    assert pd.isna(ranks["e"])


# -- 2. The real pipeline, through real dates --------------------------------
#
# Reports (local time, Asia/Jakarta); "resp" = first answering agency event.
#
# dinas-pupr (7 reports)
#   PU-001 Thu 27 Mar 10:00, resp Tue 8 Apr, closed Wed 16 Apr.  rating 4
#          resp: 28 cuti Nyepi, 29-30 weekend, 31 Mar-1 Apr Idul Fitri, 2-4 & 7 Apr cuti
#                -> only 8 Apr = 1
#          closed: 8, 9, 10, 11, 14, 15, 16 Apr = 7
#   PU-002 Fri 9 May 10:00 (anonim), resp tindak_lanjut Thu 15 May, closed Mon 2 Jun. rating 5
#          resp: 10-11 weekend, 12 Waisak, 13 cuti -> 14, 15 = 2
#          closed: 14-16, 19-23, 26-28 May = 11; 29 May, 30 May cuti, 31, 1 Jun -> +2 Jun = 12
#   PU-003 Fri 15 Aug 09:00, RAHASIA, only answer 'selesai' Wed 20 Aug = closed. rating 2
#          16-17 weekend (17 Agustus on a Sunday), 18 cuti -> 19, 20 = 2 (both)
#   PU-004 Sat 14 Jun 09:00, disposisi to dinkes first (rerouted), resp Mon 23 Jun, closed
#          the same day. rating 3.  16-20 Jun = 5, 21-22 weekend, 23 = 6 (late)
#   PU-005 Tue 1 Jul 08:00, resp Tue 1 Jul 14:00 = 0 (same day); status proses
#   PU-006 Mon 4 Aug 09:00, never answered (admin verifikasi only); status belum
#   PU-007 Thu 21 Aug 10:00, only an instansi komentar and an admin 'tanggapan': unanswered
# dinkes (4 reports)
#   DK-001 2024-12-31T20:00Z = Wed 1 Jan 2025 03:00 local (a 2025 report), resp Thu 2 Jan,
#          closed Fri 3 Jan. rating 5.  resp: 2 Jan = 1; closed: 2, 3 Jan = 2
#   DK-002 Mon 23 Dec 2024 09:00 (a 2024 report), resp Mon 30 Dec, closed Mon 6 Jan 2025.
#          rating 3.  resp: 24, (25 Natal, 26 cuti), 27, 30 = 3; closed: +31, 2, 3, 6 Jan = 7
#   DK-003 Mon 1 Sep 09:00, resp Tue 9 Sep: 2, 3, 4, (5 Maulid), 8, 9 = 5 (in time, just)
#   DK-004 Thu 11 Sep 09:00, never answered; the latest moment in the input, so AS_OF
# pkm-kotabumi (1 report): PK-001 Mon 3 Mar 09:00, resp Wed 5 Mar = 2, closed Mon 10 Mar = 5
# kec-abung: no reports.
#
# AS_OF = Thu 11 Sep 2025 09:00 (DK-004's submission). Working days to it, open reports:
#   PU-005 from 1 Jul: Jul 2-31 = 22, Aug 21 - 18 Aug = 20, Sep 1-11 = 9 - 5 Sep = 8 -> 50
#   PU-006 from 4 Aug: 5-8 = 4, 11-15 = 5, 19-22 = 4, 25-29 = 5, Sep -> 8 = 26
#   PU-007 from 21 Aug: 22 = 1, 25-29 = 5, Sep 1-4 = 4, 8-11 = 4 -> 14
#   DK-003 from 1 Sep: 2-4 = 3, 8-11 = 4 -> 7
#   DK-004: 0

AGENCIES = [
    {"agency_id": "dinas-pupr", "name": "Dinas Pekerjaan Umum dan Penataan Ruang"},
    {"agency_id": "dinkes", "name": "Dinas Kesehatan"},
    {"agency_id": "kec-abung", "name": "Kecamatan Abung Selatan"},
    {"agency_id": "pkm-kotabumi", "name": "Puskesmas Kotabumi"},
]
AGENCY_DEFAULTS = {"short_name": "", "kind": "opd", "parent_id": ""}
SECRET = "RAHASIA-PENANDA"  # in the rahasia report's title, body and answer


def tables() -> dict[str, list[dict]]:
    def pupr(tid: str, **fields) -> dict:
        return complaint(tid, agency_id="dinas-pupr", **fields)

    def dinkes(tid: str, **fields) -> dict:
        return complaint(tid, agency_id="dinkes", category="Kesehatan", **fields)

    open_report = {"closed_at": "", "rating": ""}
    complaints = [
        pupr("PU-001", submitted_at="2025-03-27T10:00:00", closed_at="2025-04-16T15:00:00"),
        pupr(
            "PU-002",
            privacy="anonim",
            submitted_at="2025-05-09T10:00:00",
            closed_at="2025-06-02T09:00:00",
            rating="5",
        ),
        pupr(
            "PU-003",
            privacy="rahasia",
            title=f"{SECRET} pungutan liar",
            body=f"{SECRET} ada pungutan di kantor.",
            submitted_at="2025-08-15T09:00:00",
            closed_at="2025-08-20T16:00:00",
            rating="2",
        ),
        pupr("PU-004", submitted_at="2025-06-14T09:00:00", closed_at="2025-06-23T15:00:00"),
        pupr("PU-005", status="proses", submitted_at="2025-07-01T08:00:00", **open_report),
        pupr("PU-006", status="belum", submitted_at="2025-08-04T09:00:00", **open_report),
        pupr("PU-007", status="proses", submitted_at="2025-08-21T10:00:00", **open_report),
        dinkes("DK-001", submitted_at="2024-12-31T20:00:00Z", closed_at="2025-01-03T15:00:00"),
        dinkes(
            "DK-002",
            submitted_at="2024-12-23T09:00:00",
            closed_at="2025-01-06T10:00:00",
            rating="3",
        ),
        dinkes("DK-003", status="proses", submitted_at="2025-09-01T09:00:00", **open_report),
        dinkes("DK-004", status="belum", submitted_at="2025-09-11T09:00:00", **open_report),
        complaint(
            "PK-001",
            agency_id="pkm-kotabumi",
            submitted_at="2025-03-03T09:00:00",
            closed_at="2025-03-10T15:00:00",
        ),
    ]
    ratings = {"PU-001": "4", "PU-004": "3", "DK-001": "5", "PK-001": "4"}
    for row in complaints:
        row["rating"] = ratings.get(row["tracking_id"], row["rating"])
    responses = [
        event("PU-001", "2025-03-27T11:00:00", "admin", "disposisi", "dinas-pupr"),
        event("PU-001", "2025-04-02T08:00:00", "pelapor", "komentar", "", "Belum ada kabar."),
        event("PU-001", "2025-04-08T10:00:00", "instansi", "tanggapan", "dinas-pupr", "Dicek."),
        event("PU-001", "2025-04-16T15:00:00", "instansi", "selesai", "dinas-pupr", "Beres."),
        event("PU-002", "2025-05-09T11:00:00", "admin", "verifikasi"),
        event("PU-002", "2025-05-15T09:00:00", "instansi", "tindak_lanjut", "dinas-pupr"),
        event("PU-002", "2025-05-20T09:00:00", "instansi", "tanggapan", "dinas-pupr"),
        event("PU-002", "2025-06-02T09:00:00", "instansi", "selesai", "dinas-pupr"),
        event("PU-003", "2025-08-20T16:00:00", "instansi", "selesai", "dinas-pupr", SECRET),
        event("PU-004", "2025-06-14T10:00:00", "admin", "disposisi", "dinkes"),
        event("PU-004", "2025-06-16T09:00:00", "admin", "disposisi", "dinas-pupr"),
        event("PU-004", "2025-06-23T09:00:00", "instansi", "tanggapan", "dinas-pupr"),
        event("PU-004", "2025-06-23T15:00:00", "instansi", "selesai", "dinas-pupr"),
        event("PU-005", "2025-07-01T14:00:00", "instansi", "tanggapan", "dinas-pupr"),
        event("PU-006", "2025-08-04T10:00:00", "admin", "verifikasi"),
        event("PU-007", "2025-08-22T09:00:00", "instansi", "komentar", "dinas-pupr", "Kami catat."),
        event("PU-007", "2025-08-22T10:00:00", "admin", "tanggapan", "", "Diteruskan."),
        event("PU-007", "2025-08-25T09:00:00", "pelapor", "komentar", "", "Ditunggu."),
        event("DK-001", "2025-01-02T09:00:00", "instansi", "tanggapan", "dinkes"),
        event("DK-001", "2025-01-03T15:00:00", "instansi", "selesai", "dinkes"),
        event("DK-002", "2024-12-30T10:00:00", "instansi", "tanggapan", "dinkes"),
        event("DK-002", "2025-01-06T10:00:00", "instansi", "selesai", "dinkes"),
        event("DK-003", "2025-09-09T09:00:00", "instansi", "tanggapan", "dinkes"),
        event("PK-001", "2025-03-05T09:00:00", "instansi", "tanggapan", "pkm-kotabumi"),
        event("PK-001", "2025-03-10T15:00:00", "instansi", "selesai", "pkm-kotabumi"),
    ]
    agencies = [{**a, **AGENCY_DEFAULTS} for a in AGENCIES]
    return {"agencies": agencies, "complaints": complaints, "responses": responses}


def settings_file(folder: Path, extra: str) -> Path:
    """pelicanconf.py with absolute paths, plus ``extra`` lines."""
    base = (ROOT / "pelicanconf.py").read_text("utf-8")
    base = base.replace('PATH = "content"', f'PATH = "{ROOT / "content"}"')
    base = base.replace('THEME = "theme"', f'THEME = "{ROOT / "theme"}"')
    path = folder / "conf.py"
    path.write_text(base + "\n" + extra + "\n", "utf-8")
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> tuple[Path, Path]:
    """The input folder above, and settings that grade an agency from 3 reports."""
    folder = tmp_path_factory.mktemp("rapor")
    data = write_input(folder / "input", tables())
    return data, settings_file(folder, "RANK_MIN_REPORTS = 3")


def prepared(inputs, **overrides):
    data, conf = inputs
    settings = load_settings(conf, {"DATA": str(data), **overrides})
    return prepare(settings), rules_from(settings)


@pytest.fixture(scope="module")
def dataset(inputs):
    return prepared(inputs)[0]


def by_report(dataset, column: str) -> dict:
    frame = dataset.complaints.set_index("tracking_id")[column]
    return {tid: (None if pd.isna(v) else v) for tid, v in frame.items()}


def test_as_of_defaults_to_the_latest_moment_in_the_input(dataset):
    assert dataset.as_of == pd.Timestamp("2025-09-11 09:00", tz=TZ)  # DK-004 submitted


@pytest.mark.parametrize(
    "tracking_id, response, resolution",
    [
        ("PU-001", 1, 7),  # across Idul Fitri 2025 and its cuti bersama
        ("PU-002", 2, 12),  # across Waisak + cuti bersama, then Kenaikan + cuti bersama
        ("PU-003", 2, 2),  # across 17 Agustus (Sunday) + cuti bersama Monday 18
        ("PU-004", 6, 6),  # submitted on a Saturday
        ("PU-005", 0, None),  # answered the same day
        ("PU-006", None, None),  # never answered
        ("PU-007", None, None),  # a komentar and an admin 'tanggapan' are no answer
        ("DK-001", 1, 2),  # submitted on New Year's Day, local time
        ("DK-002", 3, 7),  # across Natal 2024 + cuti bersama and 1 Jan 2025
        ("DK-003", 5, None),  # across Maulid Nabi
        ("DK-004", None, None),
        ("PK-001", 2, 5),
    ],
)
def test_working_days_to_first_response_and_to_closing(dataset, tracking_id, response, resolution):
    assert by_report(dataset, "response_workdays")[tracking_id] == response
    assert by_report(dataset, "resolution_workdays")[tracking_id] == resolution


def test_first_response_is_the_earliest_answering_agency_event(dataset):
    first = by_report(dataset, "first_response_at")
    # PU-002: tindak_lanjut on 15 May, before the tanggapan on 20 May
    assert first["PU-002"] == pd.Timestamp("2025-05-15 09:00", tz=TZ)
    # PU-003: its only agency event is 'selesai', which counts as an answer
    assert first["PU-003"] == pd.Timestamp("2025-08-20 16:00", tz=TZ)
    assert first["PU-007"] is None  # komentar by the agency, tanggapan by the admin only


def test_working_days_as_of_for_open_reports(dataset):
    waited = by_report(dataset, "workdays_as_of")
    open_ids = ["PU-005", "PU-006", "PU-007", "DK-003", "DK-004"]
    assert [waited[t] for t in open_ids] == [50, 26, 14, 7, 0]  # see the table above


def test_rerouted_is_a_disposisi_to_another_agency_first(dataset):
    rerouted = by_report(dataset, "rerouted")
    # PU-001 had a disposisi too, but to its own final agency
    assert [t for t, r in rerouted.items() if r] == ["PU-004"]


def test_rahasia_report_is_kept_for_counting_only(dataset):
    outcome = by_report(dataset, "outcome")
    assert outcome["PU-003"] == "counted_only"
    assert outcome["PU-001"] == "published"


# Expected scorecards (AS_OF 11 Sep 2025, deadlines 5 and 14 working days, RANK_MIN_REPORTS 3).
#
# dinas-pupr: received 7, resolved 4 (001-004), open 3 (005-007)
#   overdue: 005 (50 > 5), 006 (26 > 5), 007 (14 > 5) = 3
#   responses 0 1 2 2 6 -> median 2, p90 = ceil(4.5) = 5th = 6
#   in time (<= 5): 001, 002, 003, 005 = 4; due: 5 answered + 006, 007 = 7 -> 4/7 = 57.14 -> 57.1
#   resolutions 7 12 2 6 -> 2 6 7 12 -> median (6+7)/2 = 6.5
#   resolved in time (<= 14): 4; due: 4 + open > 14: 005 (50), 006 (26); 007 (14) is not
#     -> 4/6 = 66.67 -> 66.7
#   ratings 4 5 2 3 -> 14/4 = 3.5, count 4; rerouted 1 (004); 57.1 < 60 -> merah
# dinkes: received 4, resolved 2, open 2, overdue 1 (003: 7 > 5; 004: 0)
#   responses 1 3 5 -> median 3, p90 = ceil(2.7) = 3rd = 5
#   in time 3 / due 3 (004 not yet due) = 100.0; resolutions 2 7 -> 4.5
#   resolved in time 2 / (2 + open > 14: none) = 100.0; ratings 5 3 -> 4.0, count 2 -> hijau
# kec-abung: no reports -> zeros and empty figures, no grade
# pkm-kotabumi: 1 report: response 2, resolution 5, 100.0 both, rating 4.0; 1 < 3 -> no grade
EXPECTED = {
    "dinas-pupr": {
        "received": 7,
        "resolved": 4,
        "open": 3,
        "overdue": 3,
        "median_response_workdays": 2.0,
        "p90_response_workdays": 6,
        "pct_response_within_sla": 57.1,
        "closed_without_response": 0,
        "median_resolution_workdays": 6.5,
        "pct_resolved_within_sla": 66.7,
        "rating_mean": 3.5,
        "rating_count": 4,
        "rerouted": 1,
        "grade": "merah",
        "response_missing": "",
    },
    "dinkes": {
        "received": 4,
        "resolved": 2,
        "open": 2,
        "overdue": 1,
        "median_response_workdays": 3.0,
        "p90_response_workdays": 5,
        "pct_response_within_sla": 100.0,
        "closed_without_response": 0,
        "median_resolution_workdays": 4.5,
        "pct_resolved_within_sla": 100.0,
        "rating_mean": 4.0,
        "rating_count": 2,
        "rerouted": 0,
        "grade": "hijau",
        "response_missing": "",
    },
    "kec-abung": {
        "received": 0,
        "resolved": 0,
        "open": 0,
        "overdue": 0,
        "median_response_workdays": None,
        "p90_response_workdays": None,
        "pct_response_within_sla": None,
        "closed_without_response": 0,
        "median_resolution_workdays": None,
        "pct_resolved_within_sla": None,
        "rating_mean": None,
        "rating_count": 0,
        "rerouted": 0,
        "grade": "",
        "response_missing": "",
    },
    "pkm-kotabumi": {
        "received": 1,
        "resolved": 1,
        "open": 0,
        "overdue": 0,
        "median_response_workdays": 2.0,
        "p90_response_workdays": 2,
        "pct_response_within_sla": 100.0,
        "closed_without_response": 0,
        "median_resolution_workdays": 5.0,
        "pct_resolved_within_sla": 100.0,
        "rating_mean": 4.0,
        "rating_count": 1,
        "rerouted": 0,
        "grade": "",
        "response_missing": "",
    },
}


def plain(row: pd.Series) -> dict:
    return {k: (None if pd.isna(v) else v) for k, v in row.items()}


@pytest.mark.parametrize("agency_id", list(EXPECTED))
def test_scorecards_from_real_dates(inputs, agency_id):
    dataset, rules = prepared(inputs)
    t = scorecards.scorecards(dataset.agencies, dataset.complaints, rules, responses_present=True)
    assert plain(t.loc[agency_id]) == EXPECTED[agency_id]


def test_as_of_setting_moves_the_deadlines(inputs):
    # AS_OF = Tue 30 Sep 2025 (end of day). Working days to it:
    #   DK-003 from Mon 1 Sep: 2-4 = 3, 8-12 = 5, 15-19 = 5, 22-26 = 5, 29-30 = 2 -> 20
    #   DK-004 from Thu 11 Sep: 12 = 1, 15-19, 22-26 = 10, 29-30 = 2 -> 13
    #   PU-006 from Mon 4 Aug: 26 to 11 Sep, + 12 Sep, 15-26 = 11, 29-30 = 2 -> 39
    dataset, rules = prepared(inputs, AS_OF="2025-09-30")
    waited = by_report(dataset, "workdays_as_of")
    assert (waited["DK-003"], waited["DK-004"], waited["PU-006"]) == (20, 13, 39)
    table = scorecards.scorecards(
        dataset.agencies, dataset.complaints, rules, responses_present=True
    )
    row = table.loc["dinkes"]
    assert row["overdue"] == 2  # 003 (20 > 5) and now 004 (13 > 5)
    assert row["pct_response_within_sla"] == 75.0  # 3 in time / (3 answered + 004 due)
    # 2 in time / (2 resolved + 003: 20 > 14; 004: 13 is not) = 66.67
    assert row["pct_resolved_within_sla"] == 66.7


# -- 3. The built site -------------------------------------------------------


@pytest.fixture(scope="module")
def site(inputs, tmp_path_factory) -> Path:
    data, conf = inputs
    output = tmp_path_factory.mktemp("rapor-site") / "output"
    assert build(data, output, settings=str(conf)) == 0
    return output


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


CSV_ROWS = [
    # agency_id, name, received, resolved, open, overdue, median_response, p90, pct_response,
    # closed_without_response, median_resolution, pct_resolved, rating_mean, rating_count,
    # rerouted, grade
    "dinas-pupr,Dinas Pekerjaan Umum dan Penataan Ruang,7,4,3,3,2.0,6,57.1,0,6.5,66.7,3.5,4,1,"
    "merah",
    "dinkes,Dinas Kesehatan,4,2,2,1,3.0,5,100.0,0,4.5,100.0,4.0,2,0,hijau",
    "kec-abung,Kecamatan Abung Selatan,0,0,0,0,,,,0,,,,0,0,",
    "pkm-kotabumi,Puskesmas Kotabumi,1,1,0,0,2.0,2,100.0,0,5.0,100.0,4.0,1,0,",
]
CSV_HEADER = (
    "agency_id,name,received,resolved,open,overdue,median_response_workdays,"
    "p90_response_workdays,pct_response_within_sla,closed_without_response,"
    "median_resolution_workdays,"
    "pct_resolved_within_sla,rating_mean,rating_count,rerouted,grade"
)


def test_rapor_csv_rows_equal_the_hand_computation(site):
    raw = (site / "data/rapor.csv").read_bytes()
    assert raw.count(b"\r\n") == 1 + len(CSV_ROWS)  # CRLF after every line
    assert b"\n" not in raw.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert rows[0] == CSV_HEADER.split(",")
    assert rows[1:] == [line.split(",") for line in CSV_ROWS]


# The same figures as the agency page shows them, keyed by the column each tile's
# label links to on the methodology page (/metodologi/#<column>).
TILES = {
    "dinas-pupr": {
        "received": "7",
        "resolved": "4",
        "open": "3",
        "overdue": "3",
        "median_response_workdays": "2 hari kerja",
        "p90_response_workdays": "6 hari kerja",
        "pct_response_within_sla": "57,1%",
        "closed_without_response": "0",
        "median_resolution_workdays": "6,5 hari kerja",
        "pct_resolved_within_sla": "66,7%",
        "rating_mean": "3,5 dari 5",
        "rating_count": "4",
        "rerouted": "1",
    },
    "dinkes": {
        "received": "4",
        "resolved": "2",
        "open": "2",
        "overdue": "1",
        "median_response_workdays": "3 hari kerja",
        "p90_response_workdays": "5 hari kerja",
        "pct_response_within_sla": "100,0%",
        "closed_without_response": "0",
        "median_resolution_workdays": "4,5 hari kerja",
        "pct_resolved_within_sla": "100,0%",
        "rating_mean": "4,0 dari 5",
        "rating_count": "2",
        "rerouted": "0",
    },
    "kec-abung": {
        "received": "0",
        "resolved": "0",
        "open": "0",
        "overdue": "0",
        "median_response_workdays": "–",
        "p90_response_workdays": "–",
        "pct_response_within_sla": "–",
        "closed_without_response": "0",
        "median_resolution_workdays": "–",
        "pct_resolved_within_sla": "–",
        "rating_mean": "–",
        "rating_count": "0",
        "rerouted": "0",
    },
    "pkm-kotabumi": {
        "received": "1",
        "resolved": "1",
        "open": "0",
        "overdue": "0",
        "median_response_workdays": "2 hari kerja",
        "p90_response_workdays": "2 hari kerja",
        "pct_response_within_sla": "100,0%",
        "closed_without_response": "0",
        "median_resolution_workdays": "5 hari kerja",
        "pct_resolved_within_sla": "100,0%",
        "rating_mean": "4,0 dari 5",
        "rating_count": "1",
        "rerouted": "0",
    },
}


def tiles(page: BeautifulSoup, section: str) -> dict[str, str]:
    """Figure tiles of one section: {column the label links to: value text}."""
    found = {}
    for tile in page.select(f"section[aria-labelledby={section}] .figure"):
        href = tile.select_one(".figure-label a")["href"]
        found[href.rsplit("#", 1)[1]] = tile.select_one(".figure-value").get_text(strip=True)
    return found


@pytest.mark.parametrize("agency_id", list(TILES))
def test_agency_page_tiles_show_the_hand_computed_figures(site, agency_id):
    page = soup(site / f"instansi/{agency_id}/index.html")
    assert tiles(page, "rapor") == TILES[agency_id]


@pytest.mark.parametrize(
    "agency_id, grade, rank_text",
    [
        ("dinkes", "Hijau", "Peringkat 1 dari 2 instansi yang dinilai"),  # 100.0
        ("dinas-pupr", "Merah", "Peringkat 2 dari 2 instansi yang dinilai"),  # 57.1
        ("pkm-kotabumi", "Data belum cukup", None),  # 1 report < 3
        ("kec-abung", "Data belum cukup", None),  # none
    ],
)
def test_agency_page_grade_and_rank(site, agency_id, grade, rank_text):
    line = soup(site / f"instansi/{agency_id}/index.html").select_one(".grade-line")
    assert line.select_one(".grade").get_text(strip=True) == grade
    text = " ".join(line.get_text(" ", strip=True).split())
    if rank_text:
        assert rank_text in text
    else:
        assert "Peringkat" not in text


def score_rows(page: BeautifulSoup, caption: str) -> list[dict[str, str]]:
    """Rows of the score table whose caption starts with ``caption``."""
    for table in page.select("table.score-table"):
        if table.caption.get_text(strip=True).startswith(caption):
            return [
                {
                    "agency": row.select_one("th a")["href"].rstrip("/").rsplit("/", 1)[1],
                    **{
                        cell["data-label"]: cell.get_text(" ", strip=True)
                        for cell in row.select("td")
                    },
                }
                for row in table.select("tbody tr")
            ]
    return []


def test_rapor_page_ranks_graded_agencies_and_sets_small_ones_apart(site):
    page = soup(site / "rapor/index.html")
    ranked = score_rows(page, "Peringkat instansi")
    assert [(r["agency"], r["Peringkat"], r["Nilai"]) for r in ranked] == [
        ("dinkes", "1", "Hijau"),  # 100.0
        ("dinas-pupr", "2", "Merah"),  # 57.1
    ]
    assert [
        (r["Tanggapan tepat waktu"], r["Median tanggapan"], r["Diterima"], r["Lewat tenggat"])
        for r in ranked
    ] == [("100,0%", "3 hari kerja", "4", "1"), ("57,1%", "2 hari kerja", "7", "3")]
    unranked = score_rows(page, "Instansi dengan data belum cukup")
    assert [(r["agency"], r["Nilai"], r["Tanggapan tepat waktu"]) for r in unranked] == [
        ("pkm-kotabumi", "Data belum cukup", "100,0%"),  # 1 report < 3: shown, not graded
    ]
    assert "Data belum cukup" in page.select_one("#belum-cukup").get_text()
    assert without_reports(page) == ["kec-abung"]  # listed by name only, no empty card


def without_reports(page: BeautifulSoup) -> list[str]:
    section = page.select_one("section:has(#tanpa-laporan)")
    links = section.select("a") if section else []
    return [a["href"].rstrip("/").rsplit("/", 1)[1] for a in links]


def test_rapor_page_lists_agencies_without_enough_data_by_name(site):
    # 2024 holds dinkes' DK-002 only. The other three have no report that year and are
    # listed by name: Dinas Pekerjaan ... < Kecamatan Abung ... < Puskesmas Kotabumi.
    page = soup(site / "rapor/2024/index.html")
    assert without_reports(page) == ["dinas-pupr", "kec-abung", "pkm-kotabumi"]


def test_rapor_page_figures_over_all_agencies(site):
    # All 12 reports together: resolved 4 + 2 + 1 = 7; overdue 3 + 1 = 4
    # answered: 0 1 2 2 6 | 1 3 5 | 2 -> 0 1 1 2 2 2 3 5 6, median = 5th = 2
    # response in time 4 + 3 + 1 = 8 / due 7 + 3 + 1 = 11 = 72.73 -> 72,7%
    # resolved in time 4 + 2 + 1 = 7 / due 6 + 2 + 1 = 9 = 77.78 -> 77,8%
    shown = tiles(soup(site / "rapor/index.html"), "angka")
    assert shown == {
        "received": "12",
        "resolved": "7",
        "overdue": "4",
        "median_response_workdays": "2 hari kerja",
        "pct_response_within_sla": "72,7%",
        "pct_resolved_within_sla": "77,8%",
    }


def test_year_pages_count_only_reports_submitted_that_local_year(site):
    # 2025: DK-001 (2024-12-31T20:00Z = 1 Jan 2025 local), DK-003, DK-004; DK-002 is 2024.
    # dinkes 2025: received 3, overdue 1 (003), responses 1 5 -> median 3, 2/2 = 100,0%
    page = soup(site / "rapor/2025/index.html")
    ranked = score_rows(page, "Peringkat instansi")
    columns = ("Peringkat", "Tanggapan tepat waktu", "Median tanggapan", "Diterima")
    columns += ("Belum selesai", "Lewat tenggat")
    assert [(r["agency"], *(r[c] for c in columns)) for r in ranked] == [
        ("dinkes", "1", "100,0%", "3 hari kerja", "3", "2", "1"),
        ("dinas-pupr", "2", "57,1%", "2 hari kerja", "7", "3", "3"),  # all 7 are 2025
    ]
    assert tiles(page, "angka")["received"] == "11"  # 7 + 3 + 1
    # 2024: DK-002 only (response 3, in time): 1 report < 3, so nobody is ranked
    page = soup(site / "rapor/2024/index.html")
    assert score_rows(page, "Peringkat instansi") == []
    assert [
        (r["agency"], r["Diterima"], r["Median tanggapan"], r["Nilai"])
        for r in score_rows(page, "Instansi dengan data belum cukup")
    ] == [("dinkes", "1", "3 hari kerja", "Data belum cukup")]
    assert tiles(page, "angka")["received"] == "1"
    assert not (site / "rapor/2023").exists()


def test_rahasia_report_is_in_no_output_file(site):
    files = [p for p in site.rglob("*") if p.is_file()]
    texts = {p: p.read_bytes().decode("utf-8", "replace").casefold() for p in files}
    assert any("pu-001" in t for t in texts.values())  # the search below can find an ID
    for marker in ("pu-003", SECRET.casefold()):
        assert [str(p.relative_to(site)) for p, t in texts.items() if marker in t] == []
