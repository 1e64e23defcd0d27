"""Bad content stops ``digest build`` with ``path:line: message`` and exit status 1."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from digest.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "site"
SETTINGS = Path(__file__).resolve().parents[1] / "pelicanconf.py"
GOOD = """\
---
title: A good article
date: 2021-07-01
lang: en
actors: [hamas]
---
Body text.
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "articles" / "2021").mkdir(parents=True)
    for name in ("actors.yml", "topics.yml"):
        shutil.copy(FIXTURE / name, root / name)
    (root / "articles" / "2021" / "good.md").write_text(GOOD, encoding="utf-8")
    return root


def build(content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["build", "--content", str(content), "--output", str(content.parent / "out"),
                 "--settings", str(SETTINGS), "--no-search"])
    return code, capsys.readouterr().err


def write(content: Path, name: str, text: str) -> Path:
    path = content / "articles" / "2021" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_content_builds_quietly(content: Path, capsys: pytest.CaptureFixture[str],
                                    caplog: pytest.LogCaptureFixture) -> None:
    code, err = build(content, capsys)
    assert code == 0, err
    assert (content.parent / "out" / "articles" / "good" / "index.html").is_file()
    # Pelican's stock Markdown reader is disabled without Python-Markdown: no warnings.
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text


def test_broken_yaml(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(content, "broken.md", "---\ntitle: [unclosed\ndate: 2021-07-01\n---\nBody\n")
    code, err = build(content, capsys)
    assert code == 1
    assert f"{path}:3: invalid YAML" in err


def test_unknown_actor(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(content, "who.md", GOOD.replace("[hamas]", "[hamas, nobody]"))
    code, err = build(content, capsys)
    assert code == 1
    assert f"{path}:5: unknown actor id 'nobody'" in err


def test_empty_body(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(content, "empty.md", GOOD.replace("Body text.\n", "\n"))
    code, err = build(content, capsys)
    assert code == 1
    assert f"{path}:" in err and "empty body" in err


def test_duplicate_slug_names_both_files(content: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    other = content / "articles" / "2022" / "good.md"
    other.parent.mkdir()
    other.write_text(GOOD, encoding="utf-8")
    code, err = build(content, capsys)
    assert code == 1
    line = next(x for x in err.splitlines() if "duplicate slug" in x)
    assert str(other) in line and str(content / "articles" / "2021" / "good.md") in line


def test_every_error_reported_at_once(content: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    write(content, "a.md", GOOD.replace("[hamas]", "[nobody]"))
    write(content, "b.md", "---\ntitle: x\n---\nBody\n")
    code, err = build(content, capsys)
    assert code == 1
    assert "a.md:5:" in err and "b.md:" in err and "missing required key 'date'" in err
    assert "build stopped: 3 error(s)" in err  # b.md misses date and lang


def test_future_date_is_a_warning(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(content, "later.md", GOOD.replace("2021-07-01", "2999-01-01"))
    code, err = build(content, capsys)
    assert code == 0
    assert f"{path}:3: warning: date 2999-01-01 is in the future" in err


def test_missing_registry(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (content / "actors.yml").unlink()
    code, err = build(content, capsys)
    assert code == 1
    assert f"{content / 'actors.yml'}: registry file is missing" in err
