"""``digest translate`` on a full disk: one message, exit 1, the file as it was."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import mt_models
import pytest
from ingest_procs import env

from digest.cli import main
from digest.store import atomic
from digest.store.article_file import read_article

ARTICLE = """\
---
title: Pemimpin Hamas dan Hizbullah Bertemu di Lebanon
date: 2021-06-29
lang: id
summary: Ismail Haniyeh bertemu Sayyid Hassan Nasrallah pada Selasa.
---

Body.
"""


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mt_models.build_opus_mt(tmp_path_factory.mktemp("mt") / "opus-mt-id-en")


@pytest.fixture
def files(digest_root: Path) -> list[Path]:
    folder = digest_root / "content" / "articles" / "2021"
    folder.mkdir(parents=True)
    paths = [folder / "a-first.md", folder / "b-disk-full.md", folder / "c-never-reached.md"]
    for path in paths:
        path.write_text(ARTICLE, encoding="utf-8")
    return paths


def args(digest_root: Path, model: Path) -> list[str]:
    return ["--config", str(digest_root / "digest.toml"), "translate", "--to", "en",
            "--backend", "ctranslate2", "--model", str(model)]


def test_disk_full_stops_with_one_line(digest_root: Path, model: Path, files: list[Path],
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    real_write = os.write

    def write(fd: int, data: bytes) -> int:
        if "disk-full" in os.readlink(f"/proc/self/fd/{fd}"):
            real_write(fd, bytes(data[: len(data) // 2]))
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(atomic.os, "write", write)
    assert main(args(digest_root, model)) == 1
    out, err = capsys.readouterr()
    assert out == f"translated {files[0]}: en\n"
    assert err == f"digest: no space left on device writing {files[1]}\n"
    assert "en" in read_article(files[0])[0].translations
    assert files[1].read_text(encoding="utf-8") == ARTICLE
    assert files[2].read_text(encoding="utf-8") == ARTICLE
    assert not list(digest_root.rglob("*.tmp"))


_FULL_DISK = """\
import errno, os, sys
from digest.store import atomic
from digest.cli import main
real_fsync = os.fsync
def fsync(fd):
    if "disk-full" in os.readlink(f"/proc/self/fd/{fd}"):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return real_fsync(fd)
atomic.os.fsync = fsync
sys.exit(main(sys.argv[1:]))
"""


def test_disk_full_from_the_command_line(digest_root: Path, model: Path,
                                         files: list[Path]) -> None:
    result = subprocess.run([sys.executable, "-c", _FULL_DISK, *args(digest_root, model)],
                            cwd=digest_root, env=env(), capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1
    assert result.stdout == "translated content/articles/2021/a-first.md: en\n"
    assert result.stderr == ("digest: no space left on device writing "
                             "content/articles/2021/b-disk-full.md\n")
    assert files[1].read_text(encoding="utf-8") == ARTICLE
    assert not list(digest_root.rglob("*.tmp"))
