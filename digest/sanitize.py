"""Safety helpers for untrusted text: Markdown escaping and an HTML allow-list.

Scraped pages are hostile input. Every extractor writes a page's plain text into
Markdown through ``escape_markdown_text`` (the inline and line-start escapes together) so
that nothing in a page becomes markup and the site shows its characters as written; the
site's Markdown renderer passes every rendered body through ``sanitize_html`` so that
even an editor's raw HTML cannot become script.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3

# Article markup: what Markdown (with tables, footnotes, definition lists) renders to.
ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "section", "small",
    "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul",
})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"lang", "dir", "title", "id", "class"},
    "a": {"href"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "time": {"datetime"},
}
# Markdown tables align cells with style="text-align: …"; nothing else in CSS is kept.
ALLOWED_STYLE_PROPERTIES = frozenset({"text-align"})
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Their content is dropped with the tag: the text of a script is not article text.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe",
                                  "object", "embed", "svg", "math", "textarea", "select"})


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="nofollow noopener",
        filter_style_properties=set(ALLOWED_STYLE_PROPERTIES),
        strip_comments=True,
    )


def sanitize_html(html: str) -> str:
    """Keep only article markup: an allow-list of tags and attributes, and links/images
    whose URL is relative or http, https or mailto (``javascript:``, ``data:`` and their
    encoded spellings are dropped). Links get ``rel="nofollow noopener"``."""
    return _cleaner().clean(html)


# Characters with inline meaning in CommonMark (and GFM strikethrough): emphasis, code
# spans, links/images, autolinks and raw HTML. "&" only matters before an entity name.
_INLINE_SPECIAL = re.compile(r"([\\`*\[\]<~])|&(?=#?\w+;)|(?<![^\W_])_|_(?![^\W_])")
_TABLE_CELL_SPECIAL = re.compile(r"\|")


def escape_markdown_inline(text: str) -> str:
    """Escape the characters that would turn plain text into Markdown or HTML markup.

    Underscores between letters or digits ("snake_case") are left alone: CommonMark never reads them
    as emphasis, and escaping them would only clutter the file editors read.
    """
    return _INLINE_SPECIAL.sub(lambda m: "\\" + m.group(0), text)


def escape_table_cell(text: str) -> str:
    """Inline escaping plus the pipe, which would end a table cell."""
    return _TABLE_CELL_SPECIAL.sub(r"\\|", escape_markdown_inline(text))


# A line that starts a block by its first characters: ATX heading, block quote, list item
# (bullet or ordered), thematic break or setext underline, fenced code, HTML block.
_LINE_START = re.compile(
    r"^(?P<indent>[ \t]*)(?:"
    r"(?P<mark>#{1,6}|>|[-+*=_~`<])"  # a marker character at the start
    r"|(?P<digits>\d{1,9})(?P<dot>[.)])(?=\s|$)"  # "1. " / "1) " ordered list
    r")"
)


def escape_markdown_line_starts(text: str) -> str:
    """Make every line of ``text`` read as paragraph text, never as a block construct.

    Leading indentation is dropped (four spaces would open a code block), and a leading
    marker (``#``, ``>``, ``-``, ``+``, ``*``, ``=``, ``1.`` …) is backslash-escaped.
    Already-escaped markers are left as they are.
    """
    lines = []
    for line in text.split("\n"):
        match = _LINE_START.match(line)
        if match is None:
            lines.append(line.lstrip())
        elif match.group("mark"):
            rest = line[match.end("indent"):]
            lines.append("\\" + rest)
        else:
            digits = match.group("digits")
            rest = line[match.end("dot"):]
            lines.append(f"{digits}\\{match.group('dot')}{rest}")
    return "\n".join(lines)


_LINE_BREAKS = re.compile(r"\r\n?")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


def escape_markdown_text(text: str) -> str:
    """Plain text (a paragraph, a list item's text) as Markdown that renders to exactly
    that text: no emphasis, link, heading, list, code, HTML, entity, table or line break
    of its own. tests/test_text_is_text.py holds it to that on random text.

    Spaces ending a line would be a hard break, and lines with pipes a table: both are
    made plain (pipes only when the text has several lines, as a table needs)."""
    text = _TRAILING_SPACE.sub("", _LINE_BREAKS.sub("\n", text))
    text = escape_markdown_inline(text)
    if "\n" in text:
        text = _TABLE_CELL_SPECIAL.sub(r"\\|", text)
    return escape_markdown_line_starts(text)
