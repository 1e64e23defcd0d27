"""``digest actors suggest`` on a small corpus written for the purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.article import Article
from digest.cli import main
from digest.store.article_file import render_article

CORPUS = {
    "kpk-periksa": Article(
        title="KPK periksa pejabat", lang="id",
        body="Komisi Pemberantasan Korupsi (KPK) memeriksa Joko Widodo pada Senin.\n\n"
             "Menurut KPK, Widodo hadir. Selain itu, DPR meminta keterangan Sri Mulyani "
             "Indrawati. Pada Juli, Sri Mulyani Indrawati kembali hadir.\n\n"
             "Sayyid Hassan Nasrallah tidak hadir. Hassan Nasrallah juga tidak."),
    "dpr-rapat": Article(
        title="DPR gelar rapat", lang="id",
        body="Rapat DPR dihadiri Joko Widodo dan Sri Mulyani Indrawati. Selain itu, "
             "selain rapat, Prabowo hadir.\n\nPOROS PERLAWANAN – Rapat ditutup pada Selasa. "
             "Menteri Luar Negeri Israel hadir. Perwakilan UNRWA dan Ismail bin Abdullah "
             "hadir, bersama Ursula von der Leyen dari Komisi Eropa dan wakil UNRWA.\n\n"
             "Ismail bin Abdullah menyetujui."),
    "arab": Article(
        title="لقاء في بيروت", lang="ar",
        body="التقى عبد الله بن زايد مع أبو مازن في بيروت. وقال عبد الله بن زايد إن اللقاء "
             "مثمر. وأكد أبو مازن ذلك."),
}


@pytest.fixture
def corpus(digest_root: Path) -> Path:
    folder = digest_root / "content" / "articles" / "2024"
    folder.mkdir(parents=True)
    for slug, article in CORPUS.items():
        (folder / f"{slug}.md").write_text(render_article(article), encoding="utf-8")
    return digest_root


def suggest(root: Path, capsys, *extra: str) -> list[tuple[int, str, str]]:
    assert main(["--config", str(root / "digest.toml"), "actors", "suggest", *extra]) == 0
    rows = []
    for line in capsys.readouterr().out.splitlines():
        count, name, example = line.split("  ")
        rows.append((int(count), name, example.removeprefix("(e.g. ").removesuffix(")")))
    return rows


def test_suggests_unclaimed_names_with_counts(corpus: Path, capsys) -> None:
    rows = suggest(corpus, capsys, "--min-count", "1", "--limit", "100")
    names = {name: (count, example) for count, name, example in rows}
    assert names["Sri Mulyani Indrawati"] == (3, "kpk-periksa")
    assert names["Joko Widodo"][0] == 3  # "Widodo" alone counts towards the full name
    assert "Widodo" not in names
    assert names["KPK"][0] == 3 and names["DPR"][0] == 3  # acronyms
    assert names["UNRWA"] == (2, "dpr-rapat")  # "Perwakilan" came from the sentence start
    assert names["Ismail bin Abdullah"] == (2, "dpr-rapat")  # particles inside a name
    assert "Ursula von der Leyen" in names
    assert names["عبد الله بن زايد"] == (2, "arab")
    assert names["أبو مازن"][0] == 2
    assert "Komisi Pemberantasan Korupsi" in names
    counts = [count for count, _, _ in rows]
    assert counts == sorted(counts, reverse=True)


def test_drops_common_words_calendar_names_and_claimed_names(corpus: Path, capsys) -> None:
    names = {name for _, name, _ in suggest(corpus, capsys, "--min-count", "1",
                                             "--limit", "100")}
    assert "Selain" not in names  # written "selain" elsewhere in the corpus
    assert not names & {"Senin", "Selasa", "Juli", "Pada Juli"}  # Babel's calendar words
    assert not names & {"POROS", "PERLAWANAN", "POROS PERLAWANAN"}  # a shouted label
    # Registry aliases, alone or inside a longer run.
    assert not names & {"Prabowo", "Hassan Nasrallah", "Sayyid Hassan Nasrallah", "Israel",
                        "Menteri Luar Negeri Israel"}


def test_min_count_and_limit(corpus: Path, capsys) -> None:
    rows = suggest(corpus, capsys, "--min-count", "3", "--limit", "2")
    assert len(rows) == 2
    assert all(count >= 3 for count, _, _ in rows)


def test_content_option(corpus: Path, tmp_path: Path, capsys) -> None:
    empty = tmp_path / "elsewhere"
    (empty / "articles").mkdir(parents=True)
    for name in ("actors.yml", "topics.yml"):
        (empty / name).write_text((corpus / "content" / name).read_text(encoding="utf-8"),
                                  encoding="utf-8")
    assert suggest(corpus, capsys, "--content", str(empty)) == []


def test_broken_article_is_reported_and_skipped(corpus: Path, capsys) -> None:
    (corpus / "content" / "articles" / "broken.md").write_text("no front matter",
                                                               encoding="utf-8")
    rows = suggest(corpus, capsys, "--min-count", "3")
    assert rows  # the other articles still count
