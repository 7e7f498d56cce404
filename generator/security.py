"""Content-Security-Policy for every page: only the site itself may supply code.

The policy travels in a ``<meta http-equiv>`` tag, since a static host may not
let the publisher set headers; base.html puts it straight after ``<meta
charset>``, before anything it governs. Pages that need more (the search page
runs Pagefind's WebAssembly, the map loads tiles) ask for exactly that and no more.

Directives a ``<meta>`` policy cannot carry (``frame-ancestors``, ``report-uri``,
``sandbox``) are left out: browsers ignore them there and log an error.
No directive allows ``'unsafe-inline'`` or ``'unsafe-eval'``: a script or style
injected into a page does not run, whatever slipped past escaping.
"""

from __future__ import annotations


def content_security_policy(
    *, wasm: bool = False, tile_origins: tuple[str, ...] = (), https: bool = False
) -> str:
    """The policy for one page: scripts, styles, images and fetches from the site only.

    ``wasm`` allows compiling WebAssembly (Pagefind) and workers from the site;
    ``tile_origins`` are the origins map tiles may be loaded from (e.g.
    ``https://tile.openstreetmap.org``); ``https`` (SITEURL is https) adds
    ``upgrade-insecure-requests``, so a stray http:// URL never loads in clear.
    """
    script = "'self' 'wasm-unsafe-eval'" if wasm else "'self'"
    images = " ".join(("'self'", "data:", *tile_origins))
    directives = [
        ("default-src", "'none'"),
        ("script-src", script),
        ("style-src", "'self'"),
        ("img-src", images),
        ("font-src", "'self'"),
        ("connect-src", "'self'"),
        ("object-src", "'none'"),
        ("frame-src", "'none'"),
        ("worker-src", "'self'" if wasm else "'none'"),
        ("manifest-src", "'self'"),
        ("base-uri", "'none'"),
        ("form-action", "'self'"),
    ]
    if https:
        directives.append(("upgrade-insecure-requests", ""))
    return "; ".join(f"{name} {value}".strip() for name, value in directives)
