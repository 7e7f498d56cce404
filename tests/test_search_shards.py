"""The search index in shards: stable membership, identical bytes, reuse on republish.

What a browser sees of several shards searched as one is in test_search_browser.py.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from conftest import build
from fixtures import base_tables, complaint, write_input
from test_settings import settings_file

from generator import search

PER_SHARD = 5


def many_cases() -> dict:
    """The base tables plus 21 closed cases: 12 closed in 2024, 11 in 2025 (with LU-001/2)."""
    tables = base_tables()
    for i in range(21):
        year = 2024 if i < 12 else 2025
        tables["complaints"].append(
            complaint(
                f"SH-{i:03d}",
                title=f"Lampu taman padam nomor {i}",
                body=f"Lampu taman nomor {i} di dekat pasar padam sejak minggu lalu.",
                submitted_at=f"{year}-{i % 12 + 1:02d}-02T09:00:00",
                closed_at=f"{year}-{i % 12 + 1:02d}-{i % 20 + 5:02d}T10:00:00",
            )
        )
    return tables


def build_sharded(tmp_path: Path, tables: dict, output: Path, extra: str = "") -> Path:
    data = write_input(tmp_path / "input", tables)
    conf = settings_file(tmp_path, f"SEARCH_SHARD_CASES = {PER_SHARD}\n{extra}")
    assert build(data, output, settings=str(conf)) == 0
    return output


def manifest(output: Path) -> dict:
    return json.loads((output / "pagefind" / "shards.json").read_text("utf-8"))


def shard_urls(output: Path, name: str) -> list[str]:
    urls = []
    for path in sorted((output / "pagefind" / name / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes()).removeprefix(search.SIGNATURE)
        urls.append(json.loads(raw)["url"])
    return sorted(urls)


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# -- planning ------------------------------------------------------------------------


def page(year: int, closed: int, slug: str) -> tuple[int, int, str, bytes]:
    return (year, closed, slug, slug.encode().ljust(32, b"."))


def test_shards_are_runs_of_closing_order_within_a_closing_year():
    pages = [page(2024, 100 + i, f"a-{i}") for i in range(7)] + [page(2025, 900, "b-0")]
    shards = search.plan(pages, 3)
    assert [(s.name, s.slugs) for s in shards] == [
        ("2024-001", ("a-0", "a-1", "a-2")),
        ("2024-002", ("a-3", "a-4", "a-5")),
        ("2024-003", ("a-6",)),
        ("2025-001", ("b-0",)),
    ]
    assert search.plan(list(reversed(pages)), 3) == shards  # the order read does not matter


def test_a_newly_closed_case_changes_one_shard_and_an_edit_changes_its_own():
    pages = [page(2024, 100 + i, f"a-{i}") for i in range(7)] + [page(2025, 900, "b-0")]
    before = {s.name: s for s in search.plan(pages, 3)}
    added = {s.name: s for s in search.plan([*pages, page(2024, 999, "a-new")], 3)}
    changed = sorted(n for n in added if n not in before or added[n] != before[n])
    assert changed == ["2024-003"] and added["2024-003"].slugs == ("a-6", "a-new")
    edited = [p if p[2] != "a-4" else (*p[:3], b"x" * 32) for p in pages]
    after = {s.name: s for s in search.plan(edited, 3)}
    assert [n for n in after if after[n].digest != before[n].digest] == ["2024-002"]
    assert all(after[n].slugs == before[n].slugs for n in after)


def test_only_the_indexed_part_of_a_page_counts():
    article = b'<article class="case" data-pagefind-body><h1>Judul</h1></article>'
    old = b"<html><body>" + article + b"<footer>Data per 1 Mei</footer></body></html>"
    new = b"<html><body>" + article + b"<footer>Data per 2 Mei</footer></body></html>"
    assert search.indexed_part(old) == search.indexed_part(new) == article
    edited = old.replace(b"Judul", b"Judul baru")
    assert search.indexed_part(edited) != search.indexed_part(old)
    outside = old.replace(b"<footer>", b'<footer data-pagefind-meta="x:1">')
    assert search.indexed_part(outside) == outside  # read whole: it would be indexed


# -- building ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sharded(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sharded")
    return build_sharded(folder, many_cases(), folder / "output")


def test_every_case_is_in_exactly_one_shard_of_at_most_the_setting(sharded):
    shards = manifest(sharded)["shards"]
    assert [s["name"] for s in shards] == [
        "2024-001",
        "2024-002",
        "2024-003",
        "2025-001",
        "2025-002",
        "2025-003",
    ]
    assert all(1 <= s["cases"] <= PER_SHARD for s in shards)
    urls = [url for s in shards for url in shard_urls(sharded, s["name"])]
    published = sorted(f"/{p.parent.relative_to(sharded)}/" for p in sharded.glob("kasus/*/*.html"))
    assert sorted(urls) == published and len(urls) == len(set(urls)) == 23
    for s in shards:
        assert (sharded / "pagefind" / s["name"] / "pagefind.js").is_file()
    assert sorted(p.name for p in (sharded / "pagefind").iterdir()) == [
        *(s["name"] for s in shards),
        "shards.json",
    ]


def test_same_input_gives_identical_bytes_in_every_shard(sharded, tmp_path):
    again = build_sharded(tmp_path, many_cases(), tmp_path / "again")
    first, second = files(sharded / "pagefind"), files(again / "pagefind")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def inodes(output: Path, shard: str) -> dict[str, int]:
    folder = output / "pagefind" / shard
    return {str(p.relative_to(folder)): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def test_a_republish_indexes_only_the_shards_whose_cases_changed(tmp_path, capsys):
    out = tmp_path / "out"
    build_sharded(tmp_path, many_cases(), out)
    names = [s["name"] for s in manifest(out)["shards"]]
    before = {name: inodes(out, name) for name in names}
    capsys.readouterr()
    # Another 'as of' date changes every page's footer, not what is indexed: all reused.
    build_sharded(tmp_path, many_cases(), out, 'AS_OF = "2026-01-05"')
    assert "6 bagian, 6 di antaranya tidak berubah" in capsys.readouterr().out
    assert {name: inodes(out, name) for name in names} == before  # hard links, not copies
    # One case's text edited: its shard alone is indexed again.
    tables = many_cases()
    edited = next(c for c in tables["complaints"] if c["tracking_id"] == "SH-013")
    edited["body"] = "Lampu taman padam, kabelnya dicuri orang."
    previous = tmp_path / "previous"  # the release this republish replaces, for the fresh build
    shutil.copytree(out / "data", previous)
    build_sharded(tmp_path, tables, out)
    assert "6 bagian, 5 di antaranya tidak berubah" in capsys.readouterr().out
    after = {name: inodes(out, name) for name in names}
    changed = [name for name in names if after[name] != before[name]]
    assert changed == ["2025-001"]
    assert "/kasus/sh-013/" in shard_urls(out, "2025-001")
    # The result is what a build from nothing makes.
    # (given the same previous release: a changed case's page says so, as it does here).
    fresh = build_sharded(
        tmp_path / "fresh", tables, tmp_path / "fresh-out", f'PREVIOUS_RELEASE = "{previous}"'
    )
    assert files(out / "pagefind") == files(fresh / "pagefind")


def test_a_shard_setting_below_one_is_refused(tmp_path):
    from generator.cli import load_settings
    from generator.errors import ConfigError

    with pytest.raises(ConfigError, match="SEARCH_SHARD_CASES"):
        load_settings(settings_file(tmp_path, "SEARCH_SHARD_CASES = 0"))
