"""The mechanisms of HTML extraction, on pages written for them (tests/fixtures/html/
mechanisms): readings compared instead of a length threshold, pages without <body>,
standfirsts kept, short paragraphs and lists between sub-headings, bylines in the text,
interface lines that are not titles."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.extract.html import extract_html
from digest.extract.html.byline import better_title, byline_author, is_interface_line
from digest.extract.html.candidates import Reading, choose, gaps_filled

PAGES = Path(__file__).parent / "fixtures" / "html" / "mechanisms"


def page(name: str):
    return extract_html((PAGES / name).read_bytes(), origin=name)


def test_a_precision_pass_that_keeps_only_the_intro_loses_to_the_fuller_readings():
    # The precision pass drops the "article-bottom" half; its intro is over any
    # short-text threshold, so only comparing the readings finds the rest.
    article = page("id-intro-only.html")
    assert article.paragraphs[0].startswith("Jembatan gantung yang menghubungkan")
    assert article.paragraphs[-1].startswith("Untuk sementara, jembatan hanya boleh")
    assert len(article.paragraphs) == 8
    assert "Hak cipta" not in article.body and "Beranda" not in article.body


def test_a_page_without_body_keeps_the_text_the_parser_left_in_head():
    article = page("en-bodyless.html")
    assert article.title == "Lighthouse keepers return to Skerry Point"
    assert article.paragraphs[0].startswith("For the first time in forty years")
    assert article.paragraphs[-1].startswith("Visitors will be able to climb")


def test_the_standfirst_under_the_headline_stays_and_the_headline_goes():
    article = page("fr-standfirst.html")
    assert article.paragraphs[0] == ("Après dix-huit mois de travaux, les commerçants "
                                     "retrouvent leurs étals sous la halle restaurée.")
    assert "rouvre ses portes" not in article.body


def test_short_paragraphs_between_sub_headings_and_list_items_are_kept():
    article = page("de-subheadings.html")
    blocks = article.body.split("\n\n")
    opening = blocks.index("## Öffnungszeiten")
    assert blocks[opening + 1] == "Montags bleibt das Bad geschlossen, siehe Tabelle."
    assert blocks[blocks.index("## Preise") + 1] == "Kinder schwimmen weiterhin kostenlos."
    listing = blocks[blocks.index("## Neu im Bad") + 1]
    assert listing.split("\n") == ["- Eine Rutsche mit zweiundvierzig Metern",
                                   "- Ein Lehrschwimmbecken",
                                   "- Eine Sauna mit Blick auf die Weser"]


def test_a_byline_line_in_the_text_is_the_author_and_leaves_the_text():
    for name, author in (("en-bodyless.html", "Ana Ruiz"), ("fr-standfirst.html", "Claire Dubois")):
        article = page(name)
        assert article.author == author
        assert author not in article.body


def test_interface_lines_above_the_headline_are_not_the_title():
    # The first h1 of the page is a listen widget's label.
    assert page("fr-standfirst.html").title == "Le marché couvert de Saint-Aubin rouvre ses portes"


@pytest.mark.parametrize(("line", "author"), [
    ("By Ana Ruiz", "Ana Ruiz"),
    ("Oleh Siti Rahma", "Siti Rahma"),
    ("Par Claire Dubois et Marc Leroy", "Claire Dubois et Marc Leroy"),
    ("Von Jens Albers", "Jens Albers"),
    ("Por Lucía Fernández", "Lucía Fernández"),
    ("بقلم أحمد علي", "أحمد علي"),
    ("By the time the ferry came, it rained.", None),  # a sentence, not a byline
    ("by train and bus", None),  # no name
])
def test_byline_lines_in_several_languages(line, author):
    assert byline_author(["## Headline", line, "Text."]) == author


@pytest.mark.parametrize("line", [
    "Listen to this article", "Dengarkan artikel ini", "Écouter cet article",
    "Artikel anhören", "A A A", "A- A+", "Ukuran huruf", "Schriftgröße", "Partager",
    "Share", "Print", "Cetak", "5 min read", "Lesezeit 4 Min.", "استمع إلى المقال",
])
def test_interface_lines(line):
    assert is_interface_line(line)


@pytest.mark.parametrize("line", [
    "Harbour reopens after the storm", "Printing press museum reopens its doors",
    "Jembatan gantung Desa Sukamaju dibuka kembali",
])
def test_headlines_are_not_interface_lines(line):
    assert not is_interface_line(line)


def test_a_short_headline_that_looks_like_a_widget_stays_when_nothing_better_is_there():
    assert better_title("Share prices fall", ["Share prices fall"]) == "Share prices fall"
    assert better_title("A A A", ["A A A", "Harbour reopens"]) == "Harbour reopens"


def _reading(*blocks: str) -> Reading:
    return Reading("test", list(blocks))


INTRO = "The ferry returned to service on Monday after eight months of repairs at the pier."
MORE = [f"Paragraph {n} tells how the crossing went and what the passengers said about it."
        for n in range(1, 6)]


def test_the_reading_two_others_agree_with_wins_over_a_precise_intro():
    precise = _reading(INTRO)
    fuller = _reading(INTRO, *MORE, "Comments are moderated before they appear here.")
    second = _reading(INTRO, *MORE)
    # The smaller of the two agreeing readings is the text; the other adds no tail.
    assert choose(precise, fuller, lambda: second) == [INTRO, *MORE]


def test_the_precise_reading_stands_when_the_fuller_one_adds_what_no_one_confirms():
    precise = _reading(INTRO, *MORE)
    fuller = _reading("Most read: ten stories you missed this week on the coast.", INTRO, *MORE,
                      "Sign up for our newsletter to get the news every morning.")
    asked = []
    assert choose(precise, fuller, lambda: asked.append(1) or _reading(INTRO, *MORE)) == [
        INTRO, *MORE]


def test_readings_that_agree_cost_no_second_opinion():
    same = _reading(INTRO, *MORE)

    def second_opinion() -> Reading:
        raise AssertionError("asked")

    assert choose(same, _reading(INTRO, *MORE), second_opinion) == [INTRO, *MORE]


def test_gaps_inside_the_text_are_filled_in_place_but_not_beyond_its_ends():
    base = _reading(INTRO, "## Prices", MORE[0])
    source = _reading("Teaser before the text that nobody else has at all.", INTRO,
                      "## Prices", "Children travel free.", MORE[0], "- after the end")
    assert gaps_filled(base, source, _reading()) == [INTRO, "## Prices",
                                                     "Children travel free.", MORE[0]]
