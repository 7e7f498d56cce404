"""Benchmark: `make publish` of N reports against Hugo and stock Pelican, and a 1 % republish.

    make bench N=10000          # or: .venv/bin/python benchmarks/bench_publish.py --cases 10000

A benchmark, not a test: it prints what it measured and never fails on a slow
result (exit 1 only when a step could not run). In one run it

1. generates N reports with ``python -m generator sample`` into ``.bench/`` (reused
   when an input for the same N and seed, from the same generator/sample*.py, exists);
2. writes, untimed, each *published* report (privacy publik/anonim, status selesai)
   as a Markdown article for stock Pelican (plain_pelican/) and as a content file
   for Hugo (hugo/);
3. times, ``--repeat`` times and alternating: our real build (what ``make publish``
   runs), the same with ``--no-search``, stock Pelican, and Hugo (``hugo --quiet``);
4. makes a changed copy of the input (about 1 % of the reports edited, added or
   withdrawn: republish.py), times our build of it into the SAME output folder as
   the last full build, builds it again clean into another folder, and compares
   every file of the two;
5. prints the machine and its load, a row per build (pages, wall and CPU seconds,
   peak memory of the process tree, pages per second, ratios to Hugo) and each
   target with PASS or MISS.

See benchmarks/README.md for what each number means.
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
from dataclasses import asdict, dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path

import psutil
from hugo.content import write_site
from plain_pelican.articles import read_table, write_articles
from report import print_report, targets
from republish import Changes, Comparison, change_input, compare_trees
from timing import BenchError, Build, Measurement, SearchIndex, measure

logger = logging.getLogger("bench")

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"  # not in git: inputs, outputs and logs of benchmark runs
PLAIN_SETTINGS = ROOT / "benchmarks" / "plain_pelican" / "pelicanconf.py"
SAMPLE_MODULE = ROOT / "generator" / "sample.py"
DEFAULT_CASES = 10_000
# Stock Pelican grows faster than linearly (its index, archives, category and tag
# pages list every article on one page); Hugo holds every page in memory.
PLAIN_MAX_CASES = 20_000
HUGO_MAX_CASES = 200_000
HUGO_INSTALL = "apt-get install -y hugo"
SIDES = ("ours", "nosearch", "plain", "hugo")
LABELS = {
    "ours": "ours (make publish)",
    "nosearch": "ours --no-search",
    "plain": "stock Pelican",
    "hugo": "Hugo",
    "republish": "ours, 1 % republish",
    "clean": "ours, changed, clean",
}
# The line `python -m generator build` prints about the search index (generator/cli.py).
INDEX_LINE = re.compile(
    r"Indeks pencarian: (\d+) kasus, (\d+) kata dalam ([\d.]+) detik "
    r"\(CPU ([\d.]+) detik, memori puncak (\d+) MiB\)"
)


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


# -- builds ----------------------------------------------------------------------


def search_index(log: Path, output: Path) -> SearchIndex | None:
    """The indexing figures from our build's log, and words per page from the index."""
    found = INDEX_LINE.search(Path(log).read_text(encoding="utf-8", errors="replace"))
    if not found:
        return None
    pages, words, seconds, cpu, peak = found.groups()
    counts = []
    for fragment in (output / "pagefind").glob("*/fragment/*.pf_fragment"):  # every shard
        record = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        counts.append(json.loads(record)["word_count"])
    per_page = sum(counts) / len(counts) if counts else 0.0
    return SearchIndex(float(seconds), float(cpu), float(peak), int(pages), int(words), per_page)


def ours_build(side: str, data: Path, output: Path, *extra: str, fresh: bool = True) -> Build:
    """Our real publish build of ``data``, from the repository root, as ``make publish`` runs it."""
    command = [sys.executable, "-m", "generator", "build", "--settings", "publishconf.py"]
    command += ["--data", str(data), "--output", str(output), *extra]
    return Build(side, LABELS[side], command, ROOT, output, fresh)


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
    return Build("plain", LABELS["plain"], command, folder, output)


