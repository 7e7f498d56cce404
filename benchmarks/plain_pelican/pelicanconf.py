"""Plain Pelican settings for the comparison build in benchmarks/bench_publish.py.

Stock Pelican, no plugins: the published reports as Markdown articles, built
with Pelican's built-in "simple" theme. Everything not set here is Pelican's
default, pagination included (off). The content and output folders come from
the command line (``pelican CONTENT -s this-file -o OUTPUT``).
"""

SITENAME = "Jendela Aduan (plain Pelican)"
SITEURL = ""
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
THEME = "simple"

# The same case URLs as our site (CONTRACT §2): /kasus/<tracking_id lower-cased>/.
ARTICLE_URL = "kasus/{slug}/"
ARTICLE_SAVE_AS = "kasus/{slug}/index.html"

# No feeds, as in our publishconf; Pelican would otherwise write two kinds by default.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# A cold build each time, as ours is: no content cache carried between runs.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
