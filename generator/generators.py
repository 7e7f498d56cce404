"""Render/write stage: a Pelican generator that writes the data's pages.

Reports are never routed through Pelican Articles: Pelican compares every
article with every other for translations and tags, so its time grows faster
than linearly (measured with ``make bench``: 14.8 s for 8,365 articles, 131 s for
41,685). Pages are rendered straight from the contexts and written once each.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from pelican.generators import Generator

from . import changes, maps, mapscript, pipeline, releases
from .changelog import CSV_PATH, FEED_PATH, Changelog
from .contexts import template_variables
from .downloads import DATA_PATH, OpenData
from .feeds import FeedWriter
from .views import Views

logger = logging.getLogger(__name__)

# Creating a folder and a file costs the kernel far more than rendering the
# page costs Python; writer threads let that overlap with rendering.
WRITER_THREADS = 4
MAX_PENDING_WRITES = 512  # bounds the memory held by rendered, unwritten pages


def write_file(target: Path, html: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


def write_bytes(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


class CasesGenerator(Generator):
    """Writes /, /kasus/<id>/, /instansi/ and /instansi/<id>/ (with /page/N/), /rapor/
    (and /rapor/<yyyy>/), /metodologi/, /peta/ with its script and data, /cari/, /kategori/,
    /kecamatan/ and /tahun/ (each with its pages, paginated), /data/ with its files, and the
    Atom feeds. /sitemap.xml is written later, from what every generator wrote
    (``sitemaps``); the search index after that, over the whole output (``search``)."""

    def generate_context(self) -> None:
        mapscript.check_vendor()  # before any page: a clear message, not a half-built site
        self.dataset = pipeline.prepare(self.settings)
        self.views = Views(self.dataset, self.settings)
        self.site = self.views.site()
        # Pelican's own pages (tentang, metodologi) render with the same header.
        self.context["site"] = self.site

    def render(self, page) -> str:
        template = self.get_template(page.template.removesuffix(".html"))
        return template.render(site=self.site, **template_variables(page))

    def generate_output(self, writer) -> None:
        if not self.settings.get("SITEURL"):
            logger.warning(
                "SITEURL kosong: feed Atom dan sitemap.xml memakai alamat relatif (/kasus/…), "
                "yang tidak dipahami semua pembaca feed. Hint: SITEURL=https://domain make publish"
            )
        started = time.perf_counter()
        opendata = OpenData(self.views, self.settings)
        digests: dict[str, str] = {}
        rows: dict[str, list[dict[str, str]]] = {}
        for name, data in opendata.files():
            write_bytes(Path(self.output_path, DATA_PATH.strip("/"), name), data)
            digests[name] = hashlib.sha256(data).hexdigest()
            if name in ("kasus.csv", "tindak_lanjut.csv", "rapor.csv"):
                rows[name] = releases.csv_rows(data)
        logger.info(
            "data terbuka: %d berkas, %.1f MB dalam %.1f detik",
            len(opendata.sizes),
            sum(opendata.sizes.values()) / 1e6,
            time.perf_counter() - started,
        )
        changelog = self.write_release(digests, rows)
        started = time.perf_counter()
        feeds = FeedWriter(self.views, self.settings)
        written = 0
        for feed in feeds.feeds():
            write_bytes(Path(self.output_path, feed.path.lstrip("/")), feeds.document(feed))
            written += 1
        logger.info("%d feed Atom dalam %.1f detik", written, time.perf_counter() - started)
        started = time.perf_counter()
        pages = itertools.chain(
            (
                self.views.home(),
                self.views.agency_index(),
                self.views.methodology(),
                self.views.maps.page(),
                opendata.page(),
            ),
            changelog.pages(),
            (self.views.browse.search_page(),),
            self.views.browse.index_pages(),
            self.views.browse.pages(),
            self.views.rapor.rapor_pages(),
            self.views.agency_pages(),
            self.views.case_pages(changelog.notes()),
        )
        pending: deque[Future] = deque()
        written = 0
        with ThreadPoolExecutor(WRITER_THREADS, thread_name_prefix="tulis") as pool:
            for written, page in enumerate(pages, start=1):
                target = Path(self.output_path, page.path.lstrip("/"), "index.html")
                pending.append(pool.submit(write_file, target, self.render(page)))
                if len(pending) > MAX_PENDING_WRITES:
                    pending.popleft().result()  # re-raises a failed write here
                if written % 10_000 == 0:
                    logger.info("%d halaman ditulis", written)
            while pending:
                pending.popleft().result()
        self.write_map_files()
        logger.info("%d halaman ditulis dalam %.1f detik", written, time.perf_counter() - started)

    def write_release(
        self, digests: dict[str, str], rows: dict[str, list[dict[str, str]]]
    ) -> Changelog:
        """Compare with the previous release; write perubahan.csv, its feed and rilis.json.

        rilis.json is written without its file list; ``releases.seal`` adds it last.
        """
        started = time.perf_counter()
        cases, events = rows["kasus.csv"], rows["tindak_lanjut.csv"]
        case_digests = releases.case_digests(cases, events)
        data_files = {n: digests[n] for n in releases.DATA_FILES if n in digests}
        previous = changes.find_previous(self.settings)
        as_of = self.dataset.as_of
        release = releases.Release(
            releases.release_id(case_digests, data_files),
            as_of.isoformat(timespec="seconds") if as_of is not None else None,
            previous.id if previous else None,
            self.dataset.counts,
            case_digests,
            data_files,
        )
        comparison, history = changes.build_history(
            release, previous, cases, events, rows["rapor.csv"]
        )
        changelog = Changelog(self.views, self.settings, release, comparison, history)
        write_bytes(Path(self.output_path, CSV_PATH.lstrip("/")), changes.history_csv(history))
        write_bytes(Path(self.output_path, FEED_PATH.lstrip("/")), changelog.feed())
        releases.write_draft(Path(self.output_path), release)
        logger.info(
            "rilis %s: %s (%.1f detik)",
            release.short_id,
            changelog.status(),
            time.perf_counter() - started,
        )
        return changelog

    def write_map_files(self) -> None:
        """/peta/'s script and JSON files, and Leaflet's files under /theme/vendor/."""
        started = time.perf_counter()
        views = self.views.maps
        for path, text in (
            (maps.SCRIPT_PATH, views.script()),
            (maps.POINTS_PATH, views.points_json()),
            *views.case_chunks(),
        ):
            write_file(Path(self.output_path, path.lstrip("/")), text)
        mapscript.copy_vendor(Path(self.output_path))
        logger.info(
            "peta: %d kasus di %d titik, %d berkas kasus, dalam %.1f detik",
            len(views.placed),
            len(views.cells),
            len(set(views.chunk_of_cell)),
            time.perf_counter() - started,
        )
