"""What every page was made from, for incremental republishing.

Each publish writes ``.jendela/manifest.json`` into its output: for every page
written by the render stage, keyed by its URL path, a SHA-256 digest of
everything its bytes depend on: the page's context and the site header
(``repr`` of the frozen dataclasses, whose fields are plain text, numbers and
tuples), the templates' bytes, the render settings and the code's version. The
next publish renders into a fresh staging folder and, for a page whose digest
equals the one in the live output's manifest, hard-links the live file instead
of rendering it. A change of templates, settings or code changes every digest,
so everything is rendered again.

Only paths of pages that are published anyway and hex digests are stored:
never an unpublished report's ID. The per-case digests (``/kasus/<id>/``) are
what a release's changelog can compare between two publishes.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

import jinja2

from . import __version__

FOLDER = ".jendela"
FILE = "manifest.json"


def path_of(output: str | os.PathLike) -> Path:
    return Path(output, FOLDER, FILE)


def _name(value) -> str:
    # Functions (Jinja filters) by their import name: their repr holds a memory address.
    qualname = getattr(value, "__qualname__", None)
    return f"{value.__module__}.{qualname}" if qualname else repr(value)


def code_digest(render_settings: dict) -> str:
    """Digest of the code version and the render code, the render settings and every
    template file's bytes: what every page's bytes depend on besides its context."""
    digest = hashlib.sha256()
    digest.update(f"jendela {__version__} jinja2 {jinja2.__version__}\n".encode())
    # The code that turns a context into bytes; what makes the contexts is in the digest
    # of each page (its context itself).
    for module in ("render.py", "manifest.py"):
        digest.update(Path(__file__).with_name(module).read_bytes())
    for key in sorted(render_settings):
        if key in ("THEME", "THEME_TEMPLATES_OVERRIDES"):
            continue  # folders differ between machines; their files are read below
        value = render_settings[key]
        if isinstance(value, dict):
            value = sorted((k, _name(v)) for k, v in value.items())
        digest.update(f"{key}={value}\n".encode())
    folders = [*render_settings["THEME_TEMPLATES_OVERRIDES"]]
    folders.append(os.path.join(os.path.expanduser(render_settings["THEME"]), "templates"))
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")) if Path(folder).is_dir() else ():
            if path.is_file():
                digest.update(f"{path.relative_to(folder).as_posix()}\n".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def page_digest(base: str, site, page) -> str:
    """Digest of one page's inputs: ``base`` (``code_digest``), the site header, its context."""
    return hashlib.sha256(f"{base}\n{site!r}\n{page!r}".encode()).hexdigest()


def load(output: str) -> dict[str, str]:
    """The manifest of the site published in ``output``: digest by URL path ({} if none).

    Read once per process for as long as the file is unchanged (a worker reads it
    for its first shard only).
    """
    try:
        stat = os.stat(path_of(output))
    except FileNotFoundError:
        return {}
    return _load(str(path_of(output)), stat.st_mtime_ns, stat.st_size, stat.st_ino)


@lru_cache(maxsize=2)
def _load(path: str, *_identity: int) -> dict[str, str]:
    try:
        with open(path, encoding="utf-8") as file:
            data = json.load(file)
    except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
        return {}
    pages = data.get("pages") if isinstance(data, dict) else None
    return pages if isinstance(pages, dict) else {}


def write(output: str | os.PathLike, digests: dict[str, str]) -> None:
    """Write the manifest of the site just built in ``output``, sorted by path."""
    target = path_of(output)
    target.parent.mkdir(exist_ok=True)
    body = {"pages": dict(sorted(digests.items()))}
    target.write_text(json.dumps(body, indent=0, separators=(",", ":")) + "\n", "utf-8")
