"""What only a browser shows: layout on a phone, and that no script ever runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import browser_page, csp_violations, require_chromium, serve
from conftest import build
from fixtures import base_tables, complaint, event, write_input

pytestmark = pytest.mark.browser

LONG_WORD = "Jalan" + "rusak" * 1000


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    require_chromium()
    folder = tmp_path_factory.mktemp("browser")
    tables = base_tables()
    tables["complaints"].append(
        complaint(
            "LU-777",
            title="<img src=x onerror=alert(1)>" + LONG_WORD[:150],
            body=LONG_WORD + "\n\n<script>alert(2)</script>",
        )
    )
    tables["responses"].append(
        event("LU-777", "2025-03-04T09:00:00", "instansi", "tanggapan", "dinas-pupr", LONG_WORD)
    )
    data = write_input(folder / "input", tables)
    assert build(data, folder / "output") == 0
    return folder / "output"


PAGES = [
    "/",
    "/kasus/lu-777/",
    "/data/perubahan/",
    "/kasus/lu-001/",
    "/instansi/",
    "/instansi/dinas-pupr/",
    "/rapor/",
    "/rapor/2025/",
    "/tentang/",
    "/metodologi/",
    "/kategori/",
    "/kategori/infrastruktur/",
    "/kecamatan/kotabumi/",
    "/tahun/2025/",
    "/data/",
]


@pytest.fixture(scope="module")
def browser(site):
    """One Chromium for the module (a launch costs seconds); each test resets its records."""
    with serve(site) as base, browser_page(base) as page:
        yield base, page


@pytest.fixture
def page(browser):
    base, page = browser
    page.dialogs.clear()
    page.blocked.clear()
    page.base = base
    return page


@pytest.mark.parametrize("path", PAGES)
def test_page_fits_a_phone_and_runs_no_script(page, path, tmp_path):
    response = page.goto(page.base + path)
    assert response.status == 200
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"
    assert page.dialogs == []
    assert page.evaluate("document.scripts.length") == 0
    assert page.blocked == []  # the site needs nothing from outside
    assert csp_violations(page) == []
    # The menu takes at most two lines of a phone's screen, whatever page it is on.
    lines = page.evaluate(
        "new Set([...document.querySelectorAll('.site-nav li')].map(li => li.offsetTop)).size"
    )
    assert lines <= 2, f"the menu wraps onto {lines} lines at 360px"
    page.screenshot(path=str(tmp_path / "page.png"), full_page=True)


def test_hostile_title_is_text_in_the_browser(page):
    page.goto(page.base + "/kasus/lu-777/")
    assert page.locator("h1").inner_text().startswith("<img src=x onerror=alert(1)>")
    assert page.locator("img").count() == 0
    assert page.dialogs == []
