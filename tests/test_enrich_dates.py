"""Publication dates in the configured languages, from Babel's month names."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.article import Article
from digest.enrich.dates import find_date, parse_date

WIB = dt.timezone(dt.timedelta(hours=7))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Selasa, 9 Juli 2024 | 14:02 WIB", "id", dt.datetime(2024, 7, 9, 14, 2, tzinfo=WIB)),
    ("Rabu (10/7/2024) pukul 09.30 WITA", "id",
     dt.datetime(2024, 7, 10, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))),
    ("Khamis, 11 Julai 2024", "ms", dt.date(2024, 7, 11)),
    ("Publié le 3 mars 2024 à 10h15", "fr", dt.date(2024, 3, 3)),
    ("1er février 2024", "fr", dt.date(2024, 2, 1)),
    ("9 July 2024", "en", dt.date(2024, 7, 9)),
    ("July 9, 2024 10:00 GMT", "en", dt.datetime(2024, 7, 9, 10, 0, tzinfo=dt.UTC)),
    ("Jan. 5, 2024", "en", dt.date(2024, 1, 5)),
    ("9. Juli 2024", "de", dt.date(2024, 7, 9)),
    ("Dienstag, 12. März 2024", "de", dt.date(2024, 3, 12)),
    ("9 de julio de 2024", "es", dt.date(2024, 7, 9)),
    ("٩ يوليو ٢٠٢٤", "ar", dt.date(2024, 7, 9)),
    ("الثلاثاء 9 تموز 2024", "ar", dt.date(2024, 7, 9)),  # Levantine month name
    ("2024-07-09", "en", dt.date(2024, 7, 9)),
    ("2024-07-09T10:00:00+02:00", "en",
     dt.datetime(2024, 7, 9, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))),
    ("2024-07-09T10:00:00", "en", dt.date(2024, 7, 9)),  # no zone: a date
    ("9/7/2024", "id", dt.date(2024, 7, 9)),  # day first
    ("9.7.2024", "de", dt.date(2024, 7, 9)),
    ("7/13/2024", "en", dt.date(2024, 7, 13)),  # month first only when it must be
    ("14:02 WIB", "id", None),
    # Page date lines of the samples.
    ("نشر بتاريخ: 2026/09/07 - 18:45", "ar", dt.date(2026, 9, 7)),  # year first
    ("٢٠٢٦/٠٩/٠٧", "ar", dt.date(2026, 9, 7)),
    ("2026.04.09", "de", dt.date(2026, 4, 9)),
    ("Stand: 09.04.2026 14:37 Uhr", "de", dt.date(2026, 4, 9)),
    ("Senin, 20/04/2026 07:30", "id", dt.date(2026, 4, 20)),
    ("2026/13/07", "ar", None),  # no month 13, and never read as year, day, month
    ("12026/09/07", "ar", None),
])
def test_formats(ctx, text: str, lang: str, expected) -> None:
    assert parse_date(text, ctx, lang) == expected


def test_ambiguous_us_or_british_date_is_not_guessed(ctx) -> None:
    assert parse_date("9/7/2024", ctx, "en") is None


def test_impossible_and_future_dates_are_rejected(ctx) -> None:
    assert parse_date("31/2/2024", ctx, "id") is None
    assert parse_date("9 Juli 2030", ctx, "id") is None  # ctx.today is 2026-11-24
    assert parse_date("25 November 2026", ctx, "en") == dt.date(2026, 11, 25)  # tomorrow
    assert parse_date("26 November 2026", ctx, "en") is None


def test_hint_comes_first(ctx) -> None:
    article = Article(title="Berita 1 Mei 2024", body="Jakarta, 2 Mei 2024 – isi.",
                      lang="id", hints={"date_text": "Jumat, 3 Mei 2024 | 08:00 WIB"})
    assert find_date(article, ctx).date == dt.datetime(2024, 5, 3, 8, 0, tzinfo=WIB)


def test_page_date_line_wins_over_an_event_date_in_the_lead(ctx) -> None:
    # The sample id-2026-04-20: the lead dates the ceremony the day before.
    article = Article(
        title="850 Prajurit Kontingen Garuda Diberangkatkan ke Lebanon Selatan",
        body="Jakarta — Sebanyak 850 prajurit TNI diberangkatkan ke Lebanon selatan. "
             "Upacara digelar di Sentul, Bogor, Minggu (19/4/2026).",
        lang="id", hints={"date_text": "Senin, 20/04/2026 07:30"})
    assert find_date(article, ctx).date == dt.date(2026, 4, 20)


def test_body_date_is_the_fallback_when_the_date_line_says_nothing(ctx) -> None:
    article = Article(title="Berita", body="JAKARTA, Minggu (19/4/2026) – Isi.", lang="id",
                      hints={"date_text": "Diperbarui 07:30"})
    assert find_date(article, ctx).date == dt.date(2026, 4, 19)


def test_top_of_body(ctx) -> None:
    article = Article(title="Berita", body="JAKARTA, Senin (6/5/2024) – Presiden berkata.",
                      lang="id")
    assert find_date(article, ctx).date == dt.date(2024, 5, 6)


def test_a_date_deep_in_the_body_is_not_the_publication_date(ctx) -> None:
    filler = "Kalimat pengisi yang panjang tanpa tanggal apa pun di dalamnya. " * 15
    article = Article(title="Berita", body=f"{filler}\n\nPemilu digelar 14 Februari 2024.",
                      lang="id")
    ctx.date = dt.date(2024, 6, 1)
    assert find_date(article, ctx).date == dt.date(2024, 6, 1)


def test_existing_date_is_kept(ctx) -> None:
    article = Article(title="9 Juli 2024", body="", lang="id", date=dt.date(2024, 7, 1))
    assert find_date(article, ctx).date == dt.date(2024, 7, 1)


def test_falls_back_to_the_date_option_then_none(ctx) -> None:
    article = Article(title="Tanpa tanggal", body="Pada 11 Mei roket ditembakkan.", lang="id")
    assert find_date(article, ctx).date is None
    ctx.date = dt.date(2021, 6, 29)
    article.date = None
    assert find_date(article, ctx).date == dt.date(2021, 6, 29)


def test_month_tables_are_built_once(ctx) -> None:
    parse_date("9 Juli 2024", ctx, "id")
    built = ctx.cache["date"]
    parse_date("3 mars 2024", ctx, "fr")
    assert ctx.cache["date"] is built
