"""``digest translate`` end to end on article files, with a tiny random model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import mt_models
import pytest

import digest.commands.translate as command
from digest.cli import main
from digest.store.article_file import read_article
from digest.store.frontmatter import parse

A = """\
---
title: Pemimpin Hamas dan Hizbullah Bertemu di Lebanon
date: 2021-06-29
lang: id
actors: [hamas, hezbollah]
summary: Ismail Haniyeh bertemu Sayyid Hassan Nasrallah pada Selasa. Mereka membicarakan Gaza.
reviewed_by: Siti   # a key digest does not know
---

Body with *Markdown*,   odd  spacing and a trailing blank line.

"""
EDITED = """\
---
title: Presiden Prabowo menerima perdana menteri
date: 2021-07-01
lang: id
summary: Presiden Prabowo Subianto menerima perdana menteri Palestina.
translations:
  en:
    title: President Prabowo receives the prime minister
    summary: Written by hand.
    by: editor
---
Body.
"""
ENGLISH = "---\ntitle: Already English\ndate: 2021-07-02\nlang: en\nsummary: Hi.\n---\nBody.\n"
NO_SUMMARY = "---\ntitle: Tanpa ringkasan\ndate: 2021-07-03\nlang: id\n---\nBody.\n"


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> Path:
    return mt_models.build_opus_mt(tmp_path_factory.mktemp("mt") / "opus-mt-id-en")


@pytest.fixture
def articles(digest_root: Path) -> dict[str, Path]:
    folder = digest_root / "content" / "articles" / "2021"
    folder.mkdir(parents=True)
    files = {"a": A, "edited": EDITED, "english": ENGLISH}
    paths = {}
    for name, text in files.items():
        paths[name] = folder / f"{name}.md"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def run(digest_root: Path, model: Path, *extra: str) -> int:
    return main(["--config", str(digest_root / "digest.toml"), "translate",
                 "--backend", "ctranslate2", "--model", str(model), *extra])


def body_of(text: str) -> str:
    return text.split("\n---\n", 1)[1]


def test_translates_missing_and_keeps_everything_else(digest_root, model, articles, capsys):
    before = {k: p.read_text(encoding="utf-8") for k, p in articles.items()}
    assert run(digest_root, model) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"translated {articles['a']}: en"]
    assert "cannot produce id: skipping it" in err  # site language the model lacks
    text = articles["a"].read_text(encoding="utf-8")
    assert body_of(text) == body_of(before["a"])  # byte for byte
    meta, _ = parse(text, articles["a"])
    assert meta["reviewed_by"] == "Siti"
    en = meta["translations"]["en"]
    assert en["by"] == "machine:ctranslate2/opus-mt-id-en"
    assert en["date"] == dt.date.today()
    assert "Hezbollah" in en["title"] and "Hassan Nasrallah" in en["summary"]
    # The editor's translation and the English article: files not even rewritten.
    assert articles["edited"].read_text(encoding="utf-8") == before["edited"]
    assert articles["english"].read_text(encoding="utf-8") == before["english"]


def test_second_run_changes_nothing_and_all_redoes_machine_only(digest_root, model,
                                                                articles, capsys):
    assert run(digest_root, model, "--to", "en") == 0
    first = articles["a"].read_text(encoding="utf-8")
    edited = articles["edited"].read_text(encoding="utf-8")
    assert run(digest_root, model, "--to", "en") == 0
    assert articles["a"].read_text(encoding="utf-8") == first
    # --only all: the machine translation is redone (new date), the editor's is not.
    old = first.replace(f"date: {dt.date.today()}", "date: 2020-01-01")
    articles["a"].write_text(old, encoding="utf-8")
    capsys.readouterr()
    assert run(digest_root, model, "--to", "en", "--only", "all") == 0
    assert capsys.readouterr().out.splitlines() == [f"translated {articles['a']}: en"]
    article, _ = read_article(articles["a"])
    assert article.translations["en"].date == dt.date.today()
    assert articles["edited"].read_text(encoding="utf-8") == edited


def test_bad_articles_reported_others_go_on(digest_root, model, articles, capsys):
    bad = articles["a"].with_name("b.md")
    bad.write_text(NO_SUMMARY, encoding="utf-8")
    broken = articles["a"].with_name("c.md")
    broken.write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    assert run(digest_root, model, "--to", "en") == 1
    err = capsys.readouterr().err
    assert f"{bad}: no summary to translate" in err
    assert f"{broken}:3: invalid YAML" in err
    assert "en" in read_article(articles["a"])[0].translations
    assert bad.read_text(encoding="utf-8") == NO_SUMMARY


def test_only_the_paths_given(digest_root, model, articles):
    other = articles["a"].with_name("other.md")
    other.write_text(A, encoding="utf-8")
    # Paths before --to: it takes one or more languages.
    assert main(["--config", str(digest_root / "digest.toml"), "translate", str(other),
                 "--backend", "ctranslate2", "--model", str(model), "--to", "en"]) == 0
    assert "en" in read_article(other)[0].translations
    assert read_article(articles["a"])[0].translations == {}


def test_target_the_model_cannot_produce(digest_root, model, articles, capsys):
    assert run(digest_root, model, "--to", "fr") == 1
    assert "opus-mt-id-en cannot produce fr" in capsys.readouterr().err
    assert articles["a"].read_text(encoding="utf-8") == A


def test_missing_model_directory(digest_root, articles, tmp_path, capsys):
    assert run(digest_root, tmp_path / "nowhere", "--to", "en") == 1
    assert f"{tmp_path / 'nowhere'}: model directory not found" in capsys.readouterr().err


def test_resumes_after_a_crash(digest_root, model, articles, monkeypatch, capsys):
    folder = articles["a"].parent
    for i in range(4):
        folder.joinpath(f"more-{i}.md").write_text(A, encoding="utf-8")
    monkeypatch.setattr(command, "BATCH_SENTENCE_LEVEL", 1)
    real, calls = command.translate_articles, []

    def crash_on_fifth(*args, **kwargs):
        calls.append(1)
        if len(calls) == 5:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(command, "translate_articles", crash_on_fifth)
    assert run(digest_root, model, "--to", "en") == 130
    # a, edited (nothing to do), english (nothing to do), more-0, then the crash.
    first = capsys.readouterr().out.splitlines()
    assert first == [f"translated {folder / 'a.md'}: en", f"translated {folder / 'more-0.md'}: en"]
    assert not list(folder.glob(".*.tmp"))  # nothing half-written
    kept = {p: p.read_text(encoding="utf-8") for p in (folder / "a.md", folder / "more-0.md")}
    assert all(read_article(p)[0].translations == {} for p in folder.glob("more-[123].md"))

    monkeypatch.setattr(command, "translate_articles", real)
    assert run(digest_root, model, "--to", "en") == 0
    assert capsys.readouterr().out.splitlines() == [
        f"translated {folder / f'more-{i}.md'}: en" for i in (1, 2, 3)]
    for path, text in kept.items():
        assert path.read_text(encoding="utf-8") == text  # not redone


def test_ingest_translates_with_the_configured_backend(digest_root, model, capsys):
    from conftest import SEED

    toml = digest_root / "digest.toml"
    toml.write_text(toml.read_text(encoding="utf-8") +
                    f'\n[translate]\nbackend = "ctranslate2"\nmodel = "{model}"\n',
                    encoding="utf-8")
    assert main(["--config", str(toml), "ingest", "--date", "2021-06-29",
                 "--translate-to", "en", str(SEED)]) == 0
    [path] = (digest_root / "content" / "articles").rglob("*.md")
    en = read_article(path)[0].translations["en"]
    assert en.by == "machine:ctranslate2/opus-mt-id-en"
    assert "Hezbollah" in en.title and "Hizbullah" not in en.title


def test_a_file_untouched_since_ingest_stays_untouched(digest_root, model, articles):
    from digest.store.write import is_untouched, restamp

    path = articles["a"]
    path.write_text(restamp(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert is_untouched(path.read_text(encoding="utf-8"))
    assert run(digest_root, model, "--to", "en") == 0
    text = path.read_text(encoding="utf-8")
    assert "machine:ctranslate2/opus-mt-id-en" in text
    assert is_untouched(text)
    # An editor's file (no checksum) is not stamped as if digest had written it.
    assert not is_untouched(articles["edited"].read_text(encoding="utf-8"))
