"""trafilatura's XML body -> Markdown blocks, written by us so that nothing escapes.

The body holds ``p``, ``head``, ``list/item``, ``quote``, ``table/row/cell``, ``code``,
``div`` with inline ``hi``, ``lb``, ``ref`` and ``graphic``. Every piece of text goes
through the escaping in ``digest.sanitize``; images, links and formatting are dropped, so
the Markdown carries no URL and no HTML from the page at all.
"""

from __future__ import annotations

import re

from lxml.etree import _Element

from ...sanitize import escape_markdown_inline, escape_markdown_text, escape_table_cell

_BLOCK_TAGS = frozenset({"p", "head", "list", "quote", "table", "code", "div", "row", "item"})
_SPACES = re.compile(r"[^\S\n]+")
_NEWLINES = re.compile(r"\s*\n\s*")


def _inline(element: _Element, keep_breaks: bool = True) -> str:
    """The text of ``element`` and everything under it, line breaks kept as newlines."""
    parts: list[str] = []

    def walk(node: _Element) -> None:
        if node.tag == "lb":
            parts.append("\n" if keep_breaks else " ")
        elif node.tag != "graphic":
            if node.text:
                parts.append(node.text)
            for child in node:
                walk(child)
                if child.tail:
                    parts.append(child.tail)
            if node.tag in _BLOCK_TAGS:
                parts.append("\n" if keep_breaks else " ")

    walk(element)
    text = _SPACES.sub(" ", "".join(parts))
    return _NEWLINES.sub("\n", text).strip()


def _paragraph(text: str) -> str:
    return escape_markdown_text(text)


def _heading(element: _Element) -> str | None:
    text = _inline(element, keep_breaks=False)
    if not text:
        return None
    rend = element.get("rend") or ""
    # The article title is the page's h1: sub-headings start at level 2.
    level = max(2, min(int(rend[1]), 4)) if rend[1:2].isdigit() else 2
    return "#" * level + " " + escape_markdown_inline(text)


def _list(element: _Element, depth: int = 0) -> list[str]:
    lines = []
    for item in element.iterfind("item"):
        nested = [child for child in item if child.tag == "list"]
        for child in nested:  # render the item's own text without its sub-list
            item.remove(child)
        text = _inline(item, keep_breaks=False)
        if text:
            # "- 1. x" would open a nested list: the item's text is escaped like a line.
            lines.append("  " * depth + "- " + _paragraph(text))
        for child in nested:
            lines.extend(_list(child, depth + 1))
    return lines


def _table(element: _Element) -> list[str]:
    rows = [[_inline(cell, keep_breaks=False) for cell in row.iterfind("cell")]
            for row in element.iterfind("row")]
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    if width == 1:  # a layout table: its cells are paragraphs
        return [_paragraph(row[0]) for row in rows if row[0]]
    lines = []
    for index, row in enumerate(rows):
        cells = [escape_table_cell(cell) for cell in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            lines.append("|" + " --- |" * width)
    return ["\n".join(lines)]


def body_blocks(body: _Element) -> list[str]:
    """Markdown blocks (paragraphs, headings, lists, quotes, tables) of an extracted body."""
    blocks: list[str] = []
    loose: list[str] = []  # inline content found directly in a container

    def flush() -> None:
        text = _SPACES.sub(" ", "".join(loose)).strip()
        if text:
            blocks.append(_paragraph(text))
        loose.clear()

    def visit(node: _Element) -> None:
        if node.text and node.text.strip():
            loose.append(node.text)
        for child in node:
            tag = child.tag
            if tag in ("div", "body"):
                flush()
                visit(child)
            elif tag in _BLOCK_TAGS:
                flush()
                if tag == "head":
                    heading = _heading(child)
                    if heading:
                        blocks.append(heading)
                elif tag == "list":
                    lines = _list(child)
                    if lines:
                        blocks.append("\n".join(lines))
                elif tag == "quote":
                    inner = body_blocks(child)
                    if inner:
                        blocks.append("\n>\n".join(
                            "\n".join("> " + line for line in block.split("\n"))
                            for block in inner))
                elif tag == "table":
                    blocks.extend(_table(child))
                else:
                    text = _inline(child)
                    if text:
                        blocks.append(_paragraph(text))
            elif tag == "lb":
                loose.append("\n")
            elif tag != "graphic":
                loose.append(_inline(child))
            if child.tail and child.tail.strip():
                loose.append(child.tail)
        flush()

    visit(body)
    return blocks
