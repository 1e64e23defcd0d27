import datetime as dt
from pathlib import Path

import pytest

from digest.article import Article, Source, Translation
from digest.errors import DigestError
from digest.store.article_file import (
    from_front_matter,
    read_article,
    render_article,
    to_front_matter,
)
from digest.store.frontmatter import key_lines, parse, write_atomic


def sample() -> Article:
    return Article(
        title="Pemimpin Hamas: \"kemenangan\" — #1? yes: no",
        body="Paragraf pertama.\n\nParagraf kedua: dengan titik dua.",
        date=dt.date(2021, 6, 29),
        lang="id",
        source=Source(name="Example News", url="https://example.org/a?b=1#c",
                      retrieved=dt.datetime(2026, 11, 23, 19, 0, tzinfo=dt.UTC)),
        via=["Press TV", "al-Manar"],
        topics=["lebanon"],
        actors=["hamas", "hezbollah"],
        summary="Ringkasan: satu baris.\nBaris kedua.",
        translations={"en": Translation(title="Leaders meet", summary="S.",
                                        by="machine:ctranslate2/opus-mt-id-en",
                                        date=dt.date(2026, 11, 24))},
        extra={"editor_note": {"keep": [1, 2]}},
    )


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    article = sample()
    path = tmp_path / "a.md"
    write_atomic(path, render_article(article))
    back, _ = read_article(path)
    assert back.title == article.title
    assert back.body == article.body
    assert back.date == article.date
    assert back.source == article.source
    assert back.via == article.via and back.actors == article.actors
    assert back.summary == article.summary
    assert back.translations == article.translations
    assert back.extra == article.extra
    # Rendering again gives the same bytes: stable key order and formatting.
    assert render_article(back) == path.read_text(encoding="utf-8")


def test_front_matter_order_and_empty_values_dropped() -> None:
    meta = to_front_matter(Article(title="T", body="b", date=dt.date(2024, 1, 2), lang="en"))
    assert list(meta) == ["title", "date", "lang", "status"]


def test_unknown_keys_survive() -> None:
    article = from_front_matter({"title": "T", "custom": 3}, "body")
    assert article.extra == {"custom": 3}
    assert to_front_matter(article)["custom"] == 3


def test_yaml_error_names_file_and_line(tmp_path: Path) -> None:
    text = "---\ntitle: ok\ndate: 2024-01-01\nactors: [a, b\nlang: en\n---\nbody\n"
    with pytest.raises(DigestError) as info:
        parse(text, tmp_path / "x.md")
    assert str(info.value).startswith(f"{tmp_path / 'x.md'}:")
    assert info.value.line in (5, 6)


@pytest.mark.parametrize("text", ["no fence\n", "---\ntitle: x\nnever closed\n"])
def test_missing_or_unclosed_front_matter(text: str) -> None:
    with pytest.raises(DigestError) as info:
        parse(text, "f.md")
    assert info.value.line == 1


def test_key_lines_point_at_nested_keys() -> None:
    text = "---\ntitle: t\nactors:\n  - hamas\n  - nobody\nsource:\n  url: u\n---\nb\n"
    lines = key_lines(text)
    assert lines["title"] == 2
    assert lines["actors.1"] == 5
    assert lines["source.url"] == 7


def test_write_atomic_leaves_no_temporary_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "d" / "f.md"
    write_atomic(target, "old")

    with pytest.raises(TypeError):
        write_atomic(target, 123)  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert [p.name for p in target.parent.iterdir()] == ["f.md"]
