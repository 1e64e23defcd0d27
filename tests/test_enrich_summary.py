"""Extractive summaries: the best 2–3 sentences, in order, within the word budget, that
stand on their own: whole quotations, no pronoun without its antecedent, no repeats."""

from __future__ import annotations

import pytest

from digest.article import Article
from digest.enrich.sentences import split_sentences
from digest.enrich.summary import MAX_WORDS, SOFT_MAX_WORDS, needs_antecedent, summarize
from digest.text.fold import norm

BODY = """\
JAKARTA – Presiden Prabowo Subianto mengumumkan paket bantuan pangan untuk keluarga \
miskin di seluruh Indonesia pada Senin.

Paket bantuan pangan itu berisi beras dan minyak goreng yang dibagikan setiap bulan \
selama satu tahun.

Cuaca di Jakarta cerah berawan sepanjang hari dan lalu lintas ramai lancar.

Menurut pemerintah, bantuan pangan tersebut menjangkau dua puluh juta keluarga miskin.

Tags: politik."""


def article(**kw) -> Article:
    return Article(title="Prabowo umumkan bantuan pangan untuk keluarga miskin", body=BODY,
                   lang="id", actors=["prabowo-subianto"], **kw)


def test_picks_sentences_about_the_story_in_order(ctx) -> None:
    summary = summarize(article(), ctx).summary
    assert summary is not None
    assert summary.startswith("Presiden Prabowo Subianto mengumumkan")  # dateline dropped
    assert "Cuaca" not in summary  # off-topic
    assert "Tags" not in summary  # too short to be a sentence of the story
    assert 2 <= summary.count(".") <= 3
    assert len(summary.split()) <= MAX_WORDS
    first = summary.index("Presiden")
    assert all(summary.index(s) > first for s in ("Paket", "Menurut") if s in summary)


def test_budget_allows_one_long_sentence_alone(ctx) -> None:
    long = " ".join(["Kalimat pertama yang sangat panjang tentang bantuan pangan"] * 8) + "."
    body = f"{long}\n\n{long.replace('pertama', 'kedua')}"
    summary = summarize(Article(title="Bantuan pangan", body=body, lang="id"), ctx).summary
    assert summary is not None
    assert len(summary.split()) <= max(SOFT_MAX_WORDS, len(long.split()))
    assert summary.count(".") == 1


def test_abbreviations_survive_in_the_summary(ctx) -> None:
    body = ("Prof. Dr. H. Ahmad dari Jl. Sudirman No. 5 menyebut harga beras naik Rp 4.000. "
            "Kenaikan harga beras itu terjadi di seluruh provinsi.")
    summary = summarize(Article(title="Harga beras naik", body=body, lang="id"), ctx).summary
    assert summary == body


def test_existing_summary_is_kept(ctx) -> None:
    assert summarize(article(summary="Ringkasan editor."), ctx).summary == "Ringkasan editor."


def test_empty_body_gives_no_summary(ctx) -> None:
    assert summarize(Article(title="Judul", body="", lang="id"), ctx).summary is None


def test_sentences_are_taken_verbatim_from_the_body(ctx) -> None:
    summary = summarize(article(), ctx).summary or ""
    flat = " ".join(BODY.split())
    for sentence in split_sentences(summary, "id"):
        assert sentence in flat


# --- Summaries stand on their own -------------------------------------------------------

# The marks each language's sample text quotes with, as (opening, closing).
MARKS = {"id": ('"', '"'), "en": ("“", "”"), "fr": ("«", "»"), "de": ("„", "“"),
         "ar": ("«", "»")}


def quotes_balanced(text: str, lang: str) -> bool:
    opening, closing = MARKS[lang]
    if opening == closing:
        return text.count(opening) % 2 == 0
    return text.count(opening) == text.count(closing)


def summary_of(ctx, title: str, body: str, lang: str, actors: tuple[str, ...] = ()) -> str:
    summary = summarize(Article(title=title, body=body, lang=lang, actors=list(actors)),
                        ctx).summary
    assert summary is not None
    return summary


