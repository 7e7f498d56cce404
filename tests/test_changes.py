"""Releases and the changelog (issue 15): rilis.json, /data/perubahan/, its CSV and feed.

Three releases are published into one output: the first; one that rewrites two
answers and adds a case; one that makes a published case confidential. The
case must then be counted as withdrawn and named in no file, not even in the
history rows that named it when it changed.
"""

from __future__ import annotations

import copy
import gzip
import json
import logging
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import build
from fixtures import base_tables, complaint, event, write_input

from generator import changes, releases

OLD_ANSWER = "Jalan sudah ditambal."
NEW_ANSWER = "Jalan sudah ditambal & diaspal ulang <b>pekan ini</b>."
SECRET_ANSWER = "Lampu sudah diganti MINGGU-INI-RAHASIA."


def second_tables() -> dict[str, list[dict]]:
    """R2: LU-001's closing answer rewritten, LU-002's answer rewritten, LU-005 added."""
    tables = base_tables()
    for e in tables["responses"]:
        if e["tracking_id"] == "LU-001" and e["action"] == "selesai":
            e["text"] = NEW_ANSWER
        if e["tracking_id"] == "LU-002":
            e["text"] = SECRET_ANSWER
    tables["complaints"].append(complaint("LU-005", title="Saluran air tersumbat"))
    tables["responses"].append(
        event("LU-005", "2025-03-04T09:00:00", "instansi", "tanggapan", "dinas-pupr", "Dicek.")
    )
    return tables


def third_tables() -> dict[str, list[dict]]:
    """R3: LU-002 becomes confidential (rahasia)."""
    tables = second_tables()
    for c in tables["complaints"]:
        if c["tracking_id"] == "LU-002":
            c["privacy"] = "rahasia"
    return tables


def every_text(site: Path) -> dict[str, str]:
    """Every file's text (gzip files decompressed), by relative path."""
    found = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        found[path.relative_to(site).as_posix()] = data.decode("utf-8", errors="replace")
    return found


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def history(site: Path) -> list[dict[str, str]]:
    return releases.csv_rows((site / "data" / "perubahan.csv").read_bytes())


def page(site: Path, path: str = "data/perubahan") -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")


