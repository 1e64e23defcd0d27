"""Shared text helpers: the fast fold is exactly the registry's, on every character."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from digest.article import Article
from digest.enrich.article_text import article_text
from digest.enrich.text import _MARKS_END, fold_fast, norm, plain
from digest.registry import fold


def test_every_combining_character_is_in_the_scanned_range() -> None:
    flagged = [cp for cp in range(sys.maxunicode + 1) if unicodedata.combining(chr(cp))]
    assert flagged and max(flagged) < _MARKS_END


def test_fold_fast_equals_fold_on_every_code_point() -> None:
    # In runs of 64, so composition across neighbours is exercised too.
    for start in range(0, sys.maxunicode + 1, 64):
        chunk = "".join(chr(cp) for cp in range(start, start + 64)
                        if not 0xD800 <= cp <= 0xDFFF)
        assert fold_fast(chunk) == fold(chunk), hex(start)


@pytest.mark.parametrize("text", [
    "Le président d’Israël", "HEZBOLÁ – ‘x’ `y`", "لحزب الله", "مُحَمَّد", "Straße",
    "İstanbul", "ﬁnance", "Tiếng Việt", "Ωμέγα", "a\x1cb\u00a0c\u2028d  e\t",
])
def test_norm_folds_and_collapses_whitespace(text: str) -> None:
    assert norm(text) == " ".join(fold(text).split())


def test_plain_drops_markup_only_where_there_is_some() -> None:
    assert plain("See [the report](https://x.org/a) and **this**.") == "See the report and this."
    assert plain("Visit https://x.org/a now") == "Visit   now"
    assert plain("2 * 3 = 6, snake_case") == "2 * 3 = 6, snake_case"


def test_article_text_is_made_once_per_article(ctx) -> None:
    article = Article(title="Judul *tebal*", body="Satu [dua](http://x).\n\nTiga.")
    shared = article_text(article, ctx)
    assert [(s.part, s.text, s.folded) for s in shared.segments] == [
        ("title", "Judul tebal", "judul tebal"), ("lead", "Satu dua.", "satu dua."),
        ("body", "Tiga.", "tiga.")]
    assert shared.body_plain == "Satu dua.\n\nTiga."
    assert article_text(article, ctx) is shared
    article.body = "Lain."  # a changed record gets its own text
    assert article_text(article, ctx).body_plain == "Lain."
