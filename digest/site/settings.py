"""The site's settings: what ``digest.toml`` supplies to Pelican, and the typed, validated
``DIGEST_*`` settings every part of the build reads (defaults live here only)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from ..config import Config
from ..errors import ConfigError


def from_config(config: Config) -> dict[str, Any]:
    return {
        "SITENAME": config.name,
        "SITE_DESCRIPTION": config.description,
        "DEFAULT_LANG": config.default_language,
        "DIGEST_SITE_LANGUAGES": list(config.site_languages),
        "DIGEST_LANGUAGES": list(config.languages),
        # Absolute public address: canonical links, Open Graph, JSON-LD, feeds, sitemap.
        "DIGEST_SITE_URL": config.site_url,
        "TIMEZONE": config.timezone,
        "PATH": str(config.content_dir),
        "OUTPUT_PATH": str(config.output_dir),
    }


@dataclass(frozen=True)
class SiteSettings:
    """``DIGEST_<NAME>`` Pelican settings, typed; read once per build."""

    default_lang: str = "en"
    site_languages: tuple[str, ...] = ()
    site_url: str = ""
    # Each translation has its own page beside the article's.
    translation_url: str = "articles/{slug}/{lang}/"
    translation_save_as: str = "articles/{slug}/{lang}/index.html"
    home_days: int = 7  # not used by the home page any more (newest first, paginated)
    home_max: int = 60
    home_min: int = 12
    related_actors: int = 8
    listing_actors: int = 3  # actor chips per listed article (one row), then "+N more"
    # Search bundles of at most this many pages (Pagefind holds ~80 KB a page while it
    # writes one); 0: one bundle. Several Pagefind processes run at once, at most
    # search_jobs (0: one per core, at most two: each holds one bundle's index).
    search_shard_pages: int = 2500
    search_jobs: int = 0
    # Processes writing the pages: 0 = two on a machine with two cores or more, for a
    # digest of a few hundred articles or more (parallel.py); 1 = one.
    render_jobs: int = 0

    @classmethod
    def from_pelican(cls, settings: dict[str, Any]) -> SiteSettings:
        """Validate every ``DIGEST_*`` setting; one ConfigError listing all problems."""
        values: dict[str, Any] = {"default_lang": settings.get("DEFAULT_LANG") or "en"}
        problems: list[str] = []
        for f in fields(cls):
            key = f"DIGEST_{f.name.upper()}"
            if f.name == "default_lang" or key not in settings:
                continue
            value = settings[key]
            default = f.default
            if isinstance(default, bool) or not isinstance(default, int | str | tuple):
                continue
            if isinstance(default, tuple):
                if not isinstance(value, list | tuple) or not all(
                        isinstance(v, str) for v in value):
                    problems.append(f"{key}: expected a list of language codes")
                    continue
                value = tuple(value)
            elif isinstance(default, int):
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    problems.append(f"{key}: expected a whole number ≥ 0")
                    continue
            elif not isinstance(value, str):
                problems.append(f"{key}: expected text")
                continue
            values[f.name] = value
        for key in ("translation_url", "translation_save_as"):
            template = values.get(key, getattr(cls, key))
            if "{slug}" not in template or "{lang}" not in template:
                problems.append(f"DIGEST_{key.upper()}: must contain {{slug}} and {{lang}}")
        if problems:
            raise ConfigError("invalid site settings: " + "; ".join(problems))
        site = cls(**values)
        if not site.site_languages:
            site = cls(**{**values, "site_languages": (site.default_lang,)})
        return site
