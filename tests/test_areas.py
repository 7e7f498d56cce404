"""areas.geojson: checked like the tables, every problem at once, fatal to the build."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import build
from fixtures import base_tables, complaint, shared_geo, write_input

from generator.cli import main as cli_main
from generator.pipeline import inspect
from generator.settings import validate

REAL = json.loads(shared_geo().read_text("utf-8"))


def square(lon: float = 104.85, lat: float = -4.83, size: float = 0.01) -> dict:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


def feature(code: str | None = "18.03.02", name: str | None = "Kotabumi", geometry=None) -> dict:
    properties = {}
    if code is not None:
        properties["area_code"] = code
    if name is not None:
        properties["kecamatan"] = name
    return {"type": "Feature", "properties": properties, "geometry": geometry or square()}


def collection(*features: dict) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def problems_for(tmp_path: Path, areas, tables=None) -> list[str]:
    data = write_input(tmp_path / "input", tables or base_tables())
    text = areas if isinstance(areas, str) else json.dumps(areas)
    (data / "areas.geojson").write_text(text, "utf-8")
    report = inspect(data, validate({"TIMEZONE": "Asia/Jakarta", "DATA": str(data)}))
    return [str(p) for p in sorted(report.problems)]


def test_real_boundaries_of_lampung_utara_are_accepted(tmp_path):
    assert problems_for(tmp_path, REAL) == []


CASES = {
    "not-a-collection": (
        {"type": "Feature", "geometry": square(), "properties": {}},
        "areas.geojson: bukan GeoJSON FeatureCollection",
    ),
    "broken-json": ('{"type": "FeatureCollection", ', "areas.geojson: JSON rusak di baris 1"),
    "no-features": (collection(), "areas.geojson: features: FeatureCollection tanpa Feature"),
    "without-geometry": (
        collection({"type": "Feature", "properties": {"area_code": "18.03.02"}}),
        "areas.geojson:2: geometry: Feature tidak punya geometri",
    ),
    "point-geometry": (
        collection(feature(geometry={"type": "Point", "coordinates": [104.8, -4.8]})),
        "areas.geojson:2: geometry: geometri 'Point' tidak didukung",
    ),
    "without-both-properties": (
        collection(feature(code=None, name=None)),
        "areas.geojson:2: properties: Feature tidak punya properti area_code maupun kecamatan",
    ),
    "bad-area-code": (
        collection(feature(code="18-03-02")),
        "areas.geojson:2: area_code: '18-03-02' bukan kode wilayah Kemendagri",
    ),
    "lat-lon-swapped": (
        collection(feature(geometry={"type": "Polygon", "coordinates": [[[-4.8, 104.8]] * 4]})),
        "areas.geojson:2: geometry: titik [-4.8, 104.8] di luar batas peta "
        "(saran: GeoJSON menulis [bujur, lintang])",
    ),
    "not-a-feature": (collection([1, 2]), "areas.geojson:2: elemen features bukan GeoJSON Feature"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_kind_of_bad_areas_file_is_reported(tmp_path, case):
    areas, expected = CASES[case]
    found = problems_for(tmp_path, areas)
    assert any(p.startswith(expected) for p in found), found


def test_every_problem_is_reported_at_once_with_feature_rows(tmp_path):
    areas = collection(
        feature(),
        feature(code="18.03.02", name="Kotabumi Lagi"),
        feature(code="18.03.09", name="KOTABUMI"),
        {"type": "Feature", "properties": {"kecamatan": "Tanpa Bentuk"}, "geometry": None},
    )
    found = problems_for(tmp_path, areas)
    assert found == [
        "areas.geojson:3: area_code: '18.03.02' sudah dipakai di baris 2",
        "areas.geojson:4: kecamatan: 'kotabumi' sudah dipakai di baris 2",
        "areas.geojson:5: geometry: Feature tidak punya geometri",
    ]


def test_reports_of_areas_the_file_lacks_are_problems(tmp_path):
    tables = base_tables()
    tables["complaints"] += [
        complaint("LU-020", area_code="18.03.99"),
        complaint("LU-021", area_code="18.03.99"),
        complaint("LU-022", area_code="", kecamatan="Antah Berantah"),
        complaint("LU-023", area_code="", kecamatan="kotabumi"),  # joined by name: fine
    ]
    found = problems_for(tmp_path, collection(feature()), tables)
    assert found == [
        "areas.geojson: area_code: area_code '18.03.99' dari 2 laporan (complaints.csv baris "
        "6, 7) tidak ada di areas.geojson (saran: tambahkan wilayahnya, atau samakan kode/nama "
        "dengan complaints)",
        "areas.geojson: kecamatan: kecamatan 'antah berantah' dari 1 laporan (complaints.csv "
        "baris 8) tidak ada di areas.geojson (saran: tambahkan wilayahnya, atau samakan "
        "kode/nama dengan complaints)",
    ]


def test_check_lists_area_problems_as_json(tmp_path, capsys):
    data = write_input(tmp_path / "input", base_tables())
    (data / "areas.geojson").write_text(json.dumps(collection(feature(code="x"))), "utf-8")
    assert cli_main(["check", str(data), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert {"file": "areas.geojson", "row": 2, "column": "area_code"}.items() <= (
        out["problems"][0].items()
    )


@pytest.mark.parametrize("skip", [False, True], ids=["strict", "skip-invalid"])
def test_invalid_areas_file_fails_the_build_and_keeps_the_old_site(tmp_path, skip):
    data = write_input(tmp_path / "input", base_tables())
    broken = copy.deepcopy(REAL)
    del broken["features"][4]["geometry"]
    (data / "areas.geojson").write_text(json.dumps(broken), "utf-8")
    output = tmp_path / "out"
    output.mkdir()
    (output / "index.html").write_text("situs lama")
    extra = ("--skip-invalid",) if skip else ()
    assert build(data, output, *extra) == 1
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text() == "situs lama"
