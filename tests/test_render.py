"""Rendering in shards: the same bytes whatever renders them (WORKERS, a Dask cluster)."""

from __future__ import annotations

import logging
import re
import shutil

import pytest
from conftest import build
from fixtures import base_tables, complaint, write_input
from test_publish import tree
from test_settings import settings_file

from generator import render
from generator.progress import Progress


def built(tmp_path, data, name: str, extra: str = "") -> dict[str, bytes]:
    folder = tmp_path / name
    folder.mkdir()
    conf = settings_file(folder, extra)
    assert build(data, folder / "output", settings=str(conf)) == 0
    return tree(folder / "output")


def assert_same(first: dict[str, bytes], second: dict[str, bytes]) -> None:
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


@pytest.fixture
def small_shards(monkeypatch):
    """Four pages a shard: the small input becomes several shards, as a big one would."""
    monkeypatch.setattr(render, "SHARD_PAGES", 4)


def test_one_or_two_workers_write_the_same_bytes(tmp_path, small_shards, caplog):
    caplog.set_level(logging.INFO, logger="generator")
    data = write_input(tmp_path / "input", base_tables())
    one = built(tmp_path, data, "one", "WORKERS = 1")
    assert any("oleh 1 pekerja" in r.getMessage() for r in caplog.records)
    caplog.clear()
    two = built(tmp_path, data, "two", "WORKERS = 2")
    assert any("oleh 2 pekerja" in r.getMessage() for r in caplog.records)
    assert len([p for p in one if p.endswith("index.html")]) > 2 * render.SHARD_PAGES
    assert_same(one, two)


def test_a_dask_cluster_writes_the_same_bytes(tmp_path, small_shards, monkeypatch, caplog):
    distributed = pytest.importorskip("dask.distributed")
    data = write_input(tmp_path / "input", base_tables())
    here = built(tmp_path, data, "here", "WORKERS = 1")
    caplog.set_level(logging.INFO, logger="generator")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        monkeypatch.setenv("DASK_SCHEDULER", cluster.scheduler_address)
        on_cluster = built(tmp_path, data, "cluster")
    assert any("klaster Dask" in r.getMessage() for r in caplog.records)
    assert_same(here, on_cluster)


def test_a_failing_worker_fails_the_build(tmp_path, small_shards):
    data = write_input(tmp_path / "input", base_tables())
    folder = tmp_path / "broken"
    folder.mkdir()
    # A template that does not exist: every worker's first page raises, in the worker.
    conf = settings_file(folder, "WORKERS = 2\nTHEME_TEMPLATES_OVERRIDES = []")
    theme = folder / "theme" / "templates"
    theme.mkdir(parents=True)
    (theme / "case.html").write_text("{% if %}", "utf-8")
    text = conf.read_text("utf-8").replace("THEME_TEMPLATES_OVERRIDES = []", "")
    conf.write_text(text + f"THEME_TEMPLATES_OVERRIDES = [{str(theme)!r}]\n", "utf-8")
    assert build(data, folder / "output", settings=str(conf)) == 1
    assert not (folder / "output").exists()


def test_progress_logs_every_tenth_without_a_terminal(caplog):
    caplog.set_level(logging.INFO, logger="generator.progress")
    progress = Progress(100, "halaman", terminal=False)
    for _ in range(20):
        progress.advance(5)
    progress.close()
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 10
    assert lines[-1].startswith("halaman: 100 dari 100 (100%)")


def test_republish_links_unchanged_pages_and_equals_a_clean_build(tmp_path, small_shards, caplog):
    def tables(edited: bool) -> dict[str, list[dict]]:
        data = base_tables()
        data["complaints"] += [complaint(f"LU-1{n:02d}", title=f"Kasus {n}") for n in range(12)]
        if edited:
            data["complaints"][-1]["title"] = "Judul yang diubah"  # changed
            data["complaints"][-2]["privacy"] = "rahasia"  # withdrawn
            data["complaints"].append(complaint("LU-200", title="Kasus baru"))  # added
        return data

    folder = tmp_path / "conf"
    folder.mkdir()
    # A fixed "as of" date: every page's footer shows it, so a new latest report would
    # otherwise (rightly) change every page.
    conf = str(settings_file(folder, 'AS_OF = "2025-12-31"\nWORKERS = 2'))
    site, clean = tmp_path / "site", tmp_path / "clean"
    assert build(write_input(tmp_path / "before", tables(False)), site, settings=conf) == 0
    caplog.set_level(logging.INFO, logger="generator")
    # The republish compares itself with the release it replaces (/data/perubahan/): the
    # clean build is given a copy of that release, so both know the same history.
    previous = tmp_path / "previous"
    shutil.copytree(site / "data", previous)
    after = write_input(tmp_path / "after", tables(True))
    assert build(after, site, settings=conf) == 0
    summary = next(r.getMessage() for r in caplog.records if "tidak berubah" in r.getMessage())
    rendered, unchanged = (int(n) for n in re.findall(r"\((\d+) dirender, (\d+) tidak", summary)[0])
    assert rendered > 0 and unchanged > 0
    assert not (site / "kasus" / "lu-110").exists()
    other = tmp_path / "conf-clean"
    other.mkdir()
    clean_conf = settings_file(
        other, f'AS_OF = "2025-12-31"\nWORKERS = 2\nPREVIOUS_RELEASE = "{previous}"'
    )
    assert build(after, clean, settings=str(clean_conf)) == 0
    assert_same(tree(site), tree(clean))
    assert "lu-110" not in (site / ".jendela" / "manifest.json").read_text("utf-8")
