"""RSS 2.0 and Atom feeds: one Article per entry; broken entries reported one by one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from digest.article import Article
from digest.extract import Failure
from digest.extract.feed import html_to_text, looks_like_feed, parse_feed

INPUTS = Path(__file__).parent / "fixtures" / "inputs"


def results(name: str) -> list[Article | Failure]:
    return list(parse_feed((INPUTS / name).read_bytes(), name))


def test_rss_entries_and_their_fields() -> None:
    out = results("rss.xml")
    articles = [r for r in out if isinstance(r, Article)]
    assert [a.title for a in articles] == [
        "Lebanon's president meets the prime minister", "Hamas and Hezbollah leaders meet"]
    first = articles[0]
    assert first.source.url == "https://wire.example/2024/07/lebanon-meeting?utm_source=rss"
    assert first.source.name == "Example Wire"
    assert first.author == "Rana Haddad"
    assert first.hints["lang"] == "en-us"
    # 14:02 at UTC+7 is 07:02 UTC.
    assert first.date == dt.datetime(2024, 7, 9, 7, 2, tzinfo=dt.UTC)
    # content:encoded is preferred over the short description, as paragraphs, no markup.
    assert first.body == ("BEIRUT – Michel Aoun met Hassan Diab on Tuesday, the presidency "
                          "said.\n\nThe two discussed the economic crisis.")
    assert "alert" not in first.body
    assert articles[1].paragraphs == ["Ismail Haniyeh met Hassan Nasrallah in Beirut.",
                                      "Both sides spoke of Israel."]


def test_rss_broken_entries_are_reported_individually() -> None:
    failures = [r for r in results("rss.xml") if isinstance(r, Failure)]
    assert [str(f) for f in failures] == [
        "rss.xml entry 2: no title and no content",
        "rss.xml entry 3: date 'the day after tomorrow' is not a date",
    ]


def test_atom_entries() -> None:
    out = results("atom.xml")
    assert all(isinstance(r, Article) for r in out)
    first, second = out
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Le Liban face à la crise"
    assert first.source.name == "Le Fil d’exemple"
    assert first.source.url == "https://fil.example/liban-crise"
    assert first.author == "Claire Martin"
    assert first.hints["lang"] == "fr"
    assert first.date == dt.datetime(2024, 7, 10, 7, 30, tzinfo=dt.UTC)  # published wins
    assert first.paragraphs == ["Le gouvernement libanais a annoncé mardi de nouvelles mesures.",
                                "Les banques restent fermées."]
    assert second.date == dt.datetime(2024, 7, 9, 18, 0, tzinfo=dt.UTC)  # only updated
    assert second.body == "Des tirs ont été échangés à la frontière."


def test_broken_feed_says_so() -> None:
    out = results("broken-feed.xml")
    assert all(isinstance(r, Failure) for r in out)
    assert any(r.origin == "broken-feed.xml" and "not a valid RSS or Atom feed" in r.reason
               for r in out if isinstance(r, Failure))


def test_not_a_feed_at_all() -> None:
    out = list(parse_feed(b"just some words", "x.xml"))
    assert len(out) == 1 and isinstance(out[0], Failure)


def test_feed_sniffing() -> None:
    assert looks_like_feed((INPUTS / "rss.xml").read_bytes())
    assert looks_like_feed((INPUTS / "atom.xml").read_bytes())
    assert looks_like_feed(b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- hi -->\n<rdf:RDF>")
    assert not looks_like_feed((INPUTS / "page.html").read_bytes())
    assert not looks_like_feed(b"The rss feed is <rss>")


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    html = ("<div><h2>Head</h2><p>One <b>bold</b>\n word.</p><script>bad()</script>"
            "<ul><li>A</li><li>B</li></ul>line<br>break</div>")
    assert html_to_text(html) == "Head\n\nOne bold word.\n\nA\n\nB\n\nline break"
    assert html_to_text("plain\n\n  text ") == "plain\n\ntext"
