"""Page-contexts stage for the scorecards: /rapor/, agency scorecards, methodology.

Figures come from ``scorecards`` (the metrics stage) and are only formatted
here; definitions, deadlines and holidays on the methodology page come from
the same objects the figures were computed with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import pandas as pd
from babel.dates import format_date

from . import charts, scorecards
from . import formatting as fmt
from .contexts import (
    Definition,
    Figure,
    GradeRule,
    Holiday,
    Link,
    MethodologyPage,
    RaporPage,
    Scorecard,
    ShareCard,
    Source,
    WorkdayExample,
)
from .pipeline import Dataset
from .schema import ANSWER_ACTIONS
from .workdays import HOLIDAY_SOURCE, WorkCalendar

ALL_PERIODS = "Semua periode"
GRADE_LABELS = {"hijau": "Hijau", "kuning": "Kuning", "merah": "Merah", "": "Data belum cukup"}
METHOD_PATH = "/metodologi/"

# Where the deadlines come from (shown on /metodologi/). Checked 2026-11.
RESPONSE_SOURCE = (
    "SP4N-LAPOR! (KemenPAN-RB): instansi menindaklanjuti laporan paling lambat 5 hari kerja; "
    "pengelolaan pengaduan diatur UU No. 25 Tahun 2009 tentang Pelayanan Publik, Perpres "
    "No. 76 Tahun 2013, dan Peraturan Menteri PANRB No. 62 Tahun 2018."
)
RESOLUTION_SOURCE = (
    "KemenPAN-RB tentang SP4N-LAPOR! (Republika, 14 Juni 2018): permintaan informasi dan "
    "keluhan dijawab paling lambat 5 hari, pengaduan tanpa pemeriksaan lapangan diselesaikan "
    "paling lambat 14 hari, pengaduan yang memerlukan pemeriksaan lapangan paling lambat 60 "
    "hari. Data ekspor tidak mencatat laporan mana yang memerlukan pemeriksaan lapangan, jadi "
    "situs ini memakai 14 hari kerja untuk semua laporan."
)
RESOLUTION_URL = (
    "https://ramadhan.republika.co.id/berita/pab1q5349/"
    "ini-aplikasi-untuk-laporkan-layanan-publik-selama-lebaran"
)

# Worked examples for the working-day rule: (submitted, answered), local time.
EXAMPLES = (
    ("2025-03-03 09:00", "2025-03-03 15:30"),
    ("2025-03-07 16:00", "2025-03-10 08:00"),
    ("2025-03-27 10:00", "2025-04-08 10:00"),
    ("2025-05-09 10:00", "2025-05-14 10:00"),
    ("2025-08-15 09:00", "2025-08-19 09:00"),
)


def rapor_path(year: int | None = None) -> str:
    return "/rapor/" if year is None else f"/rapor/{year}/"


def rules_from(settings: dict) -> scorecards.Rules:
    green, yellow = settings["GRADE_THRESHOLDS"]
    return scorecards.Rules(
        settings["SLA_RESPONSE_WORKDAYS"],
        settings["SLA_RESOLUTION_WORKDAYS"],
        settings["RANK_MIN_REPORTS"],
        float(green),
        float(yellow),
    )


def local_years(moments: pd.Series) -> pd.Series:
    """The year of each local timestamp: the period a report belongs to."""
    return moments.dt.year


@dataclass
class RaporViews:
    """Scorecards for every period, formatted for the pages."""

    dataset: Dataset
    settings: dict
    url: Callable[[str], str]  # path -> URL with SITEURL
    agency_link: Callable[[str], Link]
    # /rapor/'s og:image; set by views.Views, which knows whether SITEURL is absolute.
    share_card: ShareCard | None = None

    def __post_init__(self) -> None:
        self.rules = rules_from(self.settings)
        agencies = self.dataset.agencies
        self.names = agencies.set_index("agency_id")["name"]
        self.short_names = self.dataset.short_names

    # -- figures -----------------------------------------------------------

    @cached_property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted(local_years(self.dataset.complaints["submitted_at"]).unique()))

    def table(self, year: int | None = None) -> pd.DataFrame:
        return self.tables[year]

    @cached_property
    def tables(self) -> dict[int | None, pd.DataFrame]:
        complaints = self.dataset.complaints
        agencies = self.dataset.agencies
        year_of = local_years(complaints["submitted_at"])
        found = {None: scorecards.scorecards(agencies, complaints, self.rules)}
        for year in self.years:
            found[year] = scorecards.scorecards(agencies, complaints[year_of == year], self.rules)
        for table in found.values():
            table["rank"] = scorecards.ranks(table)
        return found

    def csv_rows(self) -> pd.DataFrame:
        """rapor.csv: every agency over all periods, in agency_id order."""
        table = self.table().drop(columns="rank").reset_index()
        table.insert(1, "name", table["agency_id"].map(self.names))
        table["p90_response_workdays"] = table["p90_response_workdays"].astype("Int64")
        return table[list(scorecards.COLUMNS)]

    def scorecard(self, agency_id: str, year: int | None = None) -> Scorecard:
        row = self.table(year).loc[agency_id]
        return Scorecard(
            self.agency_link(agency_id),
            self.short_names[agency_id],
            ALL_PERIODS if year is None else str(year),
            row["grade"],
            GRADE_LABELS[row["grade"]],
            None if pd.isna(row["rank"]) else int(row["rank"]),
            int(self.table(year)["rank"].notna().sum()),
            int(row["received"]),
            int(row["open"]),
            int(row["overdue"]),
            fmt.percent(row["pct_response_within_sla"]),
            fmt.workdays(row["median_response_workdays"]) or "–",
            fmt.percent(row["pct_resolved_within_sla"]),
            self.figures(row),
        )

    def figures(self, row: pd.Series) -> tuple[Figure, ...]:
        """Every figure of one scorecard row, labelled from scorecards.DEFINITIONS."""
        return tuple(self.figure_map(row).values())

    def figure_map(self, row: pd.Series) -> dict[str, Figure]:
        """The figures of one scorecard row by column name, in DEFINITIONS order."""
        shown = {}
        for d in scorecards.DEFINITIONS[2:]:
            if d.column == "grade":  # shown as a badge, not as a tile
                continue
            value = row[d.column]
            if d.unit == "hari kerja":
                text = fmt.workdays(value) or "–"
            elif d.unit == "%":
                text = fmt.percent(value)
            elif d.column == "rating_mean":
                text = "–" if pd.isna(value) else f"{fmt.decimal(value)} dari 5"
            else:
                text = fmt.number(int(value))
            shown[d.column] = Figure(d.label, text, "", self.url(f"{METHOD_PATH}#{d.column}"))
        return shown

    def grade_rules(self) -> tuple[GradeRule, ...]:
        r = self.rules
        within = f"tanggapan pertama dalam {r.response_workdays} hari kerja"
        return (
            GradeRule("hijau", "Hijau", f"paling sedikit {_pct(r.green_min_pct)} {within}"),
            GradeRule(
                "kuning",
                "Kuning",
                f"paling sedikit {_pct(r.yellow_min_pct)}, kurang dari {_pct(r.green_min_pct)}",
            ),
            GradeRule("merah", "Merah", f"kurang dari {_pct(r.yellow_min_pct)} {within}"),
            GradeRule(
                "",
                "Data belum cukup",
                f"kurang dari {r.rank_min_reports} laporan dalam periode itu: tidak dinilai "
                "dan tidak diberi peringkat",
            ),
        )

    def deadline_note(self) -> str:
        r = self.rules
        return (
            f"Tenggat tanggapan pertama {r.response_workdays} hari kerja; tenggat penyelesaian "
            f"{r.resolution_workdays} hari kerja."
        )

    # -- charts ------------------------------------------------------------

    @cached_property
    def month_span(self) -> tuple[int, int]:
        submitted = scorecards.month_numbers(self.dataset.complaints["submitted_at"]).dropna()
        if not len(submitted):
            return (0, -1)
        last = int(submitted.max())
        if self.dataset.as_of is not None:
            last = max(last, self.dataset.as_of.year * 12 + self.dataset.as_of.month - 1)
        return int(submitted.min()), last

    @cached_property
    def monthly(self) -> pd.DataFrame:
        return scorecards.monthly(self.dataset.complaints, *self.month_span)

    def monthly_chart(self, agency_id: str | None = None) -> charts.LineChart:
        first, last = self.month_span
        months = [scorecards.month_label(m) for m in range(first, last + 1)]
        if agency_id is None:
            series = self.monthly.groupby(level="month").sum()
        elif agency_id in self.monthly.index.get_level_values("agency_id"):
            series = self.monthly.loc[agency_id]
        else:
            series = pd.DataFrame({"received": 0, "resolved": 0}, index=range(first, last + 1))
        series = series.reindex(range(first, last + 1), fill_value=0)
        return charts.monthly_chart(
            months,
            series["received"].tolist(),
            series["resolved"].tolist(),
            "Laporan masuk dan selesai per bulan",
        )

    @cached_property
    def by_agency(self) -> dict[str, pd.DataFrame]:
        """Each agency's reports, split once (a scan per agency is quadratic)."""
        return dict(tuple(self.dataset.complaints.groupby("agency_id", sort=False)))

    def response_chart(self, agency_id: str) -> charts.BarChart:
        own = self.by_agency.get(agency_id, self.dataset.complaints.iloc[0:0])
        bins = scorecards.response_distribution(own, self.rules.response_workdays)
        return charts.distribution_chart(
            bins["label"].tolist(),
            bins["count"].tolist(),
            bins["within"].tolist(),
            "Lama tanggapan pertama (hari kerja)",
            f"Tenggat: {self.rules.response_workdays} hari kerja",
        )

    # -- pages -------------------------------------------------------------

    def rapor_pages(self) -> list[RaporPage]:
        periods = (None, *self.years)
        links = tuple(
            Link(self.url(rapor_path(y)), ALL_PERIODS if y is None else str(y)) for y in periods
        )
        pages = []
        for year in periods:
            table = self.table(year)
            # By the name the table shows, as on /instansi/.
            order = scorecards.ranking_order(table, self.short_names)
            cards = [self.scorecard(a, year) for a in order]
            empty = [c for c in cards if c.received == 0]
            pages.append(
                RaporPage(
                    rapor_path(year),
                    ALL_PERIODS if year is None else str(year),
                    links,
                    tuple(c for c in cards if c.rank is not None),
                    tuple(c for c in cards if c.rank is None and c.received),
                    tuple(Link(c.agency.url, c.short_name) for c in empty),
                    self.grade_rules(),
                    self.rules.rank_min_reports,
                    self.deadline_note(),
                    self.period_figures(year),
                    self.url("/data/rapor.csv"),
                    self.share_card if year is None else None,
                )
            )
        return pages

    def period_row(self, year: int | None) -> pd.Series:
        """The scorecard of all agencies together, for one period (None: all of them)."""
        complaints = self.dataset.complaints
        if year is not None:
            complaints = complaints[local_years(complaints["submitted_at"]) == year]
        everyone = pd.DataFrame({"agency_id": ["*"]})
        table = scorecards.scorecards(everyone, complaints.assign(agency_id="*"), self.rules)
        return table.iloc[0]

    def period_figure_map(self, year: int | None) -> dict[str, Figure]:
        """The scorecard figures of all agencies together, for one period."""
        return self.figure_map(self.period_row(year))

    def period_figures(self, year: int | None) -> tuple[Figure, ...]:
        shown = self.period_figure_map(year)
        keep = (
            "received",
            "resolved",
            "overdue",
            "median_response_workdays",
            "pct_response_within_sla",
            "pct_resolved_within_sla",
        )
        return tuple(shown[column] for column in keep)

    def grade_counts(self) -> tuple[Figure, ...]:
        grades = self.table()["grade"].value_counts()
        return tuple(
            Figure(GRADE_LABELS[g], fmt.number(int(grades.get(g, 0))), rule.rule)
            for g, rule in zip((*scorecards.GRADES, ""), self.grade_rules(), strict=True)
        )

    def methodology(self, counts: tuple[Figure, ...]) -> MethodologyPage:
        r = self.rules
        zone = fmt.zone_label(str(self.dataset.tz))
        as_of = self.dataset.as_of
        return MethodologyPage(
            METHOD_PATH,
            tuple(
                Definition(d.column, d.label, d.unit, d.explain(r)) for d in scorecards.DEFINITIONS
            ),
            (
                Source(
                    f"Tenggat tanggapan pertama: {r.response_workdays} hari kerja "
                    "(SLA_RESPONSE_WORKDAYS)",
                    RESPONSE_SOURCE,
                    "https://www.lapor.go.id/",
                ),
                Source(
                    f"Tenggat penyelesaian: {r.resolution_workdays} hari kerja "
                    "(SLA_RESOLUTION_WORKDAYS)",
                    RESOLUTION_SOURCE,
                    RESOLUTION_URL,
                ),
            ),
            self.grade_rules(),
            r.rank_min_reports,
            HOLIDAY_SOURCE,
            self.holidays(),
            tuple(fmt.ACTION_LABELS[a] for a in ANSWER_ACTIONS),
            worked_examples(tuple(self.settings["EXTRA_HOLIDAYS"])),
            fmt.long_date(as_of) if as_of is not None else "–",
            zone,
            counts,
        )

    def holidays(self) -> tuple[Holiday, ...]:
        years = set(self.years)
        if self.dataset.as_of is not None:
            years.add(self.dataset.as_of.year)
        return tuple(
            Holiday(fmt.weekday_date(day), day.isoformat(), name)
            for day, name in self.dataset.calendar.names
            if day.year in years
        )


