"""A page in a language digest.toml does not list is refused with the language it looks
like and the line that adds it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from digest.article import Article
from digest.commands.ingest import enriched
from digest.config import load_config
from digest.context import Context
from digest.enrich.language import guess_outside, identify_language
from digest.extract import Failure
from digest.registry import load_registries

LANG = Path(__file__).parent / "fixtures" / "lang"


@pytest.mark.parametrize(("name", "code", "language"), [
    ("ko_news.txt", "ko", "Korean"),
    ("ru_news.txt", "ru", "Russian"),
])
def test_refusal_names_the_language_and_the_line_to_add(ctx, name: str, code: str,
                                                         language: str) -> None:
    [result] = list(enriched([str(LANG / name)], ctx, "test"))
    assert isinstance(result, Failure)
    assert result.origin.endswith(name)
    assert f"looks like {language} ({code})" in result.reason
    listed = ", ".join(f'"{c}"' for c in ctx.config.languages)
    assert f'languages = [{listed}, "{code}"] under [digest] in digest.toml' in result.reason


def test_the_line_it_gives_makes_the_page_welcome(digest_root: Path) -> None:
    toml = digest_root / "digest.toml"
    toml.write_text(toml.read_text().replace('"es"]', '"es", "ko"]'), encoding="utf-8")
    config = load_config(toml)
    ctx = Context(config=config, registries=load_registries(config.content_dir),
                  today=dt.date(2026, 11, 24))
    [article] = list(enriched([str(LANG / "ko_news.txt")], ctx, "test"))
    assert isinstance(article, Article)
    assert article.lang == "ko"
    assert article.date == dt.date(2026, 3, 4)
    assert article.title == "부산항 새 여객선 운항 시작"


def test_a_configured_language_is_never_guessed_outside(ctx) -> None:
    article = Article(title="Der Ministerpräsident", body="Der Ministerpräsident sagte am "
                      "Dienstag, die Gespräche würden fortgesetzt.")
    identify_language(article, ctx)
    assert article.lang == "de"
    assert "lang_guess" not in article.hints
    assert guess_outside("Der Ministerpräsident sagte am Dienstag, die Gespräche würden "
                         "fortgesetzt.", ctx) is None  # German is configured
    assert "language.all" in ctx.cache  # …and asked the full set only once it had to


def test_text_no_language_fits_and_none_is_sure_keeps_the_plain_message(ctx) -> None:
    article = Article(title="12345", body="12345 67890 ++ -- 12:30")
    identify_language(article, ctx)
    assert article.lang is None
    assert "lang_guess" not in article.hints


def test_the_command_prints_it_on_one_line(digest_root: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "digest", "--config", str(digest_root / "digest.toml"),
         "ingest", str(LANG / "ru_news.txt")],
        capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    line = next(x for x in (done.stdout + done.stderr).splitlines() if "ru_news.txt" in x)
    assert "looks like Russian (ru)" in line and "digest.toml" in line
