"""Sharing and reporting: link-preview tags, share cards, share links, report channels."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, SITEURL, build
from fixtures import base_tables, write_input
from PIL import Image

from generator import cards
from generator.cli import load_settings
from generator.pipeline import prepare
from generator.views import Views


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path.lstrip("/") / "index.html").read_text("utf-8"), "html.parser")


def meta(page: BeautifulSoup, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def some_pages(site: Path) -> list[str]:
    """One page of every kind, from what the build wrote."""
    case = sorted((site / "kasus").iterdir())[0].name
    return [
        "/",
        f"/kasus/{case}/",
        "/instansi/",
        "/instansi/dinas-pupr/",
        "/rapor/",
        "/metodologi/",
        "/tentang/",
        "/data/",
        "/cari/",
        "/peta/",
        "/kategori/",
    ]


def test_every_page_has_absolute_preview_tags_with_siteurl(sample_site):
    for path in some_pages(sample_site):
        page = soup(sample_site, path)
        assert meta(page, "og:site_name") == "Jendela Aduan", path
        assert meta(page, "og:locale") == "id_ID"
        assert meta(page, "og:title") and meta(page, "og:description"), path
        assert meta(page, "og:url") == SITEURL + path
        assert page.title.get_text().startswith(meta(page, "og:title"))
        image = meta(page, "og:image")
        assert image.startswith(SITEURL + "/kartu/"), path
        assert (sample_site / image.removeprefix(SITEURL + "/")).is_file()
        assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
        assert meta(page, "og:image:alt")
        assert meta(page, "twitter:card") == "summary_large_image"
        assert meta(page, "og:type") == ("article" if path.startswith("/kasus/") else "website")


def test_agency_and_rapor_pages_share_their_own_card_cases_the_site_card(sample_site):
    pages = some_pages(sample_site)
    assert meta(soup(sample_site, pages[1]), "og:image") == SITEURL + cards.SITE_CARD
    agency = soup(sample_site, "/instansi/dinas-pupr/")
    assert meta(agency, "og:image") == SITEURL + "/kartu/instansi/dinas-pupr.png"
    assert meta(agency, "og:image:alt").startswith(
        "Rapor instansi · Kabupaten Lampung Utara: Dinas Pekerjaan Umum"
    )
    assert meta(soup(sample_site, "/rapor/"), "og:image") == SITEURL + cards.RAPOR_CARD
    assert meta(soup(sample_site, "/rapor/2025/"), "og:image") == SITEURL + cards.SITE_CARD


def test_without_siteurl_no_relative_preview_urls(base_site):
    # Link previews ignore relative URLs: og:url and og:image are left out, and the
    # Twitter card is the text-only "summary".
    for path in ("/", "/kasus/lu-001/", "/instansi/dinas-pupr/", "/rapor/"):
        page = soup(base_site, path)
        assert meta(page, "og:title")
        assert meta(page, "og:url") is None
        assert meta(page, "og:image") is None
        assert meta(page, "twitter:card") == "summary"
    # The cards are still made, for a host that adds SITEURL later.
    assert (base_site / "kartu" / "situs.png").is_file()


@pytest.mark.parametrize(
    ("path", "title", "url"),
    [
        ("/kasus/lu-001/", "Jalan rusak LU-001 (LU-001)", "/kasus/lu-001/"),
        (
            "/instansi/dinas-pupr/",
            "Rapor Dinas Pekerjaan Umum dan Penataan Ruang",
            "/instansi/dinas-pupr/",
        ),
    ],
)
def test_share_box_works_without_javascript(base_site, path, title, url):
    page = soup(base_site, path)
    box = page.select_one("section.share")
    whatsapp = box.select_one("a.share-whatsapp")["href"]
    parts = urlsplit(whatsapp)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "wa.me", "/")
    assert parse_qs(parts.query) == {"text": [f"{title} {url}"]}
    field = box.select_one("input.share-url")
    assert field.has_attr("readonly") and field["value"] == url
    assert page.find("label", attrs={"for": field["id"]})
    assert box.select_one("button.copy-link").has_attr("hidden")  # shown by the script only
    scripts = page.find_all("script")
    assert [s["src"] for s in scripts] == ["/theme/js/bagikan.js"]
    assert not any(s.string for s in scripts)


def test_share_links_carry_the_absolute_url(sample_site):
    page = soup(sample_site, "/instansi/dinas-pupr/")
    assert page.select_one("input.share-url")["value"] == SITEURL + "/instansi/dinas-pupr/"
    text = parse_qs(urlsplit(page.select_one("a.share-whatsapp")["href"]).query)["text"][0]
    assert text.endswith(" " + SITEURL + "/instansi/dinas-pupr/")


def test_report_channels_in_every_footer_and_on_home_and_case(base_site):
    expected = [("https://www.lapor.go.id", "SP4N-LAPOR! (situs web)"), ("sms:1708", "SMS ke 1708")]
    for index in base_site.rglob("index.html"):
        page = BeautifulSoup(index.read_text("utf-8"), "html.parser")
        links = page.select("footer .report-where a")
        assert [(a["href"], a.get_text()) for a in links] == expected, index
    for path in ("/", "/kasus/lu-001/"):
        box = soup(base_site, path).select_one("aside.report-box")
        assert box.h2.get_text() == "Punya masalah serupa?"
        assert [(a["href"], a.get_text()) for a in box.select("a")] == expected


def test_report_channels_setting_is_used(tmp_path):
    from test_settings import settings_file

    channels = (
        "REPORT_CHANNELS = ({'label': 'Aplikasi LAPOR!', "
        "'url': 'https://play.google.com/store/apps/details?id=id.go.lapor'},)"
    )
    data = write_input(tmp_path / "input", base_tables())
    assert build(data, tmp_path / "out", settings=str(settings_file(tmp_path, channels))) == 0
    box = soup(tmp_path / "out", "/kasus/lu-001/").select_one("aside.report-box")
    assert [a.get_text() for a in box.select("a")] == ["Aplikasi LAPOR!"]


def test_home_names_every_red_agency(sample_site):
    rapor = pd.read_csv(sample_site / "data" / "rapor.csv", keep_default_na=False)
    red = set(rapor.loc[rapor["grade"] == "merah", "agency_id"])
    assert red  # the sample has some, or this test proves nothing
    links = soup(sample_site, "/").select("ul.red-list a")
    assert {a["href"].removeprefix(SITEURL + "/instansi/").strip("/") for a in links} == red
    assert all(a.get_text().strip() for a in links)


# -- the cards -----------------------------------------------------------------


def test_cards_are_1200_by_630_pngs(base_site):
    found = sorted((base_site / "kartu").rglob("*.png"))
    names = {p.relative_to(base_site).as_posix() for p in found}
    assert {"kartu/situs.png", "kartu/rapor.png", "kartu/instansi/dinas-pupr.png"} <= names
    assert len(found) == 2 + 3  # site, rapor, one per agency
    for png in found:
        with Image.open(png) as image:
            assert image.format == "PNG" and image.size == (1200, 630)
            assert not image.info  # no text chunks, no timestamp, no dpi


def test_cards_are_the_same_bytes_in_a_second_build(base_site, tmp_path):
    data = write_input(tmp_path / "input", base_tables())
    assert build(data, tmp_path / "again") == 0
    first = {p.relative_to(base_site): p.read_bytes() for p in (base_site / "kartu").rglob("*.png")}
    again = {
        p.relative_to(tmp_path / "again"): p.read_bytes()
        for p in (tmp_path / "again" / "kartu").rglob("*.png")
    }
    assert first == again


@pytest.fixture(scope="module")
def share_cards(tmp_path_factory) -> cards.ShareCards:
    folder = tmp_path_factory.mktemp("cards")
    data = write_input(folder / "input", base_tables())
    settings = load_settings(ROOT / "pelicanconf.py", {"DATA": str(data)})
    return cards.ShareCards(Views(prepare(settings), settings))


def test_cards_say_no_rahasia_text(share_cards):
    # An image cannot be searched for text: what each card draws is its strings.
    every = [card for _, card in share_cards.all()]
    drawn = " ".join(s for card in every for s in card.strings())
    assert "RAHASIA" not in drawn.upper()
    assert "pungutan" not in drawn.lower()  # the rahasia report's title
    assert [path for path, _ in share_cards.all()][:2] == [cards.SITE_CARD, cards.RAPOR_CARD]


def test_agency_card_counts_rahasia_only_in_aggregate(share_cards):
    # Dinas PUPR has LU-001 (published) and LU-003 (rahasia): both are received.
    card = share_cards.agency("dinas-pupr")
    assert card.title == "Dinas Pekerjaan Umum dan Penataan Ruang"
    received = {s.label: s.value for s in card.stats}["laporan diterima"]
    table = share_cards.views.rapor.table()
    assert received == str(int(table.loc["dinas-pupr", "received"]))


def test_missing_figures_say_tidak_tersedia_never_zero(share_cards, monkeypatch):
    table = share_cards.views.rapor.table().copy()
    table.loc["dinkes", ["pct_response_within_sla", "median_response_workdays"]] = float("nan")
    table.loc["dinkes", "grade"] = ""
    monkeypatch.setattr(share_cards.views.rapor, "table", lambda year=None: table)
    card = share_cards.agency("dinkes")
    values = {s.label: s.value for s in card.stats}
    assert values["ditanggapi dalam 5 hari kerja"] == cards.NOT_AVAILABLE
    assert values["median sampai tanggapan pertama"] == cards.NOT_AVAILABLE
    assert card.grade_label == "Nilai: data belum cukup"
    assert cards.figure_text(None) == cards.NOT_AVAILABLE
    assert cards.figure_text("–") == cards.NOT_AVAILABLE
    png = cards.render(card)
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (1200, 630)


def test_render_is_deterministic_and_wraps_long_names():
    card = cards.Card(
        "Rapor instansi · Kabupaten Lampung Utara",
        "Pengaduan tentang jalan—rusak " * 12,
        "merah",
        "Nilai: Merah",
        (cards.Stat("12,9%", "ditanggapi dalam 5 hari kerja"),),
        "aduan.example.go.id · Data per 31 Oktober 2026",
    )
    assert cards.render(card) == cards.render(card)
