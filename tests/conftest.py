"""Shared fixtures: build a site from a small input folder made in code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fixtures import base_tables, complaint, event, write_input  # noqa: E402

from generator.cli import main as cli_main  # noqa: E402

PYTHON = ROOT / ".venv" / "bin" / "python"


def run_cli(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run ``python -m generator ARGS`` as the Makefile does, in a child process."""
    return subprocess.run(
        [str(PYTHON), "-m", "generator", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def build(data: Path, output: Path, *extra: str, settings: str = "pelicanconf.py") -> int:
    """Run the real build command in-process; returns its exit code."""
    return cli_main(
        [
            "-q",
            "build",
            "--settings",
            str(ROOT / settings),
            "--data",
            str(data),
            "--output",
            str(output),
            *extra,
        ]
    )


@pytest.fixture(scope="session")
def base_site(tmp_path_factory) -> Path:
    """The site built from ``fixtures.base_tables()``."""
    folder = tmp_path_factory.mktemp("base")
    data = write_input(folder / "input", base_tables())
    assert build(data, folder / "output") == 0
    return folder / "output"


@pytest.fixture(scope="session")
def attack_site(tmp_path_factory) -> Path:
    """The hostile input (``hostile.py``) and its hostile Markdown page, built for real."""
    from hostile import hostile_tables, write_content
    from test_settings import settings_file

    folder = tmp_path_factory.mktemp("attack")
    data = write_input(folder / "input", hostile_tables())
    content = write_content(folder / "content")
    conf = settings_file(folder, f'PATH = "{content}"')
    assert build(data, folder / "output", settings=str(conf)) == 0
    return folder / "output"


SITEURL = "https://aduan.example.go.id"
HOSTILE_TITLE = '=HYPERLINK("http://contoh.invalid","klik") <script>alert(1)</script>'


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The bundled sample (2,000 reports) built with an absolute SITEURL."""
    folder = tmp_path_factory.mktemp("sample")
    from test_settings import settings_file

    conf = settings_file(folder, f"SITEURL = {SITEURL!r}")
    assert build(ROOT / "data" / "sample", folder / "out", settings=str(conf)) == 0
    return folder / "out"


@pytest.fixture(scope="session")
def all_public_site(tmp_path_factory) -> Path:
    """Dinas PUPR's reports all published (LU-003 made public): files alone must agree."""
    folder = tmp_path_factory.mktemp("public")
    tables = base_tables()
    tables["complaints"][2] = complaint("LU-003", title="Pungutan di kantor")
    tables["complaints"].append(
        complaint("LU-005", title=HOSTILE_TITLE, body="Ada karakter\x0bkendali.", rating="")
    )
    tables["responses"].append(
        event("LU-005", "2025-03-04T09:00:00", "instansi", "tanggapan", "dinas-pupr", "Oke.")
    )
    data = write_input(folder / "input", tables)
    assert build(data, folder / "out") == 0
    return folder / "out"
