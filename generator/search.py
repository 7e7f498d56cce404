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

import gzip
import hashlib
import json
import logging
import re
import resource
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import cbor2

from .browse import BUNDLE_FOLDER
from .errors import SearchIndexError

logger = logging.getLogger(__name__)

# Case pages only: agency, rapor and browse pages are never results.
GLOB = "kasus/*/index.html"
LANGUAGE = "id"  # every page is <html lang="id">; forced so the index has one language
# Pagefind's ready-made interfaces: /cari/ runs its own (theme/static/js/cari.js) on
# pagefind.js, so these are removed rather than published as code that never runs.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
SIGNATURE = b"pagefind_dcd"  # what every decompressed Pagefind data file starts with
_COUNT = re.compile(r"Indexed ([\d,]+) (page|word|filter|sort)s?\b")


@dataclass(frozen=True)
class IndexSummary:
    """What one indexing run did, as Pagefind reported it."""

    pages: int
    words: int
    filters: int
    sorts: int
    seconds: float  # wall time of the Pagefind run and the reordering after it
    cpu_seconds: float  # Pagefind's user + system time
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
        return IndexSummary(0, 0, 0, 0, 0.0, 0.0, 0.0)
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Pagefind's own log (one line per stage) is captured, not shown: our summary follows.
    done = subprocess.run(command(site), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    log = done.stdout + done.stderr
    if done.returncode != 0 or not (site / BUNDLE_FOLDER / "pagefind.js").is_file():
        tail = "\n".join(log.strip().splitlines()[-15:])
        raise SearchIndexError(f"Pagefind failed (exit {done.returncode}) indexing {site}:\n{tail}")
    canonicalise(site / BUNDLE_FOLDER)
    for name in UNUSED:
        (site / BUNDLE_FOLDER / name).unlink(missing_ok=True)
    counts = parse_counts(done.stdout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    summary = IndexSummary(
        counts["page"],
        counts["word"],
        counts["filter"],
        counts["sort"],
        seconds,
        cpu,
        after.ru_maxrss / 1024,
    )
    logger.info(
        "indeks pencarian: %d halaman, %d kata dalam %.1f detik",
        summary.pages,
        summary.words,
        summary.seconds,
    )
    return summary


# -- byte-identical output ---------------------------------------------------------
# Pagefind 1.5 writes its word index and page fragments in a stable order, but the
# values inside each filter file, and the filter and sort lists of the metadata
# file, in the order of a randomly seeded hash map: two builds of the same input
# differ. They are rewritten here in sorted order, and renamed by a hash of their
# new content, as Pagefind names them; pagefind-entry.json then names the new
# metadata file. Searching reads the same data either way.


def _read(path: Path):
    try:
        raw = gzip.decompress(path.read_bytes())
        if not raw.startswith(SIGNATURE):
            raise cbor2.CBORDecodeError("no pagefind_dcd signature")
        return cbor2.loads(raw[len(SIGNATURE) :])
    except (OSError, EOFError, cbor2.CBORDecodeError) as exc:
        raise SearchIndexError(
            f"Cannot read Pagefind's {path.name}: {exc}. Hint: generator/search.py "
            "canonicalise() reads the file layout of the pinned Pagefind version."
        ) from exc


def _write(folder: Path, stem: str, suffix: str, value, digits: int) -> str:
    """Write ``value`` gzipped (no timestamp) as ``folder/<stem><hash><suffix>``; the name."""
    raw = SIGNATURE + cbor2.dumps(value)
    name = f"{stem}{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return name


def canonicalise(bundle: Path) -> None:
    """Put the filter values, filters and sorts of every language in sorted order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        if not (isinstance(meta, list) and len(meta) >= 5 and meta[0] == entry["version"]):
            raise SearchIndexError(f"Unexpected layout of Pagefind's {meta_path.name}.")
        filters = []
        for name, old in meta[3]:
            path = bundle / "filter" / f"{old}.pf_filter"
            filter_name, values = _read(path)
            path.unlink()
            values.sort(key=lambda pair: pair[0])
            new = _write(path.parent, f"{language}_", ".pf_filter", [filter_name, values], 7)
            filters.append([name, new])
        meta[3] = sorted(filters)
        meta[4] = sorted(meta[4], key=lambda sort: sort[0])
        meta_path.unlink()
        info["hash"] = _write(bundle, f"pagefind.{language}_", ".pf_meta", meta, 10)
        info["hash"] = info["hash"].removeprefix("pagefind.")
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
