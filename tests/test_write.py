"""Writing articles: slugs, canonical URLs, checksums, dedup, editors' edits."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from digest.article import Article, Source, Translation
from digest.slug import slugify
from digest.store.article_file import read_article
from digest.store.frontmatter import parse
from digest.store.validate import check_file
from digest.store.write import ArticleStore, canonical_url, is_untouched, render_file, restamp

NOW = dt.datetime(2026, 11, 23, 19, 0, 0, tzinfo=dt.UTC)


def article(**kw: object) -> Article:
    fields: dict[str, object] = {
        "title": "Pemimpin Hamas dan Hizbullah Bertemu di Lebanon",
        "body": "Paragraf pertama.\n\nParagraf kedua tentang Hamas.",
        "date": dt.date(2021, 6, 29), "lang": "id",
        "source": Source(name="Contoh", url="https://Contoh.example/berita/1/"),
        "actors": ["hamas", "hezbollah"], "topics": ["lebanon"],
        "summary": "Ringkasan.", "via": ["Press TV"],
    }
    fields.update(kw)
    return Article(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("title, slug", [
    ("Hamas dan Hizbullah Bertemu di Lebanon", "hamas-dan-hizbullah-bertemu-di-lebanon"),
    ("Ça s’écrit « Liban » : l’été à Beyrouth", "ca-secrit-liban-lete-a-beyrouth"),
    ("حزب الله يلتقي", "hzb-llh-yltqy"),
    ("Пётр Ильич", "piotr-ilich"),
    ("../../etc/passwd", "etc-passwd"),
    ("..", None),
    ("", None),
    ("🔥🔥", None),
])
def test_slugify(title: str, slug: str | None) -> None:
    got = slugify(title)
    assert set(got) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert got and ".." not in got and not got.startswith("-") and not got.endswith("-")
    if slug is not None:
        assert got == slug
    else:
        assert got.startswith("article-")


def test_slug_is_cut_at_a_word_near_80() -> None:
    got = slugify("kata " * 40)
    assert len(got) <= 80 and got.endswith("kata")


def test_canonical_url() -> None:
    same = ["https://Example.org/a/b/?utm_source=x&utm_medium=y#comments",
            "https://example.org:443/a/b", "HTTPS://EXAMPLE.ORG/a/b/"]
    assert {canonical_url(u) for u in same} == {"https://example.org/a/b"}
    assert canonical_url("https://example.org/a?id=2&utm_campaign=z") == \
        "https://example.org/a?id=2"
    assert canonical_url("https://example.org/A") != canonical_url("https://example.org/a")


def test_round_trip_write_read_same_article(tmp_path: Path) -> None:
    original = article(
        date=dt.datetime(2021, 6, 29, 14, 2, tzinfo=dt.UTC), author="Redaksi",
        section="Lebanon", image="https://contoh.example/a.jpg",
        translations={"en": Translation(title="Leaders meet", summary="S.", by="machine:x/y")},
        source=Source(name="Contoh", url="https://contoh.example/1", retrieved=NOW))
    result = ArticleStore(tmp_path).write(original, now=NOW)
    assert result.action == "created"
    back, text = read_article(result.path)
    assert is_untouched(text)
    assert back.extra.pop("checksum") and back.extra.pop("machine")
    back.origin = original.origin
    assert back == original


def test_checksum_is_last_key_and_detects_edits() -> None:
    text = render_file(article())
    head = text.split("---\n")[1]
    assert head.splitlines()[-1].startswith("checksum: ")
    assert is_untouched(text)
    assert not is_untouched(text.replace("Paragraf kedua", "Paragraf kedua (diedit)"))
    assert not is_untouched(text.replace("lang: id", "lang: ms"))
    without = "".join(line for line in text.splitlines(keepends=True)
                      if not line.startswith("checksum:"))
    assert not is_untouched(without)


def test_restamp_after_another_command_rewrites_the_front_matter() -> None:
    text = render_file(article())
    rewritten = text.replace("summary: Ringkasan.\n", "summary: Ringkasan.\ntranslations:\n"
                             "  en: {title: Leaders meet, by: machine:x/y}\n")
    assert not is_untouched(rewritten)
    stamped = restamp(rewritten)
    assert is_untouched(stamped) and stamped.count("checksum:") == 1
    assert stamped.replace(stamped.split("checksum: ")[1][:16], "") == \
        rewritten.replace(rewritten.split("checksum: ")[1][:16], "")


def test_checksum_line_with_only_scalar_keys() -> None:
    text = render_file(Article(title="T", body="B.", date=dt.date(2020, 1, 1), lang="en"))
    meta, _ = parse(text, "x.md")
    assert meta["title"] == "T" and re.fullmatch(r"[0-9a-f]{16}", str(meta["checksum"]))
    assert is_untouched(text)


def test_written_file_passes_validation(tmp_path: Path, ctx) -> None:
    path = ArticleStore(tmp_path).write(article(), now=NOW).path
    assert check_file(path, ctx.registries).errors == []


def test_created_path_retrieved_and_no_temp_files(tmp_path: Path) -> None:
    result = ArticleStore(tmp_path).write(article(source=Source(url="https://c.example/1")),
                                          now=NOW)
    assert result.path == tmp_path / "2021" / "pemimpin-hamas-dan-hizbullah-bertemu-di-lebanon.md"
    assert "retrieved: 2026-11-23T19:00:00Z\n" in result.path.read_text()
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_same_article_again_is_unchanged_and_untouched(tmp_path: Path) -> None:
    path = ArticleStore(tmp_path).write(article(), now=NOW).path
    before = path.stat().st_mtime_ns
    later = NOW + dt.timedelta(days=3)
    # A fresh store (a new run) finds it by URL, with tracking parameters and all.
    again = article(source=Source(name="Contoh",
                                  url="https://contoh.example/berita/1?utm_source=fb"))
    result = ArticleStore(tmp_path).write(again, now=later)
    assert (result.action, result.path) == ("unchanged", path)
    assert path.stat().st_mtime_ns == before


def test_same_body_without_url_is_the_same_article(tmp_path: Path) -> None:
    store = ArticleStore(tmp_path)
    first = store.write(article(source=Source()), now=NOW)
    second = store.write(article(source=Source(), title="Another headline",
                                 body="PARAGRAF   pertama.\nParagraf kedua tentang Hamas."),
                         now=NOW)
    assert second.path == first.path
    assert second.action == "updated"  # same body words, new title: untouched file updated


def test_new_extraction_updates_untouched_file(tmp_path: Path) -> None:
    path = ArticleStore(tmp_path).write(article(), now=NOW).path
    later = NOW + dt.timedelta(days=1)
    result = ArticleStore(tmp_path).write(article(summary="Ringkasan baru."), now=later)
    assert (result.action, result.path) == ("updated", path)
    updated, text = read_article(path)
    assert updated.summary == "Ringkasan baru."
    assert updated.source.retrieved == later
    assert is_untouched(text)


def test_edited_file_is_kept_unless_forced(tmp_path: Path) -> None:
    path = ArticleStore(tmp_path).write(article(), now=NOW).path
    edited = path.read_text().replace("Ringkasan.", "Ringkasan oleh editor.")
    path.write_text(edited)
    # The summary is the editor's now; the fields digest still owns follow the input.
    result = ArticleStore(tmp_path).write(article(author="Redaksi Baru"), now=NOW)
    assert (result.action, result.reason) == ("updated", "kept the editor's summary")
    text = path.read_text()
    assert "Ringkasan oleh editor." in text and "author: Redaksi Baru" in text
    assert "summary: editor" in text
    again = ArticleStore(tmp_path).write(article(author="Redaksi Baru"), now=NOW)
    assert again.action == "unchanged" and path.read_text() == text
    forced = ArticleStore(tmp_path).write(article(), force=True, now=NOW)
    assert forced.action == "updated"
    assert "oleh editor" not in path.read_text()
    assert is_untouched(path.read_text())


def test_later_translations_survive_a_re_ingest(tmp_path: Path) -> None:
    store = ArticleStore(tmp_path)
    path = store.write(article(), now=NOW).path
    translated, _ = read_article(path)
    translated.translations["en"] = Translation(title="Leaders meet", by="machine:x/y")
    translated.extra.pop("checksum")
    path.write_text(render_file(translated))  # as `digest translate` would
    result = ArticleStore(tmp_path).write(article(), now=NOW)
    assert result.action == "unchanged"
    assert read_article(path)[0].translations["en"].title == "Leaders meet"


def test_slug_collision_between_different_articles(tmp_path: Path) -> None:
    store = ArticleStore(tmp_path)
    paths = [store.write(article(body=f"Isi berbeda nomor {i}.",
                                 source=Source(url=f"https://c.example/{i}"),
                                 date=dt.date(2020 + i, 1, 1)), now=NOW).path
             for i in range(3)]
    assert [p.stem for p in paths] == [
        "pemimpin-hamas-dan-hizbullah-bertemu-di-lebanon",
        "pemimpin-hamas-dan-hizbullah-bertemu-di-lebanon-2",
        "pemimpin-hamas-dan-hizbullah-bertemu-di-lebanon-3"]


def test_traversal_titles_stay_inside(tmp_path: Path) -> None:
    root = tmp_path / "articles"
    store = ArticleStore(root)
    for i, title in enumerate(["../../etc/passwd", "..", "/etc/passwd", "..\\..\\x"]):
        path = store.write(article(title=title, body=f"Body {i}.", source=Source()),
                           now=NOW).path
        assert path.resolve().is_relative_to(root.resolve())
        assert path.parent == root.resolve() / "2021"
    assert not (tmp_path / "etc").exists()


def test_markup_in_body_is_escaped(tmp_path: Path) -> None:
    body = 'Sign read <script>alert("x")</script> and 3 < 4.\n\n<img src=x onerror=alert(1)>'
    text = render_file(article(body=body))
    assert not re.search(r"(?<!\\)<(script|img|/script)", text)
    assert "\\<script>" in text and "3 < 4" in text


def test_a_non_latin_title_takes_its_slug_from_the_url(tmp_path: Path) -> None:
    arabic = article(title="الرئيس بري استقبل وزير الخارجية الإيراني",
                     source=Source(url="https://x.example/news/berri-receives-araghchi.html"))
    result = ArticleStore(tmp_path).write(arabic, now=NOW)
    assert result.path.name == "berri-receives-araghchi.md"
