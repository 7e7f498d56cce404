"""Timing one build of the benchmark: wall and CPU seconds, memory of the process tree, pages.

A build is one child process (ours, Pelican or Hugo) run from Popen to exit:

- wall seconds: ``time.perf_counter()`` around it, interpreter start-up included;
- CPU seconds: user + system time from ``os.wait4``'s rusage, which on Linux covers
  the child *and every descendant it waited for* (Pagefind, run by our build; Node's
  wrapper and the Pagefind binary under it): all of the process tree's CPU;
- peak tree memory: the largest sum of the resident set sizes of the child and all
  its living descendants, sampled every ``SAMPLE_SECONDS`` by a thread (psutil), so
  Pagefind running beside our build's Python counts with it; a peak shorter than the
  interval can be missed;
- ru_maxrss: the same rusage's ``ru_maxrss``: the largest RSS of any *one* process
  of the tree (KiB on Linux), kept beside the sum for comparison.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

logger = logging.getLogger("bench")

SAMPLE_SECONDS = 0.05
MIB = 1024 * 1024


class BenchError(Exception):
    """A step of the benchmark could not run; the message says which and why."""


@dataclass
class Build:
    """One build: the command, its working folder, where it writes, and what to call it."""

    side: str  # a key of bench_publish.LABELS
    label: str
    command: list[str]
    cwd: Path
    output: Path
    fresh: bool = True  # remove the output folder first (False: publish over it)


@dataclass
class SearchIndex:
    """The search-indexing step of our build, as the build and the index report it."""

    seconds: float  # Pagefind's wall time, inside the build's
    cpu_seconds: float  # Pagefind's user + system time
    peak_rss_mib: float  # Pagefind's own ru_maxrss
    pages: int  # pages Pagefind indexed
    words: int  # distinct words in the index, as Pagefind counts them
    words_per_page: float  # mean indexed words of a page (the fragments' word_count)


@dataclass
class Measurement:
    """One timed build: what it wrote, how long it took and its peak memory."""

    side: str
    run: int  # 1, 2, … with --repeat
    seconds: float  # wall time, Popen to exit
    cpu_seconds: float  # user + system time of the child and its waited-for descendants
    peak_tree_mib: float  # largest sampled sum of RSS over the process tree
    maxrss_mib: float  # ru_maxrss / 1024: the largest single process of the tree
    pages: int  # HTML files in the output
    case_pages: int  # kasus/<id>/index.html files in the output
    log: str
    index: SearchIndex | None = None  # ours with search only

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


class TreeMemory(threading.Thread):
    """Samples the summed RSS of process ``pid`` and all its descendants until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.peak = 0
        self.samples = 0
        self.done = threading.Event()

    def sample(self) -> int:
        total = 0
        try:
            tree = [self.process, *self.process.children(recursive=True)]
        except psutil.Error:  # the child has exited
            return 0
        for process in tree:
            with contextlib.suppress(psutil.Error):  # exited between listing and reading
                total += process.memory_info().rss
        return total

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, self.sample())
            self.samples += 1
            self.done.wait(SAMPLE_SECONDS)


def count_pages(output: Path) -> tuple[int, int]:
    """HTML files under ``output``, and those that are case pages (kasus/<id>/index.html)."""
    if not output.is_dir():
        return 0, 0
    pages = sum(1 for _ in output.rglob("*.html"))
    cases = sum(1 for _ in (output / "kasus").glob("*/index.html"))
    return pages, cases


def measure(build: Build, number: int, logs: Path) -> Measurement:
    """Run ``build`` once and measure it; BenchError when it fails.

    Its output folder is removed first unless ``build.fresh`` is False. Dirty pages
    of earlier steps are flushed first so that their write-back is not billed here.
    """
    if build.fresh:
        shutil.rmtree(build.output, ignore_errors=True)
    log = logs / f"{build.side}-{number}.log"
    logger.info("building %s (run %d) …", build.label, number)
    os.sync()
    with log.open("wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(build.command, cwd=build.cwd, stdout=out, stderr=subprocess.STDOUT)
        memory = TreeMemory(child.pid)
        memory.start()
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        memory.done.set()
        memory.join()
    child.returncode = code = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if code != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
        raise BenchError(f"{build.label} failed (exit {code}); last lines of {log}:\n{tail}")
    pages, cases = count_pages(build.output)
    logger.info("%s: %d pages in %.1f s", build.label, pages, seconds)
    return Measurement(
        build.side,
        number,
        seconds,
        usage.ru_utime + usage.ru_stime,
        memory.peak / MIB,
        usage.ru_maxrss / 1024,
        pages,
        cases,
        str(log),
    )
