"""Language identification among the configured languages (lingua)."""

from __future__ import annotations

import pytest

from digest.article import Article
from digest.enrich.language import detect, identify_language

# Formal Malaysian news prose vs Indonesian: "kerajaan", "beliau", "wang", "kenderaan"
# against "pemerintah", "uang", "kendaraan".
HARD_PAIRS = [
    ("Kerajaan akan memperuntukkan wang tambahan bagi membaiki jalan raya di seluruh negeri, "
     "kata beliau kepada pemberita.",
     "Pemerintah akan mengalokasikan uang tambahan untuk memperbaiki jalan di seluruh "
     "provinsi, katanya kepada wartawan."),
    ("Pemilik kenderaan digesa memperbaharui lesen memandu sebelum hujung bulan ini.",
     "Pemilik kendaraan diminta memperpanjang surat izin mengemudi sebelum akhir bulan ini."),
    ("Beliau berkata kerajaan negeri komited membantu mangsa banjir di Kelantan.",
     "Ia mengatakan pemerintah provinsi berkomitmen membantu korban banjir di Aceh."),
    ("Polis menahan dua lelaki bagi membantu siasatan kes samun di sebuah kedai emas.",
     "Polisi menahan dua pria untuk membantu penyelidikan kasus perampokan di toko emas."),
    ("Perdana Menteri berkata kerajaan akan mengumumkan bantuan tunai kepada rakyat "
     "berpendapatan rendah pada bulan hadapan.",
     "Pemerintah akan mengumumkan bantuan tunai kepada warga berpenghasilan rendah bulan "
     "depan, kata juru bicara istana."),
]


@pytest.mark.parametrize(("malay", "indonesian"), HARD_PAIRS)
def test_separates_malay_from_indonesian(ctx, malay: str, indonesian: str) -> None:
    assert detect(malay, ctx) == "ms"
    assert detect(indonesian, ctx) == "id"


@pytest.mark.parametrize(("text", "lang"), [
    ("The prime minister said on Tuesday that talks would resume next week.", "en"),
    ("Le Premier ministre a déclaré mardi que les négociations reprendraient.", "fr"),
    ("Der Ministerpräsident sagte am Dienstag, die Gespräche würden fortgesetzt.", "de"),
    ("El primer ministro dijo el martes que las negociaciones se reanudarían.", "es"),
    ("قال رئيس الوزراء يوم الثلاثاء إن المحادثات ستستأنف الأسبوع المقبل.", "ar"),
])
def test_other_configured_languages(ctx, text: str, lang: str) -> None:
    assert detect(text, ctx) == lang


def test_only_configured_languages_are_chosen(ctx) -> None:
    # Portuguese is not configured: the answer is the nearest configured language.
    assert detect("O governo anunciou novas medidas para a economia do país.", ctx) in \
        ctx.config.languages


def test_lang_option_wins(ctx) -> None:
    ctx.lang = "ms"
    article = Article(title="Pemerintah", body=HARD_PAIRS[0][1], lang="id")
    assert identify_language(article, ctx).lang == "ms"


def test_existing_language_is_kept(ctx) -> None:
    article = Article(title="", body=HARD_PAIRS[0][0], lang="id")  # an editor said so
    assert identify_language(article, ctx).lang == "id"


def test_html_hint_breaks_a_tie_only(ctx) -> None:
    # Every word here is both Indonesian and Malay.
    shared = "Presiden mengumumkan bantuan tunai kepada masyarakat berpenghasilan rendah."
    unhinted = detect(shared, ctx)
    other = "id" if unhinted == "ms" else "ms"
    ambiguous = Article(title="", body=shared, hints={"lang": f"{other}-XX"})
    assert identify_language(ambiguous, ctx).lang == other
    clear = Article(title="", body=HARD_PAIRS[1][1], hints={"lang": "ms"})
    assert identify_language(clear, ctx).lang == "id"  # the text outweighs a wrong hint


def test_detector_is_built_once(ctx) -> None:
    detect("Selamat pagi", ctx)
    built = ctx.cache["language"]
    detect("Good morning", ctx)
    assert ctx.cache["language"] is built


def test_a_longer_look_when_the_start_is_not_clear_cut(ctx) -> None:
    # 600 characters of words Indonesian and Malay share, then plainly Malay prose.
    shared = "Presiden mengumumkan bantuan tunai kepada masyarakat berpenghasilan rendah. "
    malay = " ".join(m for m, _ in HARD_PAIRS)
    assert detect(shared * 8 + malay * 2, ctx) == "ms"
    indonesian = " ".join(i for _, i in HARD_PAIRS)
    assert detect(shared * 8 + indonesian * 2, ctx) == "id"
