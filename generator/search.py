"""Index stage: build the Pagefind search index over the written site, in shards.

The case pages are split into shards (``SEARCH_SHARD_CASES`` cases at most), and
each shard is indexed by its own run of the ``pagefind`` binary from the
``pagefind-bin`` wheel, one run at a time, so Pagefind's memory stays bounded
whatever the number of cases (it grows with the pages of one run: ~57 kB each).
The bundles go to ``/pagefind/<shard>/``; ``/pagefind/shards.json`` names them and
/cari/ (theme/static/js/cari.js) searches them all as one. It runs on the staged
output after every page is written, so a failed index leaves the site untouched.

Shards are stable: a case belongs to the year (UTC) it was closed in, and within
that year to a run of ``SEARCH_SHARD_CASES`` cases in closing order. New cases
close last, so a republish changes the last shard of the year and little else;
a shard whose indexed page parts are byte-identical to the published one's (a
digest per shard in shards.json) is hard-linked from the published output
instead of being indexed again.

Only what case.html marks with ``data-pagefind-body`` minus ``data-pagefind-ignore``
is indexed: title, the citizen's text, the agencies' answers, category, agency,
district, tracking ID.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import logging
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
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
MANIFEST = "shards.json"  # under /pagefind/: the shards cari.js loads and their digests
# Part of every shard's digest: change it when a shard's bundle would come out
# differently from the same pages (how pages are read, canonicalise(), options).
SHARD_FORMAT = "1"
_COUNT = re.compile(r"Indexed ([\d,]+) (page|word|filter|sort)s?\b")
_CLOSED = re.compile(rb'data-pagefind-sort="selesai:(-?\d+)"')
_BODY = b"data-pagefind-body"
# Pagefind runs under this small launcher, which reports the run's own peak RSS (KiB)
# and CPU seconds: a child exec'd straight from the build would count the build's
# memory at the fork as its own (Linux carries the high-water mark across exec).
_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:])\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(f'\\n@rusage {u.ru_maxrss} {u.ru_utime + u.ru_stime:.3f}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)
_USAGE = re.compile(r"^@rusage (\d+) ([\d.]+)$", re.MULTILINE)
_END = b"</article>"


@dataclass(frozen=True)
class Shard:
    """A set of case pages indexed together into ``/pagefind/<name>/``."""

    name: str  # "<closing year>-<nnn>", e.g. "2025-003"
    slugs: tuple[str, ...]  # kasus/<slug>/index.html, in closing order
    digest: str  # SHA-256 over SHARD_FORMAT, Pagefind's version and each page's indexed part


@dataclass(frozen=True)
class ShardRun:
    """What indexing (or reusing) one shard took."""

    name: str
    pages: int
    words: int  # distinct words in this shard
    filters: int
    sorts: int
    reused: bool  # hard-linked from the published output, Pagefind not run
    seconds: float
    cpu_seconds: float  # Pagefind's user + system time
    peak_rss_mib: float  # Pagefind's own peak resident set


@dataclass(frozen=True)
class IndexSummary:
    """What one indexing run did, over all shards."""

    pages: int
    words: int  # distinct words summed over shards (a word in two shards counts twice)
    filters: int
    sorts: int
    seconds: float  # wall time of the whole stage: reading pages, Pagefind runs, reordering
    cpu_seconds: float  # user + system time of the Pagefind runs
    peak_rss_mib: float  # the largest peak resident set of one Pagefind run
    shards: int = 0
    reused: int = 0  # shards hard-linked from the published output


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


def command(site: Path, bundle: Path) -> list[str]:
    """The Pagefind run that indexes the case pages under ``site`` into ``bundle``."""
    return [
        str(executable()),
        "--site",
        str(site),
        "--output-path",
        str(bundle),
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


# -- shards ------------------------------------------------------------------------


def indexed_part(page: bytes) -> bytes:
    """The bytes of ``page`` Pagefind reads: its ``data-pagefind-body`` element.

    The whole page when it has no such element or has Pagefind attributes outside
    it. The rest (header, footer with its 'data as of' date) does not change the index.
    """
    body = page.find(_BODY)
    start = page.rfind(b"<", 0, body)
    end = page.rfind(_END)
    if body < 0 or start < 0 or end < body:
        return page
    end += len(_END)
    if page.find(b"data-pagefind-", 0, start) >= 0 or page.find(b"data-pagefind-", end) >= 0:
        return page
    return page[start:end]


def read_pages(site: Path) -> list[tuple[int, int, str, bytes]]:
    """(closing year, closing time, slug, digest of the indexed part) of every case page."""
    pages = []
    kasus = site / "kasus"
    if not kasus.is_dir():
        return pages
    for entry in os.scandir(kasus):
        try:
            page = Path(entry.path, "index.html").read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            continue
        found = _CLOSED.search(page)
        closed = int(found.group(1)) if found else 0
        year = dt.datetime.fromtimestamp(closed, dt.UTC).year
        digest = hashlib.sha256(indexed_part(page)).digest()
        pages.append((year, closed, entry.name, digest))
    return pages


def plan(pages: list[tuple[int, int, str, bytes]], per_shard: int) -> list[Shard]:
    """Group pages into shards: by closing year, then runs of ``per_shard`` in closing order.

    A shard's name and members depend only on the cases of its year closed up to
    it: a case closed later than all others changes one shard.
    """
    version = metadata.version("pagefind_bin")
    shards = []
    ordered = sorted(pages)
    start = 0
    while start < len(ordered):
        year = ordered[start][0]
        stop = start
        while stop < len(ordered) and ordered[stop][0] == year:
            stop += 1
        for number, first in enumerate(range(start, stop, per_shard), 1):
            members = ordered[first : min(first + per_shard, stop)]
            digest = hashlib.sha256(f"{SHARD_FORMAT}\0{version}\0".encode())
            for _year, _closed, slug, page_digest in members:
                digest.update(slug.encode() + b"\0" + page_digest)
            slugs = tuple(slug for _year, _closed, slug, _digest in members)
            shards.append(Shard(f"{year}-{number:03d}", slugs, digest.hexdigest()))
        start = stop
    return shards


def _previous(published: Path | None) -> dict[str, dict]:
    """The shards of the published output's manifest, by name ({} when none is usable)."""
    if published is None:
        return {}
    try:
        manifest = json.loads((published / BUNDLE_FOLDER / MANIFEST).read_text("utf-8"))
        return {entry["name"]: entry for entry in manifest["shards"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _reuse(shard: Shard, entry: dict | None, published: Path | None, bundle: Path) -> bool:
    """Hard-link the published bundle of ``shard`` into ``bundle`` if its digest matches."""
    if published is None or not entry or entry.get("digest") != shard.digest:
        return False
    source = published / BUNDLE_FOLDER / shard.name
    if not (source / "pagefind-entry.json").is_file():
        return False
    try:
        shutil.copytree(source, bundle, copy_function=os.link)
    except OSError:  # another file system: copy instead
        shutil.rmtree(bundle, ignore_errors=True)
        shutil.copytree(source, bundle)
    return True


def _run(site: Path, shard: Shard, bundle: Path) -> ShardRun:
    """Index the pages of ``shard`` into ``bundle`` with one Pagefind run."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site) as scratch:
        pages = Path(scratch)
        for slug in shard.slugs:  # the shard's pages alone, as hard links
            (pages / "kasus" / slug).mkdir(parents=True)
            os.link(site / "kasus" / slug / "index.html", pages / "kasus" / slug / "index.html")
        with tempfile.TemporaryFile() as log_file:
            launched = [sys.executable, "-c", _MEASURE, *command(pages, bundle)]
            done = subprocess.run(launched, stdout=log_file, stderr=log_file, check=False)
            log_file.seek(0)
            log = log_file.read().decode("utf-8", "replace")
    usage = _USAGE.search(log)
    if done.returncode != 0 or usage is None or not (bundle / "pagefind.js").is_file():
        tail = "\n".join(log.strip().splitlines()[-15:])
        raise SearchIndexError(
            f"Pagefind failed (exit {done.returncode}) indexing shard {shard.name} "
            f"of {site}:\n{tail}"
        )
    canonicalise(bundle)
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    counts = parse_counts(log)
    return ShardRun(
        shard.name,
        counts["page"],
        counts["word"],
        counts["filter"],
        counts["sort"],
        False,
        time.perf_counter() - started,
        float(usage.group(2)),
        int(usage.group(1)) / 1024,
    )


def index(site: Path, per_shard: int = 10_000, published: Path | None = None) -> IndexSummary:
    """Index the case pages under ``site`` into ``site/pagefind/<shard>/`` bundles.

    ``published`` is the output now online: shards whose digest matches its
    ``pagefind/shards.json`` are hard-linked from it instead of indexed again.
    Writes ``site/pagefind/shards.json``. Raises SearchIndexError, with the end of
    Pagefind's log, when a run fails. A site without any case page gets no bundle
    (the search page says so).
    """
    started = time.perf_counter()
    shards = plan(read_pages(site), per_shard)
    if not shards:
        logger.info("tidak ada halaman kasus: indeks pencarian tidak dibuat")
        return IndexSummary(0, 0, 0, 0, 0.0, 0.0, 0.0)
    previous = _previous(published)
    root = site / BUNDLE_FOLDER
    root.mkdir(exist_ok=True)
    runs = []
    for shard in shards:
        bundle = root / shard.name
        entry = previous.get(shard.name)
        if _reuse(shard, entry, published, bundle):
            counts = [int(entry.get(key, 0)) for key in ("words", "filters", "sorts")]
            run = ShardRun(shard.name, len(shard.slugs), *counts, True, 0.0, 0.0, 0.0)
            logger.info("indeks pencarian %s: %d kasus, tidak berubah", run.name, run.pages)
        else:
            run = _run(site, shard, bundle)
            logger.info(
                "indeks pencarian %s: %d kasus, %d kata dalam %.1f detik "
                "(CPU %.1f detik, memori puncak %.0f MiB)",
                run.name,
                run.pages,
                run.words,
                run.seconds,
                run.cpu_seconds,
                run.peak_rss_mib,
            )
        runs.append(run)
    write_manifest(root, shards, runs)
    summary = IndexSummary(
        sum(r.pages for r in runs),
        sum(r.words for r in runs),
        max(r.filters for r in runs),
        max(r.sorts for r in runs),
        time.perf_counter() - started,
        sum(r.cpu_seconds for r in runs),
        max(r.peak_rss_mib for r in runs),
        len(runs),
        sum(r.reused for r in runs),
    )
    logger.info(
        "indeks pencarian: %d halaman dalam %d bagian (%d tidak berubah), %.1f detik; "
        "Pagefind: CPU %.1f detik, memori puncak terbesar %.0f MiB; proses build %.0f MiB",
        summary.pages,
        summary.shards,
        summary.reused,
        summary.seconds,
        summary.cpu_seconds,
        summary.peak_rss_mib,
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )
    return summary


def write_manifest(root: Path, shards: list[Shard], runs: list[ShardRun]) -> None:
    """``pagefind/shards.json``: each shard's folder (what cari.js loads), digest and counts."""
    entries = [
        {
            "name": shard.name,
            "cases": len(shard.slugs),
            "digest": shard.digest,
            "words": run.words,
            "filters": run.filters,
            "sorts": run.sorts,
        }
        for shard, run in zip(shards, runs, strict=True)
    ]
    manifest = {"format": SHARD_FORMAT, "shards": entries}
    (root / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


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
