"""Index stage: /sitemap.xml of every page actually written, and /robots.txt.

Runs on Pelican's ``finalized`` signal, after every generator has written its
files. It lists every ``index.html`` written: ours as the render stage returns
them, and those Pelican's writer writes (its pages, any other generator's) as
``content_written`` reports them (``record_page``), so a new kind of page is
listed without touching this module, and the output is not walked again.
``lastmod`` comes from the data, never the clock: a case page's latest
event, the data's "as of" date for the other pages made from the data, and
nothing for hand-written pages. Over 50,000 pages (the protocol's limit per
file), /sitemap.xml becomes a sitemap index of /sitemaps/N.xml files.
"""

from __future__ import annotations

import logging
import os
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd

from . import datafiles, pipeline
from .generators import BUILD_KEY, build_of
from .views import case_path

logger = logging.getLogger(__name__)

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000
# Pages made from the data (besides case pages): their content is as of the data's date.
DATA_PAGES = ("/rapor/", "/instansi/", "/metodologi/", "/data/")


def page_path(file: str) -> str | None:
    """The URL path of an output file relative to the output folder; None if not a page."""
    file = file.replace(os.sep, "/")
    if file == "index.html":
        return "/"
    if file.endswith("/index.html"):
        return f"/{file.removesuffix('index.html')}"
    return None


def record_page(path: str, context: dict) -> None:
    """Pelican ``content_written`` receiver: note a page Pelican's writer wrote."""
    build = context.get(BUILD_KEY)
    if build is not None:
        page = page_path(os.path.relpath(path, context["OUTPUT_PATH"]))
        if page is not None:
            build.pages.append(page)


def page_paths(output: Path) -> list[str]:
    """URL paths of every index.html under ``output``, sorted (walks the folder)."""
    found = []
    for folder, _, names in os.walk(output):
        if "index.html" in names:
            relative = Path(folder).relative_to(output).as_posix()
            found.append("/" if relative == "." else f"/{relative}/")
    return sorted(found)


def case_lastmods(dataset: pipeline.Dataset) -> dict[str, str]:
    """Each case page's path -> its latest moment (closing or a later event)."""
    published = dataset.published
    events = dataset.responses[dataset.responses["tracking_id"].isin(set(published["tracking_id"]))]
    latest = events.groupby("tracking_id")["at"].max()
    closed = published.set_index("tracking_id")["closed_at"]
    moments = pd.concat([closed, latest.astype(closed.dtype)], axis=1).max(axis=1)
    texts = datafiles.iso_text(moments.astype(closed.dtype))
    return dict(zip(moments.index.map(case_path), texts, strict=True))


def lastmod(path: str, cases: dict[str, str], as_of: str | None) -> str | None:
    if path in cases:
        return cases[path]
    if path == "/" or path.startswith(DATA_PAGES):
        return as_of
    return None


def urlset(urls: list[tuple[str, str | None]]) -> bytes:
    root = ET.Element("urlset", {"xmlns": SITEMAP})
    for loc, modified in urls:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = loc
        if modified:
            ET.SubElement(url, "lastmod").text = modified
    return _document(root)


def _document(root: ET.Element) -> bytes:
    ET.indent(root)
    # Serialising to str, then encoding once, is faster than ET's byte stream.
    text = ET.tostring(root, encoding="unicode")
    return ("<?xml version='1.0' encoding='utf-8'?>\n" + text + "\n").encode("utf-8")


def sitemap_index(locs: list[str]) -> bytes:
    root = ET.Element("sitemapindex", {"xmlns": SITEMAP})
    for loc in locs:
        ET.SubElement(ET.SubElement(root, "sitemap"), "loc").text = loc
    return _document(root)


def write(
    output: Path,
    base: str,
    dataset: pipeline.Dataset,
    pages: list[str],
    limit: int = MAX_URLS,
) -> int:
    """Write /sitemap.xml (and /sitemaps/N.xml past ``limit`` pages) listing ``pages``
    (URL paths, in any order); returns how many."""
    cases = case_lastmods(dataset)
    as_of = dataset.as_of.isoformat(timespec="seconds") if dataset.as_of is not None else None
    urls = [(base + p, lastmod(p, cases, as_of)) for p in sorted(set(pages))]
    if len(urls) <= limit:
        (output / "sitemap.xml").write_bytes(urlset(urls))
        return len(urls)
    (output / "sitemaps").mkdir(exist_ok=True)
    locs = []
    for number, start in enumerate(range(0, len(urls), limit), start=1):
        (output / "sitemaps" / f"{number}.xml").write_bytes(urlset(urls[start : start + limit]))
        locs.append(f"{base}/sitemaps/{number}.xml")
    (output / "sitemap.xml").write_bytes(sitemap_index(locs))
    return len(urls)


def robots_txt(base: str) -> str:
    """/robots.txt: every page may be crawled; the search index's fragments are no pages.

    The ``Sitemap:`` line needs an absolute URL, so it is there only with a SITEURL.
    """
    lines = ["User-agent: *", "Disallow: /pagefind/", "Allow: /"]
    if base.startswith(("https://", "http://")):
        lines.append(f"Sitemap: {base}/sitemap.xml")
    return "\n".join(lines) + "\n"


def write_sitemap(pelican) -> None:
    """Pelican ``finalized`` receiver: the sitemap of what this build wrote, and robots.txt."""
    started = time.perf_counter()
    settings = pelican.settings
    base = (settings.get("SITEURL") or "").rstrip("/")
    (Path(pelican.output_path) / "robots.txt").write_text(robots_txt(base), encoding="utf-8")
    # Taken out of the settings: a second run of the same Pelican prepares afresh.
    build = build_of(settings)
    settings.pop(BUILD_KEY, None)
    count = write(Path(pelican.output_path), base, build.dataset, build.pages)
    logger.info("sitemap.xml: %d halaman dalam %.1f detik", count, time.perf_counter() - started)
