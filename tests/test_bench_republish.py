"""The benchmark's 1 % republish input (benchmarks/republish.py): valid, and changed as it says.

Only the input change and the file comparison are tested here; the benchmark's
timings are printed by `make bench`, never asserted.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from conftest import ROOT, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))

from republish import EDITED_TITLE, change_input, compare_trees

GOLDEN = ROOT / "tests" / "golden" / "input"


def rows(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return {row["tracking_id"]: row for row in csv.DictReader(f)}


def check_counts(folder: Path) -> dict:
    done = run_cli("check", str(folder), "--json")
    report = json.loads(done.stdout)
    assert report["ok"], report["problems"]
    return report["counts"]["complaints"]


def test_changed_input_is_valid_and_changes_what_it_reports(tmp_path):
    changed = tmp_path / "changed"
    changes = change_input(GOLDEN, changed, seed=1)
    before, after = rows(GOLDEN / "complaints.csv"), rows(changed / "complaints.csv")
    assert len(changes.edited) == len(changes.added) == len(changes.withdrawn) == 1
    assert not set(changes.edited) & set(changes.withdrawn)
    (edited,), (added,), (withdrawn,) = changes.edited, changes.added, changes.withdrawn
    assert after[edited]["title"] == before[edited]["title"] + EDITED_TITLE
    assert before[withdrawn]["privacy"] != "rahasia" == after[withdrawn]["privacy"]
    assert added not in before and after[added]["privacy"] == "publik"
    assert after[added]["status"] == "selesai"
    assert {k: v for k, v in after.items() if k not in (edited, added, withdrawn)} == {
        k: v for k, v in before.items() if k not in (edited, withdrawn)
    }
    assert (changed / "agencies.csv").read_bytes() == (GOLDEN / "agencies.csv").read_bytes()
    old, new = check_counts(GOLDEN), check_counts(changed)
    # One added and one withdrawn: as many published, one more report counted only.
    assert new["total"] == old["total"] + 1
    assert new["published"] == old["published"]
    assert new["counted_only"] == old["counted_only"] + 1


def test_compare_trees_finds_changed_missing_and_extra_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        (folder / "kasus" / "x").mkdir(parents=True)
        (folder / "index.html").write_text("same", encoding="utf-8")
    (a / "kasus" / "x" / "index.html").write_text("old", encoding="utf-8")
    (b / "kasus" / "x" / "index.html").write_text("new", encoding="utf-8")
    (a / "only-a.html").write_text("", encoding="utf-8")
    (b / "only-b.html").write_text("", encoding="utf-8")
    found = compare_trees(a, b)
    assert found.differing == ["kasus/x/index.html"]
    assert found.only_first == ["only-a.html"] and found.only_second == ["only-b.html"]
    assert found.differences == 3 and found.files == 3
    assert compare_trees(a, a).differences == 0
