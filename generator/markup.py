"""Hand-written pages: Markdown's HTML cleaned to an allow-list before any template sees it.

python-markdown passes raw HTML in a Markdown file straight through and has no
safe mode (its old ``safe_mode`` is silently ignored), so a page in
``content/pages/`` could carry ``<script>`` or ``onerror=``. Pelican sends
``content_object_init`` once per page after reading it; the receiver replaces
the page's HTML with nh3's (ammonia's) cleaned copy, so ``page.content`` — the
only value rendered with ``|safe`` (page.html) — is HTML this project sanitised.
"""

from __future__ import annotations

import nh3

# What Markdown (with the extra, toc and codehilite extensions) writes, and nothing
# that runs, loads a frame or restyles the page: no script, style, iframe, form,
# object, svg or math; no event handler, style or class attribute.
TAGS = frozenset(
    {"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code"}
    | {"em", "strong", "b", "i", "del", "ins", "sub", "sup", "abbr", "small", "mark"}
    | {"ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption"}
    | {"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "details", "summary"}
)
ATTRIBUTES = {
    "*": {"id", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start"},
}
# Relative links (the site's own pages) always pass; absolute ones only with these.
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def clean_html(html: str) -> str:
    """``html`` with every tag, attribute and URL scheme outside the allow-lists removed
    (text of removed tags is kept, escaped; script and style contents are dropped)."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def sanitise_content(instance) -> None:
    """Pelican ``content_object_init`` receiver: clean the page's HTML in place."""
    content = getattr(instance, "_content", None)
    if content:
        instance._content = clean_html(content)
