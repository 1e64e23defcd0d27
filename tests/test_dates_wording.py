"""Date lines as pages word them, in the configured languages: labels before the date,
local time styles, update stamps kept as ``updated``, relative dates against the time
the input was retrieved (and reported when it records none)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from digest.article import Article
from digest.enrich.dates import day_first, find_date, parse_date_line
from digest.extract import extract_one
from digest.extract.feed import parse_feed
from digest.extract.retrieved import saved_note_date, split_saved_headers
from digest.store.schema import read_article, to_front_matter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
DATES = Path(__file__).parent / "fixtures" / "dates"
UTC = dt.UTC
WIB = dt.timezone(dt.timedelta(hours=7))
RETRIEVED = dt.datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(("text", "lang", "published", "updated"), [
    ("Published March 3, 2025 · Updated 9:40 a.m. GMT", "en", dt.date(2025, 3, 3),
     dt.datetime(2025, 3, 3, 9, 40, tzinfo=UTC)),
    ("March 3, 2025 10:00 GMT · Updated 4:40 p.m.", "en",  # the publication's zone
     dt.datetime(2025, 3, 3, 10, 0, tzinfo=UTC), dt.datetime(2025, 3, 3, 16, 40, tzinfo=UTC)),
    ("Publié le 03/11/2025 à 17h45, mis à jour le 04/11/2025 à 08h10", "fr",
     dt.date(2025, 11, 3), dt.date(2025, 11, 4)),
    ("Diperbarui 4 November 2025, diterbitkan 3 November 2025", "id",  # label, not order
     dt.date(2025, 11, 3), dt.date(2025, 11, 4)),
    ("Aktualisiert am 04.11.2025 - Veröffentlicht am 03.11.2025", "de",
     dt.date(2025, 11, 3), dt.date(2025, 11, 4)),
    ("Diterbitkan Senin, 3 November 2025 pukul 14.30 WIB", "id",
     dt.datetime(2025, 11, 3, 14, 30, tzinfo=WIB), None),
    ("Veröffentlicht am 03.11.2025, 14.30 Uhr", "de", dt.date(2025, 11, 3), None),
    ("Publicado el 3 de noviembre de 2025 a las 14:30", "es", dt.date(2025, 11, 3), None),
    ("نُشر في 3 نوفمبر 2025", "ar", dt.date(2025, 11, 3), None),
    ("Stand: 09.04.2026 14:37 Uhr", "de", dt.date(2026, 4, 9), None),  # a stamp alone
    ("Updated 6:12 p.m.", "en", None, None),  # no day to put the time on
])
def test_labelled_date_lines(ctx, text: str, lang: str, published, updated) -> None:
    line = parse_date_line(text, ctx, lang)
    assert (line.published, line.updated) == (published, updated)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en-GB", dt.date(2025, 11, 3)), ("en-US", dt.date(2025, 3, 11)), ("en", None),
    ("fr", dt.date(2025, 11, 3)), ("es", dt.date(2025, 11, 3)), ("de", dt.date(2025, 11, 3)),
])
def test_numeric_order_follows_babel_date_patterns(ctx, lang: str, expected) -> None:
    assert parse_date_line("03/11/2025", ctx, lang).published == expected


def test_day_first_from_cldr() -> None:
    assert day_first("de") is True and day_first("en-US") is False
    assert day_first("en") is None  # US and British variants disagree


def test_the_pages_declared_region_decides_for_its_language(ctx) -> None:
    article = Article(title="T", body="Text.", lang="en",
                      hints={"date_text": "03/11/2025", "lang": "en-GB"})
    assert find_date(article, ctx).date == dt.date(2025, 11, 3)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("2 hours ago", "en", dt.datetime(2026, 3, 4, 10, 0, tzinfo=UTC)),
    ("Diterbitkan kemarin", "id", dt.date(2026, 3, 3)),
    ("vor 3 Tagen", "de", dt.date(2026, 3, 1)),
    ("il y a 2 jours", "fr", dt.date(2026, 3, 2)),
    ("hace 3 días", "es", dt.date(2026, 3, 1)),
    ("منذ ساعتين", "ar", dt.datetime(2026, 3, 4, 10, 0, tzinfo=UTC)),  # dual, "since"
    ("قبل 5 دقائق", "ar", dt.datetime(2026, 3, 4, 11, 55, tzinfo=UTC)),
    ("3 jam yang lalu", "id", dt.datetime(2026, 3, 4, 9, 0, tzinfo=UTC)),
])
def test_relative_dates_count_back_from_the_retrieval_time(ctx, text, lang, expected) -> None:
    assert parse_date_line(text, ctx, lang, RETRIEVED).published == expected
    unknown = parse_date_line(text, ctx, lang)
    assert unknown.published is None and unknown.relative


def test_a_relative_date_without_retrieval_time_is_reported_not_guessed(ctx) -> None:
    article = Article(title="Pasar", body="JAKARTA, Senin (2/3/2026) – Isi berita.", lang="id",
                      hints={"date_text": "3 jam yang lalu"})
    find_date(article, ctx)
    assert article.date is None  # not the body's event date
    assert "3 jam yang lalu" in article.hints["date_warning"]


def test_the_warning_names_the_input_on_stderr(digest_root: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "digest", "--config", str(digest_root / "digest.toml"),
         "ingest", str(DATES / "id_relative.txt")], capture_output=True, text=True,
        check=False)
    assert done.returncode == 1
    warning = next(line for line in done.stderr.splitlines() if "warning" in line)
    assert "id_relative.txt" in warning and "3 jam yang lalu" in warning
    assert "Traceback" not in done.stderr


def test_saved_http_headers_give_the_retrieval_time() -> None:
    data = (DATES / "de_relative_headers.html").read_bytes()
    body, when = split_saved_headers(data)
    assert when == dt.datetime(2025, 11, 5, 9, 0, tzinfo=UTC)
    assert body.startswith(b"<!doctype html>")
    assert split_saved_headers(b"<html>HTTP/1.1 200</html>") == (b"<html>HTTP/1.1 200</html>",
                                                                None)
    last_modified = b"HTTP/1.0 200 OK\nLast-Modified: Tue, 04 Nov 2025 08:00:00 GMT\n\nx"
    assert split_saved_headers(last_modified)[1] == dt.datetime(2025, 11, 4, 8, tzinfo=UTC)


def test_a_singlefile_note_gives_the_retrieval_time() -> None:
    data = (DATES / "fr_relative_singlefile.html").read_bytes()
    assert saved_note_date(data) == dt.datetime(
        2025, 11, 5, 10, 15, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def test_a_url_records_when_it_was_fetched(ctx, monkeypatch) -> None:
    from digest.extract import fetch as fetch_module

    page = (DATES / "de_relative_headers.html").read_bytes().split(b"\r\n\r\n", 1)[1]

    def fake_fetch(url: str, **_: object) -> fetch_module.Fetched:
        return fetch_module.Fetched(url, page, "text/html", "utf-8")

    monkeypatch.setattr(fetch_module, "fetch", fake_fetch)
    before = dt.datetime.now(UTC).replace(microsecond=0)
    [article] = list(extract_one("https://altfeld.example/bibliothek", ctx))
    assert isinstance(article, Article)
    assert article.source.retrieved is not None and article.source.retrieved >= before
    assert article.hints["date_text"] == "vor 3 Tagen"


def test_a_feed_entry_with_a_relative_date_counts_from_the_feeds_time(ctx) -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<lastBuildDate>Wed, 04 Mar 2026 12:00:00 GMT</lastBuildDate>
<item><title>Ferry back</title><link>https://wire.example/1</link>
<pubDate>2 hours ago</pubDate><description>The ferry is back in service.</description></item>
<item><title>Odd</title><link>https://wire.example/2</link>
<pubDate>the day after tomorrow</pubDate><description>Text.</description></item>
</channel></rss>"""
    first, second = parse_feed(feed, "wire.xml")
    assert isinstance(first, Article)
    assert find_date(first, ctx).date == dt.datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
    assert not isinstance(second, Article)
    assert second.reason == "date 'the day after tomorrow' is not a date"


