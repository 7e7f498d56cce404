"""The documentation that is generated or quoted stays true."""

from __future__ import annotations

from pathlib import Path

from generator.docs import input_format, open_data, settings_reference

ROOT = Path(__file__).resolve().parent.parent


def test_input_format_doc_is_current():
    committed = (ROOT / "docs" / "input-format.md").read_text("utf-8")
    assert committed == input_format(), "run `python -m generator docs` and commit the result"


def test_settings_doc_is_current():
    committed = (ROOT / "docs" / "settings.md").read_text("utf-8")
    assert committed == settings_reference(), "run `python -m generator docs` and commit it"


def test_open_data_doc_is_current():
    committed = (ROOT / "docs" / "open-data.md").read_text("utf-8")
    assert committed == open_data(), "run `python -m generator docs` and commit it"


def test_readme_opens_with_the_two_commands():
    first_screen = "\n".join((ROOT / "README.md").read_text("utf-8").splitlines()[:25])
    assert "make publish" in first_screen
    assert "make test" in first_screen


def test_makefile_has_the_documented_targets():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    targets = {
        line.split(":")[0]
        for line in makefile.splitlines()
        if ": " in line and not line.startswith(("\t", "#", " ")) and "=" not in line.split(":")[0]
    }
    assert {
        "help",
        "html",
        "serve",
        "devserver",
        "publish",
        "clean",
        "check",
        "test",
        "lint",
        "sample",
        "bench",
    } <= targets
    assert makefile.index("help:") < makefile.index("html:")


def test_readme_check_commands_work_on_the_sample():
    """`make check DATA=…` and `python -m generator check DIR --json`, as the README shows."""
    import json
    import subprocess

    made = subprocess.run(
        ["make", "-s", "check", "DATA=data/sample"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    assert "laporan: 2000 baris = " in made.stdout
    python = ROOT / ".venv" / "bin" / "python"
    checked = subprocess.run(
        [str(python), "-m", "generator", "check", "data/sample", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    result = json.loads(checked.stdout)
    assert checked.returncode == 0 and result["ok"] is True and result["problems"] == []
    counts = result["counts"]["complaints"]
    assert counts["total"] == counts["published"] + counts["counted_only"] + counts["rejected"]
