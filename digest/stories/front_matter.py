"""Set ``story:`` in an article file by editing one line of its text: every other byte
stays as it was. A file digest wrote and nobody changed is re-stamped, so it still
counts as untouched."""

from __future__ import annotations

import re

import yaml

from ..store.write import is_untouched, restamp

_FENCES = ("---", "...")


def _scalar(value: str) -> str:
    """``value`` as YAML reads it back as that string (quoted if it would be a number)."""
    return value if yaml.safe_load(f"k: {value}") == {"k": value} else f"'{value}'"


def set_story(text: str, story: str) -> str:
    """``text`` with a top-level ``story: <story>`` line (replaced or added before the
    ``checksum:`` line, else at the end of the front matter)."""
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    lines = text.split("\n")
    start = 0
    if not lines or lines[0].lstrip("\ufeff").rstrip() != "---":
        raise ValueError("no front matter")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _FENCES), None)
    if end is None:
        raise ValueError("front matter is not closed")
    new_line = f"story: {_scalar(story)}" + ("\r" if newline == "\r\n" else "")
    at = next((i for i in range(start + 1, end) if re.match(r"story\s*:", lines[i])), None)
    if at is not None:
        stop = at + 1
        while stop < end and lines[stop][:1] in (" ", "\t"):  # a value on several lines
            stop += 1
        lines[at:stop] = [new_line]
    else:
        stamp = next((i for i in range(1, end) if lines[i].startswith("checksum:")), end)
        lines.insert(stamp, new_line)
    edited = "\n".join(lines)
    return restamp(edited) if is_untouched(text) else edited
