"""Atom feeds and the sitemap: they parse, and they list what they must."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import HOSTILE_TITLE, SITEURL

from generator import sitemaps

A = "{http://www.w3.org/2005/Atom}"
S = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def atom(path: Path) -> ET.Element:
    root = ET.parse(path).getroot()
    assert root.tag == f"{A}feed"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{A}{tag}") is not None, tag
    assert root.find(f"{A}author/{A}name").text
    assert root.find(f"{A}link[@rel='self']") is not None
    for entry in root.findall(f"{A}entry"):
        for tag in ("id", "title", "updated", "summary"):
            assert entry.find(f"{A}{tag}") is not None, tag
        assert entry.find(f"{A}link[@rel='alternate']") is not None
        for tag in ("title", "summary", "content"):
            assert entry.find(f"{A}{tag}").get("type") == "text"
    return root


def test_site_feed_holds_the_newest_resolved_cases_with_absolute_links(sample_site):
    root = atom(sample_site / "feeds/kasus.atom.xml")
    entries = root.findall(f"{A}entry")
    assert len(entries) == 50  # FEED_MAX_ITEMS
    cases = pd.read_csv(sample_site / "data/kasus.csv", dtype=str, keep_default_na=False)
    newest = cases.sort_values(["closed_at", "tracking_id"], ascending=[False, True]).head(50)
    urls = [e.find(f"{A}link").get("href") for e in entries]
    assert urls == list(newest["url"])
    assert [e.find(f"{A}id").text for e in entries] == urls  # the canonical URL, stable
    assert [e.find(f"{A}updated").text for e in entries] == list(newest["closed_at"])
    assert root.find(f"{A}updated").text == newest["closed_at"].iloc[0]
    assert root.find(f"{A}link[@rel='self']").get("href") == f"{SITEURL}/feeds/kasus.atom.xml"
    parsed = feedparser.parse((sample_site / "feeds/kasus.atom.xml").read_bytes())
    assert not parsed.bozo and parsed.version == "atom10"
    assert parsed.entries[0].title == newest["title"].iloc[0]


def test_every_agency_has_a_feed_of_its_own_cases(sample_site):
    agencies = pd.read_csv(sample_site / "data/instansi.csv", dtype=str, keep_default_na=False)
    cases = pd.read_csv(sample_site / "data/kasus.csv", dtype=str, keep_default_na=False)
    for row in agencies.itertuples():
        path = sample_site / f"feeds/instansi/{row.agency_id.lower()}.atom.xml"
        entries = atom(path).findall(f"{A}entry")
        own = cases[cases["agency_id"] == row.agency_id]
        assert len(entries) == min(50, len(own)), row.agency_id
        assert {e.find(f"{A}link").get("href") for e in entries} <= set(own["url"])
        page = soup(sample_site / f"instansi/{row.agency_id.lower()}/index.html")
        feed_url = f"{SITEURL}/feeds/instansi/{row.agency_id.lower()}.atom.xml"
        alternates = [a["href"] for a in page.select("link[rel=alternate]")]
        assert alternates == [f"{SITEURL}/feeds/kasus.atom.xml", feed_url]
        assert feed_url in {a["href"] for a in page.select("main a")}


def test_every_page_links_the_site_feed_and_its_canonical_url(sample_site):
    for path in sorted(sample_site.rglob("index.html"))[:300]:
        page = soup(path)
        feeds = page.select("link[rel=alternate][type='application/atom+xml']")
        assert feeds[0]["href"] == f"{SITEURL}/feeds/kasus.atom.xml", path
        url_path = "/" + path.parent.relative_to(sample_site).as_posix() + "/"
        expected = SITEURL + ("/" if url_path == "/./" else url_path)
        assert page.select_one("link[rel=canonical]")["href"] == expected, path


def test_feed_text_is_literal_and_the_xml_stays_well_formed(all_public_site):
    path = all_public_site / "feeds/kasus.atom.xml"
    root = atom(path)  # parses despite a control character in a report's text
    titles = [e.find(f"{A}title").text for e in root.findall(f"{A}entry")]
    assert HOSTILE_TITLE in titles
    assert b"<script>" not in path.read_bytes()
    parsed = feedparser.parse(path.read_bytes())
    assert HOSTILE_TITLE in [e.title for e in parsed.entries]
    # No SITEURL: root-relative links, and ids that are still absolute and stable.
    entry = root.find(f"{A}entry")
    assert entry.find(f"{A}link").get("href").startswith("/kasus/")
    assert entry.find(f"{A}id").text.startswith("urn:uuid:")


def test_feeds_hold_only_published_cases(base_site):
    for path in sorted((base_site / "feeds").rglob("*.xml")):
        if path.name == "perubahan.atom.xml":  # releases, not cases: tests/test_changes.py
            continue
        links = {e.find(f"{A}link").get("href") for e in atom(path).findall(f"{A}entry")}
        assert links <= {"/kasus/lu-001/", "/kasus/lu-002/"}, path
    empty = atom(base_site / "feeds/instansi/dinkes.atom.xml")
    assert empty.findall(f"{A}entry") == []
    assert empty.find(f"{A}updated").text == "2025-03-10T15:00:00+07:00"  # the data's date


def sitemap_urls(root: ET.Element) -> dict[str, str | None]:
    assert root.tag == f"{S}urlset"
    return {
        u.find(f"{S}loc").text: getattr(u.find(f"{S}lastmod"), "text", None)
        for u in root.findall(f"{S}url")
    }


def test_sitemap_lists_every_page_written(sample_site):
    urls = sitemap_urls(ET.parse(sample_site / "sitemap.xml").getroot())
    pages = {
        SITEURL + "/" + p.parent.relative_to(sample_site).as_posix() + "/"
        for p in sample_site.rglob("index.html")
    }
    pages = {u.replace("/./", "/") for u in pages}
    assert set(urls) == pages
    assert f"{SITEURL}/tentang/" in urls and urls[f"{SITEURL}/tentang/"] is None
    assert f"{SITEURL}/data/" in urls
    cases = pd.read_csv(sample_site / "data/kasus.csv", dtype=str, keep_default_na=False)
    for row in cases.head(50).itertuples():
        assert urls[row.url] >= row.closed_at  # closing, or a later comment
    assert urls[f"{SITEURL}/"].startswith("2026-10-31")


def test_robots_txt_names_the_sitemap_only_with_an_absolute_siteurl(sample_site, base_site):
    with_url = (sample_site / "robots.txt").read_text("utf-8").splitlines()
    assert with_url == [
        "User-agent: *",
        "Disallow: /pagefind/",
        "Allow: /",
        f"Sitemap: {SITEURL}/sitemap.xml",
    ]
    without = (base_site / "robots.txt").read_text("utf-8")
    assert "Sitemap:" not in without and "Disallow: /pagefind/" in without


def test_sitemap_splits_into_an_index_past_the_limit(base_site, tmp_path):
    import shutil

    from generator.pipeline import prepare

    site = tmp_path / "site"
    shutil.copytree(base_site, site)
    from conftest import ROOT

    from generator.cli import load_settings

    settings = load_settings(ROOT / "pelicanconf.py", {"DATA": str(base_site.parent / "input")})
    pages = sitemaps.page_paths(site)
    count = sitemaps.write(site, "https://x.example", prepare(settings), pages, limit=5)
    index = ET.parse(site / "sitemap.xml").getroot()
    assert index.tag == f"{S}sitemapindex"
    pages = sum(1 for _ in base_site.rglob("index.html"))
    parts = range(1, -(-pages // 5) + 1)  # five pages a part, the last one partly filled
    assert len(parts) >= 2
    locs = [s.find(f"{S}loc").text for s in index]
    assert locs == [f"https://x.example/sitemaps/{n}.xml" for n in parts]
    listed = []
    for n in parts:
        listed += list(sitemap_urls(ET.parse(site / f"sitemaps/{n}.xml").getroot()))
    assert len(listed) == count == len(set(listed)) == pages


@pytest.mark.parametrize("name", ["kasus.atom.xml", "instansi/dinas-pupr.atom.xml"])
def test_feeds_are_reproducible(base_site, tmp_path, name):
    from conftest import build
    from fixtures import base_tables, write_input

    data = write_input(tmp_path / "input", base_tables())
    assert build(data, tmp_path / "again") == 0
    first = (base_site / "feeds" / name).read_bytes()
    assert first == (tmp_path / "again/feeds" / name).read_bytes()


def test_feed_domain_gives_absolute_feed_links_without_siteurl(tmp_path):
    from conftest import build
    from fixtures import base_tables, write_input
    from test_settings import settings_file

    data = write_input(tmp_path / "input", base_tables())
    conf = settings_file(tmp_path, "FEED_DOMAIN = 'https://feed.example.go.id'")
    assert build(data, tmp_path / "out", settings=str(conf)) == 0
    root = atom(tmp_path / "out/feeds/kasus.atom.xml")
    self_link = root.find(f"{A}link[@rel='self']").get("href")
    assert self_link == "https://feed.example.go.id/feeds/kasus.atom.xml"
    entry = root.find(f"{A}entry")
    assert entry.find(f"{A}id").text == "https://feed.example.go.id/kasus/lu-001/"
    # The pages themselves stay root-relative without SITEURL.
    page = soup(tmp_path / "out/kasus/lu-001/index.html")
    assert page.select_one("link[rel=canonical]")["href"] == "/kasus/lu-001/"
