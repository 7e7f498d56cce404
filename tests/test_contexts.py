"""Templates use only what their documented context provides (Datasette style)."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import jinja2
import pytest
from jinja2 import meta

from generator.contexts import PAGE_TYPES

THEME = Path(__file__).resolve().parent.parent / "theme" / "templates"
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(THEME), autoescape=True)
# Names every template may use besides its page's fields.
SHARED = {"site"}


def undeclared(name: str) -> set[str]:
    """Variables a template and every template it extends or includes read."""
    source = ENV.loader.get_source(ENV, name)[0]
    found = meta.find_undeclared_variables(ENV.parse(source))
    for parent in meta.find_referenced_templates(ENV.parse(source)):
        if parent and not parent.startswith("_"):
            found |= undeclared(parent)
    return found


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.template)
def test_template_reads_only_documented_fields(page_type):
    documented = {f.name for f in fields(page_type)} | SHARED
    assert undeclared(page_type.template) <= documented


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.template)
def test_every_field_has_help(page_type):
    for f in fields(page_type):
        assert f.metadata.get("help"), f"{page_type.__name__}.{f.name} has no help text"


def test_no_template_marks_data_safe_except_markdown_pages():
    safe_uses = re.compile(r"\{\{[^}]*\|\s*safe")
    for path in THEME.glob("*.html"):
        text = path.read_text("utf-8")
        expected = ["{{ page.content|safe"] if path.name == "page.html" else []
        assert safe_uses.findall(text) == expected, path.name
        assert "autoescape false" not in text
