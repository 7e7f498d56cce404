"""Content-Security-Policy for every page: only the site itself may supply code.

The policy travels in a ``<meta http-equiv>`` tag, since a static host may not
let the publisher set headers. Pages that need more (the search page runs
Pagefind's WebAssembly, the map loads tiles) ask for exactly that and no more.
"""

from __future__ import annotations


def content_security_policy(*, wasm: bool = False, tile_origins: tuple[str, ...] = ()) -> str:
    """The policy for one page: scripts, styles, images and fetches from the site only.

    ``wasm`` allows compiling WebAssembly (Pagefind); ``tile_origins`` are the
    origins map tiles may be loaded from (e.g. ``https://tile.openstreetmap.org``).
    """
    script = "'self' 'wasm-unsafe-eval'" if wasm else "'self'"
    images = " ".join(("'self'", "data:", *tile_origins))
    directives = (
        ("default-src", "'none'"),
        ("script-src", script),
        ("style-src", "'self'"),
        ("img-src", images),
        ("font-src", "'self'"),
        ("connect-src", "'self'"),
        ("base-uri", "'none'"),
        ("form-action", "'self'"),
    )
    return "; ".join(f"{name} {value}" for name, value in directives)
