"""Hostile text stays text in every file of the output, and no page can run a script.

The checks walk every file the build writes, so pages, feeds and data files
added later are covered without naming them here: HTML is parsed and searched
for anything a payload could have turned into markup, XML and JSON must parse,
no file may hold a control or bidi character, and every page carries one
Content-Security-Policy straight after its charset. The browser test loads
every HTML page in Chromium and fails on a dialog, ``window.__pwned``, an inline
script, an event-handler attribute, a CSP violation or a request off the site.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hostile import INVISIBLE, LONG_WORD, PAYLOADS, case_id

from generator.privacy import INVISIBLE as STRIPPED

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text", "livescript:")


def files(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*") if p.is_file())


def html_pages(output: Path) -> list[Path]:
    return [p for p in files(output) if p.suffix == ".html"]


def shown(payload: str) -> str:
    """A payload as the site must show it: the same text, invisible characters removed."""
    return STRIPPED.sub("", payload)


def test_the_attack_site_has_a_page_for_every_payload(attack_site):
    for i in range(len(PAYLOADS)):
        assert (attack_site / f"kasus/{case_id(i).lower()}/index.html").is_file()
    assert (attack_site / "uji-markdown/index.html").is_file()


def markup_problems(page: BeautifulSoup, site_url: str = "") -> list[str]:
    """Everything in a parsed page that a payload could have made into live markup."""
    found = []
    for tag in page.find_all(True):
        for name, value in tag.attrs.items():
            values = value if isinstance(value, list) else [value]
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}>")
            if name.lower() in URL_ATTRIBUTES:
                for v in values:
                    squeezed = "".join(v.split()).lower()
                    if squeezed.startswith(BAD_SCHEMES):
                        found.append(f"<{tag.name} {name}={v[:40]}>")
                    # A link may lead away; a resource must come from the site.
                    away = squeezed.startswith(("http:", "https:", "//"))
                    if (
                        away
                        and tag.name != "a"
                        and not (site_url and squeezed.startswith(site_url))
                    ):
                        found.append(f"<{tag.name} {name}={v[:40]}> off the site")
            if name.lower() == "style":
                found.append(f"<{tag.name} style>")  # the theme uses none; CSP forbids them
        if tag.name == "script" and not tag.get("src"):
            found.append("inline <script>")
        if tag.name in ("iframe", "frame", "object", "embed", "base", "applet"):
            found.append(f"<{tag.name}>")
        if tag.name == "meta" and tag.get("http-equiv", "").lower() == "refresh":
            found.append("<meta refresh>")
        if tag.name == "style":
            found.append("<style>")
    return found


def test_no_html_file_holds_live_markup_from_the_input(attack_site):
    problems = {
        str(p.relative_to(attack_site)): markup_problems(
            BeautifulSoup(p.read_bytes(), "html.parser")
        )
        for p in html_pages(attack_site)
    }
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("i", range(len(PAYLOADS)))
def test_payload_is_shown_literally_in_title_heading_and_text(attack_site, i):
    page = BeautifulSoup(
        (attack_site / f"kasus/{case_id(i).lower()}/index.html").read_bytes(), "html.parser"
    )
    text = shown(PAYLOADS[i])
    assert page.h1.get_text() == text[:200]
    assert page.title.get_text().startswith(text[:200] + f" ({case_id(i)})")
    assert text[:200] in page.find("meta", attrs={"name": "description"})["content"]
    paragraphs = [p.get_text() for p in page.select(".user-text p")]
    assert paragraphs[0] == text.strip() and paragraphs[1] == LONG_WORD
    events = [p.get_text() for p in page.select(".event-text")]
    assert text.strip() in events


def test_template_syntax_is_never_evaluated(attack_site):
    i = next(i for i, p in enumerate(PAYLOADS) if p.startswith("{{ 7*7 }}"))
    page = BeautifulSoup(
        (attack_site / f"kasus/{case_id(i).lower()}/index.html").read_bytes(), "html.parser"
    )
    body = page.select_one(".user-text p").get_text()
    assert body == PAYLOADS[i]
    main = page.main.get_text()
    assert "49" not in main.replace("2025", "")  # dates aside, 7*7 was never computed
    assert "XXX" not in main
    md = BeautifulSoup((attack_site / "uji-markdown/index.html").read_bytes(), "html.parser")
    assert "{{ 7*7 }}" in md.get_text()


def readable(path: Path) -> str | None:
    """A file's text, gzip-compressed ones (a search index) unpacked; None for binaries."""
    raw = path.read_bytes()
    if raw.startswith(b"\x1f\x8b"):
        raw = gzip.decompress(raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def test_no_output_file_holds_a_control_or_bidi_character(attack_site):
    for path in files(attack_site):
        if path.suffix in (".js", ".css", ".wasm", ".png", ".woff2"):
            continue  # code and assets the site ships, not text from the input
        text = readable(path)
        if text is not None:
            assert [hex(ord(c)) for c in INVISIBLE if c in text] == [], path


def test_every_data_file_parses(attack_site):
    """Feeds, sitemaps and data files (whatever exists) stay well-formed with hostile text."""
    for path in files(attack_site):
        raw = path.read_bytes()
        if path.suffix == ".xml":
            root = ET.fromstring(raw)
            assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1].lower() == "script"]
        elif path.suffix == ".json":
            json.loads(raw)
        elif path.suffix == ".csv":
            rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
            assert len({len(r) for r in rows}) == 1, path  # no payload broke a row apart


