"""Synthetic kecamatan boundaries for the sample: Voronoi cells around the centres.

Real boundaries are not bundled (``/work/shared/geo`` holds them for tests, not
for the project). Each kecamatan's cell is the part of a hull around all centres
nearer to its centre than to any other: plausible shapes that join every
sample report to its kecamatan, built in pure Python (half-plane clipping), so
the same code writes the same bytes without a geometry library.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from .sample_kabupaten import KECAMATAN

MARGIN = 0.07  # degrees the hull reaches beyond the outermost centres (about 8 km)
Point = tuple[float, float]  # (lon, lat), as GeoJSON orders them


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def convex_hull(points: list[Point]) -> list[Point]:
    """Counter-clockwise hull (Andrew's monotone chain)."""
    points = sorted(set(points))
    lower: list[Point] = []
    upper: list[Point] = []
    for p in points:
        while len(lower) >= 2 and _cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(points):
        while len(upper) >= 2 and _cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _grown(hull: list[Point], margin: float) -> list[Point]:
    """The hull with every vertex pushed ``margin`` away from the hull's centre."""
    cx = sum(p[0] for p in hull) / len(hull)
    cy = sum(p[1] for p in hull) / len(hull)
    out = []
    for x, y in hull:
        d = math.hypot(x - cx, y - cy) or 1.0
        out.append((x + (x - cx) / d * margin, y + (y - cy) / d * margin))
    return out


def _clip(polygon: list[Point], site: Point, other: Point) -> list[Point]:
    """The part of ``polygon`` nearer to ``site`` than to ``other``."""
    nx, ny = other[0] - site[0], other[1] - site[1]
    mx, my = (site[0] + other[0]) / 2, (site[1] + other[1]) / 2

    def side(p: Point) -> float:
        return (p[0] - mx) * nx + (p[1] - my) * ny

    out: list[Point] = []
    for i, current in enumerate(polygon):
        previous = polygon[i - 1]
        sc, sp = side(current), side(previous)
        if (sc <= 0) != (sp <= 0):
            t = sp / (sp - sc)
            out.append(
                (previous[0] + t * (current[0] - previous[0]),
                 previous[1] + t * (current[1] - previous[1]))
            )  # fmt: skip
        if sc <= 0:
            out.append(current)
    return out


def voronoi_cells(sites: list[Point], margin: float = MARGIN) -> list[list[Point]]:
    """One convex cell per site, clipped to the grown hull of all sites."""
    boundary = _grown(convex_hull(sites), margin)
    cells = []
    for i, site in enumerate(sites):
        cell = boundary
        for j, other in enumerate(sites):
            if i != j:
                cell = _clip(cell, site, other)
        cells.append(cell)
    return cells


def areas_geojson() -> dict:
    """The sample's areas.geojson: one Polygon per kecamatan with area_code and name."""
    sites = [(k.lon, k.lat) for k in KECAMATAN]
    features = []
    for kecamatan, cell in zip(KECAMATAN, voronoi_cells(sites), strict=True):
        ring = [[round(x, 4), round(y, 4)] for x, y in cell]
        ring.append(ring[0])
        features.append(
            {
                "type": "Feature",
                "properties": {"area_code": kecamatan.code, "kecamatan": kecamatan.name},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write_areas(path: Path) -> int:
    """Write the sample's areas.geojson (one feature per line); returns the feature count."""
    collection = areas_geojson()
    lines = [
        json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]
    ]
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(text, encoding="utf-8")
    return len(lines)
