"""Writing articles when things go wrong: killed writers, umasks, a full disk.

Kills are real SIGKILLs of subprocesses; a full disk is a small tmpfs where the system
allows one (``unshare``), and ENOSPC injected into ``os.write``/``os.fsync`` otherwise.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ingest_procs import article_json, digest, env, make_root

from digest.article import Article, Source
from digest.store import atomic
from digest.store.article_file import read_article
from digest.store.atomic import WriteError, remove_leftovers, write_file
from digest.store.write import ArticleStore, is_untouched

NOW = dt.datetime(2026, 11, 23, 19, 0, 0, tzinfo=dt.UTC)


def story(n: int, body: str = "") -> Article:
    return Article(title=f"Story number {n} about the talks", lang="en",
                   body=body or f"Paragraph of story {n}.", date=dt.date(2024, 5, 1),
                   source=Source(name="Example", url=f"https://news.example/{n}"))


def temp_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob(".*.tmp"))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- leftovers of killed writers --------------------------------------------------

# A writer stopped in the middle of its write: the temporary file holds half the text.
_STUCK_WRITER = """\
import os, sys, time
from pathlib import Path
from digest.store import atomic
real_write = os.write
def stuck(fd, data):
    real_write(fd, bytes(data[: len(data) // 2]))
    print("writing", flush=True)
    time.sleep(600)
atomic.os.write = stuck
atomic.write_file(Path(sys.argv[1]), "new text " * 1000)
"""


def test_leftover_of_a_killed_writer_is_removed_a_live_ones_kept(tmp_path: Path) -> None:
    target = tmp_path / "2024" / "story.md"
    target.parent.mkdir()
    target.write_text("old text")
    writer = subprocess.Popen([sys.executable, "-c", _STUCK_WRITER, str(target)],
                              env=env(), stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
        (tmp,) = temp_files(tmp_path)
        assert tmp.name.startswith(".story.md.") and tmp.stat().st_size > 0
        assert remove_leftovers(tmp_path) == []  # its writer is alive: not a leftover
        assert tmp.exists()
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    assert remove_leftovers(tmp_path) == [tmp]
    assert temp_files(tmp_path) == []
    assert target.read_text() == "old text"


def test_remove_leftovers_keeps_what_is_not_a_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "2024").mkdir()
    keep = [tmp_path / "2024" / "notes.tmp", tmp_path / "2024" / ".a.md.tmp",
            tmp_path / "2024" / "a.md", tmp_path / ".git" / ".a.md.abcd1234.tmp"]
    keep[-1].parent.mkdir()
    for path in keep:
        path.write_text("x")
    os.symlink(tmp_path / "2024" / "a.md", tmp_path / "2024" / ".b.md.abcd1234.tmp")
    old = tmp_path / "2024" / ".c.md.k2_x9qzp.tmp"  # tempfile.mkstemp's kind of name
    old.write_text("x")
    assert remove_leftovers(tmp_path) == [old]
    assert all(p.exists() for p in keep)
    assert (tmp_path / "2024" / ".b.md.abcd1234.tmp").is_symlink()


def test_next_ingest_removes_the_leftover_and_says_so(tmp_path: Path) -> None:
    root = make_root(tmp_path / "digest")
    year = root / "content" / "articles" / "2024"
    year.mkdir()
    target = year / "story.md"
    writer = subprocess.Popen([sys.executable, "-c", _STUCK_WRITER, str(target)],
                              env=env(), stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    (tmp,) = temp_files(root)
    data = article_json(tmp_path / "a.json", title="A story after the crash",
                        url="https://news.example/a", body="Text.", date="2024-05-01")
    result = digest(root, "ingest", str(data))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "created content/articles/2024/a-story-after-the-crash.md\n"
    shown = tmp.relative_to(root)
    assert result.stderr == f"digest: removed {shown} (left by an interrupted run)\n"
    assert temp_files(root) == [] and not target.exists()


KILLS = 5
BATCH = 120


def test_ingest_killed_at_random_times_loses_nothing_it_wrote(tmp_path: Path) -> None:
    """SIGKILL a big batch at random moments; every file on disk is always whole, and
    the next run completes the batch with no leftovers."""
    root = make_root(tmp_path / "digest")
    articles = root / "content" / "articles"
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps([
        {"title": f"Story number {n} about the talks", "url": f"https://news.example/{n}",
         "body": f"Paragraph {n}. " + "More words of the story. " * 400,
         "date": f"{2023 + n % 2}-05-01", "lang": "en"} for n in range(BATCH)]))
    rng = random.Random(7)
    for _ in range(KILLS):
        proc = subprocess.Popen([sys.executable, "-m", "digest", "ingest", str(batch)],
                                cwd=root, env=env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        before = len(list(articles.rglob("*.md")))
        deadline = time.monotonic() + 60
        # Wait for this run's first write, then kill it somewhere in the batch.
        while len(list(articles.rglob("*.md"))) == before and proc.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for path in articles.rglob("*.md"):
            assert is_untouched(path.read_text(encoding="utf-8")), path
    done = digest(root, "ingest", str(batch))
    assert done.returncode == 0, done.stderr
    assert temp_files(root) == []
    # What the killed runs finished is found again as it was; the rest is created.
    assert {line.split()[0] for line in done.stdout.splitlines()} <= {"created", "unchanged"}
    files = sorted(articles.rglob("*.md"))
    assert len(files) == BATCH
    urls = {read_article(p)[0].source.url for p in files}
    assert urls == {f"https://news.example/{n}" for n in range(BATCH)}


# --- modes --------------------------------------------------------------------------

@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_files_follow_the_umask(tmp_path: Path, umask: int, expected: int) -> None:
    root = make_root(tmp_path / "digest")
    data = article_json(tmp_path / "a.json", title="Modes of new files",
                        url="https://news.example/a", body="Text.", date="2024-05-01")
    result = digest(root, "ingest", str(data), umask=umask)
    assert result.returncode == 0, result.stderr
    path = root / result.stdout.split()[1]
    assert mode(path) == expected


def test_a_rewritten_file_keeps_its_mode(tmp_path: Path) -> None:
    root = make_root(tmp_path / "digest")
    data = article_json(tmp_path / "a.json", title="A file an editor locked down",
                        url="https://news.example/a", body="First text.", date="2024-05-01")
    path = root / digest(root, "ingest", str(data), umask=0o022).stdout.split()[1]
    path.chmod(0o640)
    article_json(data, title="A file an editor locked down", url="https://news.example/a",
                 body="Second text.", date="2024-05-01")
    result = digest(root, "ingest", str(data), umask=0o000)
    assert result.stdout.split()[0] == "updated"
    assert "Second text." in path.read_text()
    assert mode(path) == 0o640


def test_write_file_modes_in_process(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_file(tmp_path / "new.md", "x")
        write_file(tmp_path / "claimed.md", "x", exclusive=True)
    finally:
        os.umask(old)
    assert mode(tmp_path / "new.md") == mode(tmp_path / "claimed.md") == 0o640
    (tmp_path / "new.md").chmod(0o604)
    write_file(tmp_path / "new.md", "y")
    assert mode(tmp_path / "new.md") == 0o604 and (tmp_path / "new.md").read_text() == "y"


def test_exclusive_write_never_takes_a_taken_name(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("someone else's")
    with pytest.raises(FileExistsError):
        write_file(tmp_path / "a.md", "mine", exclusive=True)
    assert (tmp_path / "a.md").read_text() == "someone else's"
    assert temp_files(tmp_path) == []


# --- a full disk --------------------------------------------------------------------

def _enospc(monkeypatch: pytest.MonkeyPatch, call: str) -> None:
    """ENOSPC from os.write (after half the text went out) or os.fsync, on temp files."""
    real_write, real_fsync = os.write, os.fsync

    def is_temp(fd: int) -> bool:
        return os.readlink(f"/proc/self/fd/{fd}").endswith(".tmp")

    def write(fd: int, data: bytes) -> int:
        if not is_temp(fd):
            return real_write(fd, data)
        if len(data) > 1:
            return real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fsync(fd: int) -> None:
        if is_temp(fd):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    if call == "write":
        monkeypatch.setattr(atomic.os, "write", write)
    else:
        monkeypatch.setattr(atomic.os, "fsync", fsync)


@pytest.mark.parametrize("call", ["write", "fsync"])
def test_disk_full_creating_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           call: str) -> None:
    store = ArticleStore(tmp_path / "articles")
    store.write(story(1), now=NOW)
    _enospc(monkeypatch, call)
    with pytest.raises(WriteError) as caught:
        store.write(story(2), now=NOW)
    assert caught.value.reason == "no space left on device"
    assert caught.value.target.name == "story-number-2-about-the-talks.md"
    assert [p.name for p in (tmp_path / "articles").rglob("*.md")] == [
        "story-number-1-about-the-talks.md"]
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize("call", ["write", "fsync"])
def test_disk_full_updating_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               call: str) -> None:
    store = ArticleStore(tmp_path / "articles")
    path = store.write(story(1), now=NOW).path
    old = path.read_bytes()
    _enospc(monkeypatch, call)
    with pytest.raises(WriteError):
        store.write(story(1, body="A longer, corrected paragraph."), now=NOW)
    assert path.read_bytes() == old
    assert temp_files(tmp_path) == []


# Runs a command with ENOSPC for the temporary file of any article whose name has
# "disk-full" in it: the first article is written, the second meets a full disk.
_FULL_DISK = """\
import errno, os, sys
from digest.store import atomic
from digest.cli import main
real_write = os.write
def write(fd, data):
    if "disk-full" in os.readlink(f"/proc/self/fd/{fd}"):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return real_write(fd, data)
atomic.os.write = write
sys.exit(main(sys.argv[1:]))
"""


def test_ingest_on_a_full_disk_gives_one_line(tmp_path: Path) -> None:
    root = make_root(tmp_path / "digest")
    first = article_json(tmp_path / "1.json", title="Written before the disk filled",
                         url="https://news.example/1", body="First.", date="2024-05-01")
    second = article_json(tmp_path / "2.json", title="Disk full here",
                          url="https://news.example/2", body="Second.", date="2024-05-01")
    result = subprocess.run([sys.executable, "-c", _FULL_DISK, "ingest", str(first),
                             str(second)], cwd=root, env=env(), capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout == "created content/articles/2024/written-before-the-disk-filled.md\n"
    assert result.stderr == ("digest: no space left on device writing "
                             "content/articles/2024/disk-full-here.md\n")
    assert [p.name for p in (root / "content" / "articles").rglob("*.md")] == [
        "written-before-the-disk-filled.md"]
    assert temp_files(root) == []


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    try:
        return subprocess.run(["unshare", "-rm", "true"], capture_output=True,
                              timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


# Inside a fresh mount namespace: a 1 MB tmpfs holds the digest, filled but for a few
# pages; two ingests that need more room; what they printed and left, as JSON.
_ON_SMALL_TMPFS = """\
import hashlib, json, os, shutil, subprocess, sys
mount, seed, new, update, report = sys.argv[1:]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "none", mount], check=True)
root = shutil.copytree(seed, os.path.join(mount, "digest"))
folder = os.path.join(root, "content", "articles", "2024")
old = os.path.join(folder, "an-article-already-there.md")
before = hashlib.sha256(open(old, "rb").read()).hexdigest()
with open(os.path.join(mount, "filler"), "wb") as fh:
    fh.write(bytes(shutil.disk_usage(mount).free - 16384))
runs = [subprocess.run([sys.executable, "-m", "digest", "ingest", path], cwd=root,
                       capture_output=True, text=True) for path in (new, update)]
json.dump({"runs": [[r.returncode, r.stdout, r.stderr] for r in runs],
           "files": sorted(os.listdir(folder)),
           "intact": hashlib.sha256(open(old, "rb").read()).hexdigest() == before},
          open(report, "w"))
"""


@pytest.mark.skipif(not _unshare_works(), reason="cannot mount a small tmpfs here")
def test_ingest_on_a_really_full_disk(tmp_path: Path) -> None:
    """No room for a new article or for a longer version of an old one: one line each,
    exit 1, no new file, no temporary file, the old file as it was."""
    seed = make_root(tmp_path / "seed")
    first = article_json(tmp_path / "1.json", title="An article already there",
                         url="https://news.example/1", body="Short text.", date="2024-05-01")
    assert digest(seed, "ingest", str(first)).returncode == 0
    words = "Many words. " * 20_000
    new = article_json(tmp_path / "2.json", title="An article too big for the disk",
                       url="https://news.example/2", body=words, date="2024-05-01")
    update = article_json(tmp_path / "3.json", title="An article already there",
                          url="https://news.example/1", body=words, date="2024-05-01")
    (tmp_path / "mnt").mkdir()
    report = tmp_path / "report.json"
    run = subprocess.run(["unshare", "-rm", sys.executable, "-c", _ON_SMALL_TMPFS,
                          str(tmp_path / "mnt"), str(seed), str(new), str(update),
                          str(report)], env=env(), capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    got = json.loads(report.read_text())
    where = "content/articles/2024/"
    assert got["runs"] == [
        [1, "", f"digest: no space left on device writing {where}"
                "an-article-too-big-for-the-disk.md\n"],
        [1, "", f"digest: no space left on device writing {where}"
                "an-article-already-there.md\n"],
    ]
    assert got["files"] == ["an-article-already-there.md"]  # no temporary files either
    assert got["intact"] is True
