"""An article and its translations as versions of one another: URLs and hreflang pairs."""

from __future__ import annotations

from typing import Any


def alternates(article: Any) -> list[tuple[str, str]]:
    """(hreflang, site-relative URL) of every version of ``article``, the original first.

    The original is also ``x-default``: the version for readers of any other language.
    Every version's page lists all of them, itself included, so the links are reciprocal.
    """
    found = [(article.lang, article.url)]
    found += [(lang, t.url) for lang, t in article.translated.items()]
    return [*found, ("x-default", article.url)]
