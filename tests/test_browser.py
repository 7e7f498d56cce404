"""What only a browser shows: layout on a phone, and that no script ever runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import blocked_page, browser_page, csp_violations, require_chromium, serve
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
    "/instansi/dinas-pupr/terlambat/",
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
    # No inline script anywhere; case and agency pages load the share box's file only,
    # /rapor/ its optional column sorting (external files).
    scripts = page.evaluate("[...document.scripts].map(s => s.src)")
    shares = path.startswith(("/kasus/", "/instansi/")) and path != "/instansi/"
    if shares and "/terlambat/" not in path:  # a late-case list is not shared as such
        expected = [page.base + "/theme/js/bagikan.js"]
    elif path.startswith("/rapor/"):
        expected = [page.base + "/theme/js/urut-tabel.js"]
    else:
        expected = []
    assert scripts == expected
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


def test_share_box_copies_the_full_address_with_javascript(page):
    page.goto(page.base + "/kasus/lu-001/")
    field = page.locator(".share .share-url")
    assert field.input_value() == page.base + "/kasus/lu-001/"  # made absolute by the script
    href = page.locator(".share .share-whatsapp").get_attribute("href")
    assert href.endswith(
        "%20" + (page.base + "/kasus/lu-001/").replace(":", "%3A").replace("/", "%2F")
    )
    button = page.locator(".share .copy-link")
    assert button.is_visible()
    button.click()
    page.wait_for_function("document.querySelector('.share .copy-status').textContent !== ''")
    assert page.locator(".share .copy-status").text_content().startswith("Tautan")
    assert page.dialogs == [] and csp_violations(page) == []


# -- phone first (issue 14, point 5) --------------------------------------------------

PHONE_PAGES = ["/", "/kasus/lu-001/", "/instansi/dinas-pupr/", "/rapor/", "/kategori/", "/data/"]


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_header_is_compact_on_a_phone_and_ids_stay_on_one_line(page, path):
    page.goto(page.base + path)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 130, f"{path}: header {header['height']}px high at 360px"
    # The menu is one row that scrolls sideways, inside the page's width.
    rows = page.evaluate(
        "new Set([...document.querySelectorAll('.site-nav li')].map(li => li.offsetTop)).size"
    )
    assert rows == 1
    # Every tracking ID on the page sits on one line: its boxes share one top.
    lines = page.evaluate(
        "[...document.querySelectorAll('.tracking-id')]"
        ".map(e => new Set([...e.getClientRects()].map(r => Math.round(r.top))).size)"
    )
    assert all(n == 1 for n in lines), lines
    overflow = page.evaluate("document.body.scrollWidth - document.body.clientWidth")
    assert overflow <= 0


def test_the_citizens_text_is_read_before_the_metadata(page):
    page.goto(page.base + "/kasus/lu-001/")
    text = page.locator(".user-text").first.bounding_box()
    facts = page.locator("dl.facts").bounding_box()
    assert text["y"] < facts["y"]
    # The first screen of a phone (740 px) reaches the citizen's words.
    assert text["y"] < 740


def test_the_rapor_table_sorts_by_any_column_with_javascript(page):
    base = page.base
    with blocked_page(page.context.browser, base, width=1280) as page:
        page.goto(base + "/rapor/")
        table = page.locator("table[data-sortable]").first
        headers = table.locator("thead th")
        received = [h.inner_text() for h in headers.all()].index("Diterima")
        column = f"tbody tr > :nth-child({received + 1})"

        def values() -> list[int]:
            return [int(c.inner_text().replace(".", "")) for c in table.locator(column).all()]

        headers.nth(received).locator("button").click()
        assert headers.nth(received).get_attribute("aria-sort") == "ascending"
        assert values() == sorted(values()) and len(values()) > 1
        headers.nth(received).locator("button").click()
        assert headers.nth(received).get_attribute("aria-sort") == "descending"
        assert values() == sorted(values(), reverse=True)
        assert table.locator("thead th[aria-sort]").count() == 1
        assert csp_violations(page) == []


def test_a_table_that_overflows_says_so_and_one_that_fits_does_not(page):
    page.goto(page.base + "/instansi/dinas-pupr/")
    wraps = page.evaluate(
        "[...document.querySelectorAll('.table-wrap')].filter(w => w.offsetParent)"
        ".map(w => [w.scrollWidth > w.clientWidth, getComputedStyle(w, '::before').visibility])"
    )
    assert {overflows for overflows, _ in wraps} == {True, False}, wraps  # both kinds here
    assert all((visibility == "visible") == overflows for overflows, visibility in wraps), wraps
