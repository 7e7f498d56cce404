"""/peta/ in headless Chromium, with every request outside the site blocked (tiles too)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from browser import browser_page, require_chromium, serve
from conftest import build
from fixtures import HOSTILE_TITLE, map_tables, shared_geo, write_input

pytestmark = pytest.mark.browser

# Registered before any page script runs; CSP reports violations as events.
WATCH_CSP = """
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""
CELL = "#-4.83067,104.88432,15"  # LU-001, LU-002 and LU-010 share this cell


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    require_chromium()
    folder = tmp_path_factory.mktemp("map-browser")
    data = write_input(folder / "input", map_tables())
    shutil.copyfile(shared_geo(), data / "areas.geojson")
    assert build(data, folder / "output") == 0
    return folder / "output"


def open_map(page, url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(WATCH_CSP)
    assert page.goto(url).status == 200
    page.wait_for_selector("#map_peta[data-ready]", timeout=15_000)
    assert page.get_attribute("#map_peta", "data-ready") != "error"
    page.errors = errors


def check_clean(page, base: str) -> None:
    assert page.evaluate("window.cspViolations") == []
    assert page.errors == []
    assert page.dialogs == []
    # Only tiles were asked for outside the site, and they were blocked.
    assert all(u.startswith("https://tile.openstreetmap.org/") for u in page.blocked)


@pytest.mark.parametrize("width", [360, 1280])
def test_map_draws_cases_and_areas_without_tiles_and_fits(site, width, tmp_path):
    with serve(site) as base, browser_page(base, width=width, height=800) as page:
        open_map(page, base + "/peta/")
        markers = page.locator(".peta-cluster, .peta-cell")
        assert markers.count() >= 1
        assert page.locator("path.leaflet-interactive").count() >= 23  # the kecamatan
        assert page.locator(".leaflet-control-layers").count() == 1
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"/peta/ scrolls sideways by {overflow}px at {width}px"
        box = page.locator("#map_peta").bounding_box()
        assert box["width"] <= width and box["height"] >= 300
        check_clean(page, base)
        page.screenshot(path=str(tmp_path / f"peta-{width}.png"))


def overlaps(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def test_popup_lists_the_cell_as_text_and_links_to_case_pages(site):
    with serve(site) as base, browser_page(base) as page:
        data = []
        page.on("request", lambda r: data.append(r.url) if "/peta/kasus" in r.url else None)
        open_map(page, base + "/peta/" + CELL)
        popup = page.locator(".leaflet-popup-content .peta-popup")
        popup.locator("a").first.wait_for(timeout=10_000)
        assert popup.locator("li").count() == 3
        # One popup asks for its own chunk only, never every case at once.
        chunk = points_chunk(site, CELL)
        assert data == [f"{base}/peta/kasus/{chunk}.json"]
        assert (site / f"peta/kasus/{chunk}.json").stat().st_size < 64_000
        # At 360 px the popup has panned clear of the zoom and layer controls.
        page.wait_for_timeout(500)  # the pan's animation
        popup_box = page.locator(".leaflet-popup-content-wrapper").bounding_box()
        for control in (".leaflet-control-zoom", ".leaflet-control-layers"):
            assert not overlaps(popup_box, page.locator(control).bounding_box()), control
        frame = page.locator("#map_peta").bounding_box()
        assert frame["x"] <= popup_box["x"]
        assert popup_box["x"] + popup_box["width"] <= frame["x"] + frame["width"]
        titles = popup.locator("a").all_inner_texts()
        assert HOSTILE_TITLE in titles  # shown as the characters typed
        assert popup.locator("img").count() == 0
        assert "kotak 500 m" in popup.inner_text()
        assert "104.88" not in popup.inner_text()  # nothing finer than the cell
        check_clean(page, base)
        link = popup.locator("a", has_text="Jalan rusak LU-001")
        assert link.get_attribute("href") == "/kasus/lu-001/"
        link.click()
        page.wait_for_url(base + "/kasus/lu-001/")
        assert page.locator("h1").inner_text() == "Jalan rusak LU-001"
        assert page.dialogs == []


def points_chunk(site: Path, cell: str) -> int:
    lat, lon, _ = (float(v) for v in cell.lstrip("#").split(","))
    cells = json.loads((site / "peta/titik.json").read_text("utf-8"))["cells"]
    return next(c[2] for c in cells if (c[0], c[1]) == (lat, lon))


def test_popup_says_so_when_its_cases_cannot_be_fetched(site):
    with serve(site) as base, browser_page(base) as page:
        page.route("**/peta/kasus/*", lambda route: route.abort())
        open_map(page, base + "/peta/" + CELL)
        popup = page.locator(".leaflet-popup-content .peta-popup")
        popup.get_by_text("Daftar kasus tidak bisa dimuat.").wait_for(timeout=10_000)
        assert popup.locator("a, li").count() == 0


def test_agency_filter_shows_only_its_cases(site):
    with serve(site) as base, browser_page(base, width=1280) as page:
        open_map(page, base + "/peta/?instansi=dinkes")
        assert page.get_attribute("#map_peta", "data-ready") == "1"
        note = page.locator("#peta-filter")
        assert note.is_visible() and "Dinkes" in note.inner_text()
        check_clean(page, base)


def test_area_popup_shows_its_figures(site):
    with serve(site) as base, browser_page(base, width=1280) as page:
        open_map(page, base + "/peta/")
        # Hide the markers so a click reaches the polygons beneath (the control is
        # collapsed, so as not to cover a phone's map: it opens on hover or tap).
        page.locator(".leaflet-control-layers").hover()
        page.locator(".leaflet-control-layers-overlays input").nth(2).uncheck()
        page.mouse.move(0, 0)
        page.locator("path.leaflet-interactive").first.click(force=True)
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(timeout=5_000)
        assert "laporan" in popup.inner_text() and "Median tanggapan" in popup.inner_text()
        check_clean(page, base)


@pytest.mark.parametrize("width", [360, 1280])
def test_a_map_of_one_cell_opens_its_popup_and_stays_responsive(base_site, width):
    """Every case in one cell: the popup could not fit below the controls, and a popup
    refilled on every opening used to pan, redraw and reopen without end (a hung page)."""
    require_chromium()
    with serve(base_site) as base, browser_page(base, width=width, height=800) as page:
        open_map(page, base + "/peta/")
        assert page.evaluate("map_peta.getZoom()") <= 15  # a single point is not "fitted"
        page.locator(".peta-cell").first.click(timeout=5_000)
        link = page.locator(".leaflet-popup a[href*='/kasus/']").first
        link.wait_for(timeout=5_000)
        page.wait_for_timeout(500)  # a loop would now hold the page: evaluate would time out
        assert page.evaluate("document.querySelectorAll('.leaflet-popup').length") == 1
        link.click(timeout=5_000)
        page.wait_for_url("**/kasus/**", timeout=5_000)
        check_clean(page, base)
