"""Markdown to safe HTML for article bodies and summaries.

markdown-it-py with raw HTML disabled (it is shown as text), script-capable link
schemes refused, headings moved one level down (the page's title is the only h1),
and images turned into links (no third-party requests from a page). The result
still passes through the HTML sanitiser: defence in depth.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

try:  # the project's shared sanitiser (nh3 allow-list)
    from ..sanitize import sanitize_html as _sanitize
except ImportError:  # pragma: no cover - until digest.sanitize lands
    import nh3

    def _sanitize(html: str) -> str:
        return nh3.clean(html, link_rel="noopener noreferrer nofollow")

# Browsers strip these characters before reading a scheme ("java\tscript:").
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data|file):", re.IGNORECASE)


def validate_link(url: str) -> bool:
    """Refuse links that could run code or embed content."""
    return not _BAD_SCHEME.match(_IGNORED.sub("", url))


def _demote_headings(state: StateCore) -> None:
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"


def _image_as_link(self: RendererHTML, tokens: Sequence[Token], idx: int,
                   options: OptionsDict, env: EnvType) -> str:
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env) or "image"
    src = escapeHtml(str(token.attrGet("src") or ""))
    return f'<a href="{src}">[{escapeHtml(alt)}]</a>'


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.validateLink = validate_link  # type: ignore[method-assign]
    md.core.ruler.push("demote_headings", _demote_headings)
    md.add_render_rule("image", _image_as_link)
    return md


def render(text: str) -> str:
    """Markdown → sanitised HTML."""
    return _sanitize(_parser().render(text))


def plain(text: str) -> str:
    """The text of Markdown without its markup, for meta descriptions and feeds."""
    tokens = _parser().parse(text)
    parts: list[str] = []
    for token in tokens:
        if token.type == "inline" and token.children:
            parts.append("".join(_child_text(c) for c in token.children))
    return " ".join(" ".join(parts).split())


def _child_text(token: Any) -> str:
    if token.type in ("text", "code_inline"):
        return str(token.content)
    if token.type in ("softbreak", "hardbreak"):
        return " "
    return ""
