"""/cari/ in a real browser, network cut: a newcomer finds a case by a word of its
text, by its agency and year, and by its tracking ID; a rahasia report by nothing.

The index is built in shards of 3 cases, so every search, filter and sort here
runs across several shards (cari.js merges them)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from browser import blocked_page, chromium, csp_violations, require_chromium, serve
from conftest import build
from fixtures import base_tables, complaint, event, write_input
from test_settings import settings_file

pytestmark = pytest.mark.browser

# 12 cases closed three months apart from January 2023: SH-011 is the newest.
TREES = [f"SH-{i:03d}" for i in range(12)]


def tree_case(i: int) -> dict:
    year, month = 2023 + i // 4, (i % 4) * 3 + 1
    return complaint(
        TREES[i],
        title=f"Pohon tumbang nomor {i}",
        body=f"Pohon tumbang menutup selokan di gang {i}.",
        category="Lingkungan Hidup",
        desa="Kelapa Tujuh",
        submitted_at=f"{year}-{month:02d}-02T09:00:00",
        closed_at=f"{year}-{month:02d}-15T10:00:00",
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    require_chromium()
    folder = tmp_path_factory.mktemp("search")
    tables = base_tables()
    tables["complaints"] += [
        complaint(
            "LU-010",
            title="KTP elektronik belum jadi",
            body="Sudah tiga bulan KTP elektronik saya belum dicetak di kecamatan.",
            category="Administrasi Kependudukan",
            agency_id="dinkes",
            kecamatan="Abung Selatan",
            desa="Candimas",
            submitted_at="2024-06-03T09:00:00",
            closed_at="2024-06-20T09:00:00",
        ),
        complaint(
            "LU-011",
            title="<img src=x onerror=alert(1)> Jalan ambles di Candimas",
            body="Jalan ambles dekat balai desa.\n\n<script>alert(2)</script>",
            kecamatan="Abung Selatan",
            desa="Candimas",
            submitted_at="2024-02-05T09:00:00",
            closed_at="2024-03-01T09:00:00",
        ),
    ]
    tables["responses"] += [
        event("LU-010", "2024-06-10T09:00:00", "instansi", "tanggapan", "dinkes", "Blangko habis."),
        event("LU-011", "2024-02-20T09:00:00", "instansi", "tanggapan", "dinas-pupr", "Ditimbun."),
    ]
    tables["complaints"] += [tree_case(i) for i in range(12)]
    data = write_input(folder / "input", tables)
    conf = settings_file(folder, "SEARCH_SHARD_CASES = 3")
    assert build(data, folder / "output", settings=str(conf)) == 0
    shards = json.loads((folder / "output/pagefind/shards.json").read_text("utf-8"))["shards"]
    assert len(shards) >= 6  # 16 cases closed in 2023-2025, 3 to a shard
    return folder / "output"


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def base(site):
    with serve(site) as base:
        yield base


@pytest.fixture
def page(browser, base):
    with blocked_page(browser, base) as page:
        yield page


def wait_for_status(page, pattern: str, timeout: float = 15) -> str:
    """The status line once it matches ``pattern`` (polled from Python: the page's
    CSP forbids the eval that Playwright's wait_for_function needs)."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = page.inner_text("#status")
        if re.search(pattern, text):
            return text
        page.wait_for_timeout(100)
    raise AssertionError(f"status is {text!r}, expected {pattern!r}")


def found(page) -> list[str]:
    return [a.get_attribute("href") for a in page.locator("#hasil .case-title a").all()]


def search(page, base: str, query: str) -> list[str]:
    page.goto(f"{base}/cari/{query}")
    wait_for_status(page, "ditemukan|Tidak ada kasus")
    return found(page)


def test_a_word_of_the_text_finds_its_case_from_a_shared_link(page, base):
    assert search(page, base, "?q=dicetak") == ["/kasus/lu-010/"]
    assert search(page, base, "?q=candimas") == ["/kasus/lu-011/", "/kasus/lu-010/"] or set(
        found(page)
    ) == {"/kasus/lu-010/", "/kasus/lu-011/"}
    card = page.locator("#hasil .case-card").first
    assert "Abung" not in card.locator(".case-title").inner_text()
    assert page.locator("#hasil mark").count() >= 1  # the word is highlighted
    assert csp_violations(page) == [] and page.blocked == [] and page.dialogs == []


def test_an_agency_answer_and_a_village_are_found(page, base):
    assert search(page, base, "?q=blangko") == ["/kasus/lu-010/"]
    assert search(page, base, "?q=Sindang") == ["/kasus/lu-001/", "/kasus/lu-002/"] or set(
        found(page)
    ) == {"/kasus/lu-001/", "/kasus/lu-002/"}


def test_a_tracking_id_finds_its_case(page, base):
    assert found_first(page, base, "?q=LU-010") == "/kasus/lu-010/"
    meta = page.locator("#hasil .case-tags").first.inner_text()
    assert "LU-010" in meta and "Dinas Kesehatan" in meta and "20 Jun 2024" in meta


def found_first(page, base: str, query: str) -> str:
    results = search(page, base, query)
    assert results, f"nothing found for {query}"
    return results[0]


def test_filters_narrow_the_results_and_go_into_the_url(page, base):
    everything = search(page, base, "?q=jalan")
    assert set(everything) == {"/kasus/lu-001/", "/kasus/lu-002/", "/kasus/lu-011/"}
    page.click(".search-filters summary")  # folded on a phone
    page.select_option("#f-tahun", "2024")
    wait_for_status(page, r"^1 kasus ditemukan")
    assert found(page) == ["/kasus/lu-011/"]
    assert parse_qs(urlparse(page.url).query) == {"q": ["jalan"], "tahun": ["2024"]}
    page.reload()  # the link alone brings the same results back
    wait_for_status(page, r"^1 kasus ditemukan")
    assert page.input_value("#f-tahun") == "2024" and found(page) == ["/kasus/lu-011/"]


def test_agency_and_year_without_a_word(page, base):
    assert search(page, base, "?instansi=Dinas+Kesehatan&tahun=2024") == ["/kasus/lu-010/"]


def test_sort_by_newest_and_oldest(page, base):
    newest = search(page, base, "?q=jalan&urut=selesai:desc")
    oldest = search(page, base, "?q=jalan&urut=selesai:asc")
    assert newest[-1] == "/kasus/lu-011/" and oldest[0] == "/kasus/lu-011/"
    assert page.input_value("#urut") == "selesai:asc"
    # 11 working days before 2 and 1: sorted as numbers ("2" > "11" as text).
    slowest = search(page, base, "?q=jalan&urut=tanggapan:desc")
    assert slowest == ["/kasus/lu-011/", "/kasus/lu-001/", "/kasus/lu-002/"]


def test_late_filter_and_badges_in_results(page, base):
    # LU-011: answered after 8 working days (5 to 20 February 2024 less the holidays
    # of 8, 9 and 14 February; deadline 5); the others within it.
    assert search(page, base, "?ketepatan=Terlambat") == ["/kasus/lu-011/"]
    line = page.locator("#hasil .case-deadline").first
    assert line.inner_text() == "Tanggapan pertama: 8 hari kerja terlambat 3 hari kerja"
    assert "badge-terlambat" in line.locator(".badge").get_attribute("class")
    on_time = search(page, base, "?ketepatan=Tepat+waktu&urut=tanggapan:desc")
    assert on_time == ["/kasus/lu-010/", "/kasus/lu-001/", "/kasus/lu-002/"]
    badges = [b.inner_text() for b in page.locator("#hasil .case-deadline .badge").all()]
    assert badges == ["tepat waktu"] * 3
    assert page.input_value("#f-ketepatan") == "Tepat waktu"
    assert csp_violations(page) == [] and page.dialogs == []


def test_typing_searches_and_updates_the_url(page, base):
    page.goto(base + "/")
    page.fill("header .site-search input[name=q]", "ambles")
    page.press("header .site-search input[name=q]", "Enter")
    wait_for_status(page, "ditemukan")
    assert urlparse(page.url).path == "/cari/" and found(page) == ["/kasus/lu-011/"]
    page.fill("#q", "KTP")
    wait_for_status(page, "untuk “KTP”")
    assert found(page) == ["/kasus/lu-010/"]
    assert parse_qs(urlparse(page.url).query) == {"q": ["KTP"]}


def test_a_rahasia_report_is_found_by_no_word_of_it(page, base):
    for word in ("pungutan", "RAHASIA-ISI", "RAHASIA-JAWAB", "RAHASIA-JUDUL", "kantor"):
        page.goto(f"{base}/cari/?q={word}")
        status = wait_for_status(page, "ditemukan|Tidak ada kasus")
        assert status.startswith("Tidak ada kasus"), (word, status)
    # Its tracking ID shares "LU" with the others: they are found, it is not.
    assert "/kasus/lu-003/" not in search(page, base, "?q=LU-003")
    # LU-004 is still open: no page, no result either.
    assert "/kasus/lu-004/" not in search(page, base, "?q=Kesehatan")


def test_hostile_text_in_a_result_is_only_text(page, base):
    assert search(page, base, "?q=ambles") == ["/kasus/lu-011/"]
    title = page.locator("#hasil .case-title").first.inner_text()
    assert title.startswith("<img src=x onerror=alert(1)>")
    search(page, base, "?q=alert")
    assert "<script>alert(2)</script>" in page.locator("#hasil .excerpt").first.inner_text()
    assert page.locator("#hasil img, #hasil script").count() == 0
    assert page.dialogs == [] and csp_violations(page) == []


@pytest.mark.parametrize("width", [360, 1280])
def test_search_page_fits_the_screen_without_csp_violations(browser, base, width, tmp_path):
    with blocked_page(browser, base, width=width) as page:
        search(page, base, "?q=jalan")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"/cari/ scrolls sideways by {overflow}px at {width}px"
        assert page.is_hidden(".no-js-note")
        assert csp_violations(page) == [] and page.blocked == []
        page.screenshot(path=str(tmp_path / "cari.png"), full_page=True)


def test_without_javascript_the_page_says_so_and_links_to_browse_pages(browser, base):
    with blocked_page(browser, base, javascript=False) as page:
        page.goto(base + "/cari/?q=jalan")
        assert page.is_visible(".no-js-note")
        assert "memerlukan JavaScript" in page.inner_text(".no-js-note")
        page.click("#tanpa-js a[href='/kategori/']")
        page.click(".browse-list a[href='/kategori/infrastruktur/']")
        assert "/kasus/lu-011/" in [
            a.get_attribute("href") for a in page.locator("main .case-title a").all()
        ]


def tree_urls(order) -> list[str]:
    return [f"/kasus/{TREES[i].lower()}/" for i in order]


@pytest.mark.parametrize(("direction", "order"), [("desc", range(11, -1, -1)), ("asc", range(12))])
def test_a_sort_orders_the_results_of_every_shard_and_more_keeps_it(page, base, direction, order):
    first = search(page, base, f"?q=pohon&urut=selesai:{direction}")
    assert wait_for_status(page, "ditemukan").startswith("12 kasus ditemukan")
    assert first == tree_urls(order)[:10]
    page.click("#lagi-tombol")
    deadline = time.monotonic() + 15
    while len(found(page)) < 12 and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert found(page) == tree_urls(order)
    assert page.is_hidden("#lagi")


def test_a_filter_counts_the_cases_of_every_shard(page, base):
    everything = search(page, base, "?kategori=Lingkungan+Hidup")
    assert len(everything) == 10 and set(everything) < set(tree_urls(range(12)))  # page 1
    assert page.inner_text("#status").startswith("12 kasus ditemukan")
    in_2024 = search(page, base, "?kategori=Lingkungan+Hidup&tahun=2024&urut=selesai:asc")
    assert in_2024 == tree_urls(range(4, 8))
    assert page.inner_text("#status").startswith("4 kasus ditemukan")


def test_a_tracking_id_in_any_shard_comes_first(page, base):
    for i in (0, 5, 11):
        assert found_first(page, base, f"?q={TREES[i]}") == tree_urls([i])[0]
