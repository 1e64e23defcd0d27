"""A tiny digest for the preview tests (and the `digest serve` process they drive)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tools.serve_process import ServeProcess

__all__ = ["ARTICLE", "ServeProcess", "write_tiny_digest"]

FIXTURE = Path(__file__).parent / "fixtures" / "site"
TOML = """\
[digest]
name = "Serve Digest"
languages = ["en", "id"]
site_languages = ["en"]
default_language = "en"
site_url = "https://serve.example"
timezone = "UTC"
"""
ARTICLE = """\
---
title: {title}
date: 2021-07-01
lang: en
actors: [hamas]
---
{body}
"""


def write_tiny_digest(root: Path) -> Path:
    """digest.toml and content/ with one article (``first.md``); returns digest.toml."""
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    for name in ("actors.yml", "topics.yml"):
        shutil.copy(FIXTURE / name, root / "content" / name)
    (articles / "first.md").write_text(ARTICLE.format(title="First article", body="One."),
                                       encoding="utf-8")
    (root / "digest.toml").write_text(TOML, encoding="utf-8")
    return root / "digest.toml"
