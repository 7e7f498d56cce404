"""The committed golden site is exactly what the current code builds."""

from __future__ import annotations

from pathlib import Path

from golden_site import INPUT, OUTPUT, build_golden, write_golden_input


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_golden_input_is_the_base_fixture(tmp_path):
    assert tree(write_golden_input(tmp_path / "input")) == tree(INPUT)


def test_golden_build_matches(tmp_path):
    assert build_golden(tmp_path / "out") == 0
    built, committed = tree(tmp_path / "out"), tree(OUTPUT)
    assert sorted(built) == sorted(committed), "run `make update-golden` and review the diff"
    changed = [name for name in built if built[name] != committed[name]]
    assert changed == [], f"changed pages {changed}: run `make update-golden` and review the diff"