# The lead, then a quotation of two sentences whose first one repeats the title's words:
# taken alone, it would end the summary inside the quotation.
QUOTED = {
    "id": ("Menlu Sugiono bahas rekonstruksi sekolah Lebanon selatan",
           "Menteri Luar Negeri Sugiono menerima Menteri Luar Negeri Lebanon di Jakarta "
           "pada Selasa untuk membahas rekonstruksi.\n\n"
           '"Rekonstruksi sekolah di Lebanon selatan menjadi prioritas Sugiono dan '
           "pemerintah. Kami sudah menyiapkan guru, buku, dan dana untuk tahun depan "
           "bersama lembaga zakat dan mitra swasta di kedua negara, dan kami akan "
           "mengirim tim pertama segera setelah izin dari otoritas setempat keluar,\" "
           "kata juru bicara Kementerian Luar Negeri.\n\n"
           "Pertemuan berlangsung selama dua jam di Gedung Pancasila."),
    "en": ("Minister Sugiono discusses rebuilding of south Lebanon schools",
           "Foreign Minister Sugiono received his Lebanese counterpart in Jakarta on "
           "Tuesday to discuss reconstruction.\n\n"
           "“Rebuilding the schools of south Lebanon is a priority for Minister Sugiono "
           "and the government. We have prepared teachers, books and funds for next year "
           "with charities and private partners in both countries, and the first team "
           "will leave as soon as the local authorities give their permission,” a "
           "ministry spokesman told reporters.\n\n"
           "The meeting lasted two hours at the ministry's main building."),
    "fr": ("Le ministre Sugiono évoque la reconstruction des écoles du Sud-Liban",
           "Le ministre des affaires étrangères Sugiono a reçu mardi à Jakarta son "
           "homologue libanais pour évoquer la reconstruction.\n\n"
           "« La reconstruction des écoles du Sud-Liban est une priorité pour le ministre "
           "Sugiono et le gouvernement. Nous avons préparé des enseignants, des livres et "
           "des fonds pour l'année prochaine avec des associations et des partenaires "
           "privés des deux pays », a expliqué un porte-parole du ministère.\n\n"
           "La rencontre a duré deux heures au siège du ministère."),
}


@pytest.mark.parametrize("lang", sorted(QUOTED))
def test_a_quotation_is_taken_whole_or_not_at_all(ctx, lang: str) -> None:
    title, body = QUOTED[lang]
    summary = summary_of(ctx, title, body, lang)
    assert quotes_balanced(summary, lang), summary
    first, second = split_sentences(body.split("\n\n")[1], lang)
    assert (first in summary) == (second in summary), summary


@pytest.mark.parametrize(("lang", "title", "body"), [
    ("id", "Sugiono: sekolah Lebanon selatan jadi prioritas",
     "Menteri Luar Negeri Sugiono menerima Menteri Luar Negeri Lebanon di Jakarta pada "
     'Selasa.\n\n"Sekolah di Lebanon selatan jadi prioritas kami. Guru dan buku sudah '
     'siap," kata Sugiono.'),
    ("fr", "Sugiono : les écoles du Sud-Liban sont une priorité",
     "Le ministre Sugiono a reçu mardi à Jakarta son homologue libanais.\n\n"
     "« Les écoles du Sud-Liban sont notre priorité. Les enseignants sont prêts », a "
     "dit Sugiono."),
])
def test_a_short_quotation_is_taken_whole(ctx, lang: str, title: str, body: str) -> None:
    summary = summary_of(ctx, title, body, lang)
    assert summary == " ".join(" ".join(p.split()) for p in body.split("\n\n"))


# A quotation that runs on into the next paragraph, as some styles write it: its first
# paragraph never closes it, so no part of it can be taken.
OPEN_QUOTE = {
    "id": ("Sugiono: rekonstruksi sekolah Lebanon selatan jadi prioritas",
           "Menteri Luar Negeri Sugiono menerima Menteri Luar Negeri Lebanon di Jakarta "
           "pada Selasa.\n\n"
           '"Rekonstruksi sekolah di Lebanon selatan menjadi prioritas pemerintah. '
           "Kami menyiapkan guru dan buku.\n\n"
           '"Dana tersedia untuk tahun depan," kata Sugiono.'),
    "en": ("Sugiono: rebuilding south Lebanon schools is a priority",
           "Foreign Minister Sugiono received his Lebanese counterpart in Jakarta on "
           "Tuesday.\n\n"
           "“Rebuilding the schools of south Lebanon is a priority for the government. "
           "We are preparing teachers and books.\n\n"
           "“The money is there for next year,” Sugiono said."),
    "de": ("Sugiono: Wiederaufbau der Schulen im Südlibanon hat Vorrang",
           "Außenminister Sugiono hat am Dienstag in Jakarta seinen libanesischen "
           "Amtskollegen empfangen.\n\n"
           "„Der Wiederaufbau der Schulen im Südlibanon hat für die Regierung Vorrang. "
           "Wir bereiten Lehrer und Bücher vor.\n\n"
           "„Das Geld für das nächste Jahr ist da“, sagte Sugiono."),
}


