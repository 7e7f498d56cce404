"""Render/write stage for /peta/: folium's map as an external script, and Leaflet's files.

folium writes a whole HTML document with inline ``<script>``/``<style>`` and CDN
links; the site's Content-Security-Policy allows neither. So the map is built
with folium, but only the *script* part of its Figure is used, written to
``/peta/peta.js``; the page's HTML and CSS are our own template and stylesheet.
folium's default CDN JS/CSS are dropped (``LocalMap``): Leaflet and
leaflet.markercluster come from npm (``package-lock.json``) and are copied into
``/theme/vendor/``. folium names every element with a random hex id;
``deterministic_ids`` numbers them instead, so the same input builds the same bytes.
"""

from __future__ import annotations

import itertools
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

import branca.element
import folium
from folium.map import Layer
from folium.template import Template
from folium.utilities import JsCode

from .errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
# (package folder in node_modules, file in it, path under /theme/vendor/)
VENDOR_FILES = (
    ("leaflet", "dist/leaflet.js", "leaflet/leaflet.js"),
    ("leaflet", "dist/leaflet.css", "leaflet/leaflet.css"),
    ("leaflet", "dist/images/layers.png", "leaflet/images/layers.png"),
    ("leaflet", "dist/images/layers-2x.png", "leaflet/images/layers-2x.png"),
    ("leaflet", "LICENSE", "leaflet/LICENSE"),
    ("leaflet.markercluster", "dist/leaflet.markercluster.js", "markercluster/markercluster.js"),
    ("leaflet.markercluster", "dist/MarkerCluster.css", "markercluster/MarkerCluster.css"),
    ("leaflet.markercluster", "MIT-LICENCE.txt", "markercluster/MIT-LICENCE.txt"),
)
VENDOR_JS = ("leaflet/leaflet.js", "markercluster/markercluster.js")
VENDOR_CSS = ("leaflet/leaflet.css", "markercluster/MarkerCluster.css")
MAP_ID = "peta"

_ID_LOCK = threading.Lock()


def check_vendor() -> None:
    """Raise ConfigError naming the fix when the npm packages are not installed."""
    missing = [
        f"{pkg}/{name}"
        for pkg, name, _ in VENDOR_FILES
        if not (NODE_MODULES / pkg / name).is_file()
    ]
    if missing:
        raise ConfigError(
            f"The map's browser libraries are missing from {NODE_MODULES} ({missing[0]}). "
            "Hint: run `make publish` (or `make vendor`: npm ci --ignore-scripts), which "
            "installs the versions pinned in package-lock.json."
        )


def copy_vendor(output: Path) -> list[Path]:
    """Copy Leaflet and leaflet.markercluster into ``output/theme/vendor/``."""
    check_vendor()
    written = []
    for pkg, name, target in VENDOR_FILES:
        path = output / "theme" / "vendor" / target
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(NODE_MODULES / pkg / name, path)
        written.append(path)
    return written


@contextmanager
def deterministic_ids() -> Iterator[None]:
    """folium/branca elements made inside get ids 1, 2, 3 … instead of random hex."""
    counter = itertools.count(1)
    original = branca.element.Element.__dict__["_generate_id"]
    with _ID_LOCK:
        branca.element.Element._generate_id = classmethod(lambda cls: str(next(counter)))
        try:
            yield
        finally:
            branca.element.Element._generate_id = original


class LocalMap(folium.Map):
    """A folium Map that links nothing external: Leaflet is served by the site itself."""

    default_js: ClassVar[list] = []
    default_css: ClassVar[list] = []


class CaseCluster(Layer):
    """The published cases, clustered; markers and popups are made by /theme/js/peta.js.

    The data is not inlined: the script fetches the cells' JSON, so the map's own
    script stays small and popups are built from DOM nodes (text, never HTML).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.markerClusterGroup({{ this.options|tojavascript }});
            PetaUI.cases({{ this._parent.get_name() }}, {{ this.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, name: str, show: bool = True) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "CaseCluster"
        self.options = {
            "showCoverageOnHover": False,
            "maxClusterRadius": 50,
            # A cluster shows how many cases it holds, not how many cells.
            "iconCreateFunction": JsCode("PetaUI.clusterIcon"),
        }


def map_script(
    bounds: tuple[tuple[float, float], tuple[float, float]],
    tiles_url: str,
    attribution: str,
    area_layers: tuple[tuple[str, dict, bool], ...],
) -> str:
    """The JavaScript that draws /peta/ into the element with id ``MAP_ID``.

    ``bounds`` is ((south, west), (north, east)); ``area_layers`` are
    (layer name, GeoJSON FeatureCollection with a ``fill`` property, shown at start).
    """
    with deterministic_ids():
        south_west, north_east = bounds
        centre = [round((south_west[i] + north_east[i]) / 2, 5) for i in (0, 1)]
        m = LocalMap(location=centre, zoom_start=10, tiles=None, control_scale=True)
        m._id, m._name = MAP_ID, "Map"
        if tiles_url:
            folium.TileLayer(tiles_url, attr=attribution, name="Peta dasar", max_zoom=18).add_to(m)
        for name, collection, show in area_layers:
            folium.GeoJson(
                collection,
                name=name,
                show=show,
                style_function=_area_style,
                on_each_feature=JsCode(
                    "function (feature, layer) { PetaUI.area(feature, layer); }"
                ),
            ).add_to(m)
        CaseCluster("Kasus terbit (titik)").add_to(m)
        if area_layers:
            folium.LayerControl(collapsed=True, position="topright").add_to(m)
        # No m.fit_bounds(): its animated zoom would undo the view /theme/js/peta.js sets
        # from the page's data-bounds or a "#lat,lon,zoom" link when it ends.
        figure = m.get_root()
        figure.render()
        script = figure.script.render()
    # Only the map's id is the fixed name "peta" (get_name gives "map_peta"); see MAP_ID.
    lines = [line.rstrip() for line in script.splitlines() if line.strip()]
    return "\n".join(lines) + "\n"


def _area_style(feature: dict) -> dict:
    return {
        "fillColor": feature["properties"]["fill"],
        "fillOpacity": 0.6,
        "color": "#444444",
        "weight": 1,
    }


def element_id() -> str:
    """The id folium's script draws the map into."""
    return f"map_{MAP_ID}"
