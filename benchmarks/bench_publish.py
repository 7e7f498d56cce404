"""Benchmark: `make publish` of N reports against plain Pelican building the same reports.

    make bench N=10000          # or: .venv/bin/python benchmarks/bench_publish.py --cases 10000

A benchmark, not a test: it prints what it measured and never fails on a slow
result. In one run it

1. generates N reports with ``python -m generator sample`` into ``.bench/`` (reused
   when an input for the same N and seed, from the same generator/sample*.py, exists);
2. times our real build, ``python -m generator build --settings publishconf.py``
   (what ``make publish`` runs), as a child process from the repository root;
3. writes each *published* report (privacy publik/anonim, status selesai) as one
   Markdown article (plain_pelican/articles.py), untimed, and times ``pelican``
   building them with its "simple" theme and plain_pelican/pelicanconf.py;
4. prints, for both, pages written, seconds, pages per second and peak memory,
   and the ratio of the two times against the target (≤ 0.5 at N = 10,000);
   for ours also the search indexing (Pagefind) on its own: its seconds and peak
   memory as the build reports them, pages indexed, distinct words, and indexed
   words per page (read from the index's page records, untimed).

Each side's time is wall time around the whole child process (interpreter start
included); CPU time and peak memory come from the child's rusage (os.wait4). Pages
are the HTML files written. With --repeat the sides alternate and the fastest run
of each is shown. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path

import pandas as pd
from plain_pelican.articles import read_table, write_articles

logger = logging.getLogger("bench")

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"  # not in git: inputs, outputs and logs of benchmark runs
PLAIN_SETTINGS = ROOT / "benchmarks" / "plain_pelican" / "pelicanconf.py"
SAMPLE_MODULE = ROOT / "generator" / "sample.py"
TARGET_RATIO = 0.5
TARGET_CASES = 10_000
LABELS = {"ours": "ours (make publish)", "plain": "plain Pelican (simple)"}
# The line `python -m generator build` prints about the search index (generator/cli.py).
INDEX_LINE = re.compile(
    r"Indeks pencarian: (\d+) kasus, (\d+) kata dalam ([\d.]+) detik "
    r"\(CPU ([\d.]+) detik, memori puncak (\d+) MiB\)"
)


class BenchError(Exception):
    """A step of the benchmark could not run; the message says which and why."""


@dataclass
class Build:
    """One side of the comparison: the command that builds it and where it writes."""

    side: str  # "ours" or "plain", a key of LABELS
    command: list[str]
    cwd: Path
    output: Path


@dataclass
class SearchIndex:
    """The search-indexing step of our build, as the build and the index report it."""

    seconds: float  # Pagefind's wall time, inside the build's
    cpu_seconds: float  # Pagefind's user + system time
    peak_rss_mib: float  # Pagefind's peak RSS (the build's own peak is the larger of the two)
    pages: int  # pages Pagefind indexed
    words: int  # distinct words in the index, as Pagefind counts them
    words_per_page: float  # mean indexed words of a page (the fragments' word_count)


@dataclass
class Measurement:
    """One timed build: what it wrote, how long it took and its peak memory."""

    side: str
    run: int  # 1, 2, … with --repeat
    seconds: float  # wall time, Popen to exit
    cpu_seconds: float  # the child's user + system time
    peak_rss_mib: float  # the child's ru_maxrss (KiB on Linux) / 1024
    pages: int  # HTML files written
    case_pages: int  # kasus/<id>/index.html files written
    log: str
    index: SearchIndex | None = None  # ours only: the Pagefind step on its own

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


# -- input -------------------------------------------------------------------


def sample_digest() -> str:
    """SHA-256 over generator/sample*.py (the sample generator and its word lists).

    '' when generator/sample.py does not exist.
    """
    if not SAMPLE_MODULE.is_file():
        return ""
    digest = hashlib.sha256()
    for path in sorted(SAMPLE_MODULE.parent.glob("sample*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def ensure_input(cases: int, seed: int) -> tuple[Path, bool]:
    """The input folder for ``cases`` and ``seed`` under .bench/, and whether it was reused.

    A folder is reused only when its marker file says it was completed by the
    current generator/sample*.py; otherwise it is written afresh.
    """
    folder = WORK / f"input-n{cases}-seed{seed}"
    marker = folder.with_name(folder.name + ".json")
    digest = sample_digest()
    if not digest:
        raise BenchError(
            f"{SAMPLE_MODULE.relative_to(ROOT)} does not exist yet, so no input can "
            "be generated. Hint: pass --data FOLDER to benchmark an existing input."
        )
    if folder.is_dir() and marker.is_file():
        recorded = json.loads(marker.read_text(encoding="utf-8"))
        if recorded.get("sample_sha256") == digest:
            return folder, True
        logger.info(
            "generator/sample*.py changed since %s was written; generating it again", folder.name
        )
    shutil.rmtree(folder, ignore_errors=True)
    marker.unlink(missing_ok=True)
    WORK.mkdir(exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "generator",
        "sample",
        "--cases",
        str(cases),
        "--seed",
        str(seed),
        str(folder),
    ]
    logger.info("generating %d reports (seed %d) into %s", cases, seed, folder.relative_to(ROOT))
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise BenchError(
            f"generating the input failed (exit {done.returncode}):\n"
            f"{done.stdout}{done.stderr}".rstrip()
        )
    logger.info("input written in %.1f s: %s", time.perf_counter() - started, done.stdout.strip())
    marker.write_text(
        json.dumps({"cases": cases, "seed": seed, "sample_sha256": digest}), encoding="utf-8"
    )
    return folder, False


# -- measuring -----------------------------------------------------------------


def count_pages(output: Path) -> tuple[int, int]:
    """HTML files under ``output``, and those that are case pages (kasus/<id>/index.html)."""
    if not output.is_dir():
        return 0, 0
    pages = sum(1 for _ in output.rglob("*.html"))
    cases = sum(1 for _ in (output / "kasus").glob("*/index.html"))
    return pages, cases


def measure(build: Build, number: int, logs: Path) -> Measurement:
    """Run ``build`` once into a fresh output folder and measure it; BenchError if it fails.

    Wall time is taken around the whole child process; CPU time and peak RSS
    come from its rusage (os.wait4). Dirty pages of earlier steps are flushed
    first so that their write-back is not billed to this run.
    """
    shutil.rmtree(build.output, ignore_errors=True)
    log = logs / f"{build.side}-{number}.log"
    logger.info("building %s (run %d) …", LABELS[build.side], number)
    os.sync()
    with log.open("wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(build.command, cwd=build.cwd, stdout=out, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
    child.returncode = code = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if code != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
        raise BenchError(f"{LABELS[build.side]} failed (exit {code}); last lines of {log}:\n{tail}")
    pages, cases = count_pages(build.output)
    logger.info("%s: %d pages in %.1f s", LABELS[build.side], pages, seconds)
    return Measurement(
        build.side,
        number,
        seconds,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        pages,
        cases,
        str(log),
        search_index(log, build.output) if build.side == "ours" else None,
    )


def search_index(log: Path, output: Path) -> SearchIndex | None:
    """The indexing figures from our build's log, and words per page from the index."""
    found = INDEX_LINE.search(log.read_text(encoding="utf-8", errors="replace"))
    if not found:
        return None
    pages, words, seconds, cpu, peak = found.groups()
    counts = []
    for fragment in (output / "pagefind").glob("*/fragment/*.pf_fragment"):  # every shard
        record = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        counts.append(json.loads(record)["word_count"])
    per_page = sum(counts) / len(counts) if counts else 0.0
    return SearchIndex(float(seconds), float(cpu), float(peak), int(pages), int(words), per_page)


