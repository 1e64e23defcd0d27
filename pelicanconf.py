"""Pelican settings for the digest. ``digest build`` reads this file; digest.toml supplies
the site's name, languages, address and folders (see digest/site/settings.py)."""

from pathlib import Path

from digest.config import find_config, load_config
from digest.site.settings import from_config

_HERE = Path(__file__).resolve().parent
globals().update(from_config(load_config(find_config(_HERE))))

SITEURL = ""  # links are root-relative while previewing; publishconf.py sets the address
THEME = str(_HERE / "theme")
THEME_STATIC_DIR = "theme"
PLUGINS = ["digest.site.plugin"]

ARTICLE_PATHS = ["articles"]
PAGE_PATHS: list[str] = []
STATIC_PATHS: list[str] = []
ARTICLE_TRANSLATION_ID = None  # translations live in each article's front matter
# Each build writes a fresh folder that replaces output/ when it succeeded; these two
# say what it carries over from the old output: only the retained entries (True) or
# everything (False).
DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION = [".git"]
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# Directory-style URLs everywhere; an article's slug is its file name.
ARTICLE_URL = ARTICLE_LANG_URL = "articles/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "articles/{slug}/index.html"
TOPIC_URL = "topics/{slug}/"
TOPIC_SAVE_AS = "topics/{slug}/index.html"
ACTOR_URL = "actors/{slug}/"
ACTOR_SAVE_AS = "actors/{slug}/index.html"
DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"index": None, "topic": None, "actor": None, "source": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# The digest generator writes every listing and feed; Pelican's own ones are off.
DIRECT_TEMPLATES: list[str] = []
PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
CATEGORIES_SAVE_AS = TAGS_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 30

# DIGEST_* settings (home page size, listing chips, translation URLs) have their defaults
# and checks in digest/site/settings.py; set one here to change it.

# Escape everything; only sanitised article HTML is marked safe in the templates.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
