"""Topics from registry keywords in the article's language, with a threshold."""

from __future__ import annotations

from pathlib import Path

from digest.article import Article
from digest.enrich.topics import tag_topics, topic_scores
from digest.registry import load_topics


def test_title_counts_three_and_threshold_applies(ctx) -> None:
    article = Article(title="Gaza", body="Satu kata: Beirut.", lang="id")
    assert topic_scores(article, ctx) == [("israel-palestine", 3), ("lebanon", 1)]
    assert tag_topics(article, ctx).topics == ["israel-palestine"]  # lebanon is below 2


def test_keywords_of_the_article_language_only(ctx) -> None:
    # "Tepi Barat" is an Indonesian keyword; "West Bank" an English one.
    english = Article(title="", body="Tepi Barat. Tepi Barat.", lang="en")
    assert tag_topics(english, ctx).topics == []
    indonesian = Article(title="", body="Tepi Barat. Tepi Barat.", lang="id")
    assert tag_topics(indonesian, ctx).topics == ["israel-palestine"]


def test_neutral_keywords_apply_to_every_language(ctx, digest_root: Path) -> None:
    path = digest_root / "content" / "topics.yml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "- id: un\n  name: {en: United Nations}\n  keywords:\n    '*': [UNRWA, UNIFIL]\n"),
        encoding="utf-8")
    ctx.registries.topics = load_topics(path)
    article = Article(title="UNRWA", body="", lang="fr")
    assert tag_topics(article, ctx).topics == ["un"]


def test_whole_words_and_folding(ctx) -> None:
    article = Article(title="", body="PALESTINA dan palestina; Palestinas bukan.", lang="id")
    assert topic_scores(article, ctx) == [("israel-palestine", 2)]


def test_ordered_by_score_and_editor_topics_kept(ctx) -> None:
    article = Article(title="Beirut", body="Gaza. Gaza. Gaza. Gaza.", lang="id",
                      topics=["indonesia-politics"])
    assert tag_topics(article, ctx).topics == [
        "indonesia-politics", "israel-palestine", "lebanon"]


def test_arabic_keywords_after_a_preposition(ctx) -> None:
    # "in Gaza", "for Lebanon": a keyword is a place or a concept, whatever the proclitic.
    article = Article(title="", body="وصلت المساعدات بغزة. وفي بيروت، ولغزة أيضا.", lang="ar")
    assert topic_scores(article, ctx) == [("israel-palestine", 2), ("lebanon", 1)]


def test_side_topics_below_a_share_of_the_best_are_dropped(ctx) -> None:
    # israel-palestine 10, lebanon 2: two passing mentions against a story about Gaza.
    article = Article(title="", body="Gaza. " * 10 + "Beirut. Beirut.", lang="id")
    assert topic_scores(article, ctx) == [("israel-palestine", 10), ("lebanon", 2)]
    assert tag_topics(article, ctx).topics == ["israel-palestine"]
    closer = Article(title="", body="Gaza. " * 6 + "Beirut. Beirut.", lang="id")
    assert tag_topics(closer, ctx).topics == ["israel-palestine", "lebanon"]


def test_at_most_four_topics_and_editor_topics_always_stay(ctx, digest_root: Path) -> None:
    path = digest_root / "content" / "topics.yml"
    extra = "".join(f"- id: t{i}\n  name: {{en: T{i}}}\n  keywords:\n    en: [word{i}]\n"
                    for i in range(6))
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    ctx.registries.topics = load_topics(path)
    body = " ".join(f"word{i} word{i}." for i in range(6))
    assert tag_topics(Article(title="", body=body, lang="en"), ctx).topics == [
        "t0", "t1", "t2", "t3"]  # equal scores: the first mentioned
    editors = ["a", "b", "c", "d", "e"]
    assert tag_topics(Article(title="", body=body, lang="en", topics=editors), ctx
                      ).topics == editors
