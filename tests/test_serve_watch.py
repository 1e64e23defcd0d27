"""What the preview rebuilds for: content, theme and settings files, never its own output."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest.site.watch import Sources, changes, describe, ignored


@pytest.fixture
def sources(tmp_path: Path) -> Sources:
    for name in ("content", "theme", "output"):
        (tmp_path / name).mkdir()
    (tmp_path / "digest.toml").write_text("[digest]\n")
    return Sources(folders=(tmp_path / "content", tmp_path / "theme"),
                   files=(tmp_path / "digest.toml",), output=tmp_path / "output")


@pytest.mark.parametrize("relative", [
    "content/articles/2021/a.md", "content/actors.yml", "content/topics.yml",
    "theme/templates/base.html", "theme/static/css/site.css", "digest.toml"])
def test_sources_count(sources: Sources, tmp_path: Path, relative: str) -> None:
    assert not ignored(tmp_path / relative, sources)


@pytest.mark.parametrize("relative", [
    "output/index.html", "output", ".output.build-1a2b3c4d/articles/a/index.html",
    ".output.old-1a2b3c4d/index.html", ".output.lock",
    "content/articles/.a.md.1a2b3c4d.tmp",  # an atomic write's temporary file
    "content/articles/a.md~", "content/articles/.a.md.swp", "content/.git/index",
    "theme/__pycache__/x.pyc", "notes.txt", "pelicanconf.py.bak"])
def test_output_staging_and_editor_files_do_not(sources: Sources, tmp_path: Path,
                                                relative: str) -> None:
    assert ignored(tmp_path / relative, sources)


def test_output_inside_a_watched_folder_is_still_ignored(tmp_path: Path) -> None:
    inside = Sources(folders=(tmp_path,), files=(), output=tmp_path / "site")
    assert ignored(tmp_path / "site" / "index.html", inside)
    assert ignored(tmp_path / ".site.build-00ff00ff" / "index.html", inside)
    assert not ignored(tmp_path / "articles" / "a.md", inside)


@pytest.fixture
def batches(sources: Sources) -> Iterator[queue.Queue[list[Path]]]:
    found: queue.Queue[list[Path]] = queue.Queue()
    stop = threading.Event()
    ready = threading.Event()

    def run() -> None:
        ready.set()
        for batch in changes(sources, stop):
            found.put(batch)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(30)
    yield found
    stop.set()
    thread.join(timeout=30)
    assert not thread.is_alive()


def settle(found: queue.Queue[list[Path]], sources: Sources) -> None:
    """Wait until the watcher is live: touch a probe until it is reported."""
    probe = sources.folders[1] / "probe.css"
    for i in range(60):
        probe.write_text(str(i))
        try:
            found.get(timeout=1)
            break
        except queue.Empty:
            continue
    else:
        pytest.fail("the watcher never reported a change")
    while not found.empty():
        found.get_nowait()


def test_a_burst_is_one_batch_of_the_files_that_matter(
        sources: Sources, batches: queue.Queue[list[Path]], tmp_path: Path) -> None:
    # The folder exists before the watch settles: files written into a folder created a
    # moment earlier can precede the OS watch on it (an inotify race, not the point here).
    articles = tmp_path / "content" / "articles"
    articles.mkdir()
    settle(batches, sources)
    out = sources.output
    (out / "index.html").write_text("built")
    (tmp_path / ".output.build-1a2b3c4d").mkdir()
    (tmp_path / ".output.build-1a2b3c4d" / "index.html").write_text("staged")
    (articles / ".a.md.1a2b3c4d.tmp").write_text("partial")
    (articles / ".a.md.1a2b3c4d.tmp").rename(articles / "a.md")
    (articles / "b.md").write_text("b")
    batch = batches.get(timeout=60)
    while not {articles / "a.md", articles / "b.md"} <= set(batch):  # a burst may be split
        batch += batches.get(timeout=60)
    assert {p.name for p in batch} <= {"articles", "a.md", "b.md"}


def test_the_settings_file_is_polled(sources: Sources, batches: queue.Queue[list[Path]]) -> None:
    settle(batches, sources)
    config = sources.files[0]
    replacement = config.with_name("digest.toml.new")
    replacement.write_text("[digest]\nname = 'Renamed'\n")
    replacement.replace(config)  # as editors save: a new file renamed over the old one
    assert batches.get(timeout=60) == [config]


def test_describe_names_a_few_and_counts_the_rest(tmp_path: Path) -> None:
    paths = [tmp_path / f"{i}.md" for i in range(7)]
    text = describe(paths)
    assert text.endswith("4.md and 2 more") and text.count(".md") == 5