def test_updated_round_trips_through_the_field_table() -> None:
    article, problems = read_article({"title": "T", "date": "2025-11-03", "lang": "fr",
                                      "updated": "2025-11-04T08:10:00+01:00"}, "Body.")
    assert not problems
    assert article.updated == dt.datetime(2025, 11, 4, 8, 10,
                                          tzinfo=dt.timezone(dt.timedelta(hours=1)))
    meta = to_front_matter(article)
    assert list(meta)[:3] == ["title", "date", "updated"]
    assert read_article({"title": "T", "date": "2025-11-03", "lang": "fr",
                         "updated": "2025-11-31"}, "B")[1][0][0] == "updated"


def test_html_metadata_modified_time_is_the_update(ctx) -> None:
    from digest.extract.html import extract_html

    page = """<html lang="en"><head><title>Harbour</title>
<meta property="article:published_time" content="2025-03-03T10:00:00Z">
<meta property="article:modified_time" content="2025-03-04T08:00:00Z"></head><body>
<article><h1>Harbour reopens</h1><p>The harbour reopened on Tuesday after a storm closed
it for three days, the port authority said in a statement.</p><p>Ships began to dock at
noon and the port expects normal traffic by the weekend, officials said.</p></article>
</body></html>"""
    article = find_date(extract_html(page), ctx)
    assert article.date == dt.datetime(2025, 3, 3, 10, 0, tzinfo=UTC)
    assert article.updated == dt.datetime(2025, 3, 4, 8, 0, tzinfo=UTC)


def test_every_labelled_date_is_found(ctx) -> None:
    from date_recall import outcomes

    ctx.today = dt.date(2026, 12, 31)
    missed = [o for o in outcomes(ctx) if not o.right]
    assert not missed
