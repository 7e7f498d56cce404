"""Progress of long work: a bar with rate and time left on a terminal, log lines otherwise.

On a terminal (stderr is a TTY) ``rich`` draws the bar; piped into a file or a CI
log, a plain line is logged at every tenth of the work or every 10 seconds,
whichever comes first, so a log shows the build is alive without flooding it.
"""

from __future__ import annotations

import logging
import sys
import time

logger = logging.getLogger(__name__)

LOG_EVERY_SECONDS = 10.0


class Progress:
    """Counts ``done`` of ``total`` things; ``advance`` as they finish, ``close`` at the end."""

    def __init__(self, total: int, what: str, *, terminal: bool | None = None) -> None:
        self.total = max(total, 1)
        self.what = what
        self.done = 0
        self.started = time.perf_counter()
        self._last_log = self.started
        self._next_tenth = 1
        if terminal is None:
            terminal = sys.stderr.isatty() and logger.isEnabledFor(logging.INFO)
        self._bar = None
        if terminal:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TaskProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            self._bar = Bar(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]}/detik"),
                TextColumn("sisa"),
                TimeRemainingColumn(),
                transient=True,
            )
            self._task = self._bar.add_task(what, total=self.total, rate="–")
            self._bar.start()

    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def advance(self, count: int) -> None:
        self.done += count
        if self._bar is not None:
            self._bar.update(self._task, advance=count, rate=f"{self.rate():,.0f}")
            return
        now = time.perf_counter()
        tenth = self.done * 10 // self.total
        if tenth >= self._next_tenth or now - self._last_log >= LOG_EVERY_SECONDS:
            self._next_tenth = tenth + 1
            self._last_log = now
            rate = self.rate()
            left = (self.total - self.done) / rate if rate else 0.0
            logger.info(
                "%s: %d dari %d (%d%%), %.0f per detik, sisa sekitar %.0f detik",
                self.what,
                self.done,
                self.total,
                100 * self.done // self.total,
                rate,
                left,
            )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
