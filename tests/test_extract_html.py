"""HTML page extraction: metadata, main text as Markdown, inserts and sign-offs, charsets,
hostile input."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest
from lxml.html import HtmlElement, fragment_fromstring, fromstring
from markdown_it import MarkdownIt

from digest.errors import DigestError
from digest.extract.decode import decode
from digest.extract.html import extract_html
from digest.extract.html.inserts import drop_link_inserts, is_link_insert
from digest.extract.html.lead import drop_lead, page_head
from digest.extract.html.meta import PageMeta
from digest.extract.html.tail import drop_tail
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
def test_page_bytes_decode_as_ingest_decodes_them(data, expected):
    assert expected in decode(data)


def test_utf8_bytes_under_a_latin1_declaration_read_the_same_everywhere():
    page = ('<html><head><meta charset="iso-8859-1"><title>Un café</title></head><body>'
            "<article><h1>Un café à Paris</h1><p>" + "Le café était plein ce matin-là. " * 12
            + "</p></article></body></html>").encode()
    assert extract_html(page).title == "Un café à Paris"
    assert "café" in decode(page)


# --- related-link inserts, sign-offs and the page header -----------------------------------

@pytest.fixture(scope="module")
def embalse():
    return extract_html(page("es-embalse.html"), origin="es-embalse.html")


@pytest.mark.parametrize("insert", [
    "Lee también", "Los regantes de la vega piden ayudas",  # a paragraph
    "Más sobre el agua", "depuradora de Arroyo Claro",  # a one-cell table
    "presa de Valdemora terminan", "el febrero más lluvioso",  # a list of links only
])
def test_related_link_inserts_are_removed(embalse, insert):
    assert insert not in embalse.body


def test_text_around_inserts_and_links_in_sentences_stay(embalse):
    paragraphs = embalse.paragraphs
    assert len(paragraphs) == 6
    assert paragraphs[2].startswith("La presidenta de la comunidad de regantes")
    # A link inside a paragraph of the article is text like any other.
    assert paragraphs[4].endswith("La campaña de riego comenzará en abril.")


def test_credit_lines_sign_off_and_initials_are_removed(embalse):
    assert embalse.paragraphs[-1] == ("El próximo informe de la confederación se publicará a "
                                      "comienzos de mayo.")
    for closing in ("Redacción", "Edición", "AGENCIA SUR", "mgl/jrp"):
        assert closing not in embalse.body


@pytest.fixture(scope="module")
def faehre():
    return extract_html(page("de-faehre.html"), origin="de-faehre.html")


def test_headline_of_the_page_header_is_dropped_and_its_standfirst_kept(faehre):
    # og:title differs from the h1, so only the page's own layout marks the headline; the
    # standfirst beside it is a sentence, the article's opening.
    assert faehre.title == "Fähre nach Lüttgenrode fährt wieder"
    assert "Gierfähre nach Lüttgenrode fährt nach acht Monaten" not in faehre.body
    assert faehre.paragraphs[0].startswith("Der neue Anleger ist fertig")
    assert faehre.paragraphs[1].startswith("Nach acht Monaten Bauzeit hat die Gierfähre")


def test_outlet_notice_and_copyright_are_dropped_not_the_text_naming_the_outlet(faehre):
    assert faehre.paragraphs[-1].endswith(
        "teilte der Landkreis dem Weserblick auf Anfrage mit.")
    assert "Newsletter" not in faehre.body and "Copyright" not in faehre.body


def test_paragraphs_beside_the_headline_are_text_when_the_text_is_there_too():
    sentence = "The ferry crossed the river eleven times on its first day back in service. "
    html = (f"<html><body><article><h1>Ferry returns</h1><p>First: {sentence}</p>"
            f"<p>Second: {sentence * 2}</p><p>Third: {sentence}</p></article></body></html>")
    assert extract_html(html).paragraphs[0].startswith("First: The ferry crossed")


def _element(html: str) -> HtmlElement:
    return fragment_fromstring(html)


@pytest.mark.parametrize(("html", "insert"), [
    ("<p>À lire aussi : <a href='/a'>Le pont de Vauclair rouvre après trois mois</a></p>", True),
    ("<p><b>اقرأ أيضا:</b> <a href='/b'>افتتاح سوق التمور الجديد في واحة النخيل</a></p>", True),
    ("<div><a href='/c'>Harbour council approves tidal barrier plan</a></div>", True),
    # A sentence of the article that happens to be a link.
    ("<p><a href='/d'>The council approved the plan on Thursday evening.</a></p>", False),
    ("<p>Kontakt: <a href='/e'>Jens Albers</a></p>", False),  # a name, not a headline
    ("<p>Billets : <a href='/f'>https://theatre.example.fr/billets</a></p>", False),  # a URL
    ("<p>Councillors voted nine to two for the plan, <a href='/g'>the minutes say</a>, "
     "after a long debate.</p>", False),  # mostly text
    ("<div><p><a href='/h'>Harbour council approves tidal barrier plan</a></p></div>",
     False),  # a container: its paragraph is judged, not it
])
def test_is_link_insert(html, insert):
    assert is_link_insert(_element(html)) is insert


def test_a_list_goes_only_when_every_item_is_an_insert():
    tree = fromstring(
        "<html><body><ul id='related'><li><a href='/1'>Ferry timetable changes for summer</a></li>"
        "<li><a href='/2'>Fish market reopens after roof repairs</a></li></ul>"
        "<ul id='points'><li><a href='/3'>Read the council report in full</a></li>"
        "<li>the gates are tested only in daylight</li></ul></body></html>")
    assert drop_link_inserts(tree) == 1
    assert tree.find(".//ul[@id='related']") is None
    assert tree.find(".//ul[@id='points']") is not None


LAST = "The gates will be tested again in the spring."


@pytest.mark.parametrize("closing", [
    ["Pewarta: Anita Permatasari\nEditor: Hendro Wibowo\nCOPYRIGHT © ANTARIKSA 2026"],
    ["Source: Gulf Current and news agencies"],
    ["المصدر: وكالات"],
    ["(raf/ita)"],
    ["\\-- WARTA NASIONAL"],
    ["© 2031 Northwind Gazette"],
    ["## Kommentare"],
    ["\\_\\_\\_", "Redaktion: Jens Albers"],
])
def test_sign_offs_are_dropped(closing):
    assert drop_tail(["First paragraph.", LAST, *closing]) == ["First paragraph.", LAST]


@pytest.mark.parametrize("closing", [
    "Updated at 1:23 p.m.",  # a sentence
    "Source: the ministry said the figures were provisional.",
    "THE COUNCIL WILL MEET AGAIN ON THURSDAY TO DECIDE ON THE GATES",  # capitals, long
    "Harbour council approves tidal barrier plan",  # short, but no sign-off shape
])
def test_closing_text_that_only_looks_like_a_sign_off_stays(closing):
    assert drop_tail(["First paragraph.", closing]) == ["First paragraph.", closing]


@pytest.mark.parametrize(("last", "expected"), [
    ("… publicará a comienzos de mayo. (mgl/jrp)", "… publicará a comienzos de mayo."),
    ("« Nous reviendrons », a-t-il dit. (AFP)", "« Nous reviendrons », a-t-il dit."),
    ("The talks were led by the agency (IAEA)", "The talks were led by the agency (IAEA)"),
])
def test_initials_after_the_last_sentence_are_stripped(last, expected):
    assert drop_tail(["First paragraph.", last]) == ["First paragraph.", expected]


def test_at_most_one_outlet_notice_goes():
    blocks = ["First paragraph.", "Swift's representative told Fox News the claim was false.",
              "A rep for Braun did not respond to Fox News' request for comment.",
              "Fox News' Jessica Napoli contributed to this report."]
    assert drop_tail(blocks, "Fox News") == blocks[:3]


@pytest.mark.parametrize("site_name", ["Hosted", "U.S.", None])
def test_common_words_and_short_names_are_not_the_outlet(site_name):
    blocks = ["First paragraph.", "The talks, hosted by the U.S. embassy, end on Friday."]
    assert drop_tail(blocks, site_name) == blocks


def test_the_first_block_and_long_runs_stay():
    assert drop_tail(["(raf/ita)"]) == ["(raf/ita)"]
    blocks = ["Text.", "Foto: A", "Video: B", "Grafik: C", "Quelle: D"]
    assert drop_tail(blocks) == blocks[:2]  # three blocks at most


def test_lead_block_beside_the_headline():
    head = page_head(fromstring(
        "<html><body><div class='head'><h1>Dam opens</h1><p>Gates rise at dawn.</p></div>"
        "<div class='text'><p>The gates opened.</p></div></body></html>"))
    kept, _ = drop_lead(["## Dam opens", "Gates rise at dawn.", "The gates opened."],
                        PageMeta(title="Dam opens to traffic"), head)
    assert kept == ["The gates opened."]