def ours_build(data: Path, run: Path) -> Build:
    """Our real publish build of ``data``, from the repository root, as ``make publish`` runs it."""
    output = run / "ours" / "output"
    command = [sys.executable, "-m", "generator", "build", "--settings", "publishconf.py"]
    command += ["--data", str(data), "--output", str(output)]
    return Build("ours", command, ROOT, output)


def pelican_command() -> list[str]:
    """The venv's ``pelican`` executable, or ``python -m pelican`` when there is none."""
    script = Path(sys.executable).with_name("pelican")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "pelican"]


def plain_build(content: Path, run: Path) -> Build:
    """Stock Pelican building the Markdown in ``content``, in its own folder under ``run``.

    The working folder is the run's, so nothing Pelican might write lands in the repository.
    """
    folder = run / "plain"
    output = folder / "output"
    command = [*pelican_command(), str(content), "-s", str(PLAIN_SETTINGS), "-o", str(output)]
    return Build("plain", command, folder, output)


# -- report ----------------------------------------------------------------------


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu, memory = "", ""
    cpuinfo, meminfo = Path("/proc/cpuinfo"), Path("/proc/meminfo")
    if cpuinfo.is_file():
        models = [
            line for line in cpuinfo.read_text().splitlines() if line.startswith("model name")
        ]
        cpu = models[0].split(":", 1)[1].strip() if models else ""
    if meminfo.is_file():
        totals = [line for line in meminfo.read_text().splitlines() if line.startswith("MemTotal:")]
        memory = f"{int(totals[0].split()[1]) / 1024 / 1024:.1f} GiB" if totals else ""
    return {
        "nproc": str(len(os.sched_getaffinity(0))),
        "cpu": cpu,
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "pelican": metadata.version("pelican"),
        "pandas": pd.__version__,
        "markdown": metadata.version("markdown"),
    }


