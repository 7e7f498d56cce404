"""Render/write stage, in shards: page contexts → HTML files on every core, or on a cluster.

A shard is a batch of page contexts (plain, picklable dataclasses) with the site's
header context. ``write_shard`` is a top-level function of (shard, rendering
settings, output folder) that renders and writes every page and returns the URL
paths it wrote, so the same function runs in this process (``WORKERS = 1``), on a
local pool of worker processes (the default: one per core) or on a
``dask.distributed`` cluster writing to a shared output folder (``DASK_SCHEDULER``).
Every page is rendered on its own from its context alone, so the bytes written do
not depend on the number of workers or on the order shards finish in.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader

from . import manifest
from .contexts import Site, template_variables

if TYPE_CHECKING:
    from .casepages import CaseMaker, CaseRow, EventRow
    from .contexts import CasePage, ChangeNote, Deadline

logger = logging.getLogger(__name__)

# The Pelican settings that shape the Jinja environment: all a worker is sent.
RENDER_SETTINGS = (
    "THEME",
    "THEME_TEMPLATES_OVERRIDES",
    "JINJA_ENVIRONMENT",
    "JINJA_FILTERS",
    "JINJA_GLOBALS",
    "JINJA_TESTS",
)
SHARD_PAGES = 250  # big enough that sending a shard costs little beside rendering it
PAGE_FILE = "index.html"


@dataclass(frozen=True)
class Shard:
    """Page contexts to render with one header context; each page's ``path`` is its URL path."""

    site: Site
    contexts: tuple

    def pages(self) -> Iterable:
        return self.contexts


@dataclass(frozen=True)
class CaseShard:
    """Published cases' rows (with each one's events) whose pages the worker makes itself."""

    site: Site
    maker: CaseMaker
    rows: tuple[CaseRow, ...]
    events: tuple[list[EventRow], ...]  # each row's events, oldest first
    deadlines: tuple[tuple[Deadline, ...], ...]  # each row's deadlines judged (first, closing)
    changed: tuple[ChangeNote | None, ...]  # the release that last changed each row, if any

    def pages(self) -> Iterator[CasePage]:
        rows = zip(self.rows, self.events, self.deadlines, self.changed, strict=True)
        for row, events, deadlines, changed in rows:
            yield self.maker.page(row, events, deadlines, changed)


def render_settings(settings: dict) -> dict:
    """The part of the Pelican settings a worker needs to load the same templates."""
    return {name: settings[name] for name in RENDER_SETTINGS}


def scheduler_address(settings: dict) -> str:
    """The Dask scheduler to render on: env DASK_SCHEDULER, else the setting ('' = none)."""
    return os.environ.get("DASK_SCHEDULER", "").strip() or settings["DASK_SCHEDULER"]


def worker_count(settings: dict) -> int:
    """WORKERS, with 0 meaning every core of this machine."""
    return settings["WORKERS"] or os.cpu_count() or 1


def environment(settings: dict) -> Environment:
    """The Jinja environment Pelican's generators build, from the rendering settings.

    Same loaders in the same order (overrides, the theme, Pelican's simple theme)
    and the same user filters, globals and tests, so a worker renders what the
    Pelican generator would.
    """
    from pelican import __file__ as pelican_init

    theme_templates = os.path.join(os.path.expanduser(settings["THEME"]), "templates")
    simple = FileSystemLoader(
        os.path.join(os.path.dirname(pelican_init), "themes", "simple", "templates")
    )
    env = Environment(
        loader=ChoiceLoader(
            [
                FileSystemLoader([*settings["THEME_TEMPLATES_OVERRIDES"], theme_templates]),
                simple,
                PrefixLoader({"!simple": simple, "!theme": FileSystemLoader(theme_templates)}),
            ]
        ),
        **settings["JINJA_ENVIRONMENT"],
    )
    env.filters.update(settings["JINJA_FILTERS"])
    env.globals.update(settings["JINJA_GLOBALS"])
    env.tests.update(settings["JINJA_TESTS"])
    return env


@lru_cache(maxsize=2)
def _environment(key: bytes) -> Environment:
    """One environment per worker process and settings; Jinja keeps its templates."""
    return environment(pickle.loads(key))


