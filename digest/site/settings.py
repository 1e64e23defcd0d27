"""Pelican settings that come from ``digest.toml``, shared by pelicanconf.py and the build."""

from __future__ import annotations

from typing import Any

from ..config import Config


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
