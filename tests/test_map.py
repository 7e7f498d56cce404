"""/peta/: the page without JavaScript, its data files, privacy and reproducibility."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build
from fixtures import HOSTILE_TITLE, map_tables, shared_geo, write_input

from generator import mapscript


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def input_folder(tmp_path_factory) -> Path:
    data = write_input(tmp_path_factory.mktemp("map") / "input", map_tables())
    shutil.copyfile(shared_geo(), data / "areas.geojson")
    return data


@pytest.fixture(scope="module")
def site(input_folder) -> Path:
    output = input_folder.parent / "output"
    assert build(input_folder, output) == 0
    return output


def points(site: Path) -> dict:
    return json.loads((site / "peta/titik.json").read_text("utf-8"))


def chunk(site: Path, n: int) -> list[list[list[str]]]:
    return json.loads((site / f"peta/kasus/{n}.json").read_text("utf-8"))


def cell_cases(site: Path) -> list[list[list[str]]]:
    """Each cell of titik.json with its cases, read from its chunk as peta.js does:
    a chunk lists its cells' cases in titik.json's order."""
    cells, seen = [], {}
    for cell in points(site)["cells"]:
        slot = seen[cell[2]] = seen.get(cell[2], -1) + 1
        rows = chunk(site, cell[2])[slot]
        assert len(rows) == len(cell[3])  # one agency index per case
        cells.append(rows)
    return cells


def cases(site: Path) -> list[list[str]]:
    return [row for rows in cell_cases(site) for row in rows]


def test_map_page_has_no_inline_code_and_a_policy_for_tiles_only(site):
    page = soup(site / "peta/index.html")
    assert page.select("style") == []
    assert page.select("[style]") == []
    assert all(s.get("src") for s in page.select("script")), "inline <script>"
    handlers = [a for tag in page.find_all(True) for a in tag.attrs if a.startswith("on")]
    assert handlers == []
    csp = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "script-src 'self';" in csp and "style-src 'self';" in csp
    assert "img-src 'self' data: https://tile.openstreetmap.org;" in csp
    # Every other page keeps the site's policy: no tile origin.
    other = soup(site / "index.html").select_one('meta[http-equiv="Content-Security-Policy"]')
    assert "openstreetmap" not in other["content"]


def test_map_page_loads_only_the_sites_own_files(site):
    page = soup(site / "peta/index.html")
    urls = [s["src"] for s in page.select("script")] + [
        link["href"] for link in page.select('link[rel="stylesheet"]')
    ]
    assert "/theme/vendor/leaflet/leaflet.js" in urls
    assert "/theme/vendor/markercluster/markercluster.js" in urls
    for url in urls:
        assert url.startswith("/") and not url.startswith("//"), url
        assert (site / url.lstrip("/")).is_file(), url
    script = (site / "peta/peta.js").read_text("utf-8")
    assert "https://" not in script.replace("https://tile.openstreetmap.org", "").replace(
        "https://www.openstreetmap.org/copyright", ""
    )
    assert "cdn" not in script.lower()
    figure = page.select_one("#map_peta")
    assert figure["data-points"] == "/peta/titik.json"
    assert figure["data-cases"] == "/peta/kasus/"


def test_navigation_links_the_map(site):
    nav = soup(site / "peta/index.html").select(".site-nav a")
    assert ("/peta/", "Peta") in [(a["href"], a.get_text()) for a in nav]
    assert [a["href"] for a in nav if a.get("aria-current")] == ["/peta/"]


def test_table_of_kecamatan_counts_every_report_without_javascript(site):
    page = soup(site / "peta/index.html")
    rows = {
        tr.select_one("th").get_text(" ", strip=True): [
            td.get_text(" ", strip=True) for td in tr.select("td")
        ]
        for tr in page.select("table.area-table tbody tr")
    }
    assert len(rows) == 23  # every kecamatan of the areas file, reports or not
    # Kotabumi: LU-001, 002, 010, 012 published, LU-003 rahasia, LU-004 open.
    assert rows["Kotabumi 18.03.02"][:2] == ["6", "4"]
    assert rows["Kotabumi 18.03.02"][3] == "Dinas PUPR"
    # The rahasia report counts in its kecamatan, as an aggregate only.
    assert rows["Bukit Kemuning 18.03.01"][:2] == ["1", "0"]
    assert rows["Bukit Kemuning 18.03.01"][3] == "–"
    # Joined by name, case-insensitively, when the report has no area code.
    assert rows["Kotabumi Utara 18.03.09"][:2] == ["1", "1"]
    assert rows["Abung Tinggi 18.03.12"] == ["0", "0", "–", "–"]
    links = {a["href"] for a in page.select("table.area-table a")}
    assert links == {"/instansi/dinas-pupr/", "/instansi/dinkes/"}
    for href in links:
        assert (site / href.lstrip("/") / "index.html").is_file()
    text = page.get_text(" ", strip=True)
    assert "Laporan dihitung semuanya" in text


def test_only_published_cases_with_coordinates_become_points(site):
    ids = [c[0] for c in cases(site)]
    assert sorted(ids) == ["LU-001", "LU-002", "LU-010", "LU-013", "LU-014"]
    files = sorted(p.name for p in (site / "peta/kasus").iterdir())
    assert files == [f"{n}.json" for n in sorted({c[2] for c in points(site)["cells"]})]
    assert not (site / "peta/kasus.json").exists()
    for path in site.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            for secret in (b"LU-011", b"lu-011", b"RAHASIA-", b"LU-003"):
                assert secret not in raw, f"{secret!r} in {path}"


def test_one_cell_lists_all_its_cases(site):
    data, listed = points(site), cell_cases(site)
    shared = [i for i, cell in enumerate(data["cells"]) if len(cell[3]) > 1]
    assert len(shared) == 1
    rows = listed[shared[0]]
    assert sorted(r[0] for r in rows) == ["LU-001", "LU-002", "LU-010"]
    assert HOSTILE_TITLE in [r[1] for r in rows]
    assert data["cells"][shared[0]][:2] == [-4.83067, 104.88432]
    agencies = [a[0] for a in data["agencies"]]
    assert [agencies[a] for a in data["cells"][shared[0]][3]] == ["dinas-pupr"] * 3


def test_cells_are_packed_into_chunks_of_bounded_size(monkeypatch, tmp_path):
    from generator import maps

    # Small chunks, so the fixture's few cells need several: consecutive cells share one
    # until it would exceed CHUNK_BYTES; a bigger cell is a chunk of its own.
    monkeypatch.setattr(maps, "CHUNK_BYTES", 300)
    data = write_input(tmp_path / "input", map_tables())
    assert build(data, tmp_path / "out") == 0
    site = tmp_path / "out"
    numbers = [c[2] for c in points(site)["cells"]]
    assert numbers == sorted(numbers) and numbers[0] == 0 and len(set(numbers)) > 1
    assert set(numbers) == set(range(max(numbers) + 1))
    for n in set(numbers):
        size = (site / f"peta/kasus/{n}.json").stat().st_size
        assert size <= 300 or numbers.count(n) == 1, (n, size)
    assert sorted(c[0] for c in cases(site)) == ["LU-001", "LU-002", "LU-010", "LU-013", "LU-014"]


INPUT_COORDINATES = ("-4.8312", "104.8841", "-4.83135", "104.88402", "-4.9371", "104.5523")


def coordinate_leaks(output: Path, values: set[str], numeric: bool = True) -> list[str]:
    """Input coordinates that appear in an output file as a whole number: as written,
    or (``numeric``) as any number equal to one of them."""
    pattern = re.compile(r"-?\d+\.\d+")
    numbers = {float(v) for v in values} if numeric else set()
    found = []
    for path in output.rglob("*"):
        if not path.is_file() or "vendor" in path.parts:
            continue
        text = path.read_text("utf-8", errors="replace")
        for token in set(pattern.findall(text)):
            if token in values or float(token) in numbers:
                found.append(f"{token} in {path.relative_to(output)}")
    return found


def test_no_exact_input_coordinate_in_any_output_file(site):
    assert coordinate_leaks(site, set(INPUT_COORDINATES)) == []


def test_bundled_sample_publishes_no_exact_coordinate(tmp_path):
    sample = ROOT / "data" / "sample"
    complaints = pd.read_csv(sample / "complaints.csv", dtype=str, keep_default_na=False)
    placed = complaints[complaints["lat"] != ""]
    assert len(placed) > 500
    output = tmp_path / "out"
    assert build(sample, output) == 0
    # 1. No coordinate as the input writes it ('-4.831234') appears anywhere.
    written = set(placed["lat"]) | set(placed["lon"])
    assert coordinate_leaks(output, written, numeric=False) == []
    # 2. No published point, in the map data or a case page's map link, is an input point.
    inputs = set(zip(placed["lat"].astype(float), placed["lon"].astype(float), strict=True))
    shown = {(cell[0], cell[1]) for cell in points(output)["cells"]}
    link = re.compile(r"/peta/#(-?[\d.]+),(-?[\d.]+),")
    for page in (output / "kasus").glob("*/index.html"):
        shown |= {(float(a), float(b)) for a, b in link.findall(page.read_text("utf-8"))}
    assert len(shown) > 400 and shown.isdisjoint(inputs)
    # 3. No case shows its own latitude or longitude, however its digits are trimmed.
    # (A grid centre may equal *another* report's single value by arithmetic.)
    for row in placed.itertuples():
        page = output / "kasus" / row.tracking_id.lower() / "index.html"
        if page.is_file():
            own = {row.lat, row.lon, row.lat.rstrip("0"), row.lon.rstrip("0")}
            assert coordinate_leaks(page.parent, own) == [], row.tracking_id


def test_case_page_links_to_its_cell_and_shows_the_place(site):
    page = soup(site / "kasus/lu-010/index.html")
    place = page.select_one("a.map-link").parent
    assert place.get_text(" ", strip=True).startswith("Sindang Sari, Kotabumi")
    assert page.select_one("a.map-link")["href"] == "/peta/#-4.83067,104.88432,15"
    assert soup(site / "kasus/lu-012/index.html").select("a.map-link") == []


def test_agency_page_links_to_the_map_filtered_to_it(site):
    link = soup(site / "instansi/dinkes/index.html").select_one("a.map-link")
    assert link["href"] == "/peta/?instansi=dinkes"
    assert soup(site / "instansi/pkm-kotabumi/index.html").select("a.map-link") == []
    assert [a[0] for a in points(site)["agencies"]] == ["dinas-pupr", "dinkes"]


def test_areas_are_drawn_from_the_input_with_the_figures(site):
    script = (site / "peta/peta.js").read_text("utf-8")
    assert "map_peta" in script and "Laporan per kecamatan" in script
    assert "Median hari kerja tanggapan" in script
    assert "L.control.layers" in script
    assert "PetaUI.cases(map_peta" in script
    assert re.search(r"[0-9a-f]{32}", script) is None  # no random folium ids
    legend = soup(site / "peta/index.html").select(".map-legend li")
    assert legend and all(li.select_one("rect")["fill"].startswith("#") for li in legend)


def test_same_input_builds_the_same_bytes(site, input_folder, tmp_path):
    assert build(input_folder, tmp_path / "again") == 0
    first, second = tree(site), tree(tmp_path / "again")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_map_without_areas_lists_kecamatan_by_name(base_site):
    page = soup(base_site / "peta/index.html")
    assert page.select(".map-legend") == []
    rows = [tr.select_one("th").get_text(strip=True) for tr in page.select("table tbody tr")]
    assert rows == ["Kotabumi"]
    assert "L.control.layers" not in (base_site / "peta/peta.js").read_text("utf-8")


def test_missing_browser_libraries_fail_with_the_command_to_run(
    input_folder, tmp_path, monkeypatch, capsys
):
    output = tmp_path / "out"
    output.mkdir()
    (output / "old.html").write_text("lama")
    monkeypatch.setattr(mapscript, "NODE_MODULES", tmp_path / "node_modules")
    assert build(input_folder, output) == 2
    err = capsys.readouterr().err
    assert "make publish" in err and "npm ci" in err
    assert [p.name for p in output.iterdir()] == ["old.html"]


def test_map_without_tiles_asks_for_nothing_outside(tmp_path):
    from test_settings import settings_file

    data = write_input(tmp_path / "input", map_tables())
    conf = settings_file(tmp_path, "MAP_TILES_URL = ''")
    assert build(data, tmp_path / "out", settings=str(conf)) == 0
    page = soup(tmp_path / "out/peta/index.html")
    csp = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "img-src 'self' data:;" in csp
    script = (tmp_path / "out/peta/peta.js").read_text("utf-8")
    assert "tileLayer" not in script and "https://" not in script
