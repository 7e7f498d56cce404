"""Page-contexts stage for /peta/: the map page, its data files and the area figures.

Only ``dataset.published`` rows become points, and only with the coordinates the
pipeline has already generalised to grid-cell centres (``privacy``); a cell's
popup lists its cases and says nothing finer than the cell. Per-kecamatan
figures count every report (rahasia and open ones too, as aggregates),
like the scorecards' "received".
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from . import areas as area_input
from . import formatting as fmt
from . import mapscript
from .casepages import CASE_ZOOM, MAP_PATH, map_url  # noqa: F401  (one definition of each)
from .contexts import AreaRow, CaseSummary, LegendItem, Link, MapPage
from .pipeline import Dataset
from .security import content_security_policy
from .settings import tile_origin

PATH = MAP_PATH
SCRIPT_PATH, POINTS_PATH, CASES_PATH = "/peta/peta.js", "/peta/titik.json", "/peta/kasus/"
# A popup fetches only its cell's chunk: consecutive cells are packed into one file up
# to this many bytes (a cell larger than that is a chunk of its own), so the first
# popup on a slow phone waits for tens of kilobytes, not the whole map's cases.
CHUNK_BYTES = 64_000
# Sequential palettes (ColorBrewer YlOrRd and BuPu, 5 classes); grey = no figure.
RECEIVED_COLOURS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
MEDIAN_COLOURS = ("#edf8fb", "#b3cde3", "#8c96c6", "#8856a7", "#810f7c")
NO_FIGURE = "#d9d9d9"
MEDIAN_UNAVAILABLE = (
    "Median waktu tanggapan tidak tersedia: data tindak lanjut (tabel responses) tidak ada "
    "dalam input, jadi tidak diketahui kapan instansi menanggapi."
)


def _compact(value) -> str:
    """JSON with no spaces, keys in order: the same bytes for the same data."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def classes(values: pd.Series, colours: tuple[str, ...]) -> tuple[list[float], tuple]:
    """Upper bounds of up to len(colours) classes by nearest-rank quantiles, and colours."""
    present = np.sort(values.dropna().astype("float64").to_numpy())
    if not len(present):
        return [], ()
    k = len(colours)
    uppers = sorted(
        {float(present[max(0, math.ceil(len(present) * q / k) - 1)]) for q in range(1, k + 1)}
    )
    return uppers, colours[k - len(uppers) :]


def colour_of(value, uppers: list[float], colours: tuple) -> str:
    if value is None or pd.isna(value):
        return NO_FIGURE
    return next(c for u, c in zip(uppers, colours, strict=True) if value <= u)


def legend(uppers: list[float], colours: tuple, unit: str, show) -> tuple[LegendItem, ...]:
    """Each class in words: 'sampai 4 laporan', 'lebih dari 4 sampai 9 laporan', …"""
    items, low = [], None
    for upper, colour in zip(uppers, colours, strict=True):
        above = "" if low is None else f"lebih dari {show(low)} "
        items.append(LegendItem(colour, f"{above}sampai {show(upper)} {unit}"))
        low = upper
    return (*items, LegendItem(NO_FIGURE, "tidak ada angka"))