def hugo_build(hugo: str, site: Path, run: Path) -> Build:
    """Hugo building ``site`` quietly, unminified, on its default number of threads."""
    output = run / "hugo" / "output"
    command = [hugo, "--quiet", "--source", str(site), "--destination", str(output)]
    command += ["--cacheDir", str(run / "hugo" / "cache")]
    return Build("hugo", LABELS["hugo"], command, site, output)


def hugo_version(hugo: str | None) -> str:
    if not hugo:
        return "absent"
    done = subprocess.run([hugo, "version"], capture_output=True, text=True, check=False)
    found = re.search(r"v(\d+\.\d+\.\d+)", done.stdout)
    return found.group(1) if found else done.stdout.strip()


def machine(hugo: str | None) -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        models = [
            line for line in cpuinfo.read_text().splitlines() if line.startswith("model name")
        ]
        cpu = models[0].split(":", 1)[1].strip() if models else ""
    return {
        "nproc": str(len(os.sched_getaffinity(0))),
        "cpu_count": str(os.cpu_count()),
        "cpu": cpu,
        "memory": f"{psutil.virtual_memory().total / 2**30:.1f} GiB",
        "available": f"{psutil.virtual_memory().available / 2**30:.1f} GiB",
        "os": platform.platform(),
        "python": platform.python_version(),
        "pelican": metadata.version("pelican"),
        "hugo": hugo_version(hugo),
    }


# -- the run -----------------------------------------------------------------------


@dataclass
class Outcome:
    """Everything one benchmark run found, as printed and as written by --json."""

    cases: int
    seed: int
    input: str
    reused: bool
    machine: dict[str, str]
    load_before: tuple[float, float, float]  # os.getloadavg(): 1, 5 and 15 minutes
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)
    published_reports: int | None = None
    writing_seconds: dict[str, float] = field(default_factory=dict)  # untimed content steps
    commands: dict[str, list[str]] = field(default_factory=dict)
    runs: list[Measurement] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    changes: Changes | None = None
    comparison: Comparison | None = None

    def best(self) -> dict[str, Measurement]:
        """Each build's fastest run (wall seconds)."""
        best: dict[str, Measurement] = {}
        for m in self.runs:
            if m.side not in best or m.seconds < best[m.side].seconds:
                best[m.side] = m
        return best

    def as_json(self) -> dict:
        return {
            **{k: v for k, v in asdict(self).items() if k != "runs"},
            "runs": [{**asdict(m), "pages_per_second": m.pages_per_second} for m in self.runs],
            "targets": [asdict(t) for t in targets(self)],
        }


def prepare_sides(args: argparse.Namespace, cases: int, outcome: Outcome) -> list[str]:
    """The builds to time, with a note for each one left out and why."""
    sides = list(args.only or SIDES)
    if "plain" in sides and cases > PLAIN_MAX_CASES and not args.plain_anyway:
        sides.remove("plain")
        outcome.notes.append(
            f"stock Pelican skipped: N > {PLAIN_MAX_CASES:,} (it grows faster than linearly); "
            "--plain-anyway runs it"
        )
    if "hugo" in sides and not shutil.which("hugo"):
        sides.remove("hugo")
        outcome.notes.append(f"Hugo skipped: not installed (Debian: {HUGO_INSTALL})")
    elif "hugo" in sides and cases > HUGO_MAX_CASES and not args.hugo_anyway:
        sides.remove("hugo")
        outcome.notes.append(
            f"Hugo skipped: N > {HUGO_MAX_CASES:,} (it holds every page in memory); "
            "--hugo-anyway runs it"
        )
    return sides


