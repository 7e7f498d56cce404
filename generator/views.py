"""Page-contexts stage: turn the dataset into the typed contexts templates render.

Only published reports (CONTRACT §1.5) ever become a CaseSummary or CasePage;
counted-only reports reach the pages solely through aggregate numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from . import formatting as fmt
from .browse import BrowseViews, paginate
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
    Site,
    TimelineEvent,
)
from .maps import MapViews
from .pipeline import Dataset
from .rapor import UNAVAILABLE, RaporViews
from .security import content_security_policy

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def case_path(tracking_id: str) -> str:
    return f"/kasus/{tracking_id.lower()}/"


def agency_path(agency_id: str, page: int = 1) -> str:
    base = f"/instansi/{agency_id.lower()}/"
    return base if page == 1 else f"{base}page/{page}/"


SITE_FEED = "/feeds/kasus.atom.xml"
NO_RESPONSES = "Tidak tersedia: data tindak lanjut tidak ada dalam input"


def agency_feed_path(agency_id: str) -> str:
    return f"/feeds/instansi/{agency_id.lower()}.atom.xml"


def paragraphs(text: str) -> tuple[str, ...]:
    """Plain text split at blank lines; single line breaks stay inside a paragraph."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return tuple(p.strip("\n") for p in _PARAGRAPH_BREAK.split(text) if p.strip())


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
        self.browse = BrowseViews(
            newest_first(d.published),
            agencies,
            d.short_names,
            self.settings["CASES_PER_PAGE"],
            self.url,
            self.summaries,
            d.responses_present,
        )

    def url(self, path: str) -> str:
        return self.site_url + path

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
        )

    # -- cases -------------------------------------------------------------

    def case_summary(self, row) -> CaseSummary:
        place = ", ".join(p for p in (row.desa, row.kecamatan) if p)
        return CaseSummary(
            row.tracking_id,
            self.url(case_path(row.tracking_id)),
            row.title,
            fmt.TYPE_LABELS[row.type],
            row.category,
            self.agency_link(row.agency_id),
            place,
            fmt.date_text(row.submitted_at, self.zone),
            fmt.date_text(row.closed_at, self.zone),
            row.status,
            fmt.STATUS_LABELS[row.status],
        )

    @cached_property
    def summary_by_id(self) -> dict[str, CaseSummary]:
        """Every published case's summary, built once: lists and case pages share them."""
        published = self.dataset.published
        return {
            row.tracking_id: self.case_summary(row) for row in published.itertuples(index=False)
        }

    def summaries(self, cases: pd.DataFrame) -> tuple[CaseSummary, ...]:
        return tuple(self.summary_by_id[t] for t in cases["tracking_id"])

    def _timeline(self, row, events: list) -> tuple[TimelineEvent, ...]:
        submitted = row.submitted_at
        items = [
            TimelineEvent(
                "masuk", fmt.date_text(submitted, self.zone), "Pelapor", action="Laporan masuk"
            )
        ]
        previous = submitted
        closed_by_event = False
        for event in events:
            if event.actor == "instansi":
                link = self.agency_link(event.agency_id)
                actor, actor_url = link.label, link.url
            else:
                actor, actor_url = fmt.ACTOR_LABELS[event.actor], ""
            action = fmt.ACTION_LABELS[event.action]
            if event.action == "disposisi" and event.agency_id:
                action = f"Disposisi ke {self.agency_names.get(event.agency_id, event.agency_id)}"
            closed_by_event |= event.action == "selesai"
            items.append(
                TimelineEvent(
                    event.action,
                    fmt.date_text(event.at, self.zone),
                    actor,
                    actor_url,
                    action,
                    event.text,
                    fmt.duration(event.at - previous),
                    fmt.workdays(event.workdays_since_submitted),
                    event.actor == "instansi",
                )
            )
            previous = event.at
        if not closed_by_event and pd.notna(row.closed_at):
            items.append(
                TimelineEvent(
                    "ditutup",
                    fmt.date_text(row.closed_at, self.zone),
                    "Sistem",
                    "",
                    "Laporan ditutup",
                    "",
                    fmt.duration(row.closed_at - previous),
                    fmt.workdays(row.resolution_workdays),
                )
            )
        return tuple(items)

    def case_pages(self, changed: dict[str, ChangeNote] | None = None) -> Iterator[CasePage]:
        """Every published case's page; ``changed`` notes the release that last changed it."""
        changed = changed or {}
        published = self.dataset.published
        events = self.dataset.responses
        events = events[events["tracking_id"].isin(set(published["tracking_id"]))]
        # One pass over all events: per-case sub-frames cost a pandas round trip each.
        by_case: dict[str, list] = {}
        for event in events.itertuples(index=False):
            by_case.setdefault(event.tracking_id, []).append(event)
        # Without a responses table nothing says whether an agency answered (CONTRACT §1.3).
        no_answer = "" if self.dataset.responses_present else NO_RESPONSES
        for row in published.itertuples(index=False):
            yield CasePage(
                case_path(row.tracking_id),
                self.summary_by_id[row.tracking_id],
                paragraphs(row.body),
                fmt.PRIVACY_LABELS[row.privacy],
                fmt.CHANNEL_LABELS.get(row.channel or "", ""),
                None if pd.isna(row.rating) else int(row.rating),
                fmt.workdays(row.response_workdays) or no_answer,
                fmt.workdays(row.resolution_workdays),
                self._timeline(row, by_case.get(row.tracking_id, [])),
                self.browse.indexing(row),
                self.maps.case_map_url(row),
                changed.get(row.tracking_id),
            )

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
        for row in agencies.itertuples(index=False):
            summary = self.agency_summary(row)
            cases = by_agency.get(row.agency_id, published.iloc[0:0])
            scorecard = rapor.scorecard(row.agency_id)
            years = tuple(rapor.scorecard(row.agency_id, y) for y in rapor.years)
            monthly = rapor.monthly_chart(row.agency_id)
            map_url = self.maps.agency_map_url(row.agency_id)
            response = rapor.response_chart(row.agency_id)

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
                    monthly,
                    response,
                    rapor.deadline_note(),
                    tuple(children.get(row.agency_id, ())),
                    map_url,
                    Link(self.url(agency_feed_path(row.agency_id)), f"Kasus selesai: {row.name}"),
                )

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
        )

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
