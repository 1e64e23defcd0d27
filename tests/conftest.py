"""Shared fixtures: a digest rooted in a temporary folder with small registries."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from digest.config import load_config
from digest.context import Context
from digest.registry import load_registries

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).resolve().parents[1] / "samples" / "seed" / "raw-article-id.txt"
DIGEST_TOML = """\
[digest]
name = "Test Digest"
languages = ["id", "ms", "en", "ar", "fr", "de", "es"]
site_languages = ["en", "id"]
default_language = "en"
site_url = "https://digest.example"
"""


@pytest.fixture
def digest_root(tmp_path: Path) -> Path:
    """A digest folder: digest.toml plus content/ with the fixture registries."""
    shutil.copytree(FIXTURES / "content", tmp_path / "content")
    (tmp_path / "content" / "articles").mkdir(exist_ok=True)
    (tmp_path / "digest.toml").write_text(DIGEST_TOML, encoding="utf-8")
    return tmp_path


@pytest.fixture
def config(digest_root: Path):
    return load_config(digest_root / "digest.toml")


@pytest.fixture
def ctx(config) -> Context:
    return Context(config=config, registries=load_registries(config.content_dir),
                   today=dt.date(2026, 11, 24))
