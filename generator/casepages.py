"""Page-contexts stage for one case, from plain rows: what a render worker needs.

``CaseMaker`` holds the few lookup tables a case page needs beyond its own rows
(agency names, browse slugs, the site's URL and zone) and turns a ``CaseRow``
and its ``EventRow``\\ s into a ``CaseSummary`` and a ``CasePage``. Everything here
is plain data, so a shard of rows and the maker pickle small and cheaply and the
pages are made where they are rendered (``render.CaseShard``). Date-times arrive
as Python datetimes (``case_rows``): pandas' Timestamp costs several times more
per attribute read and per ISO text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from . import formatting as fmt
from .browse import browse_path
from .contexts import (
    CaseIndexing,
    CasePage,
    CaseSummary,
    ChangeNote,
    Deadline,
    Link,
    TimelineEvent,
)

MAP_PATH = "/peta/"
CASE_ZOOM = 15  # a 500 m cell is a few dozen pixels wide at this zoom
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Without a responses table nothing says whether an agency answered (CONTRACT §1.3).
NO_RESPONSES = "Tidak tersedia: data tindak lanjut tidak ada dalam input"


def case_path(tracking_id: str) -> str:
    return f"/kasus/{tracking_id.lower()}/"


def agency_path(agency_id: str, page: int = 1) -> str:
    base = f"/instansi/{agency_id.lower()}/"
    return base if page == 1 else f"{base}page/{page}/"


def map_url(lat: float, lon: float, site_url: str = "") -> str:
    """/peta/ centred on a (generalised) point: ``/peta/#lat,lon,zoom``."""
    return f"{site_url}{MAP_PATH}#{lat:.5f},{lon:.5f},{CASE_ZOOM}"


def paragraphs(text: str) -> tuple[str, ...]:
    """Plain text split at blank lines; single line breaks stay inside a paragraph."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return tuple(p.strip("\n") for p in _PARAGRAPH_BREAK.split(text) if p.strip())


class CaseRow(NamedTuple):
    """The columns of one published report that its page shows."""

    tracking_id: str
    type: str
    title: str
    body: str
    category: str
    agency_id: str
    privacy: str
    channel: str | None
    status: str
    submitted_at: dt.datetime
    closed_at: dt.datetime
    kecamatan: str | None
    desa: str | None
    lat: float
    lon: float
    rating: object  # int or pd.NA
    response_workdays: float
    resolution_workdays: float


class EventRow(NamedTuple):
    """One event of a published report's timeline."""

    tracking_id: str
    at: dt.datetime
    actor: str
    action: str
    agency_id: str | None
    text: str | None
    workdays_since_submitted: float


def _records(frame: pd.DataFrame, columns: tuple[str, ...]) -> Iterator[tuple]:
    """``frame``'s ``columns`` as plain tuples, date-times as Python datetimes."""
    values = []
    for name in columns:
        column = frame[name]
        if isinstance(column.dtype, pd.DatetimeTZDtype):
            values.append(column.dt.to_pydatetime())
        else:
            values.append(column)
    return zip(*values, strict=True)


def case_rows(published: pd.DataFrame) -> Iterator[CaseRow]:
    """Every row of ``published`` as a CaseRow, in its order."""
    return (CaseRow._make(r) for r in _records(published, CaseRow._fields))


def event_rows(events: pd.DataFrame) -> Iterator[EventRow]:
    """Every row of ``events`` as an EventRow, in its order."""
    return (EventRow._make(r) for r in _records(events, EventRow._fields))


def _elapsed(later: dt.datetime, earlier: dt.datetime) -> dt.timedelta:
    # Aware datetimes in one zone subtract as wall-clock times; UTC makes it exact.
    return later.astimezone(dt.UTC) - earlier.astimezone(dt.UTC)


@dataclass(frozen=True)
class CaseMaker:
    """Builds case summaries and case pages from rows; small and picklable."""

    site_url: str
    zone: str
    agency_names: dict[str, str]
    slugs: dict[str, dict[str, str]]  # browse kind -> name -> slug (BrowseViews.slugs)
    responses_present: bool = True  # the input has a responses table (Dataset)

    def url(self, path: str) -> str:
        return self.site_url + path

    def agency_link(self, agency_id: str) -> Link:
        return Link(self.url(agency_path(agency_id)), self.agency_names.get(agency_id, agency_id))

    def browse_url(self, kind: str, name: str) -> str:
        return self.url(browse_path(kind, self.slugs[kind][name]))

    def summary(self, row, response: Deadline | None = None) -> CaseSummary:
        """The case's summary for lists; ``response`` is its first-response deadline judged."""
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
            response,
        )

    def timeline(self, row, events: list) -> tuple[TimelineEvent, ...]:
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
                    fmt.duration(_elapsed(event.at, previous)),
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
                    fmt.duration(_elapsed(row.closed_at, previous)),
                    fmt.workdays(row.resolution_workdays),
                )
            )
        return tuple(items)

    def indexing(self, row) -> CaseIndexing:
        """A case's filters, sort keys and browse links."""
        year = str(row.submitted_at.year)
        kecamatan = row.kecamatan or ""
        response = row.response_workdays
        if pd.isna(response):
            response = row.resolution_workdays
        return CaseIndexing(
            year,
            self.browse_url("tahun", year),
            self.browse_url("kategori", row.category),
            kecamatan,
            self.browse_url("kecamatan", kecamatan) if kecamatan else "",
            int(row.closed_at.timestamp()),
            int(response) if self.responses_present else None,
        )

    def page(
        self,
        row: CaseRow,
        events: list[EventRow],
        deadlines: tuple[Deadline, ...] = (),
        changed: ChangeNote | None = None,
    ) -> CasePage:
        """The case page; ``deadlines`` are its first response and closing judged,
        ``changed`` the release that last changed it."""
        located = not (pd.isna(row.lat) or pd.isna(row.lon))
        return CasePage(
            case_path(row.tracking_id),
            self.summary(row, deadlines[0] if deadlines else None),
            paragraphs(row.body),
            fmt.PRIVACY_LABELS[row.privacy],
            fmt.CHANNEL_LABELS.get(row.channel or "", ""),
            None if pd.isna(row.rating) else int(row.rating),
            fmt.workdays(row.response_workdays) or ("" if self.responses_present else NO_RESPONSES),
            fmt.workdays(row.resolution_workdays),
            self.timeline(row, events),
            self.indexing(row),
            map_url(row.lat, row.lon, self.url("")) if located else "",
            deadlines,
            changed,
        )
