"""Extractive summaries: the best 2–3 sentences, in order, within the word budget."""

from __future__ import annotations

from digest.article import Article
from digest.enrich.sentences import split_sentences
from digest.enrich.summary import MAX_WORDS, SOFT_MAX_WORDS, summarize

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