@dataclass
class MapViews:
    """Builds /peta/ from one dataset: the page, its script and its two JSON files."""

    dataset: Dataset
    settings: dict
    url: Callable[[str], str]  # path -> URL with SITEURL (Views.url)
    agency_link: Callable[[str], Link]  # agency_id -> Link (Views.agency_link)
    summaries: Callable[[], dict[str, CaseSummary]]  # every published case's, built once

    @cached_property
    def placed(self) -> pd.DataFrame:
        """Published cases with (generalised) coordinates, in the cells' order."""
        published = self.dataset.published
        placed = published[published["lat"].notna() & published["lon"].notna()]
        return placed.sort_values(
            ["lat", "lon", "closed_at", "tracking_id"],
            ascending=[True, True, False, True],
            kind="stable",
        )

    @cached_property
    def placed_agencies(self) -> set[str]:
        return set(self.placed["agency_id"])

    def agency_map_url(self, agency_id: str) -> str:
        if agency_id not in self.placed_agencies:
            return ""
        return self.url(PATH) + "?instansi=" + agency_id.lower()

    # -- data files ----------------------------------------------------------

    @cached_property
    def cells(self) -> list[tuple[float, float, list[list[str]], list[str]]]:
        """(lat, lon, [[tracking ID, title, closed date, kecamatan], …], agency ids) per
        cell, cells by (lat, lon), a cell's cases in ``placed``'s order."""
        summaries = self.summaries()  # the case pages' own, built once (Views.summary_by_id)
        placed = self.placed
        rows = [
            [t, summaries[t].title, summaries[t].closed.short, k]
            for t, k in zip(placed["tracking_id"], placed["kecamatan"].fillna(""), strict=True)
        ]
        agencies = placed["agency_id"].tolist()
        cells, start = [], 0
        # placed is sorted by (lat, lon) first, so each cell's cases are one run.
        for (lat, lon), size in placed.groupby(["lat", "lon"], sort=True).size().items():
            end = start + int(size)
            cells.append((round(lat, 5), round(lon, 5), rows[start:end], agencies[start:end]))
            start = end
        return cells

    @cached_property
    def chunk_of_cell(self) -> list[int]:
        """Each cell's chunk number: consecutive cells up to CHUNK_BYTES per chunk."""
        chunks, current, used = [], 0, 0
        for _, _, rows, _ in self.cells:
            size = len(_compact(rows).encode("utf-8")) + 1
            if used and used + size > CHUNK_BYTES:
                current, used = current + 1, 0
            chunks.append(current)
            used += size
        return chunks

    def points_json(self) -> str:
        """Cells [lat, lon, chunk, [agency index per case]] and the agencies (for ?instansi=).

        A cell's cases are the chunk file's list at the cell's place among that chunk's
        cells, in the same order as its agency indices.
        """
        agencies = sorted({a for cell in self.cells for a in cell[3]})
        index = {a: i for i, a in enumerate(agencies)}
        return _compact(
            {
                "grid": self.grid_text,
                "agencies": [[a.lower(), self.dataset.short_names.get(a, a)] for a in agencies],
                "cells": [
                    [lat, lon, chunk, [index[a] for a in ids]]
                    for (lat, lon, _, ids), chunk in zip(
                        self.cells, self.chunk_of_cell, strict=True
                    )
                ],
            }
        )

    def case_chunks(self) -> list[tuple[str, str]]:
        """(path, JSON) of every chunk: its cells' [[tracking ID, title, closed, kecamatan],
        …], in titik.json's order."""
        grouped: dict[int, list] = {}
        for (_, _, rows, _), chunk in zip(self.cells, self.chunk_of_cell, strict=True):
            grouped.setdefault(chunk, []).append(rows)
        return [(f"{CASES_PATH}{n}.json", _compact(c)) for n, c in grouped.items()]

    @property
    def grid_text(self) -> str:
        metres = self.settings["MAP_GRID_METERS"]
        return f"{fmt.number(metres)} m" if metres < 1000 else f"{fmt.decimal(metres / 1000)} km"

    # -- areas ---------------------------------------------------------------

    @cached_property
    def area_table(self) -> pd.DataFrame:
        """One row per area: label, code, received, published, median response, top agency."""
        complaints = self.dataset.complaints
        areas = self.dataset.areas
        if areas:
            key = area_input.match(complaints, areas)
            labels = pd.DataFrame(
                {"name": [a.label for a in areas], "code": [a.code for a in areas]}
            )
        else:
            names = complaints["kecamatan"].fillna("").str.strip()
            key_text = names.str.casefold().where(names != "")
            uniques = sorted(set(key_text.dropna()))
            key = key_text.map({k: i for i, k in enumerate(uniques)}).astype("Int64")
            shown = names.groupby(key_text).agg(lambda s: s.value_counts().index[0])
            labels = pd.DataFrame({"name": [shown[k] for k in uniques], "code": ""})
        frame = complaints.assign(area=key)
        grouped = frame[frame["area"].notna()].groupby("area")
        table = labels.copy()
        table["received"] = grouped.size().reindex(table.index, fill_value=0).astype("int64")
        published = frame[frame["outcome"] == "published"]
        table["published"] = (
            published.groupby("area").size().reindex(table.index, fill_value=0).astype("int64")
        )
        table["median"] = (
            grouped["response_workdays"].median().reindex(table.index).astype("Float64")
        )
        top = (
            published[published["area"].notna()]
            .groupby(["area", "agency_id"])
            .size()
            .reset_index(name="n")
            .sort_values(["area", "n", "agency_id"], ascending=[True, False, True], kind="stable")
            .drop_duplicates("area")
            .set_index("area")["agency_id"]
        )
        table["agency"] = top.reindex(table.index)
        table.attrs["unassigned"] = int(frame["area"].isna().sum())
        return table

    def area_rows(self) -> tuple[AreaRow, ...]:
        table = self.area_table
        present = self.dataset.responses_present
        rows = []
        for r in table.itertuples():
            agency: Link | None = None
            if not pd.isna(r.agency):  # the short name: the table must fit a phone
                agency = Link(self.agency_link(r.agency).url, self.dataset.short_names[r.agency])
            median = fmt.workdays(r.median) or ("–" if present else "tidak tersedia")
            rows.append(AreaRow(r.name, r.code, int(r.received), int(r.published), median, agency))
        return tuple(sorted(rows, key=lambda a: (a.name.casefold(), a.code)))

    def area_layers(self) -> tuple[tuple[str, dict, bool], ...]:
        if not self.dataset.areas:
            return ()
        table = self.area_table
        received_uppers, received_colours = classes(
            table["received"].where(table["received"] > 0), RECEIVED_COLOURS
        )
        median_uppers, median_colours = classes(table["median"], MEDIAN_COLOURS)
        chosen = (
            ("Laporan per kecamatan", "received", received_uppers, received_colours, True),
            ("Median hari kerja tanggapan", "median", median_uppers, median_colours, False),
        )
        if not self.dataset.responses_present:  # no answer times: no layer of them
            chosen = chosen[:1]
        no_median = "–" if self.dataset.responses_present else "tidak tersedia"
        layers = []
        for name, column, uppers, colours, show in chosen:
            features = []
            for i, area in enumerate(self.dataset.areas):
                row = table.loc[i]
                value = row[column] if column == "median" else (row[column] or None)
                features.append(
                    {
                        "type": "Feature",
                        "properties": {
                            "kunci": i,
                            "nama": area.label,
                            "laporan": int(row["received"]),
                            "median": fmt.workdays(row["median"]) or no_median,
                            "fill": colour_of(value, uppers, colours),
                        },
                        "geometry": area.geometry,
                    }
                )
            layers.append((name, {"type": "FeatureCollection", "features": features}, show))
        return tuple(layers)

    def legends(self) -> tuple[tuple[LegendItem, ...], tuple[LegendItem, ...]]:
        if not self.dataset.areas:
            return (), ()
        table = self.area_table
        r_up, r_col = classes(table["received"].where(table["received"] > 0), RECEIVED_COLOURS)
        m_up, m_col = classes(table["median"], MEDIAN_COLOURS)
        received = legend(r_up, r_col, "laporan", lambda v: fmt.number(int(v)))
        if not self.dataset.responses_present:
            return received, ()
        return (
            received,
            legend(
                m_up, m_col, "hari kerja", lambda v: fmt.workdays(v).removesuffix(" hari kerja")
            ),
        )

    # -- page and script -----------------------------------------------------

    def bounds(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """What the map opens on: the areas, else the points, else MAP_BOUNDS."""
        lats, lons = list(self.placed["lat"]), list(self.placed["lon"])
        for area in self.dataset.areas:
            for position in area_input.positions(area.geometry):
                lons.append(position[0])
                lats.append(position[1])
        if not lats:
            lat_min, lat_max, lon_min, lon_max = self.settings["MAP_BOUNDS"]
            return (lat_min, lon_min), (lat_max, lon_max)
        return (min(lats), min(lons)), (max(lats), max(lons))

    def script(self) -> str:
        return mapscript.map_script(
            self.bounds(),
            self.settings["MAP_TILES_URL"],
            self.settings["MAP_TILES_ATTRIBUTION"],
            self.area_layers(),
        )

    def page(self) -> MapPage:
        origin = tile_origin(self.settings)
        vendor = self.url("/theme/vendor/")
        received, median = self.legends()
        published = self.dataset.published
        return MapPage(
            PATH,
            content_security_policy(tile_origins=(origin,) if origin else ()),
            mapscript.element_id(),
            (
                *(vendor + name for name in mapscript.VENDOR_JS),
                self.url("/theme/js/peta.js"),
                self.url(SCRIPT_PATH),
            ),
            (*(vendor + name for name in mapscript.VENDOR_CSS), self.url("/theme/css/peta.css")),
            _compact([[round(v, 5) for v in corner] for corner in self.bounds()]),
            self.url(POINTS_PATH),
            self.url(CASES_PATH),
            self.grid_text,
            len(self.placed),
            int(self.placed.groupby(["lat", "lon"]).ngroups),
            len(published) - len(self.placed),
            self.area_rows(),
            self.area_table.attrs["unassigned"],
            bool(self.dataset.areas),
            received,
            median,
            "" if self.dataset.responses_present else MEDIAN_UNAVAILABLE,
        )