def verdict(ratio: float, cases: int) -> str:
    """PASS or MISS against the target, saying when the run is not at the target's N."""
    word = "PASS" if ratio <= TARGET_RATIO else "MISS"
    if cases != TARGET_CASES:
        return f"{word} (indicative only: the target is set at N = {TARGET_CASES:,})"
    return word


@dataclass
class Outcome:
    """Everything one benchmark run found, as printed and as written by --json."""

    cases: int
    seed: int
    input: str
    reused: bool
    machine: dict[str, str]
    load_before: float  # 1-minute load average
    load_after: float
    published_reports: int | None  # None when the plain side was not run
    markdown_writing_seconds: float | None
    commands: dict[str, list[str]]
    runs: list[Measurement]

    def best(self) -> dict[str, Measurement]:
        """Each side's fastest run."""
        best: dict[str, Measurement] = {}
        for m in self.runs:
            if m.side not in best or m.seconds < best[m.side].seconds:
                best[m.side] = m
        return best

    def ratio(self, attribute: str = "seconds") -> float | None:
        """ours/plain of the fastest runs' ``attribute``; None unless both sides ran."""
        best = self.best()
        if "ours" not in best or "plain" not in best:
            return None
        return getattr(best["ours"], attribute) / getattr(best["plain"], attribute)

    def as_json(self) -> dict:
        ratio = self.ratio()
        return {
            **{k: v for k, v in asdict(self).items() if k != "runs"},
            "runs": [{**asdict(m), "pages_per_second": m.pages_per_second} for m in self.runs],
            "ratio": ratio,
            "cpu_ratio": self.ratio("cpu_seconds"),
            "target_ratio": TARGET_RATIO,
            "target_cases": TARGET_CASES,
            "pass": None if ratio is None else ratio <= TARGET_RATIO,
        }


