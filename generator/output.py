"""Atomic publishing: build into a fresh folder, swap it in only on success.

A failed build leaves the previously published output exactly as it was
(CONTRACT §1.6): the new site is written beside it and renamed into place.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staged(output: Path) -> Iterator[Path]:
    """Yield an empty folder beside ``output``; on success it replaces ``output``.

    On any exception the staging folder is removed and ``output`` is untouched.
    """
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{output.name}-baru-", dir=output.parent))
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    stage.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}-lama-", dir=output.parent))
        output.rename(old / output.name)
    stage.rename(output)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
