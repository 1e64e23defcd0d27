"""The plain-text scrape extractor on the seed and on scrapes of many layouts and languages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import SEED

from digest.errors import DigestError
from digest.extract.text import extract_text
from digest.extract.text.site import copyright_name

SCRAPES = Path(__file__).parent / "fixtures" / "text"
CASES = sorted(p.stem for p in SCRAPES.glob("*.yml"))
SEED_CHROME = ("Loading", "Ketik untuk mencari", "Tags:", "Tinggalkan Komentar",
               "Your email address", "Required fields")


def _read(path: Path) -> str:
    # newline="" keeps CRLF as written, so the extractor sees the page as saved.
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def test_seed() -> None:
    article = extract_text(_read(SEED), origin=str(SEED))
    assert article.title == ("Pemimpin Hamas dan Hizbullah Bertemu di Lebanon Bicarakan "
                             "Rencana Menuju ‘Kemenangan Puncak’ atas Pendudukan")
    assert article.section == "Lebanon"
    assert article.dateline == "POROS PERLAWANAN"
    assert article.origin == str(SEED)
    paragraphs = article.paragraphs
    # Every line of running text in the seed: 12 paragraphs.
    assert len(paragraphs) == 12
    assert paragraphs[0].startswith("POROS PERLAWANAN – Dilansir Press TV, pemimpin tinggi")
    assert paragraphs[-1].endswith("untuk mencapai kemenangan melawan rezim pendudukan Israel.")
    for chrome in SEED_CHROME:
        assert chrome not in article.body
    assert article.title not in article.body


@pytest.mark.parametrize("case", CASES)
def test_scrape(case: str) -> None:
    expected = yaml.safe_load((SCRAPES / f"{case}.yml").read_text(encoding="utf-8"))
    article = extract_text(_read(SCRAPES / f"{case}.txt"), origin=f"{case}.txt")
    assert article.title == expected["title"]
    assert article.section == expected.get("section")
    assert article.author == expected.get("author")
    assert article.dateline == expected.get("dateline")
    assert article.hints.get("date_text") == expected.get("date_text")
    assert article.source.name == expected["source_name"]
    assert article.paragraphs == expected["paragraphs"]
    for chrome in expected["chrome"]:
        assert chrome not in article.body, chrome
        assert chrome not in article.title, chrome


def test_crlf_fixture_really_has_crlf() -> None:
    # Guards the CRLF case against an editor or git silently normalising line endings.
    assert b"\r\n" in (SCRAPES / "en_crlf.txt").read_bytes()


def test_same_article_in_any_line_layout() -> None:
    """Blank lines, no blank lines, CRLF and NBSPs give the same article."""
    lines = [line for line in _read(SEED).splitlines() if line.strip()]
    layouts = ["\n\n".join(lines), "\n".join(lines), "\r\n".join(lines),
               "\r\n\r\n".join(lines).replace(" ", "\u00a0", 40)]
    articles = [extract_text(text) for text in layouts]
    for article in articles[1:]:
        assert article.title == articles[0].title
        assert article.body == articles[0].body
    assert "\u00a0" not in articles[-1].body and "\r" not in articles[-1].body


@pytest.mark.parametrize("text", ["", "   \n\r\n\t  ", "\u00a0\n\u200b"])
def test_empty_text_is_an_error_naming_the_origin(text: str) -> None:
    with pytest.raises(DigestError, match="no article text found") as caught:
        extract_text(text, origin="scrapes/empty.txt")
    assert caught.value.path == "scrapes/empty.txt"
    assert str(caught.value).startswith("scrapes/empty.txt: ")


def test_page_of_chrome_only_is_an_error() -> None:
    with pytest.raises(DigestError, match="no article text found"):
        extract_text("Home\nWorld\nSport\nSearch\nLogin\n© 2024 Example News")


def test_markdown_syntax_at_paragraph_start_stays_text() -> None:
    body = [
        "# 1 is the number the ministry gave for new cases on the island this week.",
        "1. The first measure lowers the tax on fuel for fishing boats by half.",
        "> Quoted from the statement, the sentence stays a plain paragraph of text.",
        "- Dialogue opens with a dash in some languages, and it must remain text.",
        "2) The second measure extends the subsidy to farmers until next year.",
        "Plain sentences in the middle are left exactly as they were written here.",
    ]
    article = extract_text("Menu\n\nSome Headline About Measures\n\n" + "\n\n".join(body))
    assert article.title == "Some Headline About Measures"
    assert article.paragraphs == [
        "\\# 1 is the number the ministry gave for new cases on the island this week.",
        "1\\. The first measure lowers the tax on fuel for fishing boats by half.",
        "\\> Quoted from the statement, the sentence stays a plain paragraph of text.",
        "\\- Dialogue opens with a dash in some languages, and it must remain text.",
        "2\\) The second measure extends the subsidy to farmers until next year.",
        "Plain sentences in the middle are left exactly as they were written here.",
    ]


def test_comments_after_a_short_article_are_not_the_body() -> None:
    """Reader comments can outweigh the article; the article still comes first."""
    article_lines = [
        "Town library to open on Sundays",
        "By Kim Ortega",
        "The town library will open on Sundays from next month, the mayor said on Friday.",
        "Opening hours will be noon to five, funded by a grant from the county.",
    ]
    comments = ["3 Comments"] + [
        f"Reader {n} wrote a long reply about how the library has changed the town for the "
        "better over the years, and how much the new hours will help working families."
        for n in range(3)
    ]
    article = extract_text("\n\n".join(article_lines + comments))
    assert article.title == "Town library to open on Sundays"
    assert article.author == "Kim Ortega"
    assert len(article.paragraphs) == 2
    assert "Reader" not in article.body


def test_question_headline_is_the_title_not_a_paragraph() -> None:
    text = "\n".join([
        "Menu",
        "Search",
        "Will the ferry strike on the northern islands finally end this week?",
        "By Ana Lima",
        "12 May 2024",
        "Ferry crews met port officials on Monday for a third round of talks on pay.",
        "Both sides said they expected an agreement before the weekend, when traffic peaks.",
    ])
    article = extract_text(text)
    assert article.title == "Will the ferry strike on the northern islands finally end this week?"
    assert article.author == "Ana Lima"
    assert article.hints["date_text"] == "12 May 2024"
    assert article.paragraphs[0].startswith("Ferry crews met")
    assert len(article.paragraphs) == 2


def test_cue_words_in_sentences_do_not_end_the_article() -> None:
    """Cue words only end the article as short labels, not as the first word of a sentence."""
    paragraphs = [
        "Die Stadt eröffnete am Montag den neuen Markt am Hafen mit mehr als hundert Ständen.",
        "Tag für Tag kommen seither Tausende Besucher, vor allem am frühen Morgen.",
        "Share prices of the market operator rose after the opening, analysts said on Tuesday.",
        "A court ruled last year that the copyright in the market's logo belongs to the city.",
        "Die Händler zeigen sich nach der ersten Woche sehr zufrieden mit dem Umsatz.",
    ]
    page = ["Startseite", "Neuer Markt am Hafen eröffnet", *paragraphs, "Tags: Hafen, Markt",
            "Copyright 2024 Hafenblatt"]
    article = extract_text("\n\n".join(page))
    assert article.paragraphs == paragraphs


_PARAGRAPHS = [
    "The harbour board approved the new ferry timetable on Tuesday after two months of talks.",
    "Boats will leave every forty minutes in summer, and every hour for the rest of the year.",
    "The board said the change would cost nothing, as crews already work the longer shifts.",
    "Passengers' groups welcomed the decision but asked for later sailings on Friday nights.",
]


def _page(*middle: str) -> str:
    return "\n\n".join(["Home", "Harbour board approves new ferry timetable", *middle])


def test_related_block_at_the_end_still_ends_the_article() -> None:
    """A related block followed by teasers (headline, one sentence each) is not an insert."""
    teasers = ["Bridge repairs to close the coast road in June",
               "Work on the coast road will take three weeks, the council said on Monday.",
               "Fishing fleet ties up over fuel prices",
               "Skippers say the price of diesel has doubled since the start of the year."]
    article = extract_text(_page(*_PARAGRAPHS, "Related", *teasers))
    assert article.paragraphs == _PARAGRAPHS


def test_related_block_then_reader_comments_still_ends_the_article() -> None:
    comments = ["Comments", "Mary", "Finally some sense from the harbour board, it took them "
                "long enough to listen to the people who actually use the boats every day.",
                "Tom", "Later sailings on Fridays would make a big difference for those of us "
                "who work in town and want to get home before midnight at the weekend."]
    article = extract_text(_page(*_PARAGRAPHS, *comments))
    assert article.paragraphs == _PARAGRAPHS


def test_short_sentence_with_a_date_stays_in_the_body() -> None:
    """A date line is mostly a date; a sentence that mentions one is text."""
    sentence = "The new timetable starts on 3 June 2024."
    article = extract_text(_page(*_PARAGRAPHS[:2], sentence, *_PARAGRAPHS[2:]))
    assert sentence in article.paragraphs
    assert "date_text" not in article.hints


def test_trailing_byline_keeps_name_particles_and_drops_categories() -> None:
    line = "Posted on 9 April 2024 by Ursula von der Leyen in Europe, Transport"
    article = extract_text(_page(line, *_PARAGRAPHS))
    assert article.author == "Ursula von der Leyen"
    assert article.hints["date_text"] == "Posted on 9 April 2024"
    assert article.paragraphs == _PARAGRAPHS


@pytest.mark.parametrize("line", ["5 min read", "Lesezeit: 3 Minuten", "قراءة 4 دقائق",
                                  "Tiempo de lectura: 6 minutos"])
def test_reading_time_is_not_text_nor_title(line: str) -> None:
    article = extract_text(_page(line, *_PARAGRAPHS))
    assert article.title == "Harbour board approves new ferry timetable"
    assert article.paragraphs == _PARAGRAPHS


def test_wrapped_dump_joins_lower_case_continuations_of_long_lines_only() -> None:
    """A line broken early, then carried on in lower case, is one paragraph; a short
    headline above a lower-case byline is not."""
    dump = """\
   Home

   Harbour board approves new ferry timetable
   by Ann Lee

   The harbour board approved the new ferry timetable on Tuesday after two
   months of talks with the crews, the passengers' groups and the council.

   Boats will leave every forty minutes in summer, and every hour
   for the rest of the year, the board said in a statement on Tuesday
   evening after the vote, which was carried by six votes to one.

   Passengers' groups welcomed the decision but asked for later sailings
   on Friday nights, when many people come back from work in the city.
