"""The sentence splitter: abbreviations, initials, decimals, ordinals, quotes, and the
passages that quotations spanning several sentences make."""

from __future__ import annotations

import pytest

from digest.enrich.sentences import Passage, split_passages, split_sentences


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Harga naik Rp 4.000 per kilo. Warga mengeluh.", "id",
     ["Harga naik Rp 4.000 per kilo.", "Warga mengeluh."]),
    ("Ia tinggal di Jl. Sudirman No. 5 bersama Prof. Dr. H. Ahmad. Besoknya pergi.", "id",
     ["Ia tinggal di Jl. Sudirman No. 5 bersama Prof. Dr. H. Ahmad.", "Besoknya pergi."]),
    ("Beras, gula, dll. naik harga. Pedagang resah.", "id",
     ["Beras, gula, dll. naik harga.", "Pedagang resah."]),
    ("Mr. Smith flew to the U.S. on Jan. 5. He left.", "en",
     ["Mr. Smith flew to the U.S. on Jan. 5.", "He left."]),
    ("J. K. Rowling spoke. Fans cheered.", "en", ["J. K. Rowling spoke.", "Fans cheered."]),
    ('He said: "It is over." Then he left.', "en", ['He said: "It is over."', "Then he left."]),
    ('"Why?" he asked. Nobody answered!', "en", ['"Why?" he asked.', "Nobody answered!"]),
    ("M. Macron a parlé. Mme Dupont aussi.", "fr", ["M. Macron a parlé.", "Mme Dupont aussi."]),
    ("Am 9. Juli 2024 kam er, z. B. mit Dr. Müller. Dann ging er.", "de",
     ["Am 9. Juli 2024 kam er, z. B. mit Dr. Müller.", "Dann ging er."]),
    ("قال الرئيس إن الوضع خطير. وأضاف أن المحادثات مستمرة؟ نعم.", "ar",
     ["قال الرئيس إن الوضع خطير.", "وأضاف أن المحادثات مستمرة؟", "نعم."]),
    # Closing marks of German and French quotations stay with their sentence.
    ("Er sagte: „Wir bleiben.“ Dann ging er.", "de",
     ["Er sagte: „Wir bleiben.“", "Dann ging er."]),
    ("Sie sagte: »Wir bleiben.« Dann ging sie.", "de",
     ["Sie sagte: »Wir bleiben.«", "Dann ging sie."]),
    ("Il a dit : « Nous restons. » Puis il est parti.", "fr",
     ["Il a dit : « Nous restons. »", "Puis il est parti."]),
])
def test_split(text: str, lang: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


def test_paragraphs_always_end_a_sentence() -> None:
    assert split_sentences("Judul tanpa titik\n\nIsi paragraf.", "id") == [
        "Judul tanpa titik", "Isi paragraf."]


def test_line_breaks_inside_a_paragraph_are_spaces() -> None:
    assert split_sentences("Satu\nkalimat.", "id") == ["Satu kalimat."]


def shape(passages: list[Passage]) -> list[tuple[int, bool]]:
    """Each passage's number of sentences and whether its quotations are balanced."""
    return [(len(p.sentences), p.balanced) for p in passages]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A quotation of two sentences, then its attribution, is one passage.
    ('"Posisi kami tetap. Kami mendukung Palestina di PBB," kata Menlu. Rapat berakhir.',
     "id", [(2, True), (1, True)]),
    ("“We will stay. Our troops know the area,” the minister said. Talks resume today.",
     "en", [(2, True), (1, True)]),
    ("Le ministre a déclaré : « Nous restons. Nos soldats connaissent le terrain. » "
     "La réunion a repris.", "fr", [(2, True), (1, True)]),
    ("Der Minister sagte: „Wir bleiben. Unsere Soldaten kennen das Gebiet.“ "
     "Die Gespräche gehen weiter.", "de", [(2, True), (1, True)]),
    ("Der Minister sagte: »Wir bleiben. Unsere Soldaten kennen das Gebiet.« "
     "Die Gespräche gehen weiter.", "de", [(2, True), (1, True)]),
    ("وقال الوزير: «نحن باقون. جنودنا يعرفون المنطقة». واستؤنفت المحادثات.", "ar",
     [(2, True), (1, True)]),
    ('وقال الوزير: "نحن باقون. جنودنا يعرفون المنطقة". واستؤنفت المحادثات.', "ar",
     [(2, True), (1, True)]),
    # A quotation within one sentence leaves every sentence its own passage.
    ('The army called it "a fresh start". Talks resume today.', "en",
     [(1, True), (1, True)]),
    # Apostrophes are no quotation marks.
    ("Lebanon's army moved. The soldiers’ families waited. Dialogue isn't over.", "en",
     [(1, True), (1, True), (1, True)]),
    # Single quotation marks that pair up group sentences like double ones.
    ("He wrote: 'We stay. We rebuild.' Then he left.", "en", [(2, True), (1, True)]),
])
def test_quotations_make_passages(text: str, lang: str, expected: list[tuple[int, bool]]
                                  ) -> None:
    passages = split_passages(text, lang)
    assert shape(passages) == expected
    assert [s for p in passages for s in p.sentences] == split_sentences(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # Some styles run a quotation over several paragraphs, closing it only at the end.
    ('Ia berkata, "Kami akan membangun kembali sekolah. Kami butuh waktu.\n\n'
     '"Dana sudah tersedia," katanya.', "id"),
    ("He said: “We will rebuild the schools. It will take time.\n\n"
     "“The money is there,” he added.", "en"),
    ("Il a ajouté : « Nous reconstruirons les écoles. Cela prendra du temps.\n\n"
     "« L'argent est là », a-t-il dit.", "fr"),
])
def test_quotation_left_open_runs_to_the_paragraph_end_unbalanced(text: str, lang: str
                                                                 ) -> None:
    assert shape(split_passages(text, lang)) == [(2, False), (1, True)]


@pytest.mark.parametrize(("text", "lang"), [
    ('Dana sudah tersedia. Sekolah dibangun," katanya. Rapat berakhir.', "id"),
    ("The money is there. Schools will be rebuilt,” he said. The meeting ended.", "en"),
    ("Das Geld ist da. Die Schulen werden gebaut“, sagte er. Das Treffen endete.", "de"),
])
def test_quotation_closed_without_opening_is_unbalanced(text: str, lang: str) -> None:
    assert shape(split_passages(text, lang)) == [(2, False), (1, True)]
