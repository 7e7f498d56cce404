"""Jendela Aduan: publish public complaints and government answers as a static site.

Also a Pelican plugin: ``PLUGINS = ["generator"]`` adds the generator that
renders case and agency pages straight from the validated data.
"""

from __future__ import annotations

__version__ = "0.1.0"


def get_generators(pelican):
    """Pelican ``get_generators`` receiver: our page generator."""
    from .generators import CasesGenerator

    return CasesGenerator


def register() -> None:
    """Pelican plugin entry point."""
    from pelican import signals

    from .markup import sanitise_content
    from .sitemaps import record_page, write_sitemap

    # Module-level functions: blinker holds receivers weakly, so a lambda would vanish.
    signals.get_generators.connect(get_generators)
    signals.content_object_init.connect(sanitise_content)
    # After every generator has written: the sitemap lists what was actually written.
    signals.content_written.connect(record_page)
    signals.finalized.connect(write_sitemap)
