"""A build replaces output/ only when it succeeded; a failed one leaves the old site as it was.

One good site is built for the module; each test copies it into a digest of its own
and breaks the next build in one way (bad content, a broken template, a failing
search index, Ctrl+C, a full disk), then compares the output byte for byte.
"""

from __future__ import annotations

import errno
import os
import select
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_site_build import FIXTURE, SETTINGS, TOML

from digest.cli import main
from digest.site import search_index, staging
from digest.site.staging import leftovers, locked, remove_leftovers, swap_in

ROOT = Path(__file__).resolve().parents[1]
GIT_HEAD = b"ref: refs/heads/gh-pages\n"
NEW_ARTICLE = """\
---
title: A brand new article
date: 2021-07-07
lang: en
actors: [hamas]
---
Written after the first build.
"""


def tree(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every entry under ``root``: mode and bytes (a link's target, a folder's nothing)."""
    found: dict[str, tuple[int, bytes]] = {".": (os.lstat(root).st_mode, b"")}
    for path in sorted(root.rglob("*")):
        st = os.lstat(path)
        body = (os.readlink(path).encode() if path.is_symlink()
                else path.read_bytes() if path.is_file() else b"")
        found[path.relative_to(root).as_posix()] = (st.st_mode, body)
    return found


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built site with a deployment's ``.git`` in it (kept by OUTPUT_RETENTION)."""
    root = digest(tmp_path_factory.mktemp("good"))
    assert main(["--config", str(root / "digest.toml"), "build", "--settings",
                 str(SETTINGS)]) == 0
    out = root / "out"
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_bytes(GIT_HEAD)
    return out


def digest(root: Path, content: Path = FIXTURE) -> Path:
    (root / "digest.toml").write_text(TOML.format(content=content), encoding="utf-8")
    return root


@pytest.fixture
def site(good_site: Path, tmp_path: Path) -> Path:
    """A digest of this test's own: editable content and a copy of the good output."""
    shutil.copytree(FIXTURE, tmp_path / "content")
    digest(tmp_path, tmp_path / "content")
    shutil.copytree(good_site, tmp_path / "out", symlinks=True)
    os.chmod(tmp_path / "out", 0o755)
    return tmp_path


def build(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["--config", str(root / "digest.toml"), "build", "--settings", str(SETTINGS),
                 *extra])
    return code, capsys.readouterr().err


def assert_untouched(root: Path, before: dict[str, tuple[int, bytes]]) -> None:
    assert tree(root / "out") == before
    assert leftovers(root / "out") == []


def test_content_error_keeps_the_old_site(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(site / "out")
    bad = site / "content" / "articles" / "broken.md"
    bad.write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")
    code, err = build(site, capsys)
    assert code == 1 and str(bad) in err
    assert_untouched(site, before)


def test_template_error_keeps_the_old_site(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    theme = site / "theme"
    shutil.copytree(ROOT / "theme", theme)
    with (theme / "templates" / "article.html").open("a", encoding="utf-8") as fh:
        fh.write("{% if %}\n")
    settings = site / "broken_theme.py"
    settings.write_text(f"from pelicanconf import *  # noqa\nTHEME = {str(theme)!r}\n",
                        encoding="utf-8")
    before = tree(site / "out")
    sys.path.insert(0, str(ROOT))
    try:
        code, err = build(site, capsys, "--settings", str(settings))
    finally:
        sys.path.remove(str(ROOT))
    assert code == 1
    assert err.startswith(f"digest: {theme / 'templates' / 'article.html'}:")
    assert "template error" in err and "Traceback" not in err
    assert_untouched(site, before)


def test_search_index_failure_keeps_the_old_site(site: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page is written, then the last step fails: the old site, search and all, stays."""
    before = tree(site / "out")
    seen: list[Path] = []

    def failing(pages: Path, bundle: Path) -> None:
        output = next(p for p in bundle.parents if p.name.startswith(".out.build-"))
        seen.append(output)
        assert (output / "index.html").is_file()  # the whole site was built…
        assert output.parent == site
        assert tree(site / "out") == before  # …beside the live one, which is untouched
        raise RuntimeError("indexer crashed")

    monkeypatch.setattr(search_index, "_pagefind", failing)
    monkeypatch.setattr(search_index, "_previous_bundles", lambda previous: {})  # index anew
    code, err = build(site, capsys)
    assert code == 1 and seen
    assert err == f"digest: {site / 'out'}: search index failed: indexer crashed\n"
    assert not seen[0].exists()
    assert_untouched(site, before)


def test_interrupt_keeps_the_old_site(site: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from pelican.writers import Writer

    before = tree(site / "out")
    real = Writer.write_file
    calls = []

    def interrupted(self: Writer, *args: object, **kwargs: object) -> None:
        calls.append(args[0])
        if len(calls) == 5:
            raise KeyboardInterrupt
        real(self, *args, **kwargs)

    monkeypatch.setattr(Writer, "write_file", interrupted)
    code, err = build(site, capsys)
    assert (code, err) == (130, "digest: interrupted\n")
    assert_untouched(site, before)


def test_disk_full_is_one_line_and_keeps_the_old_site(
        site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that fails like a full disk does (in write(), naming no file)."""
    from pelican.writers import Writer

    before = tree(site / "out")
    real = Writer._open_w
    opened: list[str] = []

    class Full:
        def __init__(self, fh: object) -> None:
            self.fh = fh

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()  # type: ignore[attr-defined]

        def write(self, data: str) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def filling(self: Writer, filename: str, *args: object, **kwargs: object) -> object:
        fh = real(self, filename, *args, **kwargs)
        opened.append(filename)
        return Full(fh) if len(opened) == 8 else fh

    monkeypatch.setattr(Writer, "_open_w", filling)
    code, err = build(site, capsys)
    stage = Path(opened[-1]).parents
    written = next(p for p in stage if p.name.startswith(".out.build-"))
    expected = site / "out" / Path(opened[-1]).relative_to(written)
    assert (code, err) == (1, f"digest: no space left on device writing {expected}\n")
    assert_untouched(site, before)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs of our own: real ENOSPC. Needs root and a kernel that lets us mount."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def _blocks(paths: list[Path]) -> int:
    return sum(-(-p.stat().st_size // 4096) * 4096 for p in paths)


def _mount(disk: Path, size: int, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join([*options, f"size={size}"]),
                           "tmpfs", str(disk)], capture_output=True, text=True)


@pytest.mark.parametrize("phase", ["pages", "search"])
def test_real_full_disk(good_site: Path, small_disk: Path, phase: str,
                        capsys: pytest.CaptureFixture[str],
                        monkeypatch: pytest.MonkeyPatch) -> None:
    made = _mount(small_disk, 64 << 20)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")
    out = small_disk / "out"
    shutil.copytree(good_site, out, symlinks=True)
    used = _used(small_disk)
    files = [p for p in good_site.rglob("*") if p.is_file()]
    search = _blocks([p for p in files if "pagefind" in p.relative_to(good_site).parts])
    pages = _blocks(files) - search
    # Room for the old site and half of the pages (or all pages and half the index).
    room = used + (pages // 2 if phase == "pages" else pages + search // 2)
    assert _mount(small_disk, room, "remount").returncode == 0
    root = small_disk.parent
    (root / "digest.toml").write_text(TOML.format(content=FIXTURE).replace(
        'output = "out"', f'output = "{out}"'), encoding="utf-8")
    before = tree(out)
    if phase == "search":  # the same pages: the old bundle would be reused, not written
        monkeypatch.setattr(search_index, "_previous_bundles", lambda previous: {})
    code, err = build(root, capsys)
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 1, err
    if phase == "search":
        assert lines[0] == f"digest: no space left on device writing {out / 'pagefind'}"
    else:  # the page being written, named in the output folder
        prefix = f"digest: no space left on device writing {out}/"
        assert lines[0].startswith(prefix) and lines[0].endswith((".html", ".xml")), lines[0]
    assert tree(out) == before and leftovers(out) == []
    assert _used(small_disk) == used  # the partial build is gone


def _used(disk: Path) -> int:
    st = os.statvfs(disk)
    return (st.f_blocks - st.f_bfree) * st.f_frsize


def test_good_build_replaces_the_site_keeping_retained_entries(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = site / "out"
    (out / "stale.html").write_text("from an older build", encoding="utf-8")
    new = site / "content" / "articles" / "a-brand-new-article.md"
    new.write_text(NEW_ARTICLE, encoding="utf-8")
    code, err = build(site, capsys)
    assert code == 0, err
    assert (out / "articles" / "a-brand-new-article" / "index.html").is_file()
    assert (out / "pagefind" / "pagefind.js").is_file()
    assert (out / ".git" / "HEAD").read_bytes() == GIT_HEAD  # OUTPUT_RETENTION
    assert not (out / "stale.html").exists()  # DELETE_OUTPUT_DIRECTORY
    assert stat.S_IMODE(out.stat().st_mode) == 0o755  # not the 0700 of a temporary folder
    assert leftovers(out) == []
    # Nothing in the site names the folder it was built in.
    for path in out.rglob("*"):
        if path.is_file():
            assert b".out.build" not in path.read_bytes(), path


def test_output_holding_the_content_is_refused(site: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(site / "content")
    code, err = build(site, capsys, "--output", str(site))
    assert code == 1 and "choose another output" in err
    assert tree(site / "content") == before


def test_a_second_build_waits_and_cleans_up_only_with_the_lock(site: Path) -> None:
    out = site / "out"
    dead = site / ".out.build-dead"
    (dead / "articles").mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "digest", "--config", str(site / "digest.toml"),
               "build", "--settings", str(SETTINGS), "--no-search"]
    with locked(out):  # as another build would hold it
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env, text=True)
        try:
            ready, _, _ = select.select([proc.stderr], [], [], 120)
            assert ready, "the build neither waited nor said so"
            line = proc.stderr.readline()  # type: ignore[union-attr]
            assert line == f"digest: waiting for another build of {out} to finish\n"
            assert proc.poll() is None
            assert dead.is_dir()  # not removed from under the build holding the lock
        except BaseException:
            proc.kill()
            raise
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert "built 10 articles" in stdout
    assert not dead.exists() and leftovers(out) == []


def test_swap_by_exchange(tmp_path: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("renameat2 is Linux's")
    old, new = tmp_path / "out", tmp_path / ".out.build-x"
    old.mkdir()
    new.mkdir()
    (old / "a").write_text("old")
    (new / "a").write_text("new")
    assert staging.exchange(new, old) is True
    assert (old / "a").read_text() == "new" and (new / "a").read_text() == "old"


def test_swap_without_exchange(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staging, "exchange", lambda a, b: False)
    out, stage = tmp_path / "out", tmp_path / ".out.build-x"
    out.mkdir()
    stage.mkdir()
    (out / "a").write_text("old")
    (stage / "a").write_text("new")
    swap_in(stage, out)
    assert (out / "a").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_swap_stopped_between_two_renames_puts_the_old_site_back(tmp_path: Path) -> None:
    out = tmp_path / "out"
    aside, half = tmp_path / ".out.old-1234", tmp_path / ".out.build-5678"
    aside.mkdir()
    (aside / "index.html").write_text("old home")
    half.mkdir()
    remove_leftovers(out)
    assert (out / "index.html").read_text() == "old home"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_leftovers_are_only_this_outputs(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    for name in (".out.build-1", ".out.old-2", ".other.build-3", "out.build-4"):
        (tmp_path / name).mkdir()
    remove_leftovers(tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.build-3", "out", "out.build-4"]


def test_new_stage_carries_over_what_pelicans_settings_keep(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".git" / "refs").mkdir(parents=True)
    (out / ".git" / "HEAD").write_bytes(GIT_HEAD)
    (out / ".git" / "current").symlink_to("refs")
    (out / "CNAME").write_text("digest.example")
    (out / "index.html").write_text("old home")
    os.chmod(out, 0o751)
    kept = staging.new_stage(out, [".git", "CNAME", "absent"])  # OUTPUT_RETENTION
    assert sorted(os.listdir(kept)) == [".git", "CNAME"]
    assert (kept / ".git" / "HEAD").read_bytes() == GIT_HEAD
    assert os.readlink(kept / ".git" / "current") == "refs"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o751
    everything = staging.new_stage(out, None)  # DELETE_OUTPUT_DIRECTORY = False
    assert tree(everything) == tree(out)
    assert tree(out / ".git") == tree(kept / ".git")
