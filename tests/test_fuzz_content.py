"""A seeded fuzzer over front matter and registries.

Hundreds of mutations of a valid article and of both registries: ``digest check`` never
ends in a traceback and names every problem as ``path[:line]: message``; for a sample
of them a real build agrees with ``check`` (refuses exactly when check finds an error)
and, when it builds, no page or feed shows a Python repr or an empty heading.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from digest.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "site"
SETTINGS = Path(__file__).resolve().parents[1] / "pelicanconf.py"
SEED = 20261203

ARTICLE = """\
---
title: Base title
date: 2021-07-01
lang: en
source:
  name: Example News
  url: https://news.example/a
  retrieved: 2021-07-02T10:00:00Z
via: [Press TV]
section: World
author: A. Writer
image: https://news.example/a.jpg
topics: [lebanon]
actors: [hamas, hezbollah]
summary: A summary of the article.
translations:
  id:
    title: Judul
    summary: Ringkasan artikel.
    by: editor
status: published
---
Body text of the article.
"""

# Values an editor, a tool or an attacker might put anywhere.
HOSTILE = [
    "[a, b]", "{x: 1}", "42", "3.5", "true", "null", "~", "''", "'   '", "2021-13-45",
    "2021-02-30", "!!int abc", "!!float x", "!!timestamp garbage", "!!binary zz",
    "!!python/object:os.system x", "!!set {a, b}", "&a [*a]", "*nowhere", "&b x",
    "\"\\x01control\"", "\x01raw", "http://[::1", "javascript:alert(1)", "'<script>x</script>'",
    "[[[[[[]]]]]]", "{a: {b: {c: [1, {d: e}]}}}", "'\u202eevil'", "- a\n- b", "|\n  block",
    "!!str 12", "'java\tscript:x'", "[javascript:alert(1)]", "2021-07-01T25:00:00",
    "-1", "0x10", ".inf", "'english'", "EN", "[hamas, nobody]", "[]", "{}",
]
BOMB = ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\n")
KEYS = ["title", "date", "lang", "source", "  name", "  url", "  retrieved", "via", "section",
        "author", "image", "topics", "actors", "summary", "translations", "    title",
        "    summary", "    by", "status"]
REGISTRY_KEYS = ["id", "name", "kind", "aliases", "country", "affiliations", "description",
                 "names", "keywords", "iptc"]
FINDING = re.compile(r"^\S.*?(?::\d+)?: \S")
REPR = re.compile(r"\['|\{'|datetime\.|Translation\(|Source\(|<h1[^>]*>\s*</h1>|\bNone\b")


def _replace_value(text: str, key: str, value: str) -> str:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(f"{key}:") and (key.startswith(" ") or not line.startswith(" ")):
            lines[i] = f"{key}: {value}"
            return "\n".join(lines)
    return text


def mutate_article(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 3)):
        kind = rng.random()
        if kind < 0.55:
            text = _replace_value(text, rng.choice(KEYS), rng.choice(HOSTILE))
        elif kind < 0.65:
            key = rng.choice(KEYS)
            text = "\n".join(ln for ln in text.split("\n") if not ln.startswith(f"{key}:"))
        elif kind < 0.72:
            key = rng.choice(KEYS).strip()
            text = text.replace(f"\n{key}:", f"\n{key[:-1] + key[-1] * 2}:", 1)  # a typo
        elif kind < 0.78:
            text = text.replace("---\n", "---\n" + BOMB, 1)
        elif kind < 0.84:
            pos = rng.randrange(len(text))
            text = text[:pos] + rng.choice([":", "\t", "'", '"', "[", "{", "\x00", "&", "*",
                                            "\n  ", "---\n", "\ufeff", "\x85"]) + text[pos:]
        elif kind < 0.9:
            text = text[:rng.randrange(len(text))]
        else:
            text = text.replace("\n", "\r\n") if rng.random() < 0.5 else "\ufeff" + text
    return text


def mutate_registry(rng: random.Random, text: str) -> str:
    kind = rng.random()
    if kind < 0.6:
        key = rng.choice(REGISTRY_KEYS)
        matches = [m.start() for m in re.finditer(rf"(?m)^(  |- ){key}:.*$", text)]
        if matches:
            start = rng.choice(matches)
            end = text.index("\n", start) if "\n" in text[start:] else len(text)
            prefix = text[start:start + 2]
            return f"{text[:start]}{prefix}{key}: {rng.choice(HOSTILE)}{text[end:]}"
        return text
    if kind < 0.75:
        pos = rng.randrange(len(text))
        return text[:pos] + rng.choice(["\x01", "\t", ":", "&x ", "*x", "- ", "\x00"]) + text[pos:]
    if kind < 0.85:
        return text + "\n- id: hamas\n  name: Again\n"  # a duplicate id
    if kind < 0.92:
        return BOMB.replace("a:", "- a:", 1) + text
    return text[:rng.randrange(len(text))]


def make_digest(root: Path, article: str, actors: str | None = None,
                topics: str | None = None) -> Path:
    content = root / "content"
    if content.exists():
        shutil.rmtree(content)
    (content / "articles" / "2021").mkdir(parents=True)
    (content / "actors.yml").write_text(actors or (FIXTURE / "actors.yml").read_text("utf-8"),
                                        encoding="utf-8")
    (content / "topics.yml").write_text(topics or (FIXTURE / "topics.yml").read_text("utf-8"),
                                        encoding="utf-8")
    (content / "articles" / "2021" / "fuzzed.md").write_bytes(
        article.encode("utf-8", "surrogatepass"))
    return content


def run_check(content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", "--content", str(content)])
    out = capsys.readouterr().out
    return code, [line for line in out.splitlines() if line]


def run_build(content: Path, capsys: pytest.CaptureFixture[str]) -> int:
    code = main(["build", "--content", str(content), "--output", str(content.parent / "out"),
                 "--settings", str(SETTINGS), "--no-search"])
    capsys.readouterr()
    return code


def _cases(n: int) -> list[tuple[str, str | None, str | None]]:
    rng = random.Random(SEED)
    actors = (FIXTURE / "actors.yml").read_text("utf-8")
    topics = (FIXTURE / "topics.yml").read_text("utf-8")
    cases = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.7:
            cases.append((mutate_article(rng, ARTICLE), None, None))
        elif roll < 0.85:
            cases.append((ARTICLE, mutate_registry(rng, actors), None))
        else:
            cases.append((ARTICLE, None, mutate_registry(rng, topics)))
    return cases


def test_the_unmutated_digest_checks_and_builds(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    content = make_digest(tmp_path, ARTICLE)
    assert run_check(content, capsys) == (0, [])
    assert run_build(content, capsys) == 0


def test_check_never_crashes_and_names_every_problem(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    failing = 0
    for i, (article, actors, topics) in enumerate(_cases(400)):
        content = make_digest(tmp_path, article, actors, topics)
        code, lines = run_check(content, capsys)  # a traceback would fail the test here
        assert code in (0, 1), f"case {i}"
        assert (code == 1) == any("warning:" not in ln for ln in lines), (i, lines)
        for line in lines:
            assert FINDING.match(line), f"case {i}: {line!r}"
            assert "Traceback" not in line
        failing += code
    assert failing > 150  # the mutations do reach the checks (most are errors)


def test_build_agrees_with_check_and_shows_no_repr(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    built = refused = 0
    for i, (article, actors, topics) in enumerate(_cases(400)[::10]):
        content = make_digest(tmp_path, article, actors, topics)
        check_code, _ = run_check(content, capsys)
        build_code = run_build(content, capsys)
        assert build_code == check_code, f"case {i}: check {check_code}, build {build_code}"
        if build_code:
            refused += 1
            continue
        built += 1
        for page in (tmp_path / "out").rglob("*"):
            if page.suffix in (".html", ".xml"):
                text = page.read_text("utf-8")
                text = re.sub(r"<script[^>]*>.*?</script>", "", text, flags=re.S)
                assert not REPR.search(text), f"case {i}: {page}: {REPR.search(text)}"
    assert built and refused
