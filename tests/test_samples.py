"""The sample inputs through the real ``digest extract``, and the committed sample content."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from digest.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CONFIG = str(ROOT / "digest.toml")
SEED = SAMPLES / "seed" / "raw-article-id.txt"

# sample (relative to samples/) -> [(lang, date, title), …], one per article it holds.
EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "feeds/id-kabar-diplomasi.rss.xml": [
        ("id", "2026-01-28", "Kemlu Gelar Forum Timur Tengah untuk Mahasiswa, Bahas Peran "
                             "Indonesia di Lebanon dan Palestina"),
        ("id", "2026-07-02", "Baznas Salurkan Bantuan Tahap Kelima untuk Pengungsi Gaza, "
                             "Fokus Air Bersih"),
        ("id", "2026-09-29", "Di Sidang Majelis Umum PBB, Menlu Sugiono Serukan Percepatan "
                             "Rekonstruksi Gaza"),
        ("id", "2026-11-20", "Kontingen Garuda Mulai Persiapan Penarikan dari Lebanon Selatan"),
    ],
    "html/ar-2026-02-22-berri-araghchi.html": [
        ("ar", "2026-02-22", "الرئيس بري استقبل وزير الخارجية الإيراني عباس عراقجي في عين التينة")],
    "html/en-2026-09-22-doha-qatar-palestinian-pm.html.gz": [
        ("en", "2026-09-22", "Qatar and Palestinian Authority discuss Gaza reconstruction "
                             "funding in Doha")],
    "html/en-2026-11-12-guterres-naqoura-visit.html": [
        ("en", "2026-11-12", "Guterres visits UNIFIL headquarters ahead of mission's close")],
    "html/es-2026-07-21-robles-finul-marjayoun.html": [
        ("es", "2026-07-21", "Robles visita a las tropas españolas en el Líbano a cinco meses "
                             "del fin de la misión de la ONU")],
    "html/fr-2026-03-09-caire-reconstruction-gaza.html": [
        ("fr", "2026-03-09", "Au Caire, une conférence internationale pour financer la "
                             "reconstruction de Gaza")],
    "html/id-2026-05-09-garuda-pulang-lebanon.html": [
        ("id", "2026-05-09", "Setahun Bertugas di Lebanon, 850 Prajurit Garuda Kembali ke "
                             "Tanah Air")],
    "html/id-2026-05-14-rs-indonesia-gaza-icu.html": [
        ("id", "2026-05-14", "Rumah Sakit Indonesia di Gaza kembali buka layanan ICU")],
    "html/id-2026-11-05-jakarta-lembaga-kemanusiaan-asean.html": [
        ("id", "2026-11-05", "Jakarta Jadi Tuan Rumah Pertemuan Lembaga Kemanusiaan ASEAN "
                             "soal Gaza")],
    "html/ms-2026-10-27-anwar-terima-pm-lubnan.html": [
        ("ms", "2026-10-27", "Anwar terima kunjungan Perdana Menteri Lubnan, bincang "
                             "pembinaan semula dan UNIFIL")],
    "text/ar-2026-03-08-cairo-gaza-reconstruction.txt": [
        ("ar", "2026-03-08", "مؤتمر القاهرة لإعادة إعمار غزة يبحث آليات التمويل بمشاركة "
                             "عربية ودولية")],
    "text/ar-2026-06-16-salam-world-bank-south.txt": [
        ("ar", "2026-06-16", "سلام يبحث مع وفد البنك الدولي تمويل إعادة إعمار القرى الجنوبية")],
    "text/ar-2026-09-07-cairo-palestinian-factions.txt": [
        ("ar", "2026-09-07", "القاهرة تستضيف لقاء بين وفدي فتح وحماس لبحث ترتيبات إدارة غزة")],
    "text/de-2026-04-09-wadephul-beirut.txt": [
        ("de", "2026-04-09", "Wadephul sagt Libanon Hilfe beim Wiederaufbau zu")],
    "text/de-2026-08-27-pistorius-marine-unifil.txt": [
        ("de", "2026-08-27", "Pistorius besucht deutsche Marinesoldaten vor der "
                             "libanesischen Küste")],
    "text/en-2026-02-23-araghchi-beirut-visit.txt": [
        ("en", "2026-02-23", "Iranian foreign minister visits Beirut, meets Berri and "
                             "Lebanese officials")],
    "text/en-2026-03-24-beirut-reconstruction-conference.txt": [
        ("en", "2026-03-24", "Beirut conference gathers donors for Lebanon's "
                             "reconstruction plan")],
    "text/en-2026-07-10-asean-ministers-gaza.txt": [
        ("en", "2026-07-10", "ASEAN foreign ministers call for unhindered humanitarian "
                             "access to Gaza")],
    "text/en-2026-07-15-unifil-drawdown-plan.txt": [
        ("en", "2026-07-15", "UN chief outlines timetable for UNIFIL withdrawal from "
                             "south Lebanon")],
    "text/es-2026-06-04-albares-madrid-palestina.txt": [
        ("es", "2026-06-04", "Albares reúne en Madrid a ministros europeos y árabes para "
                             "impulsar la solución de dos Estados")],
    "text/fr-2026-05-19-paris-soutien-armee-libanaise.txt": [
        ("fr", "2026-05-19", "À Paris, une réunion internationale pour soutenir l'armée "
                             "libanaise avant le départ de la Finul")],
    "text/fr-2026-10-21-barrot-jakarta.txt": [
        ("fr", "2026-10-21", "Jean-Noël Barrot à Jakarta pour renforcer le partenariat "
                             "franco-indonésien")],
    "text/id-2026-01-14-menlu-lebanon-jakarta.txt": [
        ("id", "2026-01-14", "Menlu Sugiono Terima Menlu Lebanon di Jakarta, Bahas "
                             "Rekonstruksi dan Pasukan Perdamaian")],
    "text/id-2026-02-03-merc-relawan-gaza.txt": [
        ("id", "2026-02-03", "MER-C Berangkatkan 24 Relawan Medis ke Rumah Sakit Indonesia "
                             "di Gaza")],
    "text/id-2026-03-12-baznas-konvoi-rafah.txt": [
        ("id", "2026-03-12", "Baznas Kirim 40 Truk Bantuan Pangan untuk Gaza Lewat Mesir")],
    "text/id-2026-04-20-garuda-unifil-rotasi.txt": [
        ("id", "2026-04-20", "850 Prajurit Kontingen Garuda Diberangkatkan ke Lebanon "
                             "Selatan")],
    "text/id-2026-05-26-dpr-komisi-i-palestina.txt": [
        ("id", "2026-05-26", "Komisi I DPR dan Kemlu Bahas Diplomasi Palestina dan Masa "
                             "Depan Misi Perdamaian")],
    "text/id-2026-06-12-mui-donasi-lebanon.txt": [
        ("id", "2026-06-12", "MUI Ajak Umat Bantu Pembangunan Kembali Sekolah dan Masjid di "
                             "Lebanon Selatan")],
    "text/id-2026-08-18-prabowo-pm-palestina.txt": [
        ("id", "2026-08-18", "Presiden Prabowo Terima Perdana Menteri Palestina di Istana "
                             "Merdeka")],
    "text/id-2026-10-08-kri-rumah-sakit-el-arish.txt": [
        ("id", "2026-10-08", "Kapal Rumah Sakit TNI AL Tiba di El Arish, Layani Pasien Asal "
                             "Gaza")],
    "text/ms-2026-04-15-wisma-putra-bantuan-gaza.txt": [
        ("ms", "2026-04-15", "Malaysia hantar bantuan perubatan 60 tan ke Gaza melalui Mesir")],
    "text/ms-2026-09-17-malaysia-indonesia-suruhanjaya.txt": [
        ("ms", "2026-09-17", "Malaysia, Indonesia perkukuh kerjasama isu Palestin dan misi "
                             "pengaman")],
}

# The last words of each article: a body that ends elsewhere lost paragraphs or kept
# a footer, a credit line or a newsletter prompt.
ENDINGS: dict[str, list[str]] = {
    "feeds/id-kabar-diplomasi.rss.xml": [
        "para duta besar Indonesia pada awal tahun depan.",
        "akan disalurkan pada November.",
        "bantuan kemanusiaan dari kawasan Asia Tenggara.",
        "termasuk pengobatan gratis dan perbaikan sekolah.",
    ],
    "html/ar-2026-02-22-berri-araghchi.html": ["وانتشار الجيش في الجنوب."],
    "html/en-2026-09-22-doha-qatar-palestinian-pm.html.gz": [
        "capacity-building programmes for Palestinian civil servants."],
    "html/en-2026-11-12-guterres-naqoura-visit.html": [
        "meetings on the humanitarian situation in Gaza."],
    "html/es-2026-07-21-robles-finul-marjayoun.html": ["tras una escala en Chipre."],
    "html/fr-2026-03-09-caire-reconstruction-gaza.html": [
        "dans les couloirs de la conférence."],
    "html/id-2026-05-09-garuda-pulang-lebanon.html": [
        "misi perdamaian terbesar dalam sejarah TNI."],
    "html/id-2026-05-14-rs-indonesia-gaza-icu.html": [
        "solidaritas rakyat Indonesia terhadap Palestina."],
    "html/id-2026-11-05-jakarta-lembaga-kemanusiaan-asean.html": [
        "untuk krisis lain di masa mendatang."],
    "html/ms-2026-10-27-anwar-terima-pm-lubnan.html": [
        "antara penyumbang terbesar pasukan UNIFIL."],
    "text/ar-2026-03-08-cairo-gaza-reconstruction.txt": ["وممثلي المؤسسات المالية الدولية."],
    "text/ar-2026-06-16-salam-world-bank-south.txt": ["مليارات دولار على ثلاث سنوات."],
    "text/ar-2026-09-07-cairo-palestinian-factions.txt": ["لتسلم أموال إعادة الإعمار."],
    "text/de-2026-04-09-wadephul-beirut.txt": [
        "über die Lage im Gazastreifen und im Westjordanland sprechen will."],
    "text/de-2026-08-27-pistorius-marine-unifil.txt": [
        "über die Zusammenarbeit im östlichen Mittelmeer sprechen wollte."],
    "text/en-2026-02-23-araghchi-beirut-visit.txt": [
        "closer relations with Gulf states."],
    "text/en-2026-03-24-beirut-reconstruction-conference.txt": [
        "is planned in Paris later in the year."],
    "text/en-2026-07-10-asean-ministers-gaza.txt": ["the full communiqué on its website."],
    "text/en-2026-07-15-unifil-drawdown-plan.txt": [
        "buy goods and services from surrounding towns."],
    "text/es-2026-06-04-albares-madrid-palestina.txt": [
        "los canales de comunicación con el Gobierno israelí."],
    "text/fr-2026-05-19-paris-soutien-armee-libanaise.txt": [
        "en lien avec la Banque mondiale."],
    "text/fr-2026-10-21-barrot-jakarta.txt": ["à laquelle l'Indonésie a été invitée."],
    "text/id-2026-01-14-menlu-lebanon-jakarta.txt": [
        "memperbarui kerangka kerja sama kedua negara."],
    "text/id-2026-02-03-merc-relawan-gaza.txt": [
        "penggunaan dana secara terbuka setiap tiga bulan."],
    "text/id-2026-03-12-baznas-konvoi-rafah.txt": [
        "dapur umum di Khan Younis bersama mitra lokal."],
    "text/id-2026-04-20-garuda-unifil-rotasi.txt": [
        "aturan pelibatan yang berlaku bagi pasukan PBB."],
    "text/id-2026-05-26-dpr-komisi-i-palestina.txt": [
        "alokasi dana diplomasi kemanusiaan."],
    "text/id-2026-06-12-mui-donasi-lebanon.txt": ["diumumkan di situs MUI dan Baznas."],
    "text/id-2026-08-18-prabowo-pm-palestina.txt": [
        "ia dijadwalkan melanjutkan lawatan ke Kuala Lumpur."],
    "text/id-2026-10-08-kri-rumah-sakit-el-arish.txt": [
        "singgah di Jeddah untuk pengisian logistik."],
    "text/ms-2026-04-15-wisma-putra-bantuan-gaza.txt": [
        "lebih didengari dalam forum antarabangsa."],
    "text/ms-2026-09-17-malaysia-indonesia-suruhanjaya.txt": [
        "diplomat muda pada awal tahun depan."],
}
# Every article body in the samples is longer than this.
MIN_BODY_WORDS = 120


def extract(*args: str) -> tuple[int, list[dict]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        status = main(["--config", CONFIG, "extract", "--format", "jsonl", *args])
    return status, [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def extracted() -> dict[str, list[dict]]:
    """Every sample extracted and enriched once, one process, as the command does it."""
    return {name: extract(str(SAMPLES / name))[1] for name in EXPECTED}


def test_tables_agree():
    assert {n: len(a) for n, a in ENDINGS.items()} == {n: len(a) for n, a in EXPECTED.items()}


def test_table_covers_every_sample():
    found = {str(p.relative_to(SAMPLES)) for p in SAMPLES.rglob("*")
             if p.is_file() and p.parent != SAMPLES and "seed" not in p.parts}
    assert found == set(EXPECTED)


def test_sample_mix():
    langs = [lang for arts in EXPECTED.values() for lang, _, _ in arts]
    counts = {lang: langs.count(lang) for lang in set(langs)}
    assert counts["id"] >= 8 and counts["en"] >= 6 and counts["ar"] >= 4
    assert counts["ms"] >= 3 and counts["fr"] >= 3 and counts["de"] + counts["es"] >= 3
    kinds = [name.split("/")[0] for name in EXPECTED]
    assert kinds.count("text") >= 18 and kinds.count("html") >= 8 and "feeds" in kinds


# (sample, article index) for every article the samples hold.
CASES = [(name, i) for name, arts in EXPECTED.items() for i in range(len(arts))]


def article(extracted: dict[str, list[dict]], name: str, index: int) -> dict:
    articles = extracted[name]
    assert len(articles) == len(EXPECTED[name]), f"{name}: {len(articles)} articles"
    return articles[index]


@pytest.mark.parametrize(("name", "index"), CASES)
def test_title(extracted, name, index):
    assert article(extracted, name, index)["title"] == EXPECTED[name][index][2]


@pytest.mark.parametrize(("name", "index"), CASES)
def test_date(extracted, name, index):
    assert str(article(extracted, name, index)["date"])[:10] == EXPECTED[name][index][1]


@pytest.mark.parametrize(("name", "index"), CASES)
def test_language(extracted, name, index):
    assert article(extracted, name, index)["lang"] == EXPECTED[name][index][0]


@pytest.mark.parametrize(("name", "index"), CASES)
def test_body(extracted, name, index):
    body = article(extracted, name, index)["body"]
    assert len(body.split()) >= MIN_BODY_WORDS
    assert " ".join(body.split()).endswith(ENDINGS[name][index])


# "Read more" inserts that link to other articles, in the samples' languages.
INSERTS = ("baca juga", "read more", "related:", "lire aussi", "à lire aussi", "اقرأ أيضا",
           "lesen sie auch", "mehr zum thema", "lee también", "artikel terkait")


@pytest.mark.parametrize(("name", "index"), CASES)
def test_no_read_more_inserts(extracted, name, index):
    body = article(extracted, name, index)["body"]
    kept = [p for p in body.split("\n\n") if p.strip().lower().startswith(INSERTS)]
    assert kept == []


def test_seed():
    status, articles = extract("--date", "2021-06-29", str(SEED))
    assert status == 0 and len(articles) == 1
    seed = articles[0]
    assert seed["title"] == ("Pemimpin Hamas dan Hizbullah Bertemu di Lebanon Bicarakan "
                             "Rencana Menuju ‘Kemenangan Puncak’ atas Pendudukan")
    assert seed["section"] == "Lebanon"
    assert seed["lang"] == "id"
    assert str(seed["date"]) == "2021-06-29"
    assert {"hamas", "hezbollah", "ismail-haniyeh", "hassan-nasrallah", "michel-aoun",
            "hassan-diab"} <= set(seed["actors"])
    assert seed["via"] == ["Press TV", "al-Manar"]


def test_committed_content_passes_check():
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = main(["--config", CONFIG, "check"])
    assert status == 0, out.getvalue()
    articles = list((ROOT / "content" / "articles").rglob("*.md"))
    assert len(articles) >= sum(len(a) for a in EXPECTED.values())
