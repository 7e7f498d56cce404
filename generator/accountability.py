"""Page-contexts stage, accountability: deadlines judged per case, late-case lists,
figures by category and kecamatan, and trends readable at any volume.

Lists hold published cases only (CONTRACT §1.5); the figures count every report
(``patterns``), confidential ones included, as numbers only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

import pandas as pd

from . import charts, scorecards
from . import formatting as fmt
from . import patterns as pt
from .browse import SEARCH_PATH, paginate
from .contexts import (
    AgencyLinks,
    CaseSummary,
    Deadline,
    LatePage,
    Link,
    PatternRow,
    PatternTable,
)
from .pipeline import Dataset
from .rapor import UNAVAILABLE, rules_from

LATE_FILTER = "ketepatan"  # the search filter's name; values below
FILTER_VALUES = {pt.ON_TIME: "Tepat waktu", pt.LATE: "Terlambat"}
SLOWEST = "tanggapan:desc"  # the search sort: slowest first answer first
NO_ANSWER = "tidak ada tanggapan instansi yang tercatat"
NOT_AVAILABLE = {
    scorecards.NO_RESPONSES_TABLE: "tidak tersedia (data tindak lanjut tidak ada dalam input)",
    scorecards.NO_AGENCY_EVENTS: "tidak tersedia (data tidak memuat tindak lanjut instansi ini)",
}
UNKNOWN_KECAMATAN = "Tanpa keterangan kecamatan"
PERIOD_WORDS = {1: "bulan", 3: "kuartal", 12: "tahun"}


def late_path(agency_id: str, page: int = 1) -> str:
    base = f"/instansi/{agency_id.lower()}/terlambat/"
    return base if page == 1 else f"{base}page/{page}/"


def verdict(state: str, late) -> str:
    """A deadline's judgement in words (state from ``patterns.case_lateness``)."""
    if state == pt.ON_TIME:
        return "tepat waktu"
    if state == pt.LATE:
        return f"terlambat {fmt.workdays(late)}"
    return {pt.NO_ANSWER: NO_ANSWER}.get(state, "belum lewat tenggat")


