"""The golden build: a tiny input and the exact site it builds, both committed.

Reviewers read a change's effect on real pages in ``git diff tests/golden/output``.
``make update-golden`` (this file run as a script) rebuilds the committed output;
``test_golden_build_matches`` fails until that is done and committed.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
INPUT, OUTPUT = GOLDEN / "input", GOLDEN / "output"

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def write_golden_input(folder: Path) -> Path:
    """The base fixture, written as the committed input."""
    from fixtures import base_tables, write_input

    if folder.exists():
        shutil.rmtree(folder)
    return write_input(folder, base_tables())


def build_golden(output: Path) -> int:
    """Build the golden input into ``output``, without /theme/vendor/.

    Leaflet's files are npm's (pinned by package-lock.json), not ours to review,
    and not to be committed: they are left out of the golden output.
    """
    from generator.cli import main

    code = main(
        [
            "-q",
            "build",
            "--settings",
            str(ROOT / "pelicanconf.py"),
            "--data",
            str(INPUT),
            "--output",
            str(output),
        ]
    )
    shutil.rmtree(output / "theme" / "vendor", ignore_errors=True)
    return code


if __name__ == "__main__":
    write_golden_input(INPUT)
    # A fresh folder: building over the committed output would compare with it as the
    # previous release (/data/perubahan/ would say "Tidak ada perubahan").
    shutil.rmtree(OUTPUT, ignore_errors=True)
    sys.exit(build_golden(OUTPUT))
