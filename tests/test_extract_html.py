"""HTML page extraction: metadata, main text as Markdown, charsets, hostile input."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from digest.errors import DigestError
from digest.extract.html import extract_html
from digest.extract.html_decode import decode_html
from digest.extract.html_lead import drop_lead
from digest.extract.html_meta import PageMeta
from digest.sanitize import sanitize_html

PAGES = Path(__file__).parent / "fixtures" / "html"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


@pytest.fixture(scope="module")
def harbour():
    return extract_html(page("en-harbour.html"), origin="en-harbour.html")


def test_metadata_from_open_graph_json_ld_and_links(harbour):
    assert harbour.title == "Harbour council approves tidal barrier plan"
    assert harbour.date == dt.datetime(2031, 3, 14, 9, 30, tzinfo=dt.UTC)
    assert harbour.hints["date_text"] == "Friday 14 March 2031, 09:30"
    assert harbour.author == "Maren Holt"
    assert harbour.source.name == "Northwind Gazette"
    # The canonical link wins over og:url (which carries tracking parameters).
    assert harbour.source.url == "https://gazette.example.com/news/2031/harbour-barrier"
    # og:image is relative: resolved against the page's own address.
    assert harbour.image == "https://gazette.example.com/media/2031/barrier-model.jpg"
    assert harbour.hints["lang"] == "en-GB"
    assert harbour.origin == "en-harbour.html"


def test_body_keeps_structure_as_markdown(harbour):
    paragraphs = harbour.paragraphs
    assert paragraphs[0].startswith("Councillors in Port Elspeth voted nine to two")
    assert "## Ten years of flooding" in paragraphs
    assert ("- boats keep a twenty-metre channel open at every tide;\n"
            "- the gates are tested only in daylight;") in harbour.body
    assert "> We have waited long enough." in harbour.body
    assert paragraphs[-1] == ("Work on the seabed foundations is due to begin next spring "
                              "if the review does not go ahead.")
    # The headline and byline are metadata, not the first paragraphs.
    assert "Harbour council approves" not in harbour.body
    assert "Maren Holt" not in harbour.body


@pytest.mark.parametrize("boilerplate", [
    "cookies",  # cookie banner
    "Type to search", "Weather", "Opinion",  # header and navigation
    "Share on social",  # share tools
    "Related stories", "Ferry timetable", "quay walls keep cracking",  # related links
    "seagull77", "I lost my shop", "Leave a comment",  # comments and comment form
    "All rights reserved", "Privacy policy",  # footer
])
def test_boilerplate_is_removed(harbour, boilerplate):
    assert boilerplate not in harbour.body


def test_the_url_argument_is_the_fallback_source_url():
    article = extract_html(page("fr-pont-cp1252.html"), url="https://echo.example.fr/pont")
    assert article.source.url == "https://echo.example.fr/pont"


def test_arabic_right_to_left_page():
    article = extract_html(page("ar-dates.html"))
    assert article.title == "افتتاح سوق التمور الجديد في واحة النخيل"
    assert article.hints["lang"] == "ar"
    assert article.date == dt.date(2032, 10, 2)
    assert article.author == "سلمى الراشد"
    assert article.source.name == "صحيفة الواحة"
    assert article.paragraphs[0].startswith("افتتحت بلدية واحة النخيل")
    assert "## موسم وفير" in article.paragraphs
    # The visible date line (Arabic-Indic digits) moves from the body to the date hint.
    assert article.hints["date_text"] == "٢ أكتوبر ٢٠٣٢"
    assert "٢٠٣٢" not in article.body
    assert "الأكثر قراءة" not in article.body  # "most read" box
    assert "جميع الحقوق" not in article.body  # footer


def test_windows_1252_page_without_declared_charset():
    data = page("fr-pont-cp1252.html")
    assert b"charset" not in data and b"\x92" in data  # the fixture is what it claims
    article = extract_html(data)
    assert article.title == "Le pont de Vauclair rouvre après trois mois de travaux"
    assert article.source.name == "L’Écho des Vallées"
    assert "« C’est un soulagement pour tout le village »" in article.body
    assert "80 000 € de moins" in article.body and "Les cœurs de pile" in article.body
    assert article.hints["lang"] == "fr-FR"
    assert article.hints["date_text"] == "Publié le mardi 7 juin 2033 à 18 h 05"
    assert "Mentions légales" not in article.body


def test_gzipped_indonesian_page():
    data = page("id-layang.html.gz")
    assert data[:2] == b"\x1f\x8b"
    for given in (data, gzip.decompress(data)):
        article = extract_html(given)
        assert article.title == "Festival Layang-Layang Pantai Teluk Biru Diikuti 300 Peserta"
        assert article.date == dt.datetime(2030, 8, 17, 14, 2,
                                           tzinfo=dt.timezone(dt.timedelta(hours=7)))
        assert article.hints == {"date_text": "Sabtu, 17 Agustus 2030 | 14:02 WIB", "lang": "id"}
        assert article.author == "Dewi Anggraini"
        assert article.source.url == "https://kabarpesisir.example.id/berita/festival-layang-layang"
        assert article.paragraphs[0].startswith("Sebanyak tiga ratus peserta")
        assert "Hak cipta" not in article.body and "Beranda" not in article.body


def test_str_input_is_taken_as_decoded_text():
    text = page("ar-dates.html").decode("utf-8")
    assert extract_html(text).title == "افتتاح سوق التمور الجديد في واحة النخيل"


def test_malformed_html_still_yields_the_text():
    article = extract_html(page("malformed.html"))
    assert article.title == "Storm closes mountain pass"
    assert article.paragraphs[0].startswith("Heavy snow closed the Granby mountain pass")
    assert "because more snow is forecast for Thursday" in article.body
    assert "village school opened its hall" in article.body
    assert article.date is None  # "not a date" in the metadata is not a date


@pytest.mark.parametrize("data", [
    b"", b"   ", b"\x00\x01\x02garbage\xff\xfe", b"<<<>>>", b"<html><body></body></html>",
    b"<p>Too short to be an article.</p>", b"\x1f\x8b\x08\x00broken gzip",
])
def test_no_article_text_is_a_clear_error(data):
    with pytest.raises(DigestError) as caught:
        extract_html(data, origin="saved/page.html")
    assert str(caught.value).startswith("saved/page.html: ")


def test_navigation_only_page_is_an_error():
    with pytest.raises(DigestError, match="no article text found"):
        extract_html(page("no-article.html"), origin="no-article.html")


def test_lead_headline_standfirst_dateline_and_byline_are_dropped():
    meta = PageMeta(title="Dam opens", description="The gates opened at dawn.", author="Ana Ruiz")
    blocks = ["## Dam opens", "## The gates opened at dawn.", "12 May 2031, 06:10",
              "The gates opened at dawn.", "By Ana Ruiz"]
    kept, dateline = drop_lead(blocks, meta)
    # Only three lead blocks are examined; the description as a paragraph is article text.
    assert kept == ["The gates opened at dawn.", "By Ana Ruiz"]
    assert dateline == "12 May 2031, 06:10"


@pytest.mark.parametrize("block", [
    "2018 Jeongdong Theater Tradition Series Performance",  # a year alone is not a date line
    "Prices rose 3% in 2030.",  # a sentence
    "- 12 May 2031, 06:10",  # a list
])
def test_lead_keeps_text_that_only_looks_like_a_date_line(block):
    assert drop_lead([block, "More text."], PageMeta())[0][0] == block


# --- hostile pages -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile():
    return extract_html(page("xss.html"))


def test_no_markup_or_script_survives_into_the_body(hostile):
    body = hostile.body
    assert "Students asked for longer hours" in body  # the text around the payloads stays
    assert "The opening hours on Sundays do not change." in body
    for payload in ("inline script", "img onerror", "svg onload", "iframe", "('link')",
                    "mixed case", "('entity')", "('tab')", "expression", "('style')",
                    "hover", "base64", "onload", "<a", "<svg", "<iframe", "href"):
        assert payload not in body
    # What is left is the page's visible text that merely looks like markup, escaped.
    assert body.count("javascript:") == 2  # the two fake Markdown links of the last paragraph
    assert "\\[click me\\](javascript:" in body
    assert "\\<script>alert('escaped text')" in body


def test_text_that_looks_like_markup_renders_as_text(hostile):
    html = MarkdownIt("commonmark").enable("table").render(hostile.body)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "&lt;script&gt;alert('escaped text')&lt;/script&gt;" in html
    assert "[click me](javascript:alert('markdown link'))" in html  # shown, not a link
    assert "&lt;img src=x onerror=alert('double')&gt;" in html
    # A paragraph starting like a heading, quote or list stays a paragraph.
    assert "<p># Not a heading, &gt; not a quote" in html
    assert "<h1" not in html and "<blockquote" not in html and "<ol" not in html
    assert sanitize_html(html) == html  # nothing left for the sanitizer to remove


def test_hostile_metadata_is_dropped_or_plain_text(hostile):
    assert "<" not in hostile.title
    assert hostile.image is None  # javascript: URL
    assert hostile.source.url is None  # javascript: canonical


def test_list_items_and_headings_cannot_open_other_blocks():
    sentence = "The committee published its findings after a long review of the records. "
    html = (f"<html><body><article><h1>Review</h1><p>{sentence * 3}</p>"
            "<ul><li>1. first point of the list</li><li># not a heading</li>"
            "<li><a href='javascript:alert(1)'>link text only</a></li></ul>"
            f"<h2>Findings * and _more_</h2><p>{sentence * 2}</p></article></body></html>")
    article = extract_html(html)
    assert "- 1\\. first point of the list\n- \\# not a heading\n- link text only" in article.body
    assert "## Findings \\* and \\_more\\_" in article.paragraphs
    rendered = MarkdownIt("commonmark").render(article.body)
    assert "<ol" not in rendered and "<em>" not in rendered and "<a " not in rendered


# --- bytes to text -------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "expected"), [
    ("<meta charset='utf-8'><p>Überfall</p>".encode(), "<p>Überfall</p>"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>caf\xe9 \x93x\x94'
     .encode("latin-1"), "<p>café “x”"),  # iso-8859-1 means windows-1252 on the web
    ("\ufeff<p>BOM beats a wrong declaration <meta charset=koi8-r> ünï</p>".encode(),
     "ünï"),
    ('<meta charset="shift_jis"><p>東京の天気</p>'.encode("shift_jis"), "東京の天気"),
    ('<meta charset="utf-8"><p>declared utf-8, really cp1252: d\xe9j\xe0 vu</p>'.encode("latin-1"),
     "déjà vu"),
])
def test_decode_html(data, expected):
    assert expected in decode_html(data)
