"""Page-contexts stage: turn the dataset into the typed contexts templates render.

Only published reports (CONTRACT §1.5) ever become a CaseSummary or CasePage;
counted-only reports reach the pages solely through aggregate numbers.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property

import pandas as pd

from . import formatting as fmt
from .accountability import FILTER_VALUES, AccountabilityViews
from .browse import BrowseViews, paginate
from .cards import RAPOR_CARD, SITE_CARD, Card, ShareCards, agency_card_path
from .casepages import (  # noqa: F401  (paths and paragraphs: where other stages import them)
    CaseMaker,
    CaseRow,
    EventRow,
    agency_path,
    case_path,
    case_rows,
    event_rows,
    paragraphs,
)
from .contexts import (
    AgencyIndexPage,
    AgencyPage,
    AgencySummary,
    CasePage,
    CaseSummary,
    ChangeNote,
    Figure,
    HomePage,
    Link,
    MethodologyPage,
    RaporPage,
    ShareCard,
    Site,
)
from .maps import MapViews
from .pipeline import Dataset
from .rapor import UNAVAILABLE, RaporViews, local_years
from .security import content_security_policy

SITE_FEED = "/feeds/kasus.atom.xml"


def agency_feed_path(agency_id: str) -> str:
    return f"/feeds/instansi/{agency_id.lower()}.atom.xml"


@dataclass
class Views:
    """Builds every page context from one dataset."""

    dataset: Dataset
    settings: dict

    def __post_init__(self) -> None:
        d = self.dataset
        self.site_url = self.settings.get("SITEURL", "").rstrip("/")
        self.zone = fmt.zone_label(str(d.tz))
        agencies = d.agencies
        self.agency_names = dict(zip(agencies["agency_id"], agencies["name"], strict=True))
        self.rapor = RaporViews(d, self.settings, self.url, self.agency_link)
        self.maps = MapViews(
            d, self.settings, self.url, self.agency_link, lambda: self.summary_by_id
        )
        # The scorecard's counts (every report) plus how many have a public page.
        published = d.published.groupby("agency_id").size()
        self.counts = self.rapor.table()[["received", "resolved", "open"]].assign(
            published=published.reindex(agencies["agency_id"], fill_value=0)
        )
        self.absolute = self.site_url.startswith(("https://", "http://"))
        self.cards = ShareCards(self)
        self.rapor.share_card = self.share_card(RAPOR_CARD, self.cards.rapor())
        self.accountability = AccountabilityViews(
            d, self.settings, self.url, self.agency_link, self.summaries
        )
        judged = self.accountability.lateness["response_state"].map(FILTER_VALUES).fillna("")
        self.browse = BrowseViews(
            newest_first(d.published),
            agencies,
            d.short_names,
            self.settings["CASES_PER_PAGE"],
            self.url,
            self.summaries,
            d.responses_present,
            judged if d.responses_present else None,
        )

    def url(self, path: str) -> str:
        return self.site_url + path

    def share_card(self, path: str, card: Card) -> ShareCard | None:
        """og:image for a card written at ``path``; None unless SITEURL is absolute."""
        return ShareCard(self.url(path), card.alt()) if self.absolute else None

    def agency_link(self, agency_id: str) -> Link:
        return Link(self.url(agency_path(agency_id)), self.agency_names.get(agency_id, agency_id))

    def site(self) -> Site:
        nav = tuple(
            Link(self.url(path), label)
            for path, label in (
                # No "Beranda": the site name above and every breadcrumb lead home, and one
                # item fewer keeps the menu to two lines on a 360 px phone.
                ("/rapor/", "Rapor"),
                ("/instansi/", "Instansi"),
                ("/peta/", "Peta"),
                ("/cari/", "Cari"),
                ("/metodologi/", "Metodologi"),
                ("/data/", "Data"),
                ("/tentang/", "Tentang"),
            )
        )
        as_of = fmt.date_text(self.dataset.as_of, self.zone) if self.dataset.as_of else None
        return Site(
            self.settings.get("SITENAME", "Jendela Aduan"),
            self.site_url,
            self.settings["REGION_NAME"],
            self.settings["SITE_DESCRIPTION"],
            nav,
            as_of,
            self.settings["SOURCE_NAME"],
            content_security_policy(https=self.site_url.startswith("https://")),
            Link(self.url(SITE_FEED), "Kasus selesai (Atom)"),
            self.absolute,
            self.share_card(SITE_CARD, self.cards.site()),
            tuple(Link(c["url"], c["label"]) for c in self.settings["REPORT_CHANNELS"]),
        )

    # -- cases -------------------------------------------------------------

    @cached_property
    def case_maker(self) -> CaseMaker:
        """What case summaries and pages are made with, here or in a render worker."""
        return CaseMaker(
            self.site_url,
            self.zone,
            self.agency_names,
            self.browse.slugs,
            self.dataset.responses_present,
        )

    def case_summary(self, row) -> CaseSummary:
        return self.case_maker.summary(row, self.accountability.response_deadline(row.tracking_id))

    @cached_property
    def summary_by_id(self) -> dict[str, CaseSummary]:
        """Every published case's summary, built once: lists and case pages share them."""
        maker = self.case_maker
        judged = self.accountability.judged
        return {
            row.tracking_id: maker.summary(row, judged[row.tracking_id][0])
            for row in case_rows(self.dataset.published)
        }

    def summaries(self, cases: pd.DataFrame) -> tuple[CaseSummary, ...]:
        return tuple(self.summary_by_id[t] for t in cases["tracking_id"])

    def case_batches(
        self, size: int, changed: dict[str, ChangeNote] | None = None
    ) -> Iterator[tuple]:
        """The published cases' rows, ``size`` at a time, each batch with each row's events,
        deadlines judged and the note of the release that last changed it (``changed``).

        Plain tuples, made once from the tables: a render worker makes the pages.
        """
        changed = changed or {}
        published = self.dataset.published
        events = self.dataset.responses
        events = events[events["tracking_id"].isin(set(published["tracking_id"]))]
        # One pass over all events: per-case sub-frames cost a pandas round trip each.
        by_case: dict[str, list[EventRow]] = {}
        for event in event_rows(events):
            by_case.setdefault(event.tracking_id, []).append(event)
        judged = self.accountability.judged
        rows = case_rows(published)
        while batch := tuple(itertools.islice(rows, size)):
            yield (
                batch,
                tuple(by_case.pop(row.tracking_id, []) for row in batch),
                tuple(judged[row.tracking_id] for row in batch),
                tuple(changed.get(row.tracking_id) for row in batch),
            )

    def case_pages(self, changed: dict[str, ChangeNote] | None = None) -> Iterator[CasePage]:
        """Every published case's page context, made here (``case_batches`` for workers)."""
        maker = self.case_maker
        for batch in self.case_batches(1000, changed):
            for row, *rest in zip(*batch, strict=True):
                yield maker.page(row, *rest)

    # -- agencies ----------------------------------------------------------

    def agency_summary(self, row) -> AgencySummary:
        c = self.counts.loc[row.agency_id]
        parent = self.agency_link(row.parent_id) if row.parent_id else None
        return AgencySummary(
            row.agency_id,
            self.url(agency_path(row.agency_id)),
            row.name,
            row.short_name or row.name,
            fmt.KIND_LABELS[row.kind],
            parent,
            int(c["received"]),
            int(c["resolved"]),
            int(c["open"]),
            int(c["published"]),
        )

    def agency_pages(self) -> Iterator[AgencyPage]:
        per_page = self.settings["CASES_PER_PAGE"]
        published = newest_first(self.dataset.published)
        by_agency = dict(tuple(published.groupby("agency_id", sort=False)))
        agencies = self.dataset.agencies
        children: dict[str, list[Link]] = {}
        for row in agencies.itertuples(index=False):
            if row.parent_id:
                children.setdefault(row.parent_id, []).append(self.agency_link(row.agency_id))
        rapor = self.rapor
        account = self.accountability
        empty = self.dataset.complaints.iloc[0:0]
        for row in agencies.itertuples(index=False):
            summary = self.agency_summary(row)
            cases = by_agency.get(row.agency_id, published.iloc[0:0])
            scorecard = rapor.scorecard(row.agency_id)
            years = tuple(rapor.scorecard(row.agency_id, y) for y in rapor.years)
            own = rapor.by_agency.get(row.agency_id, empty)
            monthly = rapor.agency_monthly(row.agency_id)
            trend, trend_note = account.trend(monthly, *rapor.month_span)
            patterns = account.agency_patterns(own)
            links = account.links(row.agency_id, row.name)
            map_url = self.maps.agency_map_url(row.agency_id)
            response = rapor.response_chart(row.agency_id)
            card = self.share_card(
                agency_card_path(row.agency_id), self.cards.agency(row.agency_id)
            )

            def page_url(number: int, agency_id: str = row.agency_id) -> str:
                return self.url(agency_path(agency_id, number))

            for chunk, pagination in paginate(cases, per_page, page_url):
                yield AgencyPage(
                    agency_path(row.agency_id, pagination.number),
                    summary,
                    self.summaries(chunk),
                    pagination,
                    scorecard,
                    years,
                    trend,
                    response,
                    rapor.deadline_note(),
                    tuple(children.get(row.agency_id, ())),
                    map_url,
                    Link(self.url(agency_feed_path(row.agency_id)), f"Kasus selesai: {row.name}"),
                    card,
                    trend_note,
                    patterns,
                    links,
                )

    def rapor_pages(self) -> Iterator[RaporPage]:
        """/rapor/ pages, each with its period's figures by category across agencies."""
        complaints = self.dataset.complaints
        years = local_years(complaints["submitted_at"])
        for page in self.rapor.rapor_pages():
            chosen = (
                complaints if not page.period.isdigit() else (complaints[years == int(page.period)])
            )
            yield replace(page, categories=self.accountability.categories(chosen))

    def agency_index(self) -> AgencyIndexPage:
        summaries = [self.agency_summary(r) for r in self.dataset.agencies.itertuples(index=False)]
        # By the name the list shows, case-insensitively; the code breaks ties.
        summaries.sort(key=lambda a: (a.short_name.casefold(), a.agency_id))
        return AgencyIndexPage("/instansi/", tuple(summaries))

    # -- home --------------------------------------------------------------

    def home(self) -> HomePage:
        everyone = self.rapor.period_row(None)
        overall = self.rapor.figure_map(everyone)
        tiles = (
            *count_figures(
                int(everyone["received"]),
                int(everyone["resolved"]),
                int(everyone["open"]),
                len(self.dataset.published),
            ),
            _with_note(overall["overdue"], "Belum selesai dan sudah lewat tenggat tanggapan."),
            _with_note(
                overall["median_response_workdays"],
                "Hari kerja dari laporan masuk sampai jawaban pertama instansi.",
            ),
            _with_note(
                overall["pct_response_within_sla"],
                f"Ditanggapi dalam {self.settings['SLA_RESPONSE_WORKDAYS']} hari kerja.",
            ),
        )
        latest = newest_first(self.dataset.published).head(self.settings["HOME_LATEST_CASES"])
        submitted = self.dataset.complaints["submitted_at"]
        period = (
            f"{fmt.month_year(submitted.min())} – {fmt.month_year(submitted.max())}"
            if len(submitted)
            else ""
        )
        return HomePage(
            "/",
            tiles,
            self.rapor.monthly_chart(),
            self.rapor.grade_counts(),
            self.summaries(latest),
            period,
            self.red_agencies(),
        )

    def red_agencies(self) -> tuple[Link, ...]:
        """Agencies graded merah over all periods, by the name the rapor shows."""
        table = self.rapor.table()
        red = table.index[table["grade"] == "merah"]
        names = self.dataset.short_names
        ordered = sorted(red, key=lambda a: (names[a].casefold(), a))
        return tuple(Link(self.url(agency_path(a)), names[a]) for a in ordered)

    def methodology(self) -> MethodologyPage:
        labels = {"published": "Diterbitkan", "counted_only": "Hanya dihitung"}
        c = self.dataset.counts["complaints"]
        counts = (
            Figure("Laporan dalam data", fmt.number(c["total"])),
            *(Figure(label, fmt.number(c[key])) for key, label in labels.items()),
            Figure("Ditolak karena tidak valid", fmt.number(c["rejected"])),
        )
        return self.rapor.methodology(counts)


def _with_note(figure: Figure, note: str) -> Figure:
    """The figure with ``note``; a figure that is not available keeps its reason."""
    if figure.value == UNAVAILABLE:
        return figure
    return Figure(figure.label, figure.value, note, figure.url)


def count_figures(received: int, resolved: int, open_: int, published: int) -> tuple[Figure, ...]:
    """The four counts shown on the home page and on every agency page."""
    return (
        Figure(
            "Laporan diterima",
            fmt.number(received),
            "Semua laporan yang masuk, termasuk yang rahasia dan yang belum selesai.",
        ),
        Figure("Selesai", fmt.number(resolved), "Ditutup oleh instansi."),
        Figure("Belum selesai", fmt.number(open_), "Belum ditindaklanjuti atau masih diproses."),
        Figure(
            "Kasus terbit",
            fmt.number(published),
            "Laporan publik dan anonim yang sudah selesai dan bisa dibaca di situs ini.",
        ),
    )


def newest_first(cases: pd.DataFrame) -> pd.DataFrame:
    """Newest closed first; ties broken by tracking ID so the order is stable."""
    return cases.sort_values(["closed_at", "tracking_id"], ascending=[False, True], kind="stable")
