"""Search and browse pages, checked with an HTML parser and by reading the index files.

What only a browser shows (results appear, filters narrow) is in test_search_browser.py.
"""

from __future__ import annotations

import gzip
import json
import logging
import sys
from pathlib import Path

import cbor2
import pytest
from bs4 import BeautifulSoup
from conftest import build
from fixtures import base_tables, complaint, event, write_input

from generator import search
from generator.browse import slugify, unique_slugs


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def html_pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def index_records(output: Path) -> list[dict]:
    """Every page record (fragment) of the Pagefind index, decompressed."""
    records = []
    for path in sorted((output / "pagefind").glob("*/fragment/*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        records.append(json.loads(raw.removeprefix(search.SIGNATURE)))
    return records


def indexed_text(page: BeautifulSoup) -> str:
    """What Pagefind reads of a page: the data-pagefind-body minus ignored elements."""
    body = page.select_one("[data-pagefind-body]")
    for ignored in body.select("[data-pagefind-ignore]"):
        ignored.decompose()
    return body.get_text(" ", strip=True)


# -- the index ---------------------------------------------------------------------


def test_only_case_pages_are_search_results(base_site):
    with_body = [
        str(p.relative_to(base_site))
        for p in html_pages(base_site)
        if soup(p).select("[data-pagefind-body]")
    ]
    assert with_body == ["kasus/lu-001/index.html", "kasus/lu-002/index.html"]
    assert sorted(r["url"] for r in index_records(base_site)) == [
        "/kasus/lu-001/",
        "/kasus/lu-002/",
    ]


def test_rahasia_report_is_in_no_index_file(base_site):
    for path in sorted((base_site / "pagefind").rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":  # gzip: the index data
            data = gzip.decompress(data)
        for secret in (b"LU-003", b"lu-003", b"RAHASIA-", b"pungutan"):
            assert secret not in data, f"{secret!r} in {path}"


def test_case_page_indexes_what_matters_and_no_boilerplate(base_site):
    text = indexed_text(soup(base_site / "kasus/lu-001/index.html"))
    for wanted in (
        "Jalan rusak LU-001",  # title
        "LU-001",
        "Infrastruktur",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "Sindang Sari, Kotabumi",
        "berlubang sejak tiga minggu",  # the citizen's text
        "Tim kami akan meninjau lokasi.",  # the agency's answers
        "Jalan sudah ditambal.",
    ):
        assert wanted in text
    for boilerplate in (
        "Ringkasan",
        "Nomor pelacakan",
        "Privasi",
        "hari kerja",
        "Linimasa",
        "2025",
    ):
        assert boilerplate not in text
    assert "Terima kasih." not in text  # the reporter's comment is not the agency's answer
    assert len(text.split()) < 60


def test_index_record_has_filters_sorts_and_metadata(base_site):
    record = next(r for r in index_records(base_site) if r["url"] == "/kasus/lu-001/")
    assert record["filters"] == {
        "instansi": ["Dinas Pekerjaan Umum dan Penataan Ruang"],
        "jenis": ["Pengaduan"],
        "kategori": ["Infrastruktur"],
        "kecamatan": ["Kotabumi"],
        "ketepatan": ["Tepat waktu"],
        "tahun": ["2025"],
    }
    assert record["meta"] == {
        "instansi": "Dinas Pekerjaan Umum dan Penataan Ruang",
        "ketepatan": "tepat waktu",  # the first answer judged, shown in results
        "lama": "2 hari kerja",
        "tenggat": "tepat",
        "nomor": "LU-001",
        "selesai": "1741593600",  # the sort keys, for merging the shards' sorted results
        "tanggal": "10 Mar 2025",
        "tanggapan": "2",
        "title": "Jalan rusak LU-001",
    }
    page = soup(base_site / "kasus/lu-001/index.html")
    sorts = {
        el["data-pagefind-sort"].split(":")[0]: el["data-pagefind-sort"].split(":")[1]
        for el in page.select("[data-pagefind-sort]")
    }
    assert sorts["tanggapan"] == "2"  # working days to the first answer, a number
    assert int(sorts["selesai"]) == 1741593600  # 2025-03-10 15:00 WIB in seconds since 1970


def test_canonical_index_files_round_trip(base_site):
    manifest = json.loads((base_site / "pagefind" / "shards.json").read_text("utf-8"))
    assert [s["name"] for s in manifest["shards"]] == ["2025-001"]
    for shard in manifest["shards"]:
        bundle = base_site / "pagefind" / shard["name"]
        for path in sorted(bundle.glob("**/*.pf_*")):
            raw = gzip.decompress(path.read_bytes())
            if path.suffix in (".pf_filter", ".pf_meta"):
                body = raw.removeprefix(search.SIGNATURE)
                assert cbor2.dumps(cbor2.loads(body)) == body  # the bytes Pagefind reads
        entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
        meta = bundle / f"pagefind.{entry['languages']['id']['hash']}.pf_meta"
        body = gzip.decompress(meta.read_bytes()).removeprefix(search.SIGNATURE)
        filters = cbor2.loads(body)[3]
        names = [name for name, _ in filters]
        assert names == ["instansi", "jenis", "kategori", "kecamatan", "ketepatan", "tahun"]
        for _name, file_hash in filters:
            assert (bundle / "filter" / f"{file_hash}.pf_filter").is_file()
        assert not (bundle / "pagefind-ui.js").exists()  # interfaces we do not load


def test_a_failing_indexer_fails_the_build_and_keeps_the_old_site(tmp_path, monkeypatch, capsys):
    data = write_input(tmp_path / "input", base_tables())
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("lama", "utf-8")
    failing = [sys.executable, "-c", "import sys; print('boom: disk full'); sys.exit(4)"]
    monkeypatch.setattr(search, "command", lambda site, bundle: failing)
    assert build(data, out) == 3
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text("utf-8") == "lama"
    assert list(tmp_path.glob(".out-*")) == []  # no staging folder left behind
    err = capsys.readouterr().err
    assert "Indeks pencarian gagal" in err and "exit 4" in err and "boom: disk full" in err


def test_a_site_without_cases_builds_without_an_index(tmp_path):
    from fixtures import AGENCIES, write_csv

    data = tmp_path / "input"
    data.mkdir()
    write_csv(data / "agencies.csv", AGENCIES)
    write_csv(data / "complaints.csv", [], header=list(complaint("X")))
    assert build(data, tmp_path / "out") == 0
    assert not (tmp_path / "out/pagefind").exists()
    page = soup(tmp_path / "out/cari/index.html")
    assert page.select("select#f-kategori option") and len(page.select("#f-kategori option")) == 1


# -- every page ----------------------------------------------------------------------


def test_every_page_has_the_header_search_form_and_a_cari_link(base_site):
    for path in html_pages(base_site):
        page = soup(path)
        form = page.select_one("header.site-header form[role=search]")
        assert form is not None, path
        assert form["action"] == "/cari/" and form["method"] == "get"
        field = form.select_one("input[name=q]")
        assert field["type"] == "search"
        assert form.select_one(f"label[for={field['id']}]")
        assert "/cari/" in [a["href"] for a in page.select(".site-nav a")]


def test_search_page_loads_its_script_and_allows_webassembly_only_there(base_site):
    page = soup(base_site / "cari/index.html")
    csp = page.select_one("meta[http-equiv=Content-Security-Policy]")["content"]
    assert "script-src 'self' 'wasm-unsafe-eval'" in csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval' " not in csp + " "
    scripts = page.find_all("script")
    assert [(s.get("type"), s.get("src")) for s in scripts] == [("module", "/theme/js/cari.js")]
    assert all(not s.string for s in scripts)
    assert not page.select("[style], style")
    assert not [t for t in page.find_all(True) if any(a.startswith("on") for a in t.attrs)]
    form = page.select_one("form#cari")
    assert form["data-bundle"] == "/pagefind/" and form["data-base"] == "/"
    assert form.select_one("input#q[name=q]")
    options = {
        s["data-filter"]: [o["value"] for o in s.select("option")]
        for s in form.select("select[data-filter]")
    }
    assert options == {
        "instansi": ["", "Dinas Pekerjaan Umum dan Penataan Ruang"],
        "kategori": ["", "Infrastruktur", "Penerangan"],
        "jenis": ["", "Pengaduan"],
        "kecamatan": ["", "Kotabumi"],
        "tahun": ["", "2025"],
        "ketepatan": ["", "Tepat waktu"],
    }
    # Without JavaScript: a note, and the browse pages.
    assert "memerlukan JavaScript" in page.select_one(".no-js-note").get_text()
    links = {a["href"] for a in page.select("#tanpa-js a")}
    assert {"/kategori/", "/kecamatan/", "/tahun/", "/instansi/"} <= links
    other = soup(base_site / "index.html")
    assert "wasm" not in other.select_one("meta[http-equiv=Content-Security-Policy]")["content"]


def test_siteurl_makes_search_links_absolute(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", "https://aduan.example.go.id/lapor")
    data = write_input(tmp_path / "input", base_tables())
    assert build(data, tmp_path / "out", settings="publishconf.py") == 0
    page = soup(tmp_path / "out/cari/index.html")
    form = page.select_one("form#cari")
    assert form["data-bundle"] == "https://aduan.example.go.id/lapor/pagefind/"
    assert form["data-base"] == "https://aduan.example.go.id/lapor/"
    assert page.select_one(".site-search")["action"] == "https://aduan.example.go.id/lapor/cari/"
    assert page.select_one("script")["src"] == "https://aduan.example.go.id/lapor/theme/js/cari.js"


# -- browse pages --------------------------------------------------------------------


def test_browse_indexes_list_published_cases_with_counts(base_site):
    categories = soup(base_site / "kategori/index.html")
    entries = [
        (li.a["href"], li.a.get_text(), li.select_one(".count").get_text())
        for li in categories.select(".browse-list li")
    ]
    assert entries == [
        ("/kategori/infrastruktur/", "Infrastruktur", "1 kasus"),
        ("/kategori/penerangan/", "Penerangan", "1 kasus"),
    ]  # Kesehatan has only the open LU-004: no page
    assert not (base_site / "kategori/kesehatan").exists()
    districts = soup(base_site / "kecamatan/index.html")
    assert [a["href"] for a in districts.select(".browse-list a")] == ["/kecamatan/kotabumi/"]
    years = soup(base_site / "tahun/index.html")
    assert [a.get_text() for a in years.select(".browse-list a")] == ["2025"]


def test_browse_page_lists_only_published_cases(base_site):
    page = soup(base_site / "kecamatan/kotabumi/index.html")
    assert page.h1.get_text() == "Kecamatan: Kotabumi"
    cases = [a["href"] for a in page.select("main .case-title a")]
    assert cases == ["/kasus/lu-001/", "/kasus/lu-002/"]  # same closing time: by tracking ID
    for path in sorted(base_site.glob("kategori/**/*.html")) + sorted(
        base_site.glob("tahun/**/*.html")
    ):
        assert "LU-003" not in path.read_text("utf-8") and "LU-004" not in path.read_text("utf-8")
    assert not page.select("[data-pagefind-body]")


def test_case_page_links_its_browse_pages(base_site):
    page = soup(base_site / "kasus/lu-001/index.html")
    hrefs = {a["href"] for a in page.select(".facts a")}
    assert {"/kategori/infrastruktur/", "/kecamatan/kotabumi/", "/tahun/2025/"} <= hrefs


def test_browse_pages_paginate_newest_first(tmp_path):
    tables = base_tables()
    tables["complaints"] = [
        complaint(
            f"P-{i:03d}",
            closed_at=f"2025-04-{i + 1:02d}T10:00:00",
            category="Administrasi Kependudukan",
            kecamatan="Abung Selatan" if i % 2 else "",
        )
        for i in range(27)
    ]
    del tables["responses"]
    data = write_input(tmp_path / "input", tables)
    assert build(data, tmp_path / "out") == 0
    out = tmp_path / "out"
    first = soup(out / "kategori/administrasi-kependudukan/index.html")
    second = soup(out / "kategori/administrasi-kependudukan/page/2/index.html")
    first_cases = [a["href"] for a in first.select("main .case-title a")]
    second_cases = [a["href"] for a in second.select("main .case-title a")]
    assert len(first_cases) == 25 and len(second_cases) == 2
    assert first_cases[0] == "/kasus/p-026/" and second_cases[-1] == "/kasus/p-000/"
    assert first.select_one("a[rel=next]")["href"] == "/kategori/administrasi-kependudukan/page/2/"
    assert second.select_one("a[rel=prev]")["href"] == "/kategori/administrasi-kependudukan/"
    assert "Halaman 2 dari 2" in second.get_text(" ", strip=True)
    assert (out / "tahun/2025/page/2/index.html").is_file()
    assert not (out / "kecamatan/abung-selatan/page/2").exists()  # 13 cases: one page
    note = soup(out / "kecamatan/index.html").select_one(".row-note").get_text()
    assert note.startswith("14 kasus tanpa keterangan kecamatan")


# -- slugs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Administrasi Kependudukan", "administrasi-kependudukan"),
        ("Samsat & Pajak Kendaraan", "samsat-pajak-kendaraan"),
        ("  Kotabumi Selatan ", "kotabumi-selatan"),
        ("Sukamâjú", "sukamaju"),
        ("Bukit Kemuning/Abung Tinggi", "bukit-kemuning-abung-tinggi"),
        ("???", "lainnya"),
    ],
)
def test_slugify_is_ascii_lower_case_and_hyphenated(name, slug):
    assert slugify(name) == slug


def test_names_that_slug_alike_are_told_apart_deterministically(caplog):
    names = ["Sosial", "SOSIAL", "sosial-2", "Sosial!"]
    with caplog.at_level(logging.WARNING, logger="generator.browse"):
        slugs = unique_slugs(names, "Kategori")
    assert slugs == unique_slugs(reversed(names), "Kategori")
    assert len(set(slugs.values())) == len(names)
    assert slugs["sosial-2"] == "sosial-2"  # a real name keeps its slug; copies skip it
    assert sorted(slugs.values()) == ["sosial", "sosial-2", "sosial-3", "sosial-4"]
    assert "SOSIAL" in caplog.text and "Sosial" in caplog.text


def test_colliding_categories_get_separate_pages(tmp_path):
    tables = base_tables()
    tables["complaints"] = [
        complaint("A-1", category="Jalan & Jembatan"),
        complaint("A-2", category="Jalan Jembatan"),
    ]
    tables["responses"] = [event("A-1", "2025-03-04T09:00:00", "admin", "verifikasi")]
    data = write_input(tmp_path / "input", tables)
    assert build(data, tmp_path / "out") == 0
    index = soup(tmp_path / "out/kategori/index.html")
    assert [(a.get_text(), a["href"]) for a in index.select(".browse-list a")] == [
        ("Jalan & Jembatan", "/kategori/jalan-jembatan/"),
        ("Jalan Jembatan", "/kategori/jalan-jembatan-2/"),
    ]
