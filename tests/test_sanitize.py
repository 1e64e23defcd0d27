"""HTML allow-list and Markdown escaping against classic XSS payloads."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from digest.sanitize import (
    escape_markdown_inline,
    escape_markdown_line_starts,
    escape_table_cell,
    sanitize_html,
)

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<p style="width: expression(alert(1))">x</p>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>@import 'https://evil.example/x.css';</style>",
    '<body onload="alert(1)">x</body>',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<details open ontoggle="alert(1)">x</details>',
    '<a href="#" onclick="alert(1)">x</a>',
    "<!--<img src=x onerror=alert(1)>-->",
]
# What must never appear in sanitized output, case-insensitively.
DANGER = re.compile(r"<script|<iframe|<object|<embed|<svg|<style|<form|<meta|<base|<math|"
                    r"\son\w+\s*=|javascript:|vbscript:|data:|expression\(", re.IGNORECASE)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sanitize_html_removes_script_vectors(payload):
    cleaned = sanitize_html(payload)
    assert DANGER.search(cleaned) is None, cleaned


def test_sanitize_html_keeps_article_markup():
    html = ('<h2 id="x">Heading</h2><p lang="ar" dir="rtl">نص <strong>b</strong> <em>i</em></p>'
            '<blockquote><p>q</p></blockquote><ul><li>one</li></ul>'
            '<table><thead><tr><th style="text-align:right">h</th></tr></thead>'
            '<tbody><tr><td>c</td></tr></tbody></table>')
    assert sanitize_html(html) == html


def test_links_keep_safe_schemes_and_get_rel():
    cleaned = sanitize_html('<a href="https://example.org/a?b=1&amp;c=2">w</a>'
                            '<a href="mailto:desk@example.org">m</a><a href="/topics/x/">r</a>')
    assert cleaned == (
        '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener">w</a>'
        '<a href="mailto:desk@example.org" rel="nofollow noopener">m</a>'
        '<a href="/topics/x/" rel="nofollow noopener">r</a>'
    )


def test_script_content_is_dropped_not_shown():
    assert sanitize_html("<p>a<script>alert(1)</script>b</p>") == "<p>ab</p>"
    # Style keeps only text-align: the rest of an inline style is gone.
    assert sanitize_html('<td style="text-align:left;background:red">x</td>').count("red") == 0


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "<https://evil.example>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "`code` and *emphasis* and __strong__ and ~~gone~~",
    "[ref]: javascript:alert(1)",
])
def test_escaped_inline_text_renders_as_the_same_text(text):
    html = MarkdownIt("commonmark").render(escape_markdown_inline(text))
    assert html == "<p>" + (text.replace("&", "&amp;").replace("<", "&lt;")
                            .replace(">", "&gt;").replace('"', "&quot;")) + "</p>\n"


def test_underscores_inside_words_stay_readable():
    assert escape_markdown_inline("snake_case and _lead") == "snake_case and \\_lead"


@pytest.mark.parametrize(("line", "escaped"), [
    ("# not a heading", "\\# not a heading"),
    ("### nor this", "\\### nor this"),
    ("> not a quote", "\\> not a quote"),
    ("- not a list", "\\- not a list"),
    ("+ not a list", "\\+ not a list"),
    ("* not a list", "\\* not a list"),
    ("1. not a list", "1\\. not a list"),
    ("2019) not a list", "2019\\) not a list"),
    ("===", "\\==="),
    ("---", "\\---"),
    ("```", "\\```"),
    ("<div>", "\\<div>"),
    ("    indented code", "indented code"),
    ("plain line", "plain line"),
    ("1.5 million is a number", "1.5 million is a number"),
])
def test_line_starts(line, escaped):
    assert escape_markdown_line_starts(line) == escaped


def test_every_line_of_escaped_text_is_a_paragraph_line():
    text = "# a\n> b\n- c\n1. d\n    e\n===\n<script>"
    html = MarkdownIt("commonmark").render(
        escape_markdown_line_starts(escape_markdown_inline(text)))
    assert html.count("<p>") == 1
    for tag in ("<h1", "<h2", "<blockquote", "<ul", "<ol", "<pre", "<hr", "<script"):
        assert tag not in html


def test_table_cells_escape_pipes():
    assert escape_table_cell("a | b") == "a \\| b"
