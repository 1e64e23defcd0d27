"""The search index in several bundles: which pages go where, a manifest the search page
reads, every bundle reproducible, unchanged bundles carried over from the last build."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from test_site_build import FIXTURE, SETTINGS, TOML

from digest.config import load_config
from digest.site import search_index
from digest.site.build import BuildResult, build_site
from digest.site.search_canonical import canonicalise
from digest.site.search_shards import ONE_BUNDLE, Shard, plan

SHARD_PAGES = 4  # the fixture's 17 pages (articles and translations) in several bundles


def _pages(start: date, count: int, step: int = 1, prefix: str = "p") -> dict[str, date]:
    return {f"{prefix}{i:04d}.html": start + timedelta(days=i * step) for i in range(count)}


def _names(shards: list[Shard]) -> list[str]:
    return [s.name for s in shards]


def test_a_small_digest_is_one_bundle() -> None:
    pages = _pages(date(2020, 1, 1), 10, step=100)
    assert plan(pages, 10) == [Shard(ONE_BUNDLE, tuple(sorted(pages)))]
    assert _names(plan(pages, 0)) == [ONE_BUNDLE]


def test_years_then_quarters_then_months_then_even_blocks() -> None:
    pages = {**_pages(date(2023, 5, 1), 3, prefix="a"),  # a small year: one bundle
             **_pages(date(2024, 1, 1), 8, step=40, prefix="b"),  # 2 a quarter (Q1: 3)
             **_pages(date(2025, 3, 1), 9, prefix="c"),  # one month, split in blocks
             **_pages(date(2025, 7, 1), 2, prefix="d")}
    shards = plan(pages, 3)
    assert [(s.name, len(s.pages)) for s in shards] == [
        ("2023", 3), ("2024-q1", 3), ("2024-q2", 2), ("2024-q3", 2), ("2024-q4", 1),
        ("2025-q1-03-1", 3), ("2025-q1-03-2", 3), ("2025-q1-03-3", 3), ("2025-q3", 2)]


def test_bundles_hold_every_page_once_oldest_first() -> None:
    pages = _pages(date(2022, 1, 1), 500, step=3)
    shards = plan(pages, 40)
    held = [p for s in shards for p in s.pages]
    assert sorted(held) == sorted(pages) and len(held) == len(pages)
    assert all(0 < len(s.pages) <= 40 for s in shards)
    newest = [max(pages[p] for p in s.pages) for s in shards]
    oldest = [min(pages[p] for p in s.pages) for s in shards]
    assert all(a < b for a, b in zip(newest, oldest[1:], strict=False))
    # Even blocks: no month is cut into a big block and a crumb.
    for s in shards:
        siblings = [len(t.pages) for t in shards if t.name.rsplit("-", 1)[0] ==
                    s.name.rsplit("-", 1)[0]]
        assert max(siblings) - min(siblings) <= 1


def test_adding_a_page_changes_only_its_own_bundle() -> None:
    pages = _pages(date(2022, 1, 1), 500, step=3)
    before = plan(pages, 40)
    after = plan({**pages, "new.html": date(2022, 7, 9)}, 40)
    changed = [s for s in after if s not in before]
    assert len(changed) == 1 and "new.html" in changed[0].pages
    assert len(before) == len(after)


def _build(root: Path, shard_pages: int = SHARD_PAGES, content: Path = FIXTURE) -> BuildResult:
    root.mkdir(parents=True, exist_ok=True)
    (root / "digest.toml").write_text(TOML.format(content=content), encoding="utf-8")
    return build_site(load_config(root / "digest.toml"), settings_file=SETTINGS,
                      overrides={"DIGEST_SEARCH_SHARD_PAGES": shard_pages})


def _manifest(out: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((out / "pagefind" / "shards.json").read_text(encoding="utf-8"))


def _bundles(out: Path) -> list[Path]:
    manifest = _manifest(out)
    return [out / "pagefind" / entry["bundle"] for entry in
            [manifest["primary"], *manifest["shards"]]]


def _urls(bundle: Path) -> set[str]:
    found = set()
    for path in (bundle / "fragment").iterdir():
        record = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found.add(record["url"])
    return found


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def sharded(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return _build(tmp_path_factory.mktemp("sharded"))


def test_every_page_is_in_exactly_one_bundle(sharded: BuildResult,
                                             fixture_site: BuildResult) -> None:
    bundles = _bundles(sharded.output)
    assert len(bundles) >= 3
    per_bundle = [_urls(b) for b in bundles]
    everything = set().union(*per_bundle)
    assert sum(len(u) for u in per_bundle) == len(everything)  # no page twice
    # The same pages as one bundle holds (the fixture built with the default size)…
    assert everything == _urls(fixture_site.output / "pagefind")
    # …which are the pages marked for the search, all of them.
    marked = {"/" + p.parent.relative_to(sharded.output).as_posix() + "/"
              for p in sharded.output.rglob("*.html") if b"data-pagefind-body" in p.read_bytes()}
    assert everything == marked
    assert sharded.search == fixture_site.search
    manifest = _manifest(sharded.output)
    assert manifest["primary"]["bundle"] == ""
    assert {"en", "id"} <= set(manifest["primary"]["languages"])  # the search pages' own
    for entry, bundle in zip([manifest["primary"], *manifest["shards"]], bundles, strict=True):
        entry_json = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert entry["languages"] == sorted(entry_json["languages"])
        assert (bundle / "pagefind.js").is_file()
    assert not (sharded.output / search_index.WORK).exists()


def test_sharded_builds_are_identical_and_every_bundle_canonical(
        sharded: BuildResult, tmp_path: Path) -> None:
    again = _build(tmp_path / "again")
    first, second = _files(sharded.output), _files(again.output)
    assert sorted(first) == sorted(second)
    assert [k for k in first if first[k] != second[k]] == []
    copy = tmp_path / "copy"
    shutil.copytree(sharded.output / "pagefind", copy)
    bundles = [copy / e["bundle"] for e in [_manifest(sharded.output)["primary"],
                                           *_manifest(sharded.output)["shards"]]]
    for bundle in bundles:
        canonicalise(bundle)  # already canonical: rewriting changes nothing
    assert _files(copy) == _files(sharded.output / "pagefind")


def test_unchanged_bundles_are_carried_over_not_indexed_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    first = _build(tmp_path / "site", content=content)
    before = _files(first.output / "pagefind")
    inodes = {p: p.stat().st_ino for p in (first.output / "pagefind").rglob("*.pf_meta")}
    indexed: list[str] = []
    real = search_index._index

    def counting(output: Path, job: search_index._Job, work: Path) -> None:
        indexed.append(job.shard.name)
        real(output, job, work)

    monkeypatch.setattr(search_index, "_index", counting)
    again = _build(tmp_path / "site", content=content)
    assert indexed == []
    assert _files(again.output / "pagefind") == before
    assert {p: p.stat().st_ino for p in inodes} == inodes  # the same files, not copies
    # One article edited: only the bundle holding its page (and its neighbours', whose
    # pages link to it) is indexed again.
    edited = next(p for p in sorted((content / "articles").rglob("*.md"))
                  if "lang: fr" in p.read_text(encoding="utf-8"))
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "\n---\n", "\n---\nAn added sentence.\n\n", 1), encoding="utf-8")
    _build(tmp_path / "site", content=content)
    assert 1 <= len(indexed) < len(_bundles(again.output))


@pytest.mark.browser
@pytest.mark.slow
def test_the_search_page_finds_pages_of_an_old_bundle_and_of_the_newest(
        tmp_path: Path) -> None:
    from browser_helpers import (
        DIGEST_TOML,
        SHARED_SLUGS,
        SHARED_WORD,
        require_chromium,
        source_content,
        write_article,
        write_probes,
    )

    from tools.chromium import launch
    from tools.static_server import serve

    require_chromium()
    content = tmp_path / "content"
    shutil.copytree(source_content(), content)
    write_probes(content, hostile=False)  # three 2021 articles with SHARED_WORD
    newest = max(d for d in (_parse_date(p) for p in (content / "articles").rglob("*.md")))
    slug = "probe-shared-newest"
    write_article(content / "articles" / f"{newest.year}" / f"{slug}.md", {
        "title": "Shared probe newest", "date": newest.isoformat(), "lang": "en",
        "source": {"name": "Probe News", "url": f"https://probe.example/{slug}"},
        "summary": f"The newest probe about {SHARED_WORD}.", "status": "published"},
        f"The newest probe also mentions {SHARED_WORD}.\n")
    (tmp_path / "digest.toml").write_text(DIGEST_TOML, encoding="utf-8")
    result = build_site(load_config(tmp_path / "digest.toml"), settings_file=SETTINGS,
                        output=tmp_path / "output", overrides={
                            "PATH": str(content), "DIGEST_SEARCH_SHARD_PAGES": 12})
    bundles = _bundles(result.output)
    old = f"/articles/{SHARED_SLUGS[0]}/"
    holding = {u: [b for b in bundles if u in _urls(b)] for u in (old, f"/articles/{slug}/")}
    assert len(bundles) >= 3 and all(len(b) == 1 for b in holding.values())
    assert holding[old] != holding[f"/articles/{slug}/"]
    assert holding[old][0] != result.output / "pagefind"  # merged from the manifest
    errors: list[str] = []
    with serve(result.output) as url, launch() as browser:
        page = browser.new_page()
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{url}search/?q={SHARED_WORD}", wait_until="load")
        page.wait_for_selector("#search-results a.result-link", timeout=20_000)
        hrefs: list[str] = []
        for _ in range(40):  # results arrive progressively; wait for both (or time out)
            hrefs = page.eval_on_selector_all("#search-results a.result-link",
                                              "els => els.map(e => e.href)")
            if all(any(u in h for h in hrefs) for u in holding):
                break
            page.wait_for_timeout(250)
    assert all(any(u in h for h in hrefs) for u in holding), hrefs
    assert len(hrefs) == len(set(hrefs)), hrefs  # no bundle merged twice
    assert errors == []


def _parse_date(path: Path) -> date:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("date:"):
            return date.fromisoformat(line.split(":", 1)[1].strip().strip("'\"")[:10])
    raise AssertionError(f"no date in {path}")
