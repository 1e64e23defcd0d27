"""Reading time of an article page, from its rendered body."""

from __future__ import annotations

import math
import re

_TAG = re.compile(r"<[^>]*>")
WORDS_PER_MINUTE = 200  # a common figure for news prose read on screen


def reading_minutes(html: str | None) -> int:
    """Whole minutes (at least one) to read ``html``'s text."""
    words = len(_TAG.sub(" ", html or "").split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
