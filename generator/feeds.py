"""Render/write stage for feeds: Atom (RFC 4287) of newly resolved cases.

``/feeds/kasus.atom.xml`` holds the site's newest resolved cases and
``/feeds/instansi/<agency_id>.atom.xml`` each agency's. Only published cases
(CONTRACT §1.5) are entries. XML is built with ``xml.etree`` (escaped by the
library, never by string concatenation); every text is ``type="text"``, so a
feed reader shows a citizen's words literally and runs nothing.

Feeds need absolute links: they use SITEURL, else Pelican's FEED_DOMAIN; with
neither, links are root-relative (a warning says so) and ids are ``urn:uuid:``
values derived from the site name and the path, stable between builds.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from .views import SITE_FEED, Views, agency_feed_path, agency_path, case_path, newest_first

ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 cannot hold at all; shown as U+FFFD in feeds only.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def feed_base(settings: dict) -> str:
    """The absolute origin feeds link to: SITEURL, else FEED_DOMAIN, else ''."""
    return (settings.get("SITEURL") or settings.get("FEED_DOMAIN") or "").rstrip("/")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


@dataclass(frozen=True)
class Feed:
    path: str  # where it is written, e.g. /feeds/kasus.atom.xml
    title: str
    subtitle: str
    page_path: str  # the HTML page it follows
    cases: pd.DataFrame  # published cases, newest closed first


class FeedWriter:
    """Atom documents for the site and for every agency, from one dataset's views."""

    def __init__(self, views: Views, settings: dict) -> None:
        self.views = views
        self.settings = settings
        self.base = feed_base(settings)
        self.name = settings.get("SITENAME", "Jendela Aduan")
        self.limit = settings["FEED_MAX_ITEMS"]
        self.author = f"{self.name}, {settings['REGION_NAME']}"

    def feeds(self) -> Iterator[Feed]:
        published = newest_first(self.views.dataset.published)
        yield Feed(
            SITE_FEED,
            f"Kasus selesai — {self.name}",
            f"Laporan warga {self.settings['REGION_NAME']} yang sudah selesai ditangani.",
            "/",
            published.head(self.limit),
        )
        by_agency = dict(tuple(published.groupby("agency_id", sort=False)))
        for row in self.views.dataset.agencies.itertuples(index=False):
            cases = by_agency.get(row.agency_id, published.iloc[0:0])
            yield Feed(
                agency_feed_path(row.agency_id),
                f"Kasus selesai: {row.name} — {self.name}",
                f"Laporan warga yang sudah selesai ditangani {row.name}.",
                agency_path(row.agency_id),
                cases.head(self.limit),
            )

    def link(self, path: str) -> str:
        return self.base + path

    def id_for(self, path: str) -> str:
        if self.base:
            return self.base + path
        return uuid.uuid5(uuid.NAMESPACE_URL, f"jendela-aduan:{self.name}:{path}").urn

    def updated(self, cases: pd.DataFrame) -> str:
        moment = cases["closed_at"].max() if len(cases) else self.views.dataset.as_of
        if moment is None or pd.isna(moment):
            return "1970-01-01T00:00:00+00:00"
        return moment.isoformat(timespec="seconds")

    def document(self, feed: Feed) -> bytes:
        """One feed as UTF-8 XML bytes, identical for the same data."""
        root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "id"})
        _text(root, "id", self.id_for(feed.path))
        _text(root, "title", feed.title)
        _text(root, "subtitle", feed.subtitle)
        _text(root, "updated", self.updated(feed.cases))
        author = ET.SubElement(root, "author")
        _text(author, "name", self.author)
        ET.SubElement(
            root,
            "link",
            {"rel": "self", "type": "application/atom+xml", "href": self.link(feed.path)},
        )
        ET.SubElement(
            root,
            "link",
            {"rel": "alternate", "type": "text/html", "href": self.link(feed.page_path)},
        )
        for row in feed.cases.itertuples(index=False):
            self.entry(root, row)
        ET.indent(root)
        return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

    def entry(self, root: ET.Element, row) -> None:
        # Only the entries shown: the pages build every summary later, once.
        summary = self.views.case_summary(row)
        path = case_path(row.tracking_id)
        entry = ET.SubElement(root, "entry")
        _text(entry, "id", self.id_for(path))
        _text(entry, "title", summary.title)
        _text(entry, "published", row.submitted_at.isoformat(timespec="seconds"))
        _text(entry, "updated", row.closed_at.isoformat(timespec="seconds"))
        ET.SubElement(
            entry, "link", {"rel": "alternate", "type": "text/html", "href": self.link(path)}
        )
        ET.SubElement(entry, "category", {"term": xml_text(summary.category)})
        facts = [summary.type_label, summary.category, summary.agency.label]
        if summary.place:
            facts.append(summary.place)
        done = f"Selesai {summary.closed.text}" if summary.closed else "Selesai"
        _text(entry, "summary", f"{' · '.join(facts)}. {done}.")
        _text(entry, "content", row.body)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    if tag in ("title", "subtitle", "summary", "content"):
        element.set("type", "text")
    element.text = xml_text(text)
    return element