@pytest.mark.parametrize("lang", sorted(OPEN_QUOTE))
def test_a_quotation_left_open_is_never_taken(ctx, lang: str) -> None:
    title, body = OPEN_QUOTE[lang]
    summary = summary_of(ctx, title, body, lang)
    assert quotes_balanced(summary, lang), summary
    opened = body.split("\n\n")[1]
    assert not any(s in summary for s in split_sentences(opened, lang)), summary


# A lead, a second sentence, an unrelated one naming someone else, then a sentence about
# the story whose subject is a pronoun: taken without the one before it, "he" would be
# whoever the reader guesses.
ANAPHORIC = {
    "id": ("Sugiono bahas rekonstruksi Lebanon dan kerja sama pendidikan",
           "Menteri Luar Negeri Sugiono menerima Menteri Luar Negeri Lebanon di Jakarta "
           "pada Selasa.\n\n"
           "Pertemuan itu membahas rekonstruksi Lebanon selatan dan kerja sama "
           "pendidikan.\n\n"
           "Juru bicara parlemen, Budi Santoso, hadir bersama sejumlah pejabat lain.\n\n"
           "Menurutnya, rekonstruksi Lebanon dan kerja sama pendidikan butuh dana besar.",
           "Menurutnya"),
    "en": ("Sugiono discusses Lebanon reconstruction and education cooperation",
           "Foreign Minister Sugiono received his Lebanese counterpart in Jakarta on "
           "Tuesday.\n\n"
           "The meeting covered the reconstruction of south Lebanon and education "
           "cooperation.\n\n"
           "A parliament spokesman, Budi Santoso, attended with several other officials."
           "\n\nHe said Lebanon reconstruction and education cooperation need large funds.",
           "He said"),
    "fr": ("Sugiono évoque la reconstruction du Liban et la coopération éducative",
           "Le ministre des affaires étrangères Sugiono a reçu mardi à Jakarta son "
           "homologue libanais.\n\n"
           "La rencontre a porté sur la reconstruction du Sud-Liban et la coopération "
           "éducative.\n\n"
           "Un porte-parole du Parlement, Budi Santoso, était présent avec d'autres "
           "responsables.\n\n"
           "Il a ajouté que la reconstruction du Liban et la coopération éducative "
           "demandent des fonds importants.", "Il a ajouté"),
    "ar": ("سوجيونو يبحث إعادة إعمار لبنان والتعاون التعليمي",
           "استقبل وزير الخارجية سوجيونو نظيره اللبناني في جاكرتا يوم الثلاثاء.\n\n"
           "وتناول اللقاء إعادة إعمار جنوب لبنان والتعاون التعليمي بين البلدين.\n\n"
           "وحضر المتحدث باسم البرلمان بودي سانتوسو مع عدد من المسؤولين الآخرين.\n\n"
           "وأضاف أن إعادة إعمار لبنان والتعاون التعليمي يحتاجان إلى أموال كبيرة.",
           "وأضاف"),
}


@pytest.mark.parametrize("lang", sorted(ANAPHORIC))
def test_a_pronoun_opener_comes_only_after_the_sentence_before_it(ctx, lang: str) -> None:
    title, body, opener = ANAPHORIC[lang]
    summary = summary_of(ctx, title, body, lang)
    paragraphs = body.split("\n\n")
    assert summary.startswith(paragraphs[0]), summary
    assert opener not in summary or paragraphs[2] in summary, summary


