"""Change a few top-level keys of an article file by editing their lines only: every
other byte (the editor's comments, quoting, key order, the body) stays as it was.

Then the ``machine:`` stamp is rewritten for the file as it now reads and the checksum
renewed, so the fields digest owns stay digest's (see ``ownership``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .frontmatter import dump_yaml
from .ownership import STAMP_KEY, stamp_line
from .write import CHECKSUM_KEY, restamp

_FENCES = ("---", "...")


def _bounds(lines: list[str]) -> int:
    if not lines or lines[0].lstrip("\ufeff").rstrip() != "---":
        raise ValueError("no front matter")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _FENCES), None)
    if end is None:
        raise ValueError("front matter is not closed")
    return end


def _span(lines: list[str], key: str, end: int) -> tuple[int, int] | None:
    """Lines ``[start, stop)`` of top-level ``key`` and its indented continuation."""
    pattern = re.compile(rf"{re.escape(key)}\s*:")
    at = next((i for i in range(1, end) if pattern.match(lines[i])), None)
    if at is None:
        return None
    stop = at + 1
    while stop < end and (lines[stop][:1] in (" ", "\t", "-") or not lines[stop].strip()):
        if lines[stop][:1] == "-" and not lines[at].rstrip().endswith(":"):
            break
        stop += 1
    while stop > at + 1 and not lines[stop - 1].strip():
        stop -= 1  # blank lines belong to what follows
    return at, stop


def set_keys(text: str, values: Mapping[str, Any], stamp: Mapping[str, str] | None = None
             ) -> str:
    """``text`` with each key of ``values`` set (``None`` removes it) and, when given, the
    ``machine:`` stamp replaced; the checksum is renewed when a stamp is given."""
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    cr = "\r" if newline == "\r\n" else ""
    lines = text.split("\n")
    changes: dict[str, Any] = dict(values)
    if stamp is not None:
        changes[STAMP_KEY] = stamp
    for key, value in changes.items():
        end = _bounds(lines)
        if key == STAMP_KEY:
            new = [stamp_line(value)]
        elif value is None:
            new = []
        else:
            new = dump_yaml({key: value}).rstrip("\n").split("\n")
        new = [line + cr for line in new]
        span = _span(lines, key, end)
        if span is not None:
            lines[span[0]:span[1]] = new
            continue
        if not new:
            continue
        # New keys go before digest's own lines (stamp, checksum), else at the end.
        ours = (STAMP_KEY, CHECKSUM_KEY) if key != STAMP_KEY else (CHECKSUM_KEY,)
        at = next((i for i in range(1, end)
                   if any(re.match(rf"{k}\s*:", lines[i]) for k in ours)), end)
        lines[at:at] = new
    edited = "\n".join(lines)
    return restamp(edited) if stamp is not None else edited
