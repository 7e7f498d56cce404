"""Accessibility: axe-core (npm, pinned in package-lock.json) on every kind of page.

axe is injected by the test only (``add_script_tag``), never shipped with the site;
the browser context bypasses the pages' Content-Security-Policy for that one
script. A violation of impact "serious" or "critical" fails; every violation found
is printed (``pytest -s``) so lesser ones can be read too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser import chromium, require_chromium, serve
from conftest import ROOT, build

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FAILING = ("serious", "critical")

# Every kind of page of the bundled sample (2,000 reports: full lists, map clusters,
# every grade), which a tiny fixture would not show.
PAGES = [
    "/",
    "/kasus/lu-2023-000001/",
    "/instansi/",
    "/instansi/dinas-pupr/",
    "/instansi/dinas-pupr/page/2/",
    "/rapor/",
    "/rapor/2025/",
    "/metodologi/",
    "/tentang/",
    "/data/",
    "/cari/?q=jalan",
    "/peta/",
    "/peta/?instansi=dinas-pupr",
    "/kategori/",
    "/kategori/infrastruktur/",
    "/kecamatan/",
    "/kecamatan/abung-selatan/",
    "/tahun/",
    "/tahun/2025/",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The bundled sample, root-relative (SITEURL empty) so the local server serves it all."""
    require_chromium()
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `make vendor` (npm ci)")
    folder = tmp_path_factory.mktemp("axe")
    assert build(ROOT / "data" / "sample", folder / "output") == 0
    return folder / "output"


@pytest.fixture(scope="module", params=["light", "dark"])
def axe_page(site, request):
    with serve(site) as base, chromium() as browser:
        context = browser.new_context(
            viewport={"width": 360, "height": 740}, bypass_csp=True, color_scheme=request.param
        )

        def route(r):
            # Nothing from outside (map tiles): the check runs offline.
            (r.continue_ if r.request.url.startswith(base) else r.abort)()

        context.route("**/*", route)
        page = context.new_page()
        page.base = base
        try:
            yield page
        finally:
            context.close()


def violations(page, url: str) -> list[dict]:
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("load")
    if "/peta/" in url:  # the markers and clusters are drawn by script after load
        page.wait_for_selector(".peta-cluster, .peta-cell")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result
    ]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(axe_page, path):
    found = violations(axe_page, axe_page.base + path)
    for v in found:
        print(f"axe {path}: {v['impact']} {v['id']}: {v['help']} {json.dumps(v['nodes'])}")
    serious = [v for v in found if v["impact"] in FAILING]
    assert serious == [], path
