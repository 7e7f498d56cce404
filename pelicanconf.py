"""Development settings: `make html` / `make serve`. See docs/settings.md for ours.

Unknown upper-case names are refused (generator/settings.py), so a typo in a
setting fails the build instead of silently using a default.
"""

AUTHOR = "Jendela Aduan"
SITENAME = "Jendela Aduan"
SITEURL = ""
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"

# Jendela Aduan settings (generator/settings.py declares them all).
DATA = "data/sample"
REGION_NAME = "Kabupaten Lampung Utara"
SOURCE_NAME = "SP4N-LAPOR! Kabupaten Lampung Utara"
CASES_PER_PAGE = 25
HOME_LATEST_CASES = 10
FEED_MAX_ITEMS = 50  # newest resolved cases per Atom feed
DATA_LICENSE = {
    "spdx": "CC-BY-4.0",
    "name": "Creative Commons Attribution 4.0 International",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}

# Pelican: only hand-written pages come from content/; reports are rendered
# by the generator plugin straight from the data, never as Articles.
PATH = "content"
THEME = "theme"
PLUGIN_PATHS = ["."]
PLUGINS = ["generator"]
ARTICLE_PATHS = []
PAGE_PATHS = ["pages"]
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DIRECT_TEMPLATES = []
READERS = {"rst": None}  # Markdown only (and no docutils locale warning)
STATIC_PATHS = []
THEME_STATIC_DIR = "theme"
JINJA_ENVIRONMENT = {
    "auto_reload": False,  # one-shot build: no stat() of every template on every render
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
}

# Nothing Pelican would add on its own: no feeds, tags, authors or archives.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
ARTICLE_SAVE_AS = ""
DEFAULT_PAGINATION = False
DELETE_OUTPUT_DIRECTORY = False  # the build writes a fresh folder and swaps it in
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
RELATIVE_URLS = False
