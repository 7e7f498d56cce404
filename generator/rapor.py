"""Page-contexts stage for the scorecards: /rapor/, agency scorecards, methodology.

Figures come from ``scorecards`` (the metrics stage) and are only formatted
here; definitions, deadlines and holidays on the methodology page come from
the same objects the figures were computed with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

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
)
from .methodology import RESOLUTION_SOURCE, RESOLUTION_URL, RESPONSE_SOURCE, worked_examples
from .pipeline import Dataset
from .schema import ANSWER_ACTIONS
from .workdays import holiday_kind, holiday_source

ALL_PERIODS = "Semua periode"
GRADE_LABELS = {"hijau": "Hijau", "kuning": "Kuning", "merah": "Merah", "": "Data belum cukup"}
METHOD_PATH = "/metodologi/"
UNAVAILABLE = "Tidak tersedia"
RESPONSE_BASED = scorecards.RESPONSE_FIGURES + scorecards.TABLE_FIGURES
# Why response-based figures are not available (scorecards.response_missing), in words.
MISSING_REASONS = {
    scorecards.NO_RESPONSES_TABLE: "Data tindak lanjut (tabel responses) tidak ada dalam "
    "input, jadi waktu tanggapan tidak bisa dihitung.",
    scorecards.NO_AGENCY_EVENTS: "Data tindak lanjut tidak memuat satu pun tindak lanjut "
    "instansi ini, jadi waktu tanggapannya tidak bisa dihitung.",
}


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
        present = self.dataset.responses_present
        found = {
            None: scorecards.scorecards(agencies, complaints, self.rules, responses_present=present)
        }
        for year in self.years:
            found[year] = scorecards.scorecards(
                agencies, complaints[year_of == year], self.rules, responses_present=present
            )
        for table in found.values():
            table["rank"] = scorecards.ranks(table)
        return found

    def csv_rows(self) -> pd.DataFrame:
        """rapor.csv: every agency over all periods, in agency_id order."""
        table = self.table().reset_index()
        table.insert(1, "name", table["agency_id"].map(self.names))
        table["p90_response_workdays"] = table["p90_response_workdays"].astype("Int64")
        return table[list(scorecards.COLUMNS)]  # an empty cell where a figure does not exist

    def scorecard(self, agency_id: str, year: int | None = None) -> Scorecard:
        row = self.table(year).loc[agency_id]
        reason = MISSING_REASONS.get(row["response_missing"], "")
        return Scorecard(
            self.agency_link(agency_id),
            self.short_names[agency_id],
            ALL_PERIODS if year is None else str(year),
            row["grade"],
            UNAVAILABLE if reason else GRADE_LABELS[row["grade"]],
            None if pd.isna(row["rank"]) else int(row["rank"]),
            int(self.table(year)["rank"].notna().sum()),
            int(row["received"]),
            int(row["open"]),
            int(row["overdue"]),
            UNAVAILABLE if reason else fmt.percent(row["pct_response_within_sla"]),
            UNAVAILABLE if reason else fmt.workdays(row["median_response_workdays"]) or "–",
            fmt.percent(row["pct_resolved_within_sla"]),
            self.figures(row),
            reason,
        )

    def figures(self, row: pd.Series) -> tuple[Figure, ...]:
        """Every figure of one scorecard row, labelled from scorecards.DEFINITIONS."""
        return tuple(self.figure_map(row).values())

    def figure_map(self, row: pd.Series) -> dict[str, Figure]:
        """The figures of one scorecard row by column name, in DEFINITIONS order."""
        shown = {}
        reason = MISSING_REASONS.get(row["response_missing"], "")
        for d in scorecards.DEFINITIONS[2:]:
            if d.column == "grade":  # shown as a badge, not as a tile
                continue
            value = row[d.column]
            link = self.url(f"{METHOD_PATH}#{d.column}")
            if reason and pd.isna(value) and d.column in RESPONSE_BASED:  # input lacks it
                shown[d.column] = Figure(d.label, UNAVAILABLE, reason, link)
                continue
            if d.unit == "hari kerja":
                text = fmt.workdays(value) or "–"
            elif d.unit == "%":
                text = fmt.percent(value)
            elif d.column == "rating_mean":
                text = "–" if pd.isna(value) else f"{fmt.decimal(value)} dari 5"
            else:
                text = fmt.number(int(value))
            shown[d.column] = Figure(d.label, text, "", link)
        return shown

    def grade_rules(self, unavailable: bool = False) -> tuple[GradeRule, ...]:
        """What each grade means; with ``unavailable``, also 'Tidak tersedia'."""
        r = self.rules
        within = f"tanggapan pertama dalam {r.response_workdays} hari kerja"
        missing = (
            GradeRule(
                "",
                UNAVAILABLE,
                "data tidak memuat tindak lanjut instansi (atau tidak memuat tabel tindak lanjut "
                "sama sekali): waktu tanggapan tidak bisa dihitung, jadi tidak dinilai dan tidak "
                "diberi peringkat, bukan dianggap terlambat",
            ),
        )
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
        ) + (missing if unavailable else ())

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

    def agency_monthly(self, agency_id: str) -> pd.DataFrame:
        """An agency's received/resolved counts by month number (zeros included)."""
        first, last = self.month_span
        if agency_id in self.monthly.index.get_level_values("agency_id"):
            series = self.monthly.loc[agency_id]
        else:
            series = pd.DataFrame({"received": 0, "resolved": 0}, index=range(first, last + 1))
        return series.reindex(range(first, last + 1), fill_value=0)

    def monthly_chart(self, agency_id: str | None = None) -> charts.LineChart:
        first, last = self.month_span
        months = [scorecards.month_label(m) for m in range(first, last + 1)]
        if agency_id is None:
            series = self.monthly.groupby(level="month").sum()
            series = series.reindex(range(first, last + 1), fill_value=0)
        else:
            series = self.agency_monthly(agency_id)
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

    def response_chart(self, agency_id: str) -> charts.BarChart | None:
        """How long first responses took; None when the input cannot tell."""
        if self.table().loc[agency_id, "response_missing"]:
            return None
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
            missing = [c for c in cards if c.unavailable and c.received]
            pages.append(
                RaporPage(
                    rapor_path(year),
                    ALL_PERIODS if year is None else str(year),
                    links,
                    tuple(c for c in cards if c.rank is not None),
                    tuple(c for c in cards if c.rank is None and c.received and not c.unavailable),
                    tuple(Link(c.agency.url, c.short_name) for c in empty),
                    self.grade_rules(unavailable=bool(missing)),
                    self.rules.rank_min_reports,
                    self.deadline_note(),
                    self.period_figures(year),
                    self.url("/data/rapor.csv"),
                    tuple(missing),
                    self.responses_note(),
                    self.share_card if year is None else None,
                )
            )
        return pages

    def responses_note(self) -> str:
        """Why no agency is graded, when the input has no responses table; '' otherwise."""
        if self.dataset.responses_present:
            return ""
        return (
            "Waktu tanggapan, nilai dan peringkat tidak tersedia: data tindak lanjut (tabel "
            "responses) tidak ada dalam input, jadi tidak diketahui kapan instansi menanggapi. "
            "Angka itu tidak dianggap nol atau terlambat. Angka penyelesaian tetap dihitung "
            "dari tanggal laporan ditutup."
        )

    def period_row(self, year: int | None) -> pd.Series:
        """The scorecard of all agencies together, for one period (None: all of them)."""
        complaints = self.dataset.complaints
        if year is not None:
            complaints = complaints[local_years(complaints["submitted_at"]) == year]
        everyone = pd.DataFrame({"agency_id": ["*"]})
        table = scorecards.scorecards(
            everyone,
            complaints.assign(agency_id="*"),
            self.rules,
            responses_present=self.dataset.responses_present,
        )
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
        """How many agencies have each grade; one 'not available' tile without responses."""
        table = self.table()
        if not self.dataset.responses_present:
            reason = MISSING_REASONS[scorecards.NO_RESPONSES_TABLE]
            return (Figure("Nilai rapor", UNAVAILABLE, reason),)
        missing = table["response_missing"] != ""
        grades = table.loc[~missing, "grade"].value_counts()
        rules = self.grade_rules(unavailable=bool(missing.any()))
        found = tuple(
            Figure(GRADE_LABELS[g], fmt.number(int(grades.get(g, 0))), rule.rule)
            for g, rule in zip((*scorecards.GRADES, ""), rules, strict=False)
        )
        if missing.any():
            found += (Figure(UNAVAILABLE, fmt.number(int(missing.sum())), rules[-1].rule),)
        return found

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
            self.grade_rules(unavailable=True),
            r.rank_min_reports,
            holiday_source(self.settings["HOLIDAYS_COUNTRY"]),
            self.holidays(),
            tuple(fmt.ACTION_LABELS[a] for a in ANSWER_ACTIONS),
            worked_examples(
                tuple(self.settings["EXTRA_HOLIDAYS"]), self.settings["HOLIDAYS_COUNTRY"]
            ),
            fmt.long_date(as_of) if as_of is not None else "–",
            zone,
            counts,
            self.missing_note(),
            holiday_kind(self.settings["HOLIDAYS_COUNTRY"]),
        )

    def missing_note(self) -> str:
        """For /metodologi/: which figures this input cannot give, and why; '' when none."""
        if not self.dataset.responses_present:
            return self.responses_note()
        missing = self.table()["response_missing"] == scorecards.NO_AGENCY_EVENTS
        if not missing.any():
            return ""
        names = ", ".join(sorted(self.short_names[missing[missing].index]))
        return (
            f"Dalam data ini, waktu tanggapan dan nilai tidak tersedia untuk {int(missing.sum())} "
            f"instansi yang tidak punya satu pun tindak lanjut tercatat: {names}."
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
