"""Hostile or broken front matter and registries: ``path:line: message``, never a traceback,
and ``digest check`` and ``digest build`` give the same verdict from one validation."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from digest.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "site"
SETTINGS = Path(__file__).resolve().parents[1] / "pelicanconf.py"
HEAD = "---\ntitle: A title\ndate: 2021-07-01\nlang: en\n"
BODY = "---\nBody text.\n"
BOMB = ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "articles" / "2021").mkdir(parents=True)
    for name in ("actors.yml", "topics.yml"):
        shutil.copy(FIXTURE / name, root / name)
    return root


def put(content: Path, text: str, name: str = "a.md") -> str:
    path = content / "articles" / "2021" / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def check(content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", "--content", str(content)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out.splitlines()


def build(content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["build", "--content", str(content), "--output", str(content.parent / "out"),
                 "--settings", str(SETTINGS), "--no-search"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.err


def both(content: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """check's findings, after asserting that the build reports the same errors."""
    code, lines = check(content, capsys)
    build_code, err = build(content, capsys)
    assert build_code == code
    for line in lines:
        if "warning:" not in line:
            assert line in err
    return lines


@pytest.mark.parametrize(("front", "line", "message"), [
    ("date: !!timestamp garbage\n", 5, "invalid YAML: a tagged value cannot be read"),
    ("summary: !!int abc\n", 5, "invalid YAML: a tagged value cannot be read"),
    ("summary: \x01bell\n", 5, "invalid YAML: character U+0001 is not allowed"),
    ("source:\n  url: http://[::1\n", 6, "source.url: malformed URL"),
    ("source:\n  url: javascript:alert(1)\n", 6,
     "source.url: only http and https URLs are allowed (javascript:)"),
    ("image: 'data:text/html,<script>x</script>'\n", 5, "image: URL contains '<'"),
    ("actors: [nobody]\nx: &s [*s]\n", 6, "YAML aliases (*s) are not allowed"),
    ("summary: [a, b]\n", 5, "summary: expected text, found a list"),
    ("source:\n  name: [a, b]\n", 6, "source.name: expected text, found a list"),
    ("source:\n  url: {a: 1}\n", 6, "source.url: expected a URL as text"),
    ("translations:\n  id:\n    title: [a]\n", 7,
     "translations.id.title: expected text, found a list"),
    ("via: {a: 1}\n", 5, "via: expected a list of text, found a mapping"),
    ("1: one\n", 5, "key 1 is not text"),
])
def test_bad_values_are_reported_with_their_line(content: Path, capsys, front: str, line: int,
                                                 message: str) -> None:
    put(content, HEAD + front + BODY)
    lines = both(content, capsys)
    assert any(f"a.md:{line}: {message}" in ln for ln in lines), lines


def test_a_title_of_spaces_is_an_error_not_an_empty_heading(content: Path, capsys) -> None:
    put(content, "---\ntitle: '   '\ndate: 2021-07-01\nlang: en\n---\nBody.\n")
    lines = both(content, capsys)
    assert any(":2: title: is empty" in ln for ln in lines)


@pytest.mark.parametrize("key", ["title", "topics", "actors", "summary"])
def test_alias_bombs_are_refused(content: Path, capsys, key: str) -> None:
    put(content, f"---\n{BOMB}{key}: *c\ndate: 2021-07-01\nlang: en\n---\nBody.\n")
    lines = both(content, capsys)
    assert any(":3: YAML aliases (*a) are not allowed" in ln for ln in lines), lines


def test_a_symlink_loop_and_bad_utf8_name_the_file(content: Path, capsys) -> None:
    folder = content / "articles" / "2021"
    os.symlink(folder / "loop.md", folder / "loop.md")
    (folder / "latin.md").write_bytes(HEAD.encode() + b"summary: caf\xe9\n" + BODY.encode())
    lines = both(content, capsys)
    assert any("loop.md:1: cannot read: Too many levels of symbolic links" in ln
               for ln in lines), lines
    assert any("latin.md:5: not valid UTF-8 (byte 0xe9)" in ln for ln in lines), lines


def test_a_folder_named_like_an_article_is_not_an_article(content: Path, capsys) -> None:
    put(content, HEAD + BODY)
    (content / "articles" / "2021" / "x.md").mkdir()
    assert both(content, capsys) == []
    assert (content.parent / "out" / "articles" / "a" / "index.html").is_file()


def test_registry_problems_are_all_reported_without_traceback(content: Path, capsys) -> None:
    put(content, HEAD + BODY)
    actors = content / "actors.yml"
    text = actors.read_text("utf-8")
    text += ("- id: Bad Id\n  name: X\n- id: norway\n  name: Norway\n  kind: state\n"
             "  country: NO\n- id: atlantis\n  name: Atlantis\n  country: XQ\n")
    actors.write_text(text, encoding="utf-8")
    code, lines = check(content, capsys)
    assert code == 1
    assert any("id 'Bad Id'" in ln for ln in lines)
    assert any("country False: write the code in quotes" in ln for ln in lines)
    assert any("country 'XQ' is not an ISO 3166 code" in ln for ln in lines)
    assert all(ln.startswith(f"{actors}:") for ln in lines)


@pytest.mark.parametrize("damage", ["control", "folder", "tag", "alias"])
def test_broken_registries_are_messages(content: Path, capsys, damage: str) -> None:
    put(content, HEAD + BODY)
    topics = content / "topics.yml"
    if damage == "folder":
        topics.unlink()
        topics.mkdir()
    else:
        extra = {"control": "- id: x\n  name: \x07\n", "tag": "- id: !!int x\n  name: X\n",
                 "alias": "- &t {id: t, name: T}\n- *t\n"}[damage]
        topics.write_text(topics.read_text("utf-8") + extra, encoding="utf-8")
    code, lines = check(content, capsys)
    assert code == 1 and lines
    assert all(ln.startswith(str(topics)) for ln in lines), lines
    build_code, err = build(content, capsys)
    assert build_code == 1 and str(topics) in err


def test_hints_for_near_misses(content: Path, capsys) -> None:
    put(content, "---\ntitel: A\ntitle: A\ndate: 2026-11-31\nlang: english\n---\nBody.\n")
    code, lines = check(content, capsys)
    assert code == 1
    text = "\n".join(lines)
    assert ":2: warning: unknown key 'titel' (did you mean 'title'?)" in text
    assert ":4: date: '2026-11-31' is not an ISO 8601 date or datetime " \
           "(November 2026 has 30 days)" in text
    assert ":5: lang: 'english' is not a BCP 47 language tag (did you mean en?)" in text


@pytest.mark.parametrize(("value", "message"), [
    ("Bad Id", "story: 'Bad Id' is not a story id"),
    ("2021-07-01", "story: expected a story id, found a date"),
    ("[a]", "story: expected a story id, found a list"),
])
def test_a_malformed_story_is_reported(content: Path, capsys, value: str, message: str) -> None:
    put(content, HEAD + f"story: {value}\n" + BODY)
    lines = both(content, capsys)
    assert any(f"a.md:5: {message}" in ln for ln in lines), lines