def test_markdown_page_is_cleaned_to_the_allow_list(attack_site):
    page = BeautifulSoup((attack_site / "uji-markdown/index.html").read_bytes(), "html.parser")
    article = page.select_one("article")
    assert markup_problems(page) == []
    assert article.find_all(["svg", "form", "input", "div", "style", "meta", "base"]) == []
    assert article.find("strong").get_text() == "tebal"
    links = {a.get("href") for a in article.find_all("a")}
    assert links == {"/tentang/", "https://example.org/", None}  # javascript: hrefs removed
    assert "<script>" in page.h1.get_text()  # the title is text


# --- Content-Security-Policy -------------------------------------------------------------


def policy(content: str) -> dict[str, list[str]]:
    directives = {}
    for part in content.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.mark.parametrize("site", ["base_site", "attack_site"])
def test_every_page_opens_with_one_strict_csp(site, request):
    output = request.getfixturevalue(site)
    for path in html_pages(output):
        page = BeautifulSoup(path.read_bytes(), "html.parser")
        first, second = page.head.find_all(True, recursive=False)[:2]
        assert first.name == "meta" and first.get("charset", "").lower() == "utf-8", path
        metas = page.find_all(
            "meta", attrs={"http-equiv": lambda v: v and v.lower() == "content-security-policy"}
        )
        assert metas == [second], f"{path}: one CSP meta, straight after the charset"
        rules = policy(second["content"])
        assert rules["default-src"] == ["'none'"], path
        assert rules["object-src"] == ["'none'"] and rules["base-uri"] == ["'none'"], path
        for name, sources in rules.items():
            for source in sources:
                assert source not in ("'unsafe-inline'", "'unsafe-eval'", "*", "http:"), (
                    f"{path}: {name} {source}"
                )
                assert not source.startswith("http://"), f"{path}: {name} {source}"
        assert rules["script-src"][0] == "'self'" and set(rules["script-src"]) <= {
            "'self'",
            "'wasm-unsafe-eval'",
        }


def test_https_site_upgrades_insecure_requests():
    from generator.security import content_security_policy

    assert "upgrade-insecure-requests" in content_security_policy(https=True)
    assert "upgrade-insecure-requests" not in content_security_policy()
    search = policy(content_security_policy(wasm=True))
    assert search["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    assert search["worker-src"] == ["'self'"]
    tiles = policy(content_security_policy(tile_origins=("https://tile.openstreetmap.org",)))
    assert tiles["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]


# --- Every page in Chromium ----------------------------------------------------------------

WATCH = """
window.__pwned = false;
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""

INSPECT = """() => ({
    pwned: window.__pwned,
    violations: window.__violations,
    inline: document.querySelectorAll('script:not([src])').length,
    handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
        .filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name)),
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
})"""


@pytest.mark.browser
def test_no_page_runs_a_script_in_chromium(attack_site):
    from browser import browser_page, require_chromium, serve

    from generator.settings import SETTINGS

    require_chromium()
    # Map tiles are the one thing a page may ask from outside, and only /peta/ (blocked here).
    tiles = SETTINGS["MAP_TILES_URL"].default.split("{")[0]
    seen = {}
    with serve(attack_site) as base, browser_page(base) as page:
        page.add_init_script(WATCH)
        for path in html_pages(attack_site):
            url = "/" + str(path.relative_to(attack_site)).removesuffix("index.html")
            asked_before = len(page.blocked)
            response = page.goto(base + url, wait_until="load")
            assert response.status == 200, url
            page.wait_for_timeout(30)  # let an onerror/onload fire
            state = page.evaluate(INSPECT)
            bad = {k: v for k, v in state.items() if v and k != "overflow"}
            if state["overflow"] > 0:
                bad["overflow"] = state["overflow"]
            outside = page.blocked[asked_before:]
            if url == "/peta/":
                outside = [u for u in outside if not u.startswith(tiles)]
            if outside:
                bad["outside"] = outside
            if bad:
                seen[url] = bad
        assert page.dialogs == []
    assert seen == {}
