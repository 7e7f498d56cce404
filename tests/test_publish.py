"""Publishing is atomic and reproducible.

A build that fails for any reason — bad input, personal data, a template
error, a write failing half-way — leaves the previous output exactly as it was
(every file's bytes and mtime) and no staging folder behind. The same input and
code build byte-identical trees, also under another PYTHONHASHSEED.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import jinja2
import pytest
from conftest import build
from fixtures import base_tables, write_input

from generator import output, render
from generator.errors import PublishError

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file and folder under ``folder``: content hash and mtime."""
    state = {}
    for path in sorted(folder.rglob("*")):
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        state[str(path.relative_to(folder))] = (digest, stat.st_mtime_ns)
    return state


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def published(tmp_path) -> tuple[Path, Path]:
    """A good input, a site built from it, and the site's folder."""
    data = write_input(tmp_path / "input", base_tables())
    site = tmp_path / "public" / "output"
    assert build(data, site) == 0
    return data, site


def break_input(data: Path) -> None:
    tables = base_tables()
    tables["complaints"][1]["rating"] = "9"
    write_input(data, tables)


def add_phone(data: Path) -> None:
    tables = base_tables()
    tables["complaints"][0]["body"] = "Hubungi 0812-3456-7890"
    write_input(data, tables)


def fail_template(monkeypatch) -> None:
    # In this process (WORKERS = 1), so the patched function is the one that runs.
    monkeypatch.setattr(render, "worker_count", lambda settings: 1)

    def write_shard(shard, settings, output_path):
        raise jinja2.TemplateSyntaxError("unexpected '}'", 1, "case.html")

    monkeypatch.setattr(render, "write_shard", write_shard)


def fail_halfway(monkeypatch) -> None:
    monkeypatch.setattr(render, "worker_count", lambda settings: 1)
    written = []
    real = render.write_shard

    def write_shard(shard, settings, output_path):
        if written:  # the first shard is written, the second finds the disk full
            raise OSError(28, "No space left on device")
        written.append(real(shard, settings, output_path))
        return written[-1]

    monkeypatch.setattr(render, "write_shard", write_shard)


FAILURES = {
    "bad-input": lambda data, monkeypatch: break_input(data),
    "personal-data": lambda data, monkeypatch: add_phone(data),
    "template-error": lambda data, monkeypatch: fail_template(monkeypatch),
    "disk-full-halfway": lambda data, monkeypatch: fail_halfway(monkeypatch),
}


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_failed_build_leaves_the_previous_site_exactly(published, monkeypatch, failure, capsys):
    data, site = published
    before, siblings = snapshot(site), sorted(p.name for p in site.parent.iterdir())
    FAILURES[failure](data, monkeypatch)
    assert build(data, site) == 1
    assert snapshot(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == siblings  # no staging left
    assert f"Keluaran sebelumnya di {site} tidak diubah." in capsys.readouterr().err


def test_leftovers_of_a_killed_build_are_removed(published):
    data, site = published
    stale = [site.parent / ".output-baru-x1y2", site.parent / ".output-lama-z3"]
    for folder in stale:
        (folder / "kasus").mkdir(parents=True)
        (folder / "kasus" / "index.html").write_text("setengah jadi", "utf-8")
    other = site.parent / ".lain-baru-abc"  # not this output's: left alone
    other.mkdir()
    assert build(data, site) == 0
    assert sorted(p.name for p in site.parent.iterdir()) == [".lain-baru-abc", "output"]


def test_a_second_build_of_the_same_output_is_refused_while_one_runs(published):
    _, site = published
    with (
        output.staged(site),
        pytest.raises(PublishError, match="Another build"),
        output.staged(site),
    ):
        pass


def test_symlinked_output_keeps_pointing_at_the_new_site(published, tmp_path):
    data, site = published
    link = tmp_path / "link"
    link.symlink_to(site, target_is_directory=True)
    (site / "lama.txt").write_text("situs lama", "utf-8")
    assert build(data, link) == 0
    assert link.is_symlink() and not (link / "lama.txt").exists()
    assert (link / "index.html").is_file()


def test_mount_point_output_is_refused_clearly(published, monkeypatch, capsys):
    data, site = published
    before = snapshot(site)
    monkeypatch.setattr(output.os.path, "ismount", lambda path: Path(path) == site)
    assert build(data, site) == 2
    err = capsys.readouterr().err
    assert "is a mount point" in err and "Hint: publish into a folder inside it" in err
    assert snapshot(site) == before


def test_failed_swap_puts_the_previous_site_back(published, monkeypatch, capsys):
    data, site = published
    before = snapshot(site)
    real_rename = Path.rename

    def rename(self, target):
        if self.name.startswith(".output-baru-"):
            raise OSError(18, "Invalid cross-device link")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    assert build(data, site) == 2
    assert "one file system" in capsys.readouterr().err
    assert snapshot(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["output"]


# --- Reproducible --------------------------------------------------------------------------


def test_two_builds_are_byte_identical(tmp_path, attack_site):
    """The whole tree, hostile text included, built again into another folder."""
    from hostile import hostile_tables, write_content
    from test_settings import settings_file

    data = write_input(tmp_path / "input", hostile_tables())
    content = write_content(tmp_path / "content")
    conf = settings_file(tmp_path, f'PATH = "{content}"')
    assert build(data, tmp_path / "again", settings=str(conf)) == 0
    first, second = tree(attack_site), tree(tmp_path / "again")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_build_under_another_hash_seed_is_byte_identical(tmp_path, base_site):
    data = write_input(tmp_path / "input", base_tables())
    env = {**os.environ, "PYTHONHASHSEED": "12345", "SOURCE_DATE_EPOCH": "0"}
    result = subprocess.run(
        [str(PYTHON), "-m", "generator", "-q", "build", "--data", str(data), "--output",
         str(tmp_path / "seeded")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    first, second = tree(base_site), tree(tmp_path / "seeded")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
