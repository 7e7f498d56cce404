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
from dataclasses import dataclass, field
from pathlib import Path

from pelican.generators import Generator

from . import cards, changes, manifest, maps, mapscript, pipeline, releases, render
from . import settings as project_settings
from .changelog import CSV_PATH, FEED_PATH, Changelog
from .downloads import DATA_PATH, OpenData
from .feeds import FeedWriter
from .progress import Progress
from .render import CaseShard, Renderer, shards
from .views import Views

logger = logging.getLogger(__name__)

# Where a build's shared state travels: Pelican copies its settings into the
# context every generator and the writer see, and hands them to ``finalized``.
BUILD_KEY = "jendela_build"


@dataclass
class Build:
    """One run's prepared dataset, and the URL path of every page written so far.

    The CLI prepares the dataset before Pelican starts (bad input fails before
    anything is written) and puts a Build into the settings; run by plain
    ``pelican``, the generator prepares it itself (``build_of``). The sitemap
    reads the pages from here instead of walking the output again.
    """

    dataset: pipeline.Dataset
    pages: list[str] = field(default_factory=list)
    # The published output whose unchanged pages may be hard-linked (manifest.py).
    previous: str | None = None


def build_of(settings: dict) -> Build:
    """The Build the CLI handed in, else a new one over a freshly prepared dataset."""
    build = settings.get(BUILD_KEY)
    if build is None:
        # Run by plain `pelican`: nobody has checked our settings or filled in defaults.
        project_settings.validate(settings)
        build = settings[BUILD_KEY] = Build(pipeline.prepare(settings))
    return build


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
        self.build = build_of(self.settings)
        # Pelican's writer copies this context for each page it writes (``record_page``).
        self.context[BUILD_KEY] = self.build
        self.dataset = self.build.dataset
        self.views = Views(self.dataset, self.settings)
        self.site = self.views.site()
        # Pelican's own pages (tentang, metodologi) render with the same header.
        self.context["site"] = self.site

    def generate_output(self, writer) -> None:
        if not self.settings.get("SITEURL"):
            logger.warning(
                "SITEURL kosong: feed Atom dan sitemap.xml memakai alamat relatif (/kasus/…), "
                "yang tidak dipahami semua pembaca feed. Hint: SITEURL=https://domain make publish"
            )
        started = time.perf_counter()
        self.opendata = opendata = OpenData(self.views, self.settings)
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
        self.write_pages(changelog)
        self.write_map_files()
        self.write_cards()

    def write_cards(self) -> None:
        """The share cards (PNG) under /kartu/: the site's, /rapor/'s and one per agency."""
        started = time.perf_counter()
        written = 0
        for path, data in cards.files(self.views.cards.all()):
            write_bytes(Path(self.output_path, path.lstrip("/")), data)
            written += 1
        logger.info("%d kartu bagikan dalam %.1f detik", written, time.perf_counter() - started)

    def write_pages(self, changelog: Changelog) -> None:
        """Every page made from the data, rendered in shards (``render``), listed in the Build.

        The pages other than case pages (a few per agency, category, district and
        year) are made first, so the total is known and progress can say how long
        is left; case pages are made one shard at a time.
        """
        started = time.perf_counter()
        views = self.views
        others = [
            views.home(),
            views.agency_index(),
            views.methodology(),
            views.maps.page(),
            self.opendata.page(),
            *changelog.pages(),
            views.browse.search_page(),
            *views.browse.index_pages(),
            *views.browse.pages(),
            *views.rapor_pages(),
            *views.agency_pages(),
            *views.accountability.late_pages(self.dataset.short_names),
        ]
        total = len(others) + len(self.dataset.published)
        progress = Progress(total, "halaman")
        maker = views.case_maker
        work = itertools.chain(
            shards(self.site, others, render.SHARD_PAGES),
            (
                CaseShard(self.site, maker, *batch)
                for batch in views.case_batches(render.SHARD_PAGES, changelog.notes())
            ),
        )
        digests: dict[str, str] = {}
        rendered = 0
        previous = self.build.previous
        try:
            with Renderer(self.settings, self.output_path, total, previous) as renderer:
                logger.info("%d halaman dirender oleh %d pekerja", total, renderer.workers)
                for written in renderer.run(work):
                    for path, digest, fresh in written:
                        self.build.pages.append(path)
                        digests[path] = digest
                        rendered += fresh
                    progress.advance(len(written))
        finally:
            progress.close()
        manifest.write(self.output_path, digests)
        logger.info(
            "%d halaman ditulis dalam %.1f detik (%d dirender, %d tidak berubah)",
            progress.done,
            time.perf_counter() - started,
            rendered,
            progress.done - rendered,
        )

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