def _pct(value: float) -> str:
    return f"{fmt.decimal(value)}%".replace(",0%", "%")


def skipped_days(calendar: WorkCalendar, start: dt.date, end: dt.date) -> list[str]:
    """Days after ``start`` up to ``end`` that are not working days, with the reason."""
    names = dict(calendar.names)
    found = []
    day = start + dt.timedelta(days=1)
    while day <= end:
        if day in names:
            found.append(f"{format_date(day, 'EEEE d MMMM', locale=fmt.LOCALE)} ({names[day]})")
        elif day.weekday() >= 5:
            found.append(format_date(day, "EEEE d MMMM", locale=fmt.LOCALE))
        day += dt.timedelta(days=1)
    return found


def worked_examples(extra: tuple[str, ...]) -> tuple[WorkdayExample, ...]:
    """The working-day rule applied to fixed dates, by the code every figure uses."""
    years = sorted({int(text[:4]) for pair in EXAMPLES for text in pair})
    calendar = WorkCalendar.for_years(years[0], years[-1], tuple(extra))
    found = []
    for start_text, end_text in EXAMPLES:
        start, end = pd.Timestamp(start_text), pd.Timestamp(end_text)
        count = calendar.between(pd.Series([start]), pd.Series([end])).iloc[0]
        skipped = skipped_days(calendar, start.date(), end.date())
        why = (
            "Jawaban pada hari yang sama dihitung 0."
            if start.date() == end.date()
            else "Tidak dihitung: " + "; ".join(skipped) + "."
            if skipped
            else "Semua hari di antaranya hari kerja."
        )
        found.append(
            WorkdayExample(fmt.weekday_time(start), fmt.weekday_time(end), fmt.workdays(count), why)
        )
    return tuple(found)
