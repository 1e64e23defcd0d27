"""URL slugs from titles: ASCII, ``[a-z0-9-]``, at most 80 characters, never empty."""

from __future__ import annotations

import hashlib
import re

from unidecode import unidecode

MAX_LENGTH = 80


def slugify(title: str, max_length: int = MAX_LENGTH) -> str:
    """``"Pemimpin Hamas … ‘Kemenangan Puncak’"`` → ``"pemimpin-hamas-…-kemenangan-puncak"``.

    Unidecode transliterates every script (Arabic, Cyrillic, CJK…) to ASCII; what
    still leaves nothing (emoji, punctuation) becomes a short hash of the title.
    """
    ascii_text = unidecode(title).lower().replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length + 1]
        # Cut at a word boundary when one is not too far back.
        slug = cut.rsplit("-", 1)[0] if "-" in cut[max_length // 2:] else cut[:max_length]
        slug = slug.strip("-")
    if not slug:
        slug = "article-" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:8]
    return slug
