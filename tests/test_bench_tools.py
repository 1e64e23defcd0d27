"""The scale benchmark's tools: process-tree measurement, the Hugo twin site, the edits."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from digest.store.article_file import read_article
from digest.store.frontmatter import parse
from tools.corpus_edits import add_alias, add_article, delete_article, edit_article
from tools.hugo_site import convert
from tools.proc_tree import run_measured
from tools.synthetic_corpus import CorpusSize, generate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import scale_bench  # noqa: E402

# A parent holding 120 MB while a child it started holds 80 MB, both long enough to be
# seen by the poller; the child's CPU time is counted because the parent waits for it.
HOLDER = textwrap.dedent("""
    import subprocess, sys, time
    child = subprocess.Popen([sys.executable, "-c",
        "import time; b = bytearray(80 * 2**20); time.sleep(1.5)"])
    block = bytearray(120 * 2**20)
    time.sleep(1.5)
    child.wait()
    sys.exit(3)
""")


def test_tree_peaks_per_process_and_together(tmp_path: Path) -> None:
    usage = run_measured([sys.executable, "-c", HOLDER], log=tmp_path / "log")
    assert usage.status == 3
    assert usage.peak_mb["python"] >= 120  # the larger of the two processes
    assert usage.peak_tree_mb >= 120 + 80  # both at the same moment
    assert usage.max_single_mb >= 120
    assert usage.cpu > 0
    assert not usage.killed


def test_tree_over_the_limit_is_stopped(tmp_path: Path) -> None:
    usage = run_measured([sys.executable, "-c", HOLDER], limit_mb=100)
    assert usage.killed
    assert usage.status != 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("corpus") / "content"
    generate(content, CorpusSize(articles=30, actors=40, topics=6), seed=3)
    return content


def test_hugo_twin_has_a_page_per_article_and_translation(corpus: Path, tmp_path: Path) -> None:
    articles = sorted((corpus / "articles").rglob("*.md"))
    translations = sum(len(parse(p.read_text(encoding="utf-8"), p)[0].get("translations")
                           or {}) for p in articles)
    counts = convert(corpus, tmp_path / "site")
    assert counts == {"articles": 30, "translations": translations} and translations > 0
    pages = sorted((tmp_path / "site" / "content" / "articles").glob("*.md"))
    assert len(pages) == 30 + translations
    names = {a["id"]: a["name"] for a in yaml.safe_load(
        (corpus / "actors.yml").read_text(encoding="utf-8"))}
    first, _ = parse(articles[0].read_text(encoding="utf-8"), articles[0])
    front, body = parse((pages[0].parent / f"{articles[0].stem}.md").read_text(
        encoding="utf-8"), pages[0])
    assert front["url"] == f"/articles/{articles[0].stem}/"
    assert front["pagelang"] == first["lang"]
    assert front["actornames"] == [names[a] for a in first["actors"]]
    assert body.strip() == parse(articles[0].read_text(encoding="utf-8"),
                                 articles[0])[1].strip()
    translated = next(p for p in pages if "--" in p.stem)
    tfront, _ = parse(translated.read_text(encoding="utf-8"), translated)
    slug, lang = translated.stem.split("--")
    assert tfront["url"] == f"/articles/{slug}/{lang}/" and tfront["pagelang"] == lang
    assert tfront["actors"] == [] and tfront["topics"] == []  # listed once, as the original


def test_the_four_edits_leave_a_valid_digest(corpus: Path, tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "digest"
    shutil.copytree(corpus, root / "content")
    (root / "digest.toml").write_text(scale_bench.DIGEST_TOML, encoding="utf-8")
    content = root / "content"
    before = sorted((content / "articles").rglob("*.md"))
    edited = edit_article(content)
    assert "added by an editor" in read_article(edited)[0].body
    added = add_article(content)
    assert added not in before and read_article(added)[0].title.endswith("(follow-up)")
    deleted = delete_article(content)
    assert not deleted.exists()
    add_alias(content, "Brand New Alias")
    actors = yaml.safe_load((content / "actors.yml").read_text(encoding="utf-8"))
    assert "Brand New Alias" in actors[0]["aliases"]
    assert len(list((content / "articles").rglob("*.md"))) == len(before)
    check = subprocess.run([sys.executable, "-m", "digest", "--config",
                            str(root / "digest.toml"), "check"], capture_output=True,
                           text=True, cwd=root)
    assert check.returncode == 0, check.stdout + check.stderr


def test_changed_counts_added_changed_and_removed_files() -> None:
    before = {"a": (1, 10), "b": (2, 20), "c": (3, 30)}
    after = {"a": (1, 10), "b": (2, 21), "d": (4, 40)}
    assert scale_bench.changed(before, after) == 3  # b touched, c removed, d added
    assert scale_bench.changed(before, dict(before)) == 0


def test_sizes_flag() -> None:
    assert scale_bench._sizes("1000,10000,100000") == [1000, 10000, 100000]
    with pytest.raises(Exception, match="not a list"):
        scale_bench._sizes("1k")
    with pytest.raises(Exception, match="positive"):
        scale_bench._sizes("0")


def test_pagefind_memory_variants_change_one_thing() -> None:
    import pagefind_memory as pm

    pages = [pm.Page(url=f"/articles/a{i}/", lang="id", year="2024", title=f"T{i}",
                     date="2024-01-01T00:00:00+00:00", source="S", summary="Sum",
                     body=["Body text"], actors=[f"Name {i}", f"Name {i + 1}"],
                     topics=["Topic"]) for i in range(20)]
    pages.append(pm.Page(**{**pm.asdict(pages[0]), "url": "/articles/a0/en/", "lang": "en"}))
    assert len(pm.variant_pages(pages, "no-translations")) == 20
    few = {a for p in pm.variant_pages(pages, "few-actors") for a in p.actors}
    assert 1 < len(few) <= 8
    unique = [p.actors for p in pm.variant_pages(pages, "unique-actors")]
    assert len({a for actors in unique for a in actors}) == len(pages)
    full, short = pm.render(pages[0], full=True), pm.render(pages[0], full=False)
    for page in (full, short):
        assert 'data-pagefind-body' in page and 'data-pagefind-filter="actor">Name 0<' in page
        assert '<html lang="id">' in page and ">Sum<" in page
    assert "Body text" in full and "Body text" not in short
