"""The optional ``areas.geojson``: kecamatan polygons for the map (load and validate).

One small input of a different shape from the tables, so it is read and checked
here rather than in ``loaders``/``validators``, but the same way: every problem
is collected as ``FILE:ROW: COLUMN: message`` (ROW = the feature's position + 1,
as for JSON tables; 0 for the whole file) into the same problem list that
``check`` prints. Every problem is fatal: a map of wrongly joined areas would
mislead, so a bad areas file fails the build even with SKIP_INVALID.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .errors import Problem
from .loaders import decode
from .schema import AREA_CODE_PATTERN, AREA_GEOMETRIES, AREAS

FILE_NAME = "areas.geojson"
_MAX_NAME = AREAS.column("kecamatan").max_length
_SHOWN_ROWS = 3  # rows of complaints quoted for an unknown area


@dataclass(frozen=True)
class Area:
    """One kecamatan polygon, as checked."""

    row: int  # feature position + 1
    code: str  # Kemendagri code as written; '' when none
    name: str  # kecamatan name as written; '' when none
    geometry: dict  # a GeoJSON Polygon or MultiPolygon

    @property
    def label(self) -> str:
        return self.name or self.code


def find(folder: Path) -> Path | None:
    """The areas file of an input folder (name matched case-insensitively), if any."""
    if not folder.is_dir():
        return None
    return next((p for p in sorted(folder.iterdir()) if p.name.lower() == FILE_NAME), None)


def _problem(file: str, row: int, column: str, message: str, hint: str | None = None) -> Problem:
    return Problem(file, row, column, message, hint=hint, fatal=True)


def positions(geometry: dict) -> Iterator[object]:
    """Every position of a Polygon/MultiPolygon, whatever its nesting holds."""
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    for polygon in polygons if isinstance(polygons, list) else [None]:
        for ring in polygon if isinstance(polygon, list) else [None]:
            if not isinstance(ring, list) or len(ring) < 4:
                yield None  # a ring needs at least four positions (closed)
                continue
            yield from ring


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _check_geometry(file: str, row: int, geometry: object, bounds: tuple) -> list[Problem]:
    if not isinstance(geometry, dict):
        return [_problem(file, row, "geometry", "Feature tidak punya geometri")]
    kind = geometry.get("type")
    if kind not in AREA_GEOMETRIES:
        return [
            _problem(
                file,
                row,
                "geometry",
                f"geometri {str(kind)[:40]!r} tidak didukung; harus Polygon atau MultiPolygon",
            )
        ]
    lat_min, lat_max, lon_min, lon_max = bounds
    for position in positions(geometry):
        if not (isinstance(position, list) and len(position) >= 2 and all(map(_number, position))):
            return [_problem(file, row, "geometry", f"koordinat {kind} tidak sah")]
        lon, lat = position[0], position[1]
        if not (lat_min <= lat <= lat_max and lon_min <= lon <= lon_max):
            swapped = lat_min <= lon <= lat_max and lon_min <= lat <= lon_max
            hint = "GeoJSON menulis [bujur, lintang]" if swapped else "MAP_BOUNDS"
            return [
                _problem(file, row, "geometry", f"titik [{lon}, {lat}] di luar batas peta", hint)
            ]
    return []


def _text(properties: dict, name: str) -> str:
    value = properties.get(name)
    return value.strip() if isinstance(value, str) else ""


def _check_feature(file: str, row: int, feature: object, bounds: tuple) -> tuple[Area | None, list]:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return None, [_problem(file, row, "", "elemen features bukan GeoJSON Feature")]
    problems = _check_geometry(file, row, feature.get("geometry"), bounds)
    properties = feature.get("properties")
    properties = properties if isinstance(properties, dict) else {}
    for name in ("area_code", "kecamatan"):
        value = properties.get(name)
        if value is not None and not isinstance(value, str):
            problems.append(_problem(file, row, name, "harus berupa teks"))
    code, name = _text(properties, "area_code"), _text(properties, "kecamatan")
    if not code and not name:
        problems.append(
            _problem(
                file,
                row,
                "properties",
                "Feature tidak punya properti area_code maupun kecamatan",
                "isi paling tidak salah satunya",
            )
        )
    if code and not AREA_CODE_PATTERN.fullmatch(code):
        problems.append(
            _problem(file, row, "area_code", f"{code[:40]!r} bukan kode wilayah Kemendagri")
        )
    if len(name) > _MAX_NAME:
        problems.append(_problem(file, row, "kecamatan", f"terlalu panjang (> {_MAX_NAME})"))
    if problems:
        return None, problems
    return Area(row, code, name, feature["geometry"]), []


def _read(path: Path) -> tuple[object, list[Problem]]:
    text, _, problems = decode(path.read_bytes(), path.name)
    if text is None:
        return None, problems
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        message = f"JSON rusak di baris {exc.lineno} kolom {exc.colno}: {exc.msg}"
        return None, [_problem(path.name, 0, "", message)]


def load_areas(path: Path, bounds: tuple) -> tuple[tuple[Area, ...], list[Problem]]:
    """Every well-formed area of the file, and every problem of the file and its features."""
    data, problems = _read(path)
    file = path.name
    if problems:
        return (), problems
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        hint = '{"type": "FeatureCollection", "features": [...]}'
        return (), [_problem(file, 0, "", "bukan GeoJSON FeatureCollection", hint)]
    features = data.get("features")
    if not isinstance(features, list) or not features:
        return (), [_problem(file, 0, "features", "FeatureCollection tanpa Feature")]
    areas: list[Area] = []
    for row, feature in enumerate(features, start=2):
        area, found = _check_feature(file, row, feature, bounds)
        problems += found
        if area is not None:
            areas.append(area)
    for column, key in (("area_code", lambda a: a.code.lower()), ("kecamatan", _name_key)):
        first: dict[str, int] = {}
        for area in areas:
            value = key(area)
            if value and value in first:
                message = f"{value!r} sudah dipakai di baris {first[value]}"
                problems.append(_problem(file, area.row, column, message))
            first.setdefault(value, area.row)
    return tuple(areas), problems


def _name_key(area: Area) -> str:
    return area.name.casefold()


def match(complaints: pd.DataFrame, areas: tuple[Area, ...]) -> pd.Series:
    """Each report's area (its index in ``areas``), or <NA>.

    By area_code when the report has one and the areas have codes, else by
    kecamatan name, case-insensitively. A report's code that no area has is not
    rescued by its name: a wrong code is a mistake to report (``unmatched``).
    """
    by_code = {a.code.lower(): i for i, a in enumerate(areas) if a.code}
    by_name = {a.name.casefold(): i for i, a in enumerate(areas) if a.name}
    codes = complaints["area_code"].fillna("").str.lower()
    by_its_code = (codes != "") & bool(by_code)
    code = codes.map(by_code)
    name = complaints["kecamatan"].fillna("").str.strip().str.casefold().map(by_name)
    return code.where(by_its_code, name).astype("Int64")


def unmatched(
    complaints: pd.DataFrame, areas: tuple[Area, ...], file: str, complaints_file: str
) -> list[Problem]:
    """One problem per area code or kecamatan name of a report that no area has."""
    if not areas:
        return []
    matched = match(complaints, areas).notna()
    problems = []
    has_codes = any(a.code for a in areas)
    code = complaints["area_code"].fillna("")
    if not has_codes:  # areas named only: every report is matched by its kecamatan
        code = pd.Series("", index=code.index, dtype=object)
    name = complaints["kecamatan"].fillna("").str.strip()
    for column, values in (("area_code", code), ("kecamatan", name.where(code == "", ""))):
        lost = complaints[~matched & (values != "")]
        for value, group in lost.groupby(values[lost.index].str.casefold(), sort=True):
            rows = ", ".join(str(r) for r in group["row"].head(_SHOWN_ROWS))
            more = " …" if len(group) > _SHOWN_ROWS else ""
            problems.append(
                _problem(
                    file,
                    0,
                    column,
                    f"{column} {value[:40]!r} dari {len(group)} laporan ({complaints_file} baris "
                    f"{rows}{more}) tidak ada di {file}",
                    "tambahkan wilayahnya, atau samakan kode/nama dengan complaints",
                )
            )
    return problems
