"""Atomic publishing: build into a fresh folder, swap it in only on success.

A failed build leaves the previously published output exactly as it was
(CONTRACT §1.6): the new site is written beside it and renamed into place.
Staging folders that a killed build left behind are removed by the next one;
a lock on the parent folder keeps two builds of the same output apart, so
the folders removed can only be leftovers.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import PublishError

logger = logging.getLogger(__name__)


def _staging_prefixes(output: Path) -> tuple[str, str]:
    return f".{output.name}-baru-", f".{output.name}-lama-"


@contextmanager
def _locked(parent: Path, output: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``parent`` (a directory's own descriptor: no lock file)."""
    descriptor = os.open(parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise PublishError(
                f"Another build is writing {output} right now. Hint: wait for it to finish."
            ) from exc
        yield
    finally:
        os.close(descriptor)  # releases the lock


def remove_leftovers(output: Path) -> list[str]:
    """Remove staging folders of ``output`` left by builds that were killed; their names.

    Only call with the parent's lock held: then no other build is using them.
    """
    removed = []
    for entry in sorted(output.parent.iterdir()):
        ours = entry.name.startswith(_staging_prefixes(output))
        if ours and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry.name)
    if removed:
        logger.info("sisa build yang terputus dihapus: %s", ", ".join(removed))
    return removed


def _check_replaceable(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise PublishError(f"Output {output} exists and is not a folder. Hint: remove it.")
    if output.is_dir() and os.path.ismount(output):
        raise PublishError(
            f"Output {output} is a mount point, which cannot be replaced in one step. "
            "Hint: publish into a folder inside it (e.g. --output "
            f"{output / 'situs'}) and serve that folder."
        )


@contextmanager
def staged(output: Path) -> Iterator[Path]:
    """Yield an empty folder beside ``output``; on success it replaces ``output``.

    On any exception the staging folder is removed and ``output`` is untouched.
    A symlinked ``output`` is followed: the folder it points to is replaced and
    the link keeps pointing at the new site.
    """
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    _check_replaceable(output)
    with _locked(output.parent, output):
        remove_leftovers(output)
        new_prefix, old_prefix = _staging_prefixes(output)
        stage = Path(tempfile.mkdtemp(prefix=new_prefix, dir=output.parent))
        try:
            yield stage
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        stage.chmod(0o755)  # mkdtemp makes it private; a web server must read it
        old = None
        try:
            if output.exists():
                old = Path(tempfile.mkdtemp(prefix=old_prefix, dir=output.parent))
                output.rename(old / output.name)
            stage.rename(output)
        except OSError as exc:
            if old is not None:
                if not output.exists():
                    (old / output.name).rename(output)  # put the previous site back
                shutil.rmtree(old, ignore_errors=True)
            shutil.rmtree(stage, ignore_errors=True)
            hint = (
                " Hint: the output and its parent folder must be on one file system."
                if exc.errno in (errno.EXDEV, errno.EBUSY)
                else ""
            )
            raise PublishError(f"Could not replace {output}: {exc.strerror}.{hint}") from exc
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