@dataclass
class AccountabilityViews:
    """Deadlines per case, late lists, patterns and trends from one dataset."""

    dataset: Dataset
    settings: dict
    url: Callable[[str], str]
    agency_link: Callable[[str], Link]
    summaries: Callable[[pd.DataFrame], tuple[CaseSummary, ...]]

    def __post_init__(self) -> None:
        self.rules = rules_from(self.settings)

    @cached_property
    def lateness(self) -> pd.DataFrame:
        """patterns.case_lateness over every report, indexed by tracking_id."""
        d = self.dataset
        frame = pt.case_lateness(d.complaints, self.rules)
        frame["response_workdays"] = d.complaints["response_workdays"]
        frame.index = d.complaints["tracking_id"].to_numpy()
        return frame

    @cached_property
    def missing(self) -> dict[str, str]:
        """Per agency, why response figures are not available ('' when they are)."""
        d = self.dataset
        known = d.complaints.groupby("agency_id")["response_known"].sum()
        received = d.complaints.groupby("agency_id").size()
        return scorecards.response_missing(received, known, d.responses_present).to_dict()

    # -- one case ------------------------------------------------------------

    @cached_property
    def judged(self) -> dict[str, tuple[Deadline, Deadline]]:
        """Per published case: its first-response and closing deadlines judged."""
        published = self.dataset.published
        late = self.lateness.reindex(published["tracking_id"])
        r = self.rules
        found = {}
        for row, lt in zip(
            published.itertuples(index=False), late.itertuples(index=False), strict=True
        ):
            state = lt.response_state
            if state == pt.UNKNOWN:
                words = NOT_AVAILABLE.get(self.missing.get(row.agency_id, ""), "tidak tersedia")
            else:
                words = verdict(state, lt.response_late)
            response = Deadline(
                "Tanggapan pertama instansi",
                state,
                fmt.workdays(lt.response_workdays) if state in FILTER_VALUES else "",
                f"tenggat {r.response_workdays} hari kerja",
                words,
                FILTER_VALUES.get(state, ""),
            )
            state = lt.resolution_state
            closing = Deadline(
                "Penyelesaian",
                state,
                fmt.workdays(row.resolution_workdays),
                f"tenggat {r.resolution_workdays} hari kerja",
                verdict(state, lt.resolution_late) if state else "belum selesai",
                FILTER_VALUES.get(state, ""),
            )
            found[row.tracking_id] = (response, closing)
        return found

    def deadlines(self, tracking_id: str) -> tuple[Deadline, ...]:
        """First response and closing of one published report."""
        return self.judged[tracking_id]

    def response_deadline(self, tracking_id: str) -> Deadline:
        return self.judged[tracking_id][0]

    # -- late lists ----------------------------------------------------------

    @cached_property
    def late_by_agency(self) -> dict[str, pd.DataFrame]:
        """Published cases answered late, per agency, slowest first (then by ID)."""
        published = self.dataset.published
        state = self.lateness["response_state"].reindex(published["tracking_id"]).to_numpy()
        late = published[state == pt.LATE]
        late = late.sort_values(
            ["response_workdays", "tracking_id"], ascending=[False, True], kind="stable"
        )
        return dict(tuple(late.groupby("agency_id", sort=False)))

    def search_url(self, agency_name: str, late: bool) -> str:
        query = {"instansi": agency_name}
        if late:
            query[LATE_FILTER] = FILTER_VALUES[pt.LATE]
        query["urut"] = SLOWEST
        return self.url(SEARCH_PATH) + "?" + urlencode(query)

    def links(self, agency_id: str, name: str) -> AgencyLinks | None:
        """Links to an agency's late and slowest cases; None without a responses table."""
        if not self.dataset.responses_present:
            return None
        count = len(self.late_by_agency.get(agency_id, ()))
        return AgencyLinks(
            self.url(late_path(agency_id)),
            count,
            self.search_url(name, late=True),
            self.search_url(name, late=False),
        )

    def late_pages(self, short_names: pd.Series) -> Iterator[LatePage]:
        if not self.dataset.responses_present:
            return
        per_page = self.settings["CASES_PER_PAGE"]
        empty = self.dataset.published.iloc[0:0]
        for agency_id in self.dataset.agencies["agency_id"]:
            cases = self.late_by_agency.get(agency_id, empty)
            link = self.agency_link(agency_id)
            for chunk, pagination in paginate(
                cases, per_page, lambda n, a=agency_id: self.url(late_path(a, n))
            ):
                yield LatePage(
                    late_path(agency_id, pagination.number),
                    link,
                    str(short_names[agency_id]),
                    self.summaries(chunk),
                    pagination,
                    f"Tenggat tanggapan pertama {self.rules.response_workdays} hari kerja.",
                    self.search_url(link.label, late=True),
                )

    # -- patterns ------------------------------------------------------------

    def pattern_table(
        self,
        complaints: pd.DataFrame,
        by: str,
        id_: str,
        title: str,
        column: str,
        with_note: bool = True,
    ) -> PatternTable:
        """Figures of ``complaints`` per value of column ``by``, as a table with bars;
        the reports without a value last."""
        table = pt.breakdown(
            complaints,
            complaints[by],
            self.rules,
            responses_present=self.dataset.responses_present,
        )
        table = pd.concat([table[table.index != ""], table[table.index == ""]])
        most = int(table["received"].max()) if len(table) else 0
        rows = []
        for name, r in table.iterrows():
            missing = r["response_missing"] != ""
            pct = r["pct_response_within_sla"]
            rows.append(
                PatternRow(
                    name or (UNKNOWN_KECAMATAN if by == "kecamatan" else "Tanpa keterangan"),
                    fmt.number(int(r["received"])),
                    round(100 * int(r["received"]) / most, 1) if most else 0.0,
                    UNAVAILABLE if missing else fmt.workdays(r["median_response_workdays"]) or "–",
                    UNAVAILABLE if missing else fmt.percent(pct),
                    None if missing or pd.isna(pct) else round(float(pct), 1),
                )
            )
        note = (
            "Semua laporan, termasuk yang rahasia dan yang belum selesai (hanya angka). "
            f"Tepat waktu: tanggapan pertama dalam {self.rules.response_workdays} hari kerja, "
            "dihitung seperti rapor; laporan yang ditutup tanpa tanggapan instansi tercatat "
            "tidak dihitung tepat waktu maupun terlambat."
        )
        return PatternTable(id_, title, column, tuple(rows), note if with_note else "")

    def agency_patterns(self, own: pd.DataFrame) -> tuple[PatternTable, ...]:
        return (
            self.pattern_table(own, "category", "per-kategori", "Per kategori", "Kategori", False),
            self.pattern_table(own, "kecamatan", "per-kecamatan", "Per kecamatan", "Kecamatan"),
        )

    def categories(self, complaints: pd.DataFrame) -> PatternTable:
        return self.pattern_table(
            complaints, "category", "per-kategori", "Per kategori, semua instansi", "Kategori"
        )

    # -- trend ---------------------------------------------------------------

    def trend(self, monthly: pd.DataFrame, first: int, last: int) -> tuple[charts.LineChart, str]:
        """An agency's received/resolved counts per month, quarter or year, by its volume,
        and a sentence saying which and why. ``monthly`` is indexed by month number."""
        series = monthly.reindex(range(first, last + 1), fill_value=0)
        months = max(last - first + 1, 0)
        received = int(series["received"].sum())
        step = pt.trend_step(received, months)
        grouped = pt.by_period(series, step) if len(series) else series
        labels = [scorecards.month_label(m) for m in grouped.index]
        word = PERIOD_WORDS[step]
        chart = charts.monthly_chart(
            labels,
            grouped["received"].tolist(),
            grouped["resolved"].tolist(),
            f"Laporan masuk dan selesai per {word}",
            step,
        )
        average = fmt.decimal(received / months) if months else "0"
        (_, monthly_min), (_, quarterly_min) = pt.TREND_STEPS[:2]
        note = (
            f"Dihitung per {word}: rata-rata {average} laporan per bulan. Grafik memakai "
            f"bulan bila rata-rata paling sedikit {monthly_min} laporan per bulan, kuartal "
            f"bila paling sedikit {quarterly_min} per kuartal, selain itu tahun, supaya angka "
            "kecil tidak tampak seperti lonjakan."
        )
        return chart, note
