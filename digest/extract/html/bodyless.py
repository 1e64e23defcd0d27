"""Pages whose text the parser leaves in ``<head>``.

A page saved without ``<body>`` whose first content element is one libxml2 does not know
as body content (``<article>``, ``<main>``, ``<section>``, ``<header>``: HTML5 elements)
is parsed with everything under ``<head>``; dropping the head before extraction would
drop the article. What is not head material moves to the body, in order.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

# What belongs in <head>; everything else found there is page content.
HEAD_TAGS = frozenset({"title", "meta", "link", "base", "style", "script", "noscript",
                       "template"})


def lift_head_content(tree: HtmlElement) -> int:
    """Move the content elements found in ``<head>`` to the start of ``<body>`` (made if
    missing); how many moved."""
    root = tree.getroottree().getroot()
    head = root.find("head")
    if head is None:
        return 0
    moving = [child for child in head if isinstance(child.tag, str)
              and child.tag not in HEAD_TAGS]
    if not moving:
        return 0
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    for index, element in enumerate(moving):
        body.insert(index, element)  # moves it, tail text with it
    return len(moving)
