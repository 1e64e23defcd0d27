"""A rebuild leaves unchanged output files as they were (same inode, same mtime), changes
only what depends on an edit, and gives the same tree as a build from scratch; the search
bundles indexed several at once are those indexed one at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_site_build import FIXTURE, SETTINGS, TOML

from digest.config import load_config
from digest.site.build import BuildResult, build_site
from digest.site.staging import keep_unchanged

SHARDED = {"DIGEST_SEARCH_SHARD_PAGES": 4}


def _build(root: Path, content: Path, **overrides: object) -> BuildResult:
    root.mkdir(parents=True, exist_ok=True)
    (root / "digest.toml").write_text(TOML.format(content=content), encoding="utf-8")
    return build_site(load_config(root / "digest.toml"), settings_file=SETTINGS,
                      overrides={**SHARDED, **overrides})


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _stamps(root: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in root.rglob("*") if p.is_file()}


def test_keep_unchanged_links_identical_files_only(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    for root, changed in ((old, "before"), (new, "after")):
        (root / "a").mkdir(parents=True)
        (root / "a" / "same.html").write_text("same", encoding="utf-8")
        (root / "a" / "changed.html").write_text(changed, encoding="utf-8")
    (new / "only-new.html").write_text("new", encoding="utf-8")
    assert keep_unchanged(new, old) == 1
    assert (new / "a" / "same.html").stat().st_ino == (old / "a" / "same.html").stat().st_ino
    assert (new / "a" / "changed.html").read_text(encoding="utf-8") == "after"
    assert (old / "a" / "changed.html").read_text(encoding="utf-8") == "before"
    assert sorted(p.name for p in (new / "a").iterdir()) == ["changed.html", "same.html"]


def test_a_rebuild_touches_only_what_an_edit_changes(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    out = _build(tmp_path / "site", content).output
    first = _stamps(out)
    _build(tmp_path / "site", content)
    assert _stamps(out) == first  # nothing changed: every file is the same file

    edited = next(p for p in sorted((content / "articles").rglob("*.md"))
                  if "lang: fr" in p.read_text(encoding="utf-8"))
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "\n---\n", "\n---\nA sentence added by an editor.\n\n", 1), encoding="utf-8")
    _build(tmp_path / "site", content)
    now = _stamps(out)
    changed = sorted(k for k in now if now[k] != first.get(k))
    page = f"articles/{edited.stem}/index.html"
    assert page in changed
    assert 0 < len(changed) < len(now) // 2, changed
    assert not any(k.startswith("theme/") for k in changed)  # nor any other article's page
    assert [k for k in changed if k.startswith("articles/") and edited.stem not in k] == []
    # The incremental tree is the tree a build from scratch writes.
    scratch = _build(tmp_path / "scratch", content).output
    assert _files(out) == _files(scratch)


def test_bundles_indexed_in_parallel_are_those_indexed_one_by_one(tmp_path: Path) -> None:
    serial = _build(tmp_path / "serial", FIXTURE, DIGEST_SEARCH_JOBS=1).output
    parallel = _build(tmp_path / "parallel", FIXTURE, DIGEST_SEARCH_JOBS=2).output
    assert len(list((serial / "pagefind" / "shards").iterdir())) >= 2
    assert _files(serial) == _files(parallel)
