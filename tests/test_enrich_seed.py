"""The whole enrichment on the sample scrape, with the fixture registries."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SEED

from digest.article import Article
from digest.pipeline import enrich


@pytest.fixture
def seed() -> Article:
    """The seed as an extractor leaves it: the headline, then the story's paragraphs."""
    blocks = [b.strip() for b in SEED.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    start = next(i for i, b in enumerate(blocks) if b.startswith("Pemimpin Hamas"))
    end = next(i for i, b in enumerate(blocks) if b.startswith("Tags:"))
    return Article(title=blocks[start], body="\n\n".join(blocks[start + 1:end]))


def test_seed(ctx, seed: Article) -> None:
    ctx.date = dt.date(2021, 6, 29)
    article = enrich(seed, ctx)
    assert article.lang == "id"
    assert article.date == dt.date(2021, 6, 29)  # the text has no year: --date is used
    assert article.via == ["Press TV", "al-Manar"]
    expected = ["hamas", "hezbollah", "ismail-haniyeh", "hassan-nasrallah", "michel-aoun",
                "hassan-diab", "israel"]
    assert set(expected) <= set(article.actors)
    assert article.actors[:2] == ["hamas", "hezbollah"]  # both in the title
    assert "press-tv" not in article.actors  # only cited, as via
    assert article.topics == ["israel-palestine", "lebanon"]
    assert article.summary and article.summary.startswith("Dilansir Press TV, pemimpin")
    assert len(article.summary.split()) <= 75


def test_stages_can_be_skipped(ctx, seed: Article) -> None:
    article = enrich(seed, ctx, skip=("actors", "summary"))
    assert article.actors == [] and article.summary is None
    assert article.via == ["Press TV", "al-Manar"]
