"""Index stage: build the Pagefind search index over the written site.

Runs the ``pagefind`` binary shipped in the ``pagefind-bin`` wheel once over the
whole (staged) output folder, after every page is written and before the new
site is swapped in, so a failed index leaves the published site untouched.
Pagefind's Python API was measured waiting ~0.1 s per record; the one command
indexes a province's cases in one pass.

Only case pages are read (``--glob``) and only what their template marks with
``data-pagefind-body`` minus ``data-pagefind-ignore`` is indexed: title, the
citizen's text, the agencies' answers, category, agency, district, tracking ID.
"""

from __future__ import annotations

import logging
import re
import resource
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from .browse import BUNDLE_FOLDER
from .errors import SearchIndexError

logger = logging.getLogger(__name__)

# Case pages only: agency, rapor and browse pages are never results.
GLOB = "kasus/*/index.html"
LANGUAGE = "id"  # every page is <html lang="id">; forced so the index has one language
_COUNT = re.compile(r"Indexed ([\d,]+) (page|word|filter|sort)s?\b")


@dataclass(frozen=True)
class IndexSummary:
    """What one indexing run did, as Pagefind reported it."""

    pages: int
    words: int
    filters: int
    sorts: int
    seconds: float
    peak_rss_mib: float  # largest resident set of any child process so far (Pagefind's)


def executable() -> Path:
    """The pagefind binary inside the installed pagefind-bin wheel."""
    try:
        from pagefind_bin import get_executable
    except ImportError as exc:
        raise SearchIndexError(
            "Pagefind is not installed. Hint: `make publish` installs it from requirements.txt "
            "(pagefind[bin])."
        ) from exc
    try:
        return get_executable()
    except FileNotFoundError as exc:
        raise SearchIndexError(f"The pagefind binary is missing: {exc}") from exc


def command(site: Path) -> list[str]:
    return [
        str(executable()),
        "--site",
        str(site),
        "--output-subdir",
        BUNDLE_FOLDER,
        "--glob",
        GLOB,
        "--force-language",
        LANGUAGE,
    ]


def parse_counts(log: str) -> dict[str, int]:
    """Pagefind's 'Indexed N pages/words/filters/sorts' lines as numbers (0 when absent)."""
    counts = dict.fromkeys(("page", "word", "filter", "sort"), 0)
    for number, what in _COUNT.findall(log):
        counts[what] = int(number.replace(",", ""))
    return counts


def index(site: Path) -> IndexSummary:
    """Index the case pages under ``site`` into ``site/pagefind/``.

    Raises SearchIndexError, with the end of Pagefind's log, when Pagefind fails.
    A site without any case page gets no bundle (the search page says so).
    """
    if not any((site / "kasus").glob("*/index.html")):
        logger.info("tidak ada halaman kasus: indeks pencarian tidak dibuat")
        return IndexSummary(0, 0, 0, 0, 0.0, 0.0)
    started = time.perf_counter()
    # Pagefind's own log (one line per stage) is captured, not shown: our summary follows.
    done = subprocess.run(command(site), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    log = done.stdout + done.stderr
    if done.returncode != 0 or not (site / BUNDLE_FOLDER / "pagefind.js").is_file():
        tail = "\n".join(log.strip().splitlines()[-15:])
        raise SearchIndexError(
            f"Pagefind failed (exit {done.returncode}) indexing {site}:\n{tail}"
        )
    counts = parse_counts(done.stdout)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    summary = IndexSummary(
        counts["page"], counts["word"], counts["filter"], counts["sort"], seconds, peak
    )
    logger.info(
        "indeks pencarian: %d halaman, %d kata dalam %.1f detik",
        summary.pages,
        summary.words,
        summary.seconds,
    )
    return summary