"""
    article = extract_text(dump)
    assert article.title == "Harbour board approves new ferry timetable"
    assert article.author == "Ann Lee"
    assert [" ".join(p.split()[:2]) for p in article.paragraphs] == [
        "The harbour", "Boats will", "Passengers' groups"]


SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "text"
# The outlet each sample scrape names in its footer (or masthead).
SAMPLE_OUTLETS = {
    "ar-2026-03-08-cairo-gaza-reconstruction": "بوابة النيل الإخبارية",
    "ar-2026-06-16-salam-world-bank-south": "موقع الأرز نيوز",
    "ar-2026-09-07-cairo-palestinian-factions": "شبكة المشرق الإخبارية",  # "لشبكة …"
    "de-2026-04-09-wadephul-beirut": "Nachrichten Heute",
    "de-2026-08-27-pistorius-marine-unifil": "Rundschau Online",
    "en-2026-02-23-araghchi-beirut-visit": "Middle East Wire",
    "en-2026-03-24-beirut-reconstruction-conference": "The Levant Ledger",
    "en-2026-07-10-asean-ministers-gaza": "Southeast Asia Observer",
    "en-2026-07-15-unifil-drawdown-plan": "World Brief",  # "World Brief Media Ltd."
    "es-2026-06-04-albares-madrid-palestina": "Diario del Mediterráneo",
    "fr-2026-05-19-paris-soutien-armee-libanaise": "Le Courrier International du Levant",
    "fr-2026-10-21-barrot-jakarta": "Regards d'Asie",
    "id-2026-01-14-menlu-lebanon-jakarta": "Warta Nusantara",
    "id-2026-02-03-merc-relawan-gaza": "Kabar Harian Nusantara",
    "id-2026-03-12-baznas-konvoi-rafah": "Suara Warta Online",
    "id-2026-04-20-garuda-unifil-rotasi": "Portal Pertahanan",
    "id-2026-05-26-dpr-komisi-i-palestina": "Parlemen News",  # masthead "PARLEMEN NEWS"
    "id-2026-06-12-mui-donasi-lebanon": "Islam Digest",
    "id-2026-08-18-prabowo-pm-palestina": "NUSANTARAPOS.ID",
    "id-2026-10-08-kri-rumah-sakit-el-arish": "Berita Satu Nusa",
    "ms-2026-04-15-wisma-putra-bantuan-gaza": "Berita Semasa",  # "… Sdn Bhd"
    "ms-2026-09-17-malaysia-indonesia-suruhanjaya": "Suara Nusantara Online",
}


def test_outlet_table_covers_every_text_sample() -> None:
    assert set(SAMPLE_OUTLETS) == {p.stem for p in SAMPLES.glob("*.txt")}


@pytest.mark.parametrize("sample", sorted(SAMPLE_OUTLETS))
def test_sample_outlet(sample: str) -> None:
    article = extract_text(_read(SAMPLES / f"{sample}.txt"))
    assert article.source.name == SAMPLE_OUTLETS[sample]


@pytest.mark.parametrize(("sample", "section"), [
    # "Se connecter  S'abonner" / "Suscríbete   Iniciar sesión" above the label: a row of
    # interface items, not the menu the label ends.
    ("fr-2026-05-19-paris-soutien-armee-libanaise", "Moyen-Orient"),
    ("es-2026-06-04-albares-madrid-palestina", "INTERNACIONAL"),
    # A search prompt above the label; the label is an item of the menu row at the top.
    ("ar-2026-09-07-cairo-palestinian-factions", "فلسطين"),
])
def test_sample_section_below_interface_row(sample: str, section: str) -> None:
    assert extract_text(_read(SAMPLES / f"{sample}.txt")).section == section


@pytest.mark.parametrize(("line", "name"), [
    ("© 2026 Warta Nusantara. Hak cipta dilindungi undang-undang.", "Warta Nusantara"),
    ("Copyright © 2026 Middle East Wire. All rights reserved.", "Middle East Wire"),
    ("(c) 2026 The Levant Ledger", "The Levant Ledger"),
    ("Hakcipta Terpelihara © 2026 Berita Semasa Sdn Bhd", "Berita Semasa"),
    ("جميع الحقوق محفوظة © 2026 بوابة النيل الإخبارية", "بوابة النيل الإخبارية"),
    ("© جميع الحقوق محفوظة لشبكة المشرق الإخبارية 2026", "شبكة المشرق الإخبارية"),
    ("NUSANTARAPOS.ID (c) 2026 | Pedoman Media Siber | Redaksi | Kontak", "NUSANTARAPOS.ID"),
    ("Hak Cipta 2026 Parlemen News", "Parlemen News"),
    ("© Le Courrier International du Levant 2026 - Tous droits réservés",
     "Le Courrier International du Levant"),
    ("© 2008 - 2024 Kompas.com. All rights reserved.", "Kompas.com"),
    ("All content © 2026 Southeast Asia Observer", "Southeast Asia Observer"),
    ("Hak Cipta © 2026 Portal Pertahanan. Semua Hak Dilindungi.", "Portal Pertahanan"),
    ("© 2026 World Brief Media Ltd.", "World Brief Media"),
    ("COPYRIGHT (C) 2024 Hafenblatt Verlag GmbH. Alle Rechte vorbehalten.",
     "Hafenblatt Verlag"),
    ("© 2024 Editorial Ejemplo S.A. Todos los derechos reservados.", "Editorial Ejemplo"),
    ("Copyright 2024 Kestrel Valley Courier. All rights reserved. This material may not be "
     "published, broadcast, rewritten, or redistributed.", "Kestrel Valley Courier"),
    ("© 2024 PT Kabar Media Nusantara", "Kabar Media Nusantara"),
    ("Example Times © 2024", "Example Times"),
    ("© 2024 | Example Times", "Example Times"),
    ("جميع الحقوق محفوظة للمركز الإعلامي الفلسطيني 2024", "المركز الإعلامي الفلسطيني"),
    ("جميع الحقوق محفوظة © 2024 لبنان اليوم", "لبنان اليوم"),  # a name opening with ل
    ("© 2024 Regards d'Asie", "Regards d'Asie"),
    ("Copyright © 2024 examplenews.co.id", "examplenews.co.id"),
    ("© 2024 Example News, a division of Example Media Group", "Example News"),
    ("جميع الحقوق محفوظة لـ شبكة الساحل 2024", "شبكة الساحل"),
    ("Copyright © 2024 by Example News", "Example News"),
    ("Copyright © 2024 All Rights Reserved | Example News", "Example News"),
    ("Terms | Privacy | © 2024 Example News", "Example News"),
])
def test_copyright_name(line: str, name: str) -> None:
    assert copyright_name(line) == name


@pytest.mark.parametrize("line", [
    "Hak cipta dilindungi undang-undang.",  # a rights clause, no name
    "© 2026 | Pedoman Media Siber | Redaksi | Kontak",  # which item is the outlet? none
    "© 2026. All rights reserved.",
    "Copyright © 2024 The",  # a function word alone is no name
    "Copyright 2024: the photographs may not be reproduced without permission",
])
def test_copyright_line_without_a_name(line: str) -> None:
    assert copyright_name(line) is None


def test_copyright_in_the_body_is_not_the_outlet() -> None:
    # Read as a footer this would name "Harbour Holdings"; as a sentence it is text.
    sentence = "Copyright 2023 Harbour Holdings."
    assert copyright_name(sentence) == "Harbour Holdings"
    article = extract_text(_page(*_PARAGRAPHS[:2], sentence, *_PARAGRAPHS[2:]))
    assert sentence in article.paragraphs
    assert article.source.name is None


def test_footer_outlet_beats_masthead_and_keeps_its_capitalisation() -> None:
    page = "\n\n".join(["HAFENBLATT NEWS", "Home", "Harbour board approves new ferry timetable",
                         *_PARAGRAPHS, "Tags: Hafen", "© 2024 Hafenblatt News"])
    assert extract_text(page).source.name == "Hafenblatt News"


def test_outlet_from_a_title_line_naming_the_site() -> None:
    title = "Harbour board approves new ferry timetable"
    for line, name in ((f"{title} - Harbour Gazette", "Harbour Gazette"),
                       (f"{title} | Harbour Gazette", "Harbour Gazette"),
                       (f"Harbour Gazette | {title}", "Harbour Gazette"),
                       # a line that does not repeat the headline names nothing
                       ("Harbour Gazette - Local news", None)):
        article = extract_text("\n\n".join([line, "Home", title, *_PARAGRAPHS]))
        assert article.title == title
        assert article.source.name == name, line


def test_outlet_from_a_domain_masthead_only_at_the_top() -> None:
    top = extract_text("\n\n".join(["harbourgazette.co.uk", _page(*_PARAGRAPHS)]))
    assert top.source.name == "harbourgazette.co.uk"
    bottom = extract_text("\n\n".join([_page(*_PARAGRAPHS), "Tags: Hafen",
                                        "harbourgazette.co.uk"]))
    assert bottom.source.name is None


def test_row_of_interface_items_above_the_label_is_not_a_menu() -> None:
    """A label below a row laid out with spaces is the section; below a one-per-line menu
    it is the menu's last item."""
    row = "\n".join(["Sign in   Subscribe", "Europe", "Harbour board approves new ferry timetable",
                     *_PARAGRAPHS])
    assert extract_text(row).section == "Europe"
    menu = "\n".join(["World", "Sport", "Europe", "Harbour board approves new ferry timetable",
                      *_PARAGRAPHS])
    assert extract_text(menu).section is None
