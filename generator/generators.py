"""Render/write stage: a Pelican generator that writes the data's pages.

Reports are never routed through Pelican Articles: Pelican compares every
article with every other for translations and tags, which grew faster than
linearly (217 s at 50k reports, against 46 s rendering from the DataFrame).
Pages are rendered straight from the contexts and written once each.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from pelican.generators import Generator

from . import pipeline
from .contexts import template_variables
from .views import Views

logger = logging.getLogger(__name__)


class CasesGenerator(Generator):
    """Writes /, /kasus/<id>/, /instansi/ and /instansi/<id>/ (with /page/N/)."""

    def generate_context(self) -> None:
        self.dataset = pipeline.prepare(self.settings)
        self.views = Views(self.dataset, self.settings)
        self.site = self.views.site()
        # Pelican's own pages (tentang, metodologi) render with the same header.
        self.context["site"] = self.site

    def write_page(self, page) -> None:
        target = Path(self.output_path, page.path.lstrip("/"), "index.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        html = self.get_template(page.template.removesuffix(".html")).render(
            site=self.site, **template_variables(page)
        )
        target.write_text(html, encoding="utf-8")

    def generate_output(self, writer) -> None:
        started, written = time.perf_counter(), 0
        for page in (self.views.home(), self.views.agency_index()):
            self.write_page(page)
            written += 1
        for page in self.views.agency_pages():
            self.write_page(page)
            written += 1
        for number, page in enumerate(self.views.case_pages(), start=1):
            self.write_page(page)
            written += 1
            if number % 10_000 == 0:
                logger.info("%d halaman kasus ditulis", number)
        logger.info("%d halaman ditulis dalam %.1f detik", written, time.perf_counter() - started)