def write_shard(
    shard: Shard | CaseShard, settings: dict, output_path: str
) -> list[tuple[str, str, bool]]:
    """Write every page of ``shard`` under ``output_path``: (URL path, digest, rendered?).

    Each page goes to ``<output_path><page.path>index.html``; its folder is made
    here (each page has a folder of its own, so no two shards make the same one).
    A page whose digest (``manifest.page_digest``) equals the one published in
    ``settings["PREVIOUS_OUTPUT"]`` is hard-linked from there instead of rendered.
    """
    env = _environment(pickle.dumps({k: settings[k] for k in RENDER_SETTINGS}))
    base, previous = settings["CODE_DIGEST"], settings["PREVIOUS_OUTPUT"]
    published = manifest.load(previous) if previous else {}
    written = []
    for page in shard.pages():
        digest = manifest.page_digest(base, shard.site, page)
        relative = page.path.strip("/")
        folder = os.path.join(output_path, relative)
        os.makedirs(folder, exist_ok=True)
        target = os.path.join(folder, PAGE_FILE)
        if published.get(page.path) == digest:
            try:
                os.link(os.path.join(previous, relative, PAGE_FILE), target)
                written.append((page.path, digest, False))
                continue
            except FileNotFoundError:
                pass  # the published file is gone: render it
        html = env.get_template(page.template).render(site=shard.site, **template_variables(page))
        with open(target, "wb") as file:
            file.write(html.encode("utf-8"))
        written.append((page.path, digest, True))
    return written


def shards(site: Site, pages: Iterable, size: int = SHARD_PAGES) -> Iterator[Shard]:
    """Page contexts ``pages`` in shards of ``size``."""
    batch: list = []
    for page in pages:
        batch.append(page)
        if len(batch) == size:
            yield Shard(site, tuple(batch))
            batch = []
    if batch:
        yield Shard(site, tuple(batch))


class Renderer:
    """Runs ``write_shard`` here, on a local process pool, or on a Dask cluster.

    Use as a context manager; ``run`` yields each shard's written paths as shards
    finish, in submission order, holding at most a few shards per worker in flight
    so the contexts waiting to be rendered stay few.
    """

    def __init__(
        self, settings: dict, output_path: str, pages: int, previous: str | None = None
    ) -> None:
        self.settings = render_settings(settings)
        self.settings["CODE_DIGEST"] = manifest.code_digest(self.settings)
        self.settings["PREVIOUS_OUTPUT"] = previous or ""
        self.output_path = output_path
        self.scheduler = scheduler_address(settings)
        # No more workers than shards: starting a process costs more than a small site.
        self.workers = min(worker_count(settings), max(1, -(-pages // SHARD_PAGES)))
        self._executor: Executor | None = None
        self._client = None

    def __enter__(self) -> Renderer:
        if self.scheduler:
            from dask.distributed import Client  # optional: pip install 'dask[distributed]'

            self._client = Client(self.scheduler)
            self.workers = max(1, sum(self._client.nthreads().values()))
            self._executor = self._client.get_executor(pure=False)
            logger.info("halaman dirender di klaster Dask %s", self.scheduler)
        elif self.workers > 1:
            # spawn: workers start small (no copy of the parent's tables) and load
            # the templates once each.
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn")
            )
        return self

    def __exit__(self, *exc) -> None:
        if self._client is not None:
            self._executor.shutdown(wait=False)
            self._client.close()
        elif self._executor is not None:
            self._executor.shutdown(cancel_futures=True)

    def run(self, batches: Iterable[Shard | CaseShard]) -> Iterator[list[tuple[str, str, bool]]]:
        if self._executor is None:
            for shard in batches:
                yield write_shard(shard, self.settings, self.output_path)
            return
        pending: deque[Future] = deque()
        limit = 3 * self.workers
        for shard in batches:
            pending.append(
                self._executor.submit(write_shard, shard, self.settings, self.output_path)
            )
            while len(pending) > limit or (pending and pending[0].done()):
                yield pending.popleft().result()  # re-raises a worker's failure here
        while pending:
            yield pending.popleft().result()