def rilis(site: Path) -> dict:
    return json.loads((site / "data" / "rilis.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Path]:
    """Snapshots of one output after each release, and a fresh build with --previous."""
    root = tmp_path_factory.mktemp("rilis")
    site = root / "public" / "output"
    found: dict[str, Path] = {}
    for name, tables in (("r1", base_tables()), ("r2", second_tables()), ("r3", third_tables())):
        data = write_input(root / f"input-{name}", tables)
        assert build(data, site) == 0
        found[name] = root / f"copy-{name}"
        shutil.copytree(site, found[name])
    data3 = root / "input-r3"
    assert build(data3, site) == 0  # the same input again
    found["r4"] = root / "copy-r4"
    shutil.copytree(site, found["r4"])
    assert build(data3, site) == 0
    found["r5"] = site
    # A fresh checkout: only a copy of the previous site's /data/ folder.
    previous = root / "kept-data"
    shutil.copytree(found["r1"] / "data", previous)
    found["fresh"] = root / "fresh" / "output"
    assert build(root / "input-r2", found["fresh"], "--previous", str(previous)) == 0
    return found


def test_first_release_says_so(runs):
    soup = page(runs["r1"])
    assert "Rilis pertama" in soup.select_one(".change-status").get_text()
    rows = history(runs["r1"])
    assert [r["change"] for r in rows] == [changes.FIRST]
    assert rows[0]["count"] == "2"  # LU-001 and LU-002 are published
    document = rilis(runs["r1"])
    assert document["previous"] is None
    assert sorted(document["cases"]) == ["lu-001", "lu-002"]
    assert document["counts"]["complaints"]["published"] == 2
    assert document["data_as_of"]


def test_rilis_json_lists_every_other_file_and_sha256sum_checks(runs):
    site = runs["r3"]
    listed = rilis(site)["files"]
    on_disk = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert set(listed) == on_disk - {"data/rilis.json", "data/rilis.sha256"}
    assert "pagefind/pagefind-entry.json" in listed or any(
        k.startswith("pagefind/") for k in listed
    )
    assert "sitemap.xml" in listed
    checked = subprocess.run(
        ["sha256sum", "-c", "--quiet", "data/rilis.sha256"], cwd=site, capture_output=True
    )
    assert checked.returncode == 0, checked.stdout
    (site / "robots.txt").write_text("diubah\n")  # a tampered copy fails the check
    try:
        tampered = subprocess.run(
            ["sha256sum", "-c", "--quiet", "data/rilis.sha256"],
            cwd=site,
            capture_output=True,
            text=True,
        )
        assert tampered.returncode != 0
        assert "robots.txt" in tampered.stdout
    finally:
        shutil.copy(runs["r4"] / "robots.txt", site / "robots.txt")


def test_second_release_lists_added_and_changed_answers(runs):
    site = runs["r2"]
    soup = page(site)
    status = soup.select_one(".change-status").get_text()
    assert "1 kasus baru, 2 kasus diubah, 0 kasus ditarik" in status
    entry = soup.select(".release-entry")[0]
    added = entry.select(".change-ditambahkan a")
    assert [a.get_text() for a in added] == ["LU-005"]
    answer = entry.select_one("#" + changes_anchor(site, "lu-001"))
    values = [dd.get_text() for dd in answer.select(".change-values dd")]
    assert values == [OLD_ANSWER, NEW_ANSWER]  # shown literally, markup as text
    assert answer.select_one("b") is None
    rows = [r for r in history(site) if r["change"] == changes.CHANGED]
    assert {(r["tracking_id"], r["field"], r["old"], r["new"]) for r in rows} == {
        ("LU-001", "tanggapan", OLD_ANSWER, NEW_ANSWER),
        ("LU-002", "tanggapan", "Lampu akan diganti.", SECRET_ANSWER),
    }
    assert rilis(site)["previous"] == rilis(runs["r1"])["id"]


def changes_anchor(site: Path, case: str) -> str:
    return f"rilis-{rilis(site)['short_id']}-{case}"


def test_changed_case_page_links_to_its_entry(runs):
    site = runs["r2"]
    note = page(site, "kasus/lu-001").select_one(".case-changed")
    assert rilis(site)["short_id"] in note.get_text()
    link = note.select_one("a")["href"]
    assert link.endswith("/data/perubahan/#" + changes_anchor(site, "lu-001"))
    assert page(site).select_one("#" + changes_anchor(site, "lu-001")) is not None
    assert page(site, "kasus/lu-005").select_one(".case-changed") is None  # added, not changed


def test_confidential_case_is_counted_never_named(runs):
    site = runs["r3"]
    status = page(site).select_one(".change-status").get_text()
    assert "1 kasus ditarik" in status
    rows = history(site)
    assert [r["count"] for r in rows if r["change"] == changes.WITHDRAWN] == ["1"]
    # R2's rows about LU-001 and LU-005 are kept; those naming LU-002 are gone.
    assert {r["tracking_id"] for r in rows} == {"", "LU-001", "LU-005"}
    assert "lu-002" not in rilis(site)["cases"]
    for name, text in every_text(site).items():
        for secret in ("LU-002", "lu-002", SECRET_ANSWER, "Lampu akan diganti", "Lampu jalan mati"):
            assert secret not in text, (name, secret)
    # The earlier release still shows its entry, minus the withdrawn case.
    entries = page(site).select(".release-entry")
    assert len(entries) == 3


def test_republishing_the_same_input_changes_nothing(runs):
    r4, r5 = runs["r4"], runs["r5"]
    assert "Tidak ada perubahan" in page(r4).select_one(".change-status").get_text()
    assert history(r4) == history(runs["r3"])  # no empty entry added
    assert rilis(r4)["id"] == rilis(runs["r3"])["id"]
    assert rilis(r4)["cases"] == rilis(runs["r3"])["cases"]
    assert tree(r4) == tree(r5)


def test_previous_folder_gives_the_same_changes(runs):
    fresh, in_place = runs["fresh"], runs["r2"]
    assert (fresh / "data" / "perubahan.csv").read_bytes() == (
        in_place / "data" / "perubahan.csv"
    ).read_bytes()
    assert rilis(fresh)["id"] == rilis(in_place)["id"]
    assert (
        page(fresh).select_one(".change-status").get_text()
        == page(in_place).select_one(".change-status").get_text()
    )


def test_feed_lists_each_release(runs):
    feed = feedparser.parse((runs["r3"] / "feeds" / "perubahan.atom.xml").read_bytes())
    assert not feed.bozo
    assert len(feed.entries) == 3
    assert "1 kasus ditarik" in feed.entries[0].summary
    assert "LU-001" in feed.entries[1].content[0].value
    assert NEW_ANSWER in feed.entries[1].content[0].value


def test_data_page_explains_how_to_verify(runs):
    section = page(runs["r1"], "data").select_one("#periksa").parent
    assert "sha256sum -c" in section.get_text()
    assert section.select_one('a[href$="/feeds/perubahan.atom.xml"]') is not None


def test_figure_moves_are_listed(tmp_path):
    site = tmp_path / "output"
    assert build(write_input(tmp_path / "a", base_tables()), site) == 0
    tables = copy.deepcopy(base_tables())
    tables["complaints"].append(complaint("LU-009", agency_id="dinas-pupr"))
    assert build(write_input(tmp_path / "b", tables), site) == 0
    rows = [r for r in history(site) if r["change"] == changes.FIGURE]
    received = [r for r in rows if r["agency_id"] == "dinas-pupr" and r["field"] == "received"]
    assert [(r["old"], r["new"]) for r in received] == [("3", "4")]
    assert page(site).select(".change-angka")


def test_output_that_is_no_release_is_ignored_with_a_warning(tmp_path, caplog):
    site = tmp_path / "output"
    site.mkdir()
    (site / "index.html").write_text("<p>situs lama</p>")
    with caplog.at_level(logging.WARNING):
        assert build(write_input(tmp_path / "a", base_tables()), site) == 0
    assert "bukan rilis situs ini" in caplog.text
    assert "Rilis pertama" in page(site).select_one(".change-status").get_text()


def test_named_previous_without_release_is_refused(tmp_path):
    empty = tmp_path / "kosong"
    empty.mkdir()
    data = write_input(tmp_path / "a", base_tables())
    assert build(data, tmp_path / "output", "--previous", str(empty)) == 2
    assert not (tmp_path / "output").exists()


def test_case_digest_is_canonical():
    case = {"tracking_id": "X", "title": "a", "body": "b", "url": "https://one.example"}
    moved = {"url": "https://two.example", "body": "b", "title": "a", "tracking_id": "X"}
    events = [{"at": "2025-01-01T00:00:00+07:00", "actor": "instansi", "text": "ok"}]
    assert releases.case_digest(case, events) == releases.case_digest(moved, events)
    assert releases.case_digest(case, events) != releases.case_digest(case, [])
    assert releases.case_digest(case, events) != releases.case_digest(
        {**case, "title": "b"}, events
    )


def test_history_drops_unpublished_cases_and_masks_personal_data(tmp_path):
    old = releases.Release("a" * 64, "2025-03-01T00:00:00+07:00", None, {}, {"lu-001": "b" * 64})
    rows = [
        changes._row(old, changes.CHANGED, tracking_id="LU-001", field="tanggapan")
        | {"old": "Hubungi 0812-3456-7890 ya", "new": "Sudah dihubungi."},
        changes._row(old, changes.ADDED, tracking_id="LU-777"),  # not published any more
        changes._row(old, changes.FIRST, count="5"),
    ]
    (tmp_path / "perubahan.csv").write_bytes(changes.history_csv(rows))
    previous = releases.Previous(tmp_path, old.id, old.id[:12], old.data_as_of, old.cases)
    new = releases.Release("c" * 64, "2025-03-02T00:00:00+07:00", old.id, {}, old.cases)
    comparison, found = changes.build_history(new, previous, [], [], [])
    assert comparison.nothing
    assert [r["tracking_id"] for r in found] == ["LU-001", ""]
    assert "0812" not in found[0]["old"] and "[disamarkan]" in found[0]["old"]
    assert found[0]["new"] == "Sudah dihubungi."
