"""Shared by the browser and audit tests: Chromium or a clear skip, a test site built once
from the sample content plus probe articles, served on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tools.chromium import chromium_path

ROOT = Path(__file__).resolve().parents[1]

RESULTS = ROOT / "test-results"
DIGEST_TOML = """\
[digest]
name = "Browser Test Digest"
languages = ["id", "ms", "en", "ar", "fr", "de", "es"]
site_languages = ["en", "id"]
default_language = "en"
site_url = "https://digest.example"
"""

# Invented words, so each occurs in exactly the probe article(s) that carry it.
ID_BODY_WORD = "zorbuxtamo"  # only in the Indonesian probe's body
EN_SUMMARY_WORD = "glimmerquoll"  # only in that article's English translated summary
SHARED_WORD = "brambleworth"  # in three English probes with different actors
XSS_SLUG = "probe-hostile-markup"
ID_SLUG = "probe-nelayan-menolak-tambang"
SHARED_SLUGS = ("probe-shared-one", "probe-shared-two", "probe-shared-three")
# Every payload tries to set window.__xss (or open a dialog): nothing may run.
XSS_BODY = """\
The paragraph before the hostile markup.

<script>window.__xss = "script"</script>

<img src="missing.png" onerror="window.__xss = 'onerror'; alert('onerror')">

[A markdown link](javascript:window.__xss='markdown-link')

<a href="javascript:window.__xss='raw-link'">A raw link</a>

<svg onload="window.__xss = 'svg'"></svg>

<iframe src="javascript:window.__xss='iframe'"></iframe>

<p style="background:url(javascript:alert(1))" onmouseover="window.__xss='hover'">Hover</p>

The paragraph after the hostile markup.
"""
XSS_TITLE = "Hostile </script><script>window.__xss='title'</script> markup"


def require_chromium() -> Path:
    """Chromium's path, or skip (fail when $CI is set: CI must run the browser tests)."""
    path = chromium_path()
    if path is None:
        reason = "Chromium not found at /usr/bin/chromium: run `make browser`"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def require_tool(missing: str | None) -> None:
    """Skip (fail under $CI) when an npm/java tool is absent."""
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)


def source_content() -> Path:
    """The repository's content when it has articles, else the test fixture site."""
    repo = ROOT / "content"
    if any((repo / "articles").rglob("*.md")):
        return repo
    fixture = ROOT / "tests" / "fixtures" / "site"
    if (fixture / "actors.yml").is_file():
        return fixture
    return ROOT / "tests" / "fixtures" / "content"  # registries only


@dataclass(frozen=True)
class Probe:
    """What the probe articles contain, for the tests to look for."""

    actor_a: dict  # registry entries
    actor_b: dict
    id_title: str
    id_title_en: str


def write_article(path: Path, meta: dict, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{head}---\n\n{body}", encoding="utf-8")


def write_probes(content: Path, hostile: bool = True) -> Probe:
    """Add the probe articles to ``content`` (a copy), using its own registries.

    ``hostile`` adds the article whose markup tries to run script.
    """
    actors = yaml.safe_load((content / "actors.yml").read_text(encoding="utf-8"))
    topics = yaml.safe_load((content / "topics.yml").read_text(encoding="utf-8"))
    a, b = actors[0], actors[1]
    topic = topics[0]["id"]
    folder = content / "articles" / "2021"
    probe = Probe(actor_a=a, actor_b=b, id_title="Nelayan menolak tambang pasir di pesisir",
                  id_title_en="Fishermen reject sand mining on the coast")
    source = {"name": "Probe News", "url": "https://probe.example/"}
    write_article(folder / f"{ID_SLUG}.md", {
        "title": probe.id_title, "date": "2021-06-20", "lang": "id",
        "source": {**source, "url": source["url"] + ID_SLUG}, "topics": [topic],
        "actors": [a["id"]],
        "summary": "Para nelayan menolak rencana tambang pasir laut.",
        "translations": {"en": {"title": probe.id_title_en, "by": "editor",
                                "summary": "Fishermen rejected the sand mining plan, "
                                           f"calling it a {EN_SUMMARY_WORD} of the coast."}},
        "status": "published"},
        f"Para nelayan di pesisir menolak rencana tambang pasir laut. Warga menyebut "
        f"proyek itu {ID_BODY_WORD} yang merusak terumbu karang.\n\n"
        f"{a['name']} belum memberikan tanggapan.\n")
    for slug, cast in zip(SHARED_SLUGS, ([a], [a, b], [b]), strict=True):
        write_article(folder / f"{slug}.md", {
            "title": f"Shared probe {slug.rsplit('-', 1)[1]}", "date": "2021-06-19",
            "lang": "en", "source": {**source, "url": source["url"] + slug},
            "topics": [topic], "actors": [c["id"] for c in cast],
            "summary": f"A probe about {SHARED_WORD}.", "status": "published"},
            f"This probe mentions {SHARED_WORD} and "
            f"{' and '.join(c['name'] for c in cast)}.\n")
    if not hostile:
        return probe
    write_article(folder / f"{XSS_SLUG}.md", {
        "title": XSS_TITLE, "date": "2021-06-18", "lang": "en",
        "source": {**source, "url": source["url"] + XSS_SLUG}, "topics": [topic],
        "actors": [a["id"]],
        "summary": "</script><script>window.__xss='summary'</script> A hostile summary.",
        "status": "published"}, XSS_BODY)
    return probe


@dataclass(frozen=True)
class BuiltSite:
    output: Path
    content: Path
    probe: Probe


def build_test_site(workdir: Path, hostile: bool = True,
                    extra: Callable[[Path], None] | None = None) -> BuiltSite:
    """Copy the content, add the probes (and what ``extra`` writes into the content
    folder), build with `digest build` (with search)."""
    from digest.cli import main

    content = workdir / "content"
    shutil.copytree(source_content(), content)
    probe = write_probes(content, hostile)
    if extra is not None:
        extra(content)
    (workdir / "digest.toml").write_text(DIGEST_TOML, encoding="utf-8")
    output = workdir / "output"
    status = main(["--config", str(workdir / "digest.toml"), "build", "--content", str(content),
                   "--output", str(output)])
    if status != 0 or not (output / "index.html").is_file():
        pytest.fail(f"`digest build` failed with status {status} (see the captured stderr)")
    return BuiltSite(output=output, content=content, probe=probe)