def print_report(outcome: Outcome) -> None:
    """Print the machine, one table row per side (its fastest run) and the ratio."""
    info, cases = outcome.machine, outcome.cases
    where = Path(outcome.input)
    where = where.relative_to(ROOT) if where.is_relative_to(ROOT) else where
    published = outcome.published_reports
    print()
    print(f"Jendela Aduan publish benchmark — N = {cases:,} reports, seed {outcome.seed}")
    print(f"machine: nproc {info['nproc']}, {info['cpu'] or '?'}, {info['memory']}, {info['os']}")
    print(f"python {info['python']}, pelican {info['pelican']}, pandas {info['pandas']}")
    print(f"load average (1 min): {outcome.load_before:.2f} before, {outcome.load_after:.2f} after")
    print(
        f"input: {where} ({'reused' if outcome.reused else 'fresh'})"
        + (f"; {published:,} published reports" if published is not None else "")
    )
    print()
    header = (
        f"{'build':<23} {'N':>6} {'pages':>6} {'case pages':>10} {'seconds':>8} {'CPU s':>7} "
        f"{'pages/s':>7} {'peak RSS MiB':>12}"
    )
    print(header)
    print("-" * len(header))
    best = outcome.best()
    for side, m in best.items():
        print(
            f"{LABELS[side]:<23} {cases:>6,} {m.pages:>6,} {m.case_pages:>10,} {m.seconds:>8.2f} "
            f"{m.cpu_seconds:>7.2f} {m.pages_per_second:>7.1f} {m.peak_rss_mib:>12.1f}"
        )
    print()
    repeats = {side: [m.seconds for m in outcome.runs if m.side == side] for side in best}
    if any(len(times) > 1 for times in repeats.values()):
        shown = "; ".join(
            f"{side} " + ", ".join(f"{t:.2f}" for t in times) for side, times in repeats.items()
        )
        print(f"fastest of {max(map(len, repeats.values()))} runs shown; all wall seconds: {shown}")
    index = best["ours"].index if "ours" in best else None
    if index is not None:
        print(
            f"search index (Pagefind, part of ours): {index.seconds:.2f} s, "
            f"CPU {index.cpu_seconds:.2f} s, peak RSS "
            f"{index.peak_rss_mib:.0f} MiB; {index.pages:,} pages, {index.words:,} distinct "
            f"words, {index.words_per_page:.1f} indexed words per page"
        )
    for side, m in best.items():
        if published is not None and m.case_pages != published:
            print(
                f"note: {LABELS[side]} wrote {m.case_pages:,} case pages for {published:,} "
                "published reports"
            )
    busy = max(outcome.load_before, outcome.load_after)
    if busy > 0.5 * int(info["nproc"]):
        print(
            f"note: the machine was busy (load {busy:.1f} on {info['nproc']} CPUs), so wall "
            "times are noisy; CPU seconds are steadier, or use --repeat"
        )
    ratio = outcome.ratio()
    if ratio is not None:
        print(
            f"ratio ours/plain (wall seconds, lower is better): {ratio:.3f}   "
            f"target ≤ {TARGET_RATIO} at N = {TARGET_CASES:,}: {verdict(ratio, cases)}"
        )
        print(
            f"ratio ours/plain (CPU seconds, for reference):   {outcome.ratio('cpu_seconds'):.3f}"
        )
    if outcome.markdown_writing_seconds is not None:
        print(
            f"(writing {published:,} Markdown articles took "
            f"{outcome.markdown_writing_seconds:.1f} s, not counted)"
        )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=TARGET_CASES, help="reports to generate")
    parser.add_argument("--seed", type=int, default=1, help="seed for the sample generator")
    parser.add_argument("--data", type=Path, help="benchmark this input folder, not a sample")
    parser.add_argument("--only", choices=("ours", "plain"), help="time one side only")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="build each side this many times, alternating; the fastest run is shown (default 1)",
    )
    parser.add_argument("--keep", action="store_true", help="keep outputs and logs in .bench/")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results to FILE")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.cases < 1:
        parser.error("--repeat and --cases must be at least 1")
    return args


def benchmark(args: argparse.Namespace, run: Path) -> Outcome:
    """Prepare the input, then time each side ``--repeat`` times, alternating."""
    if args.data:
        data, reused = args.data.resolve(), True
        if not data.is_dir():
            raise BenchError(f"input folder {data} does not exist")
        cases = len(read_table(data, "complaints"))
    else:
        (data, reused), cases = ensure_input(args.cases, args.seed), args.cases
    run.mkdir(parents=True)
    builds: list[Build] = []
    published, writing = None, None
    if args.only in (None, "ours"):
        builds.append(ours_build(data, run))
    if args.only in (None, "plain"):
        content = run / "plain" / "content"
        logger.info("writing the published reports as Markdown (not timed) …")
        started = time.perf_counter()
        published = write_articles(data, content)
        writing = time.perf_counter() - started
        logger.info("%d articles written in %.1f s", published, writing)
        builds.append(plain_build(content, run))
    load_before = os.getloadavg()[0]
    # Alternating the sides spreads any change in the machine's load over both.
    runs = [measure(b, n, run) for n in range(1, args.repeat + 1) for b in builds]
    return Outcome(
        cases,
        args.seed,
        str(data),
        reused,
        machine(),
        load_before,
        os.getloadavg()[0],
        published,
        writing,
        {b.side: b.command for b in builds},
        runs,
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="bench: %(message)s", stream=sys.stderr)
    run = WORK / f"run-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}"
    try:
        outcome = benchmark(args, run)
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        if run.is_dir():
            print(f"bench: outputs and logs kept in {run}", file=sys.stderr)
        return 1
    print_report(outcome)
    if args.keep:
        print(f"outputs and logs kept in {run}")
    else:
        shutil.rmtree(run, ignore_errors=True)
    if args.json:
        text = json.dumps(outcome.as_json(), indent=2, ensure_ascii=False)
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
