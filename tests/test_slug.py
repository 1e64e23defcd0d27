"""Slugs: ASCII, short, never empty, readable even for titles in other scripts."""

from __future__ import annotations

import re

import pytest

from digest.article import Article, Source, Translation
from digest.slug import MAX_LENGTH, is_latin, slugify

ARABIC = "الرئيس بري استقبل وزير الخارجية الإيراني عباس عراقجي في عين التينة"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def arabic(url: str | None = None, **translations: str) -> Article:
    return Article(title=ARABIC, source=Source(url=url),
                   translations={lang: Translation(title=t) for lang, t in translations.items()})


def test_latin_titles_as_before() -> None:
    title = "Pemimpin Hamas dan Hizbullah Bertemu di Lebanon ‘Kemenangan Puncak’"
    assert slugify(title) == "pemimpin-hamas-dan-hizbullah-bertemu-di-lebanon-kemenangan-puncak"
    assert slugify(Article(title=title, source=Source(url="https://x.org/a-b-c"))) == \
        slugify(title)  # a Latin title always wins
    assert slugify(Article(title="À Paris, l'armée libanaise")) == "a-paris-larmee-libanaise"


def test_english_translation_first_then_any_latin_one() -> None:
    article = arabic("https://x.org/news/berri-receives-araghchi.html",
                     fr="Berri reçoit Araghchi", en="Berri receives Iran's foreign minister")
    assert slugify(article) == "berri-receives-irans-foreign-minister"
    assert slugify(arabic(fr="Berri reçoit Araghchi", de="Berri empfängt Araghchi")) == \
        "berri-empfangt-araghchi"  # by language code when there is no English one
    # A translation in another non-Latin script is no help.
    assert slugify(arabic(ru="Берри принял Аракчи",
                          url="https://x.org/news/2026/09/berri-receives-araghchi.html")) == \
        "berri-receives-araghchi"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://x.org/news/2026/09/berri-receives-araghchi.html", "berri-receives-araghchi"),
    ("https://x.org/lebanon/berri_receives_araghchi/amp/", "berri-receives-araghchi"),
    ("https://x.org/news/berri-receives-araghchi-20260907?utm_source=x#top",
     "berri-receives-araghchi"),
])
def test_readable_url_segment(url: str, expected: str) -> None:
    assert slugify(arabic(url)) == expected


@pytest.mark.parametrize("url", [
    "https://x.org/news/2026/09/07/123456.html",  # an id
    "https://x.org/article.php?id=123",  # one word
    "https://x.org/news/a3f9c2e1-77b0-4c1d-9e2f-0b1c2d3e4f5a",  # a UUID
    "https://x.org/lebanon-news/%D8%A8%D8%B1%D9%8A",  # an Arabic slug; not the section
    "https://x.org/",
    "not a url at all",
    None,
])
def test_unreadable_url_falls_back_to_transliteration(url: str | None) -> None:
    assert slugify(arabic(url)) == slugify(ARABIC)
    assert slugify(ARABIC).startswith("lryys-bry")


def test_always_ascii_short_and_safe() -> None:
    long_url = "https://x.org/" + "-".join(["word"] * 60)
    for article in (arabic(long_url), arabic(en="A" * 200), arabic(en="../../etc/passwd"),
                    Article(title="🙂🙂"), Article(title=""), arabic("https://x.org/../../x-y")):
        slug = slugify(article)
        assert SLUG.match(slug), slug
        assert 0 < len(slug) <= MAX_LENGTH
    assert slugify(arabic(en="../../etc/passwd")) == "etc-passwd"
    assert slugify(Article(title="🙂🙂")).startswith("article-")
    assert slugify(Article(title="", source=Source(url="https://x.org/a/some-good-words"))) == \
        "some-good-words"


def test_is_latin() -> None:
    assert is_latin("Żółć and café")
    assert not is_latin(ARABIC)
    assert is_latin("UNIFIL and Hezbollah: اليونيفيل")  # more Latin letters than Arabic
    assert not is_latin("2026 – 🙂")


def test_a_non_latin_title_without_url_uses_actor_ids_and_date() -> None:
    import datetime as dt

    from digest.article import Article

    arabic = Article(title="القاهرة تستضيف لقاء بين وفدي فتح وحماس", date=dt.date(2026, 9, 7),
                     actors=["fatah", "hamas", "egypt", "qatar"])
    assert slugify(arabic) == "fatah-hamas-egypt-2026-09-07"
    arabic.actors = []
    assert slugify(arabic) == slugify(arabic.title)  # nothing better: transliteration
