"""Page-contexts and feed stage for the changelog: /data/perubahan/ and its Atom feed.

Made from the history rows of ``changes`` (this release's first, then the
carried-over ones), so the page, /data/perubahan.csv and
/feeds/perubahan.atom.xml always say the same. Every text is plain text: the
template autoescapes it and the feed is built with ``xml.etree``.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from . import changes, releases
from . import formatting as fmt
from .contexts import ChangeItem, ChangeNote, ChangesPage, Link, Pagination, ReleaseEntry
from .feeds import ATOM, FeedWriter, _text
from .views import Views, agency_path, case_path

PAGE_PATH = "/data/perubahan/"
CSV_PATH = "/data/perubahan.csv"
FEED_PATH = "/feeds/perubahan.atom.xml"
ITEMS_PER_PAGE = 100
FEED_LINES = 200  # changes listed in one feed entry; the page has them all

FIELD_LABELS = {
    "tracking_id": "nomor pelacakan",
    "type": "jenis laporan",
    "title": "judul",
    "body": "isi laporan",
    "category": "kategori",
    "agency_id": "instansi",
    "privacy": "privasi",
    "channel": "kanal",
    "status": "status",
    "submitted_at": "tanggal laporan",
    "closed_at": "tanggal selesai",
    "kecamatan": "kecamatan",
    "desa": "desa",
    "area_code": "kode wilayah",
    "lat": "lokasi (lintang kotak grid)",
    "lon": "lokasi (bujur kotak grid)",
    "rating": "penilaian pelapor",
    changes.ANSWER: "tanggapan instansi",
    changes.TIMELINE: "linimasa",
    changes.UNKNOWN: "isi (rincian tidak tersedia: rilis sebelumnya tanpa kasus.csv)",
    "received": "laporan diterima",
    "pct_response_within_sla": "% tanggapan tepat waktu",
    "grade": "nilai",
}


def page_path(number: int) -> str:
    return PAGE_PATH if number == 1 else f"{PAGE_PATH}page/{number}/"


def anchor(release: str) -> str:
    return f"rilis-{release[: releases.SHORT]}"


def case_anchor(release: str, tracking_id: str) -> str:
    return f"{anchor(release)}-{tracking_id.lower()}"


def as_of_text(iso: str) -> str:
    if not iso:
        return ""
    try:
        return fmt.long_date(pd.Timestamp(iso))
    except ValueError:
        return iso


@dataclass(frozen=True)
class _Placed:
    row: dict[str, str]
    page: int


class Changelog:
    """The history rows of one build, as a page set, a feed and per-case notes."""

    def __init__(
        self,
        views: Views,
        settings: dict,
        release: releases.Release,
        comparison: changes.Comparison,
        history: list[dict[str, str]],
    ) -> None:
        self.views = views
        self.settings = settings
        self.release = release
        self.comparison = comparison
        self.history = history
        self.placed = [_Placed(row, i // ITEMS_PER_PAGE + 1) for i, row in enumerate(self.history)]
        self.page_count = max(1, -(-len(self.history) // ITEMS_PER_PAGE))

    def status(self) -> str:
        c = self.comparison
        if c.first:
            return (
                "Rilis pertama: belum ada rilis sebelumnya untuk dibandingkan. "
                f"{fmt.number(c.added)} kasus diterbitkan."
            )
        previous = c.previous.short_id if c.previous else ""
        if c.nothing:
            return f"Tidak ada perubahan sejak rilis sebelumnya ({previous})."
        return f"Dibandingkan dengan rilis {previous}: {self.summary(c)}."

    @staticmethod
    def summary(c: changes.Comparison) -> str:
        return (
            f"{fmt.number(c.added)} kasus baru, {fmt.number(c.changed)} kasus diubah, "
            f"{fmt.number(c.withdrawn)} kasus ditarik dari publikasi, "
            f"{fmt.number(c.figures)} angka rapor berubah"
        )

    @staticmethod
    def entry_summary(rows: list[dict[str, str]]) -> str:
        kinds = [r["change"] for r in rows]
        if changes.FIRST in kinds:
            first = next(r for r in rows if r["change"] == changes.FIRST)
            return f"Rilis pertama: {fmt.number(int(first['count'] or 0))} kasus diterbitkan"
        withdrawn = sum(int(r["count"] or 0) for r in rows if r["change"] == changes.WITHDRAWN)
        changed = {r["tracking_id"] for r in rows if r["change"] == changes.CHANGED}
        c = changes.Comparison(
            None, kinds.count(changes.ADDED), len(changed), withdrawn, kinds.count(changes.FIGURE)
        )
        return Changelog.summary(c)

    def item(self, row: dict[str, str], first_of_case: bool) -> ChangeItem:
        kind, tid = row["change"], row["tracking_id"]
        case = Link(self.views.url(case_path(tid)), tid) if tid else None
        agency = None
        if kind == changes.FIGURE and row["agency_id"]:
            name = self.views.agency_names.get(row["agency_id"], row["agency_id"])
            agency = Link(self.views.url(agency_path(row["agency_id"])), name)
        texts = {
            changes.FIRST: f"Rilis pertama: {fmt.number(int(row['count'] or 0))} kasus diterbitkan",
            changes.ADDED: "Kasus baru diterbitkan",
            changes.CHANGED: "Kasus diubah",
            changes.WITHDRAWN: f"{fmt.number(int(row['count'] or 0))} kasus ditarik dari "
            "publikasi (dirahasiakan, dibuka kembali, atau dihapus dari data; tidak disebut)",
            changes.FIGURE: "Angka rapor berubah",
        }
        label = (
            FIELD_LABELS.get(row["field"], row["field"])
            if kind
            in (
                changes.CHANGED,
                changes.FIGURE,
            )
            else ""
        )
        return ChangeItem(
            kind,
            case_anchor(row["release"], tid) if tid and first_of_case else "",
            texts.get(kind, kind),
            case,
            agency,
            label,
            row["old"],
            row["new"],
        )

    def pages(self) -> Iterator[ChangesPage]:
        """/data/perubahan/ and /data/perubahan/page/N/, newest release first."""
        as_of = fmt.date_text(self.views.dataset.as_of, self.views.zone)
        by_page = {n: list(g) for n, g in itertools.groupby(self.placed, key=lambda p: p.page)}
        by_release = {
            r: [row for row in rows]
            for r, rows in itertools.groupby(self.history, key=lambda row: row["release"])
        }
        started: set[str] = set()
        for number in range(1, self.page_count + 1):
            entries = []
            for release, group in itertools.groupby(
                by_page.get(number, []), key=lambda p: p.row["release"]
            ):
                seen: set[str] = set()
                items = []
                for placed in group:
                    tid = placed.row["tracking_id"]
                    items.append(self.item(placed.row, tid not in seen))
                    seen.add(tid)
                rows = by_release.get(release, [])
                entries.append(
                    ReleaseEntry(
                        anchor(release) if release not in started else "",
                        release[: releases.SHORT],
                        release,
                        as_of_text(rows[0]["data_as_of"] if rows else ""),
                        self.entry_summary(rows),
                        release in started,
                        tuple(items),
                    )
                )
                started.add(release)
            yield ChangesPage(
                page_path(number),
                self.release.short_id,
                self.release.id,
                as_of,
                self.status(),
                tuple(entries),
                Pagination(
                    number,
                    self.page_count,
                    self.views.url(page_path(number - 1)) if number > 1 else "",
                    self.views.url(page_path(number + 1)) if number < self.page_count else "",
                    (number - 1) * ITEMS_PER_PAGE + 1,
                    min(number * ITEMS_PER_PAGE, len(self.history)),
                    len(self.history),
                ),
                self.views.url(CSV_PATH),
                self.views.url(FEED_PATH),
                self.views.url("/data/" + releases.RELEASE_FILE),
                self.views.url("/data/" + releases.SUMS_FILE),
            )

    def notes(self) -> dict[str, ChangeNote]:
        """Each changed case (by tracking id) -> its latest change's entry on the page."""
        found: dict[str, ChangeNote] = {}
        for placed in self.placed:  # newest first: the first seen is the latest
            row = placed.row
            tid = row["tracking_id"]
            if row["change"] != changes.CHANGED or tid in found:
                continue
            url = self.views.url(page_path(placed.page)) + "#" + case_anchor(row["release"], tid)
            found[tid] = ChangeNote(
                row["release"][: releases.SHORT], as_of_text(row["data_as_of"]), url
            )
        return found

    def feed(self) -> bytes:
        """/feeds/perubahan.atom.xml: one entry per release in the history, newest first."""
        writer = FeedWriter(self.views, self.settings)
        root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "id"})
        _text(root, "id", writer.id_for(FEED_PATH))
        _text(root, "title", f"Perubahan data — {writer.name}")
        _text(
            root,
            "subtitle",
            "Kasus yang ditambahkan, diubah dan ditarik, serta angka rapor yang berubah, "
            "pada setiap rilis data.",
        )
        groups = [
            (release, list(rows))
            for release, rows in itertools.groupby(self.placed, key=lambda p: p.row["release"])
        ][: self.settings["FEED_MAX_ITEMS"]]
        _text(root, "updated", _moment(groups[0][1][0].row["data_as_of"] if groups else ""))
        author = ET.SubElement(root, "author")
        _text(author, "name", writer.author)
        for rel, href in (("self", FEED_PATH), ("alternate", PAGE_PATH)):
            kind = "application/atom+xml" if rel == "self" else "text/html"
            ET.SubElement(root, "link", {"rel": rel, "type": kind, "href": writer.link(href)})
        for release, placed in groups:
            rows = [p.row for p in placed]
            path = page_path(placed[0].page) + "#" + anchor(release)
            entry = ET.SubElement(root, "entry")
            _text(entry, "id", writer.id_for(PAGE_PATH + "#rilis-" + release))
            when = as_of_text(rows[0]["data_as_of"])
            _text(
                entry,
                "title",
                f"Rilis {release[: releases.SHORT]}" + (f", data per {when}" if when else ""),
            )
            _text(entry, "updated", _moment(rows[0]["data_as_of"]))
            ET.SubElement(
                entry, "link", {"rel": "alternate", "type": "text/html", "href": writer.link(path)}
            )
            _text(entry, "summary", self.entry_summary(rows) + ".")
            lines = [self.line(r) for r in rows[:FEED_LINES]]
            if len(rows) > FEED_LINES:
                lines.append(
                    f"… dan {fmt.number(len(rows) - FEED_LINES)} perubahan lain di halaman."
                )
            _text(entry, "content", "\n".join(lines))
        ET.indent(root)
        return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

    def line(self, row: dict[str, str]) -> str:
        item = self.item(row, False)
        who = item.case.label if item.case else (item.agency.label if item.agency else "")
        text = f"{item.text}: {who}" if who else item.text
        if item.field:
            text += f" — {item.field}"
        if item.old or item.new:
            text += f": “{item.old}” → “{item.new}”"
        return text


def _moment(iso: str) -> str:
    return iso or "1970-01-01T00:00:00+00:00"
