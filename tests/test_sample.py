"""The sample generator: deterministic, contract-conformant, plausible, free of personal data."""

from __future__ import annotations

import csv
import filecmp
import re
from pathlib import Path

import pandas as pd
import pytest

from generator import sample
from generator.pipeline import inspect
from generator.settings import validate

ROOT = Path(__file__).resolve().parent.parent
FILES = ("agencies.csv", "complaints.csv", "responses.csv", "areas.geojson")


def settings(folder: Path) -> dict:
    return validate({"TIMEZONE": "Asia/Jakarta", "DATA": str(folder)})


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sample") / "a"
    sample.write_sample(folder, cases=400, seed=7)
    return folder


def test_same_seed_gives_identical_files(small, tmp_path):
    sample.write_sample(tmp_path / "b", cases=400, seed=7)
    for name in FILES:
        assert filecmp.cmp(small / name, tmp_path / "b" / name, shallow=False), name


def test_other_seed_gives_other_reports(small, tmp_path):
    sample.write_sample(tmp_path / "c", cases=400, seed=8)
    assert (small / "complaints.csv").read_bytes() != (
        tmp_path / "c" / "complaints.csv"
    ).read_bytes()


def test_committed_sample_is_what_make_sample_writes(tmp_path):
    sample.write_sample(tmp_path / "s", cases=2000, seed=1)
    for name in FILES:
        assert filecmp.cmp(ROOT / "data/sample" / name, tmp_path / "s" / name, shallow=False), (
            f"data/sample/{name} is stale: run `make sample` and commit it"
        )


def test_sample_passes_check_without_a_single_finding(small):
    report = inspect(small, settings(small))
    assert report.problems == []
    counts = report.counts["complaints"]
    assert counts["total"] == 400 == counts["published"] + counts["counted_only"]


def test_bundled_sample_is_clean():
    report = inspect(ROOT / "data/sample", settings(ROOT / "data/sample"))
    assert report.problems == []  # also: no personal-data false alarm on 2,000 reports


def test_sample_looks_like_a_kabupaten(small):
    complaints = pd.read_csv(small / "complaints.csv", dtype=str, keep_default_na=False)
    agencies = pd.read_csv(small / "agencies.csv", dtype=str, keep_default_na=False)
    responses = pd.read_csv(small / "responses.csv", dtype=str, keep_default_na=False)
    assert 30 <= len(agencies) <= 40
    assert {"opd", "kecamatan", "bumd", "vertikal"} <= set(agencies["kind"])
    assert set(complaints["type"]) == {"pengaduan", "aspirasi", "permintaan_informasi"}
    share = complaints["privacy"].value_counts(normalize=True)
    assert 0.6 < share["publik"] < 0.8 and 0.17 < share["anonim"] < 0.33
    assert 0.02 < share["rahasia"] < 0.09
    assert {"belum", "proses", "selesai"} == set(complaints["status"])
    assert complaints["kecamatan"].replace("", pd.NA).dropna().nunique() >= 15
    assert set(responses["action"]) >= {
        "verifikasi",
        "disposisi",
        "tanggapan",
        "selesai",
        "komentar",
    }
    assert (responses["actor"] == "pelapor").any()
    rerouted = responses[responses["action"] == "disposisi"].groupby("tracking_id").size()
    assert (rerouted > 1).mean() > 0.05  # some reports reach a second agency
    assert complaints["rating"].replace("", pd.NA).dropna().astype(int).between(1, 5).all()


def test_sample_text_holds_nothing_like_personal_data(small):
    for name in ("complaints.csv", "responses.csv"):
        text = (small / name).read_text("utf-8")
        assert "@" not in text
        assert not re.search(r"\d{10,}", text)
        assert not re.search(r"(?<!\d)(\+62|62|0)8\d", text)


def test_sample_names_follow_the_schema():
    assert (sample.ADMIN, sample.INSTANSI, sample.PELAPOR) == ("admin", "instansi", "pelapor")
    assert (sample.DISPOSISI, sample.SELESAI, sample.KOMENTAR) == (
        "disposisi",
        "selesai",
        "komentar",
    )


def test_sample_csv_is_plain_utf8_with_header(small):
    raw = (small / "complaints.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    header = next(csv.reader([raw.decode("utf-8").splitlines()[0]]))
    assert header[:3] == ["tracking_id", "type", "title"]
