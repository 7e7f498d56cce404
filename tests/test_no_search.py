"""`build --no-search` (for benchmarks): the same site without the Pagefind index."""

from __future__ import annotations

from conftest import build
from fixtures import base_tables, write_input


def test_no_search_writes_the_site_without_an_index(tmp_path, capsys):
    data = write_input(tmp_path / "input", base_tables())
    assert build(data, tmp_path / "with") == 0
    capsys.readouterr()
    assert build(data, tmp_path / "without", "--no-search") == 0
    said = capsys.readouterr().out
    assert "Indeks pencarian tidak dibuat (--no-search)" in said
    assert (tmp_path / "with/pagefind").is_dir()
    assert not (tmp_path / "without/pagefind").exists()
    with_files = {p.relative_to(tmp_path / "with") for p in (tmp_path / "with").rglob("*")}
    without = {p.relative_to(tmp_path / "without") for p in (tmp_path / "without").rglob("*")}
    assert without == {p for p in with_files if p.parts[0] != "pagefind"}
    for name in ("kasus/lu-001/index.html", "index.html", "data/kasus.csv"):
        assert (tmp_path / "without" / name).read_bytes() == (tmp_path / "with" / name).read_bytes()