def benchmark(args: argparse.Namespace, run: Path) -> Outcome:
    """Prepare the inputs, time each build ``--repeat`` times alternating, then republish."""
    if args.data:
        data, reused = args.data.resolve(), True
        if not data.is_dir():
            raise BenchError(f"input folder {data} does not exist")
        cases = len(read_table(data, "complaints"))
    else:
        (data, reused), cases = ensure_input(args.cases, args.seed), args.cases
    hugo = shutil.which("hugo")
    outcome = Outcome(cases, args.seed, str(data), reused, machine(hugo), os.getloadavg())
    sides = prepare_sides(args, cases, outcome)
    run.mkdir(parents=True)
    builds: list[Build] = []
    ours_output = run / "ours" / "output"
    if "ours" in sides:
        builds.append(ours_build("ours", data, ours_output))
    if "nosearch" in sides:
        builds.append(ours_build("nosearch", data, run / "nosearch" / "output", "--no-search"))
    if "plain" in sides:
        started = time.perf_counter()
        outcome.published_reports = write_articles(data, run / "plain" / "content")
        outcome.writing_seconds["Pelican Markdown"] = time.perf_counter() - started
        builds.append(plain_build(run / "plain" / "content", run))
    if "hugo" in sides:
        started = time.perf_counter()
        outcome.published_reports = write_site(data, run / "hugo" / "site")
        outcome.writing_seconds["Hugo content"] = time.perf_counter() - started
        builds.append(hugo_build(hugo, run / "hugo" / "site", run))
    outcome.commands = {b.side: b.command for b in builds}
    # Alternating the builds spreads any change in the machine's load over all of them.
    for number in range(1, args.repeat + 1):
        for build in builds:
            m = measure(build, number, run)
            if build.side == "ours":
                m.index = search_index(Path(m.log), build.output)
            outcome.runs.append(m)
    if "ours" in sides and not args.no_republish:
        republish(data, run, ours_output, args.seed, outcome)
    outcome.load_after = os.getloadavg()
    return outcome


def republish(data: Path, run: Path, previous: Path, seed: int, outcome: Outcome) -> None:
    """Change ~1 % of the input, publish it over ``previous``, and compare with a clean build."""
    changed = run / "changed-input"
    started = time.perf_counter()
    outcome.changes = change_input(data, changed, seed)
    outcome.writing_seconds["changed input"] = time.perf_counter() - started
    # The republish compares itself with the release it replaces (/data/perubahan/); the
    # clean build is handed a copy of that release, so both publish the same changelog.
    release = run / "previous-release"
    shutil.copytree(previous / "data", release)
    again = ours_build("republish", changed, previous, fresh=False)
    outcome.runs.append(measure(again, 1, run))
    clean = ours_build("clean", changed, run / "clean" / "output", "--previous", str(release))
    outcome.runs.append(measure(clean, 1, run))
    outcome.commands.update(republish=again.command, clean=clean.command)
    outcome.comparison = compare_trees(previous, clean.output)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=DEFAULT_CASES, help="reports to generate")
    parser.add_argument("--seed", type=int, default=1, help="seed for the sample generator")
    parser.add_argument("--data", type=Path, help="benchmark this input folder, not a sample")
    parser.add_argument(
        "--only",
        type=lambda text: [s.strip() for s in text.split(",") if s.strip()],
        help=f"time only these builds, comma-separated, of: {','.join(SIDES)}",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="build each side this many times, alternating; the fastest run is shown (default 1)",
    )
    parser.add_argument("--no-republish", action="store_true", help="skip the 1 %% republish")
    parser.add_argument(
        "--plain-anyway", action="store_true", help=f"run Pelican above N = {PLAIN_MAX_CASES:,}"
    )
    parser.add_argument(
        "--hugo-anyway", action="store_true", help=f"run Hugo above N = {HUGO_MAX_CASES:,}"
    )
    parser.add_argument("--keep", action="store_true", help="keep outputs and logs in .bench/")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results to FILE")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.cases < 1:
        parser.error("--repeat and --cases must be at least 1")
    unknown = set(args.only or ()) - set(SIDES)
    if unknown:
        parser.error(f"--only: unknown build {', '.join(sorted(unknown))}; choose from {SIDES}")
    return args


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
    print_report(outcome, ROOT, LABELS)
    if args.json:
        text = json.dumps(outcome.as_json(), indent=2, ensure_ascii=False)
        args.json.write_text(text + "\n", encoding="utf-8")
    if args.keep:
        print(f"outputs and logs kept in {run}")
    else:
        # Removing hundreds of thousands of files can take minutes on a busy disk.
        logger.info("removing the run's outputs in %s …", run.relative_to(ROOT))
        shutil.rmtree(run, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