def test_a_pronoun_opener_counts_fully_after_the_sentence_before_it(ctx) -> None:
    body = ("Menteri Luar Negeri Sugiono menerima Menteri Luar Negeri Lebanon di Jakarta "
            "pada Selasa.\n\n"
            "Ia mengatakan rekonstruksi Lebanon dan kerja sama pendidikan butuh dana besar.")
    summary = summary_of(ctx, "Sugiono bahas rekonstruksi Lebanon", body, "id")
    assert summary == " ".join(body.split("\n\n"))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Ia mengatakan bantuan tiba pekan depan.", "id", True),
    ("Namun, menurutnya, bantuan sering tertahan di perbatasan.", "id", True),
    ("Menurut dia, penyakit diare banyak ditemukan di kamp.", "id", True),
    ("Indonesia mengirim bantuan pekan depan.", "id", False),
    ("Menurut Sugiono, bantuan tiba pekan depan.", "id", False),
    ('"Bantuan tiba pekan depan," katanya.', "id", True),
    ('"Bantuan tiba pekan depan," kata Sugiono.', "id", False),
    ("Beliau berkata bantuan akan tiba minggu depan.", "ms", True),
    ("He said the aid would arrive next week.", "en", True),
    ("According to him, the aid would arrive next week.", "en", True),
    ("On Tuesday, she met the prime minister.", "en", True),
    ("Hezbollah said the aid would arrive next week.", "en", False),
    ("Heavy rain delayed the convoy.", "en", False),
    ("“The aid will arrive next week,” he said.", "en", True),
    ("“The aid will arrive next week,” Sugiono said.", "en", False),
    ("Il a ajouté que l'aide arriverait la semaine prochaine.", "fr", True),
    ("Selon lui, l'aide arrivera la semaine prochaine.", "fr", True),
    ("Il y a deux ans, l'aide était bloquée.", "fr", False),
    ("« L'aide arrivera », a-t-il déclaré.", "fr", True),
    ("Er sagte, die Hilfe komme nächste Woche.", "de", True),
    ("Am Freitag sagte er, die Hilfe komme nächste Woche.", "de", True),
    ("Erst am Freitag kam die Hilfe an.", "de", False),
    ("Ihm zufolge kommt die Hilfe nächste Woche.", "de", True),
    ("وأضاف أن المساعدات ستصل الأسبوع المقبل.", "ar", True),
    ("وأضاف الوزير أن المساعدات ستصل الأسبوع المقبل.", "ar", False),
    ("وقال: إن المساعدات ستصل الأسبوع المقبل.", "ar", True),
    ("وهو يرى أن المساعدات ستصل قريبا.", "ar", True),
])
def test_needs_antecedent(text: str, lang: str, expected: bool) -> None:
    assert needs_antecedent(norm(text), lang) is expected


# A standfirst and a lead paragraph that say the same thing in other words.
REPEATED = {
    "id": ("Menlu Sugiono kunjungi Beirut, janjikan bantuan rekonstruksi",
           "Menteri Luar Negeri Sugiono mengunjungi Beirut pada Senin dan menjanjikan "
           "bantuan rekonstruksi untuk Lebanon selatan.\n\n"
           "Menteri Luar Negeri Sugiono tiba di Beirut pada Senin untuk kunjungan "
           "sehari ke Lebanon.\n\n"
           "Indonesia menyiapkan dana hibah untuk membangun kembali sekolah dan "
           "puskesmas di desa-desa perbatasan."),
    "en": ("Minister Sugiono visits Beirut, pledges reconstruction aid",
           "Foreign Minister Sugiono visited Beirut on Monday and pledged reconstruction "
           "aid for south Lebanon.\n\n"
           "Foreign Minister Sugiono arrived in Beirut on Monday for a one-day visit "
           "to Lebanon.\n\n"
           "Indonesia is preparing grants to rebuild schools and clinics in border "
           "villages."),
    "de": ("Außenminister Sugiono besucht Beirut und sagt Hilfe zu",
           "Außenminister Sugiono hat am Montag Beirut besucht und Hilfe beim "
           "Wiederaufbau des Südlibanon zugesagt.\n\n"
           "Außenminister Sugiono ist am Montag zu einem eintägigen Besuch nach Beirut "
           "gereist.\n\n"
           "Indonesien will Schulen und Krankenstationen in den Grenzdörfern wieder "
           "aufbauen."),
}


@pytest.mark.parametrize("lang", sorted(REPEATED))
def test_a_near_duplicate_of_a_chosen_sentence_is_skipped(ctx, lang: str) -> None:
    title, body = REPEATED[lang]
    standfirst, _lead, other = body.split("\n\n")
    summary = summary_of(ctx, title, body, lang)
    assert summary == f"{standfirst} {other}"
