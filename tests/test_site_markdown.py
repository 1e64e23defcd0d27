"""Article Markdown renders to safe HTML."""

from __future__ import annotations

import pytest

from digest.site.markdown import plain, render, validate_link


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)",
    " javascript:x", "vbscript:x", "data:text/html,<script>x</script>", "file:///etc/passwd"])
def test_script_capable_links_refused(url: str) -> None:
    assert not validate_link(url)


@pytest.mark.parametrize("url", ["https://example.org/", "http://x", "mailto:a@b.c", "/p/"])
def test_ordinary_links_kept(url: str) -> None:
    assert validate_link(url)


def test_raw_html_is_text() -> None:
    out = render('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">')
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "&lt;img" in out


def test_links_and_images() -> None:
    out = render("[bad](javascript:alert(1)) [ok](https://e.org) ![pic](https://e.org/i.png)")
    assert 'href="javascript' not in out
    assert '<a href="https://e.org"' in out
    assert "<img" not in out and '<a href="https://e.org/i.png"' in out and "[pic]" in out


def test_headings_move_below_the_page_title_and_tables_render() -> None:
    out = render("# Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "<h2>Heading</h2>" in out and "<h1" not in out
    assert "<table>" in out and "<td>1</td>" in out


def test_plain_text() -> None:
    assert plain("Hello *world*\nand [a link](https://e.org)") == "Hello world and a link"
