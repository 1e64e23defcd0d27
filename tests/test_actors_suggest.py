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


def suggest(root: Path, capsys, *extra: str) -> list[tuple[int, str, str, str, str]]:
    assert main(["--config", str(root / "digest.toml"), "actors", "suggest", *extra]) == 0
    rows = []
    for line in capsys.readouterr().out.splitlines():
        count, name, kind, example, sentence = line.split("  ", 4)
        rows.append((int(count), name, kind, example, sentence))
    return rows


def names_of(root: Path, capsys, *extra: str) -> dict[str, tuple[int, str, str, str]]:
    return {name: (count, kind, example, sentence)
            for count, name, kind, example, sentence in suggest(root, capsys, *extra)}


def test_suggests_whole_names_with_article_counts(corpus: Path, capsys) -> None:
    names = names_of(corpus, capsys, "--min-count", "1", "--limit", "100")
    # Articles, not mentions: three mentions in two articles count 2.
    assert names["Sri Mulyani Indrawati"][:3] == (2, "person", "kpk-periksa")
    assert names["Sri Mulyani Indrawati"][3] == (
        "Selain itu, DPR meminta keterangan Sri Mulyani Indrawati.")
    assert names["Joko Widodo"][0] == 2  # "Widodo" alone counts towards the full name
    assert "Widodo" not in names
    assert names["KPK"][:2] == (1, "organization") and names["DPR"][0] == 2  # acronyms
    assert names["UNRWA"][:3] == (1, "organization", "dpr-rapat")
    assert names["Ismail bin Abdullah"][:2] == (1, "person")  # particles inside a name
    assert "Ursula von der Leyen" in names
    assert names["عبد الله بن زايد"][:3] == (1, "person", "arab")
    assert "أبو مازن" in names
    assert names["Komisi Pemberantasan Korupsi"][1] == "organization"
    counts = [count for count, *_ in names.values()]
    assert counts == sorted(counts, reverse=True)


def test_drops_common_words_calendar_names_and_claimed_names(corpus: Path, capsys) -> None:
    names = set(names_of(corpus, capsys, "--min-count", "1", "--limit", "100"))
    assert "Selain" not in names  # written "selain" elsewhere in the corpus
    assert not names & {"Senin", "Selasa", "Juli", "Pada Juli"}  # Babel's calendar words
    assert not names & {"POROS", "PERLAWANAN", "POROS PERLAWANAN"}  # a shouted label
    assert "Menteri Luar Negeri" not in names and "Menteri" not in names  # titles
    # Registry aliases, alone or inside a longer run.
    assert not names & {"Prabowo", "Hassan Nasrallah", "Sayyid Hassan Nasrallah", "Israel",
                        "Menteri Luar Negeri Israel"}


GERMAN = {
    "de-1": ("Wiederaufbau im Süden",
             "Der Wiederaufbau im Süden beginnt. Die Regierung in Berlin sagte, der "
             "Wiederaufbau brauche Zeit. Annalena Baerbock reiste nach Beirut."),
    "de-2": ("Hilfe für den Süden",
             "Die Unterstützung für den Wiederaufbau wächst. Annalena Baerbock sprach in "
             "Beirut mit der Regierung."),
    "en-1": ("Minister visits", "The German minister Annalena Baerbock met officials in "
             "Beirut on Monday. Beirut welcomed the visit."),
    "id-1": ("Kunjungan Menteri Di Beirut Berakhir Damai",
             "Menteri Jerman tiba di Beirut. Kunjungan itu singkat."),
}


@pytest.fixture
def mixed(digest_root: Path) -> Path:
    folder = digest_root / "content" / "articles" / "2025"
    folder.mkdir(parents=True)
    for slug, (title, body) in GERMAN.items():
        article = Article(title=title, body=body, lang=slug[:2])
        (folder / f"{slug}.md").write_text(render_article(article), encoding="utf-8")
    return digest_root


def test_german_nouns_and_headline_fragments_are_not_names(mixed: Path, capsys) -> None:
    names = names_of(mixed, capsys, "--min-count", "1", "--limit", "100")
    assert not set(names) & {"Wiederaufbau", "Süden", "Regierung", "Unterstützung",
                             "Kunjungan Menteri", "Berakhir Damai", "Hilfe"}
    assert names["Annalena Baerbock"][:2] == (3, "person")
    assert names["Beirut"][:2] == (4, "place")  # seen capitalised outside German too
    # The default asks for two articles: a name seen in one is not suggested.
    assert "Berlin" not in names_of(mixed, capsys)


def test_ignore_list_and_yaml_stubs_ready_to_paste(mixed: Path, capsys) -> None:
    from digest.registry import load_actors

    content = mixed / "content"
    (content / "ignore.yml").write_text("# never suggest\n- beirut\n", encoding="utf-8")
    assert "Beirut" not in names_of(mixed, capsys)
    assert main(["--config", str(mixed / "digest.toml"), "actors", "suggest",
                 "--format", "yaml"]) == 0
    stubs = capsys.readouterr().out
    assert "- id: annalena-baerbock\n  name: Annalena Baerbock\n  kind: person\n" in stubs
    assert "# 3 articles, guessed person\n# e.g. " in stubs
    registry = content / "actors.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + stubs, encoding="utf-8")
    assert "annalena-baerbock" in load_actors(registry)
    # Now claimed by the registry: no longer suggested.
    assert "Annalena Baerbock" not in names_of(mixed, capsys, "--min-count", "1")


def test_bad_ignore_list_is_reported_with_its_line(mixed: Path, capsys) -> None:
    (mixed / "content" / "ignore.yml").write_text("- Beirut\n- 42\n", encoding="utf-8")
    assert main(["--config", str(mixed / "digest.toml"), "actors", "suggest"]) == 1
    assert capsys.readouterr().err.strip().endswith(
        "content/ignore.yml:2: each entry must be a name (text)")


def test_min_count_and_limit(corpus: Path, capsys) -> None:
    rows = suggest(corpus, capsys, "--min-count", "2", "--limit", "2")
    assert len(rows) == 2
    assert all(count >= 2 for count, *_ in rows)


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
    rows = suggest(corpus, capsys, "--min-count", "2")
    assert rows  # the other articles still count
