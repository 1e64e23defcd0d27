"""The stages' text helpers: Markdown to plain text, one shared text per article."""

from __future__ import annotations

from digest.article import Article
from digest.enrich.article_text import article_text
from digest.enrich.text import plain


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
