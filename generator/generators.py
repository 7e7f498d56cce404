"""Render/write stage: a Pelican generator that writes the data's pages.

Reports are never routed through Pelican Articles: Pelican compares every
article with every other for translations and tags, so its time grows faster
than linearly (measured with ``make bench``: 14.8 s for 8,365 articles, 131 s for
41,685). Pages are rendered straight from the contexts and written once each.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from pelican.generators import Generator

from . import datafiles, maps, mapscript, pipeline
from .contexts import template_variables
from .views import Views

logger = logging.getLogger(__name__)

# Creating a folder and a file costs the kernel far more than rendering the
# page costs Python; writer threads let that overlap with rendering.
WRITER_THREADS = 4
MAX_PENDING_WRITES = 512  # bounds the memory held by rendered, unwritten pages


def write_file(target: Path, html: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


class CasesGenerator(Generator):
    """Writes /, /kasus/<id>/, /instansi/ and /instansi/<id>/ (with /page/N/), /rapor/
    (and /rapor/<yyyy>/), /metodologi/, /peta/ with its script and data, /cari/, /kategori/,
    /kecamatan/ and /tahun/ (each with its pages, paginated) and /data/rapor.csv. The search
    index is built afterwards over the whole output (generator/search.py)."""

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
        started = time.perf_counter()
        pages = itertools.chain(
            (
                self.views.home(),
                self.views.agency_index(),
                self.views.methodology(),
                self.views.maps.page(),
            ),
            (self.views.browse.search_page(),),
            self.views.browse.index_pages(),
            self.views.browse.pages(),
            self.views.rapor.rapor_pages(),
            self.views.agency_pages(),
            self.views.case_pages(),
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
        target = Path(self.output_path, "data", "rapor.csv")
        write_file(target, datafiles.csv_text(self.views.rapor.csv_rows()))
        self.write_map_files()
        logger.info("%d halaman ditulis dalam %.1f detik", written, time.perf_counter() - started)

    def write_map_files(self) -> None:
        """/peta/'s script and JSON files, and Leaflet's files under /theme/vendor/."""
        started = time.perf_counter()
        views = self.views.maps
        for path, text in (
            (maps.SCRIPT_PATH, views.script()),
            (maps.POINTS_PATH, views.points_json()),
            (maps.CASES_PATH, views.cases_json()),
        ):
            write_file(Path(self.output_path, path.lstrip("/")), text)
        mapscript.copy_vendor(Path(self.output_path))
        logger.info(
            "peta: %d kasus di %d titik dalam %.1f detik",
            len(views.placed),
            views.placed.groupby(["lat", "lon"]).ngroups,
            time.perf_counter() - started,
        )
