"""Rendering in shards: the same bytes whatever renders them (WORKERS, a Dask cluster)."""

from __future__ import annotations

import logging

import pytest
from conftest import build
from fixtures import base_tables, write_input
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
