"""The close of an extracted body: sign-offs, credit lines and the outlet's own notices.

After the last paragraph, pages carry lines that are not article text: credit lines
("Pewarta: …", "Source: …"), reporters' initials ("(raf/ita)"), an agency sign-off in
capitals ("-- WARTA NASIONAL"), a copyright line, a heading left with nothing under it,
and notices in which the outlet speaks of itself (newsletter prompts, "follow us").
They are found by their shape, not by their words, so the rules hold in any language;
each was measured on the extraction benchmark (bench/extract_bench.py).
"""

from __future__ import annotations

import re

# How many closing blocks may go, and how long a sign-off line may be.
TAIL_BLOCKS = 3
SIGN_OFF_LINE = 100
# A closing notice of the outlet is at most this long.
NOTICE_CHARS = 300
# Capitals-only lines longer than this are text set in capitals, not a sign-off.
CAPS_WORDS = 6

SENTENCE_END = re.compile(r"[.!?。؟।…:][\"'”’»)\]]*$")
# "Label: value" with a label of one to three words: "Pewarta: Anita", "Photo credit: X".
CREDIT = re.compile(r"^[^\W\d_][\w'’.-]*(?: [\w'’.-]+){0,2} ?:\s*\S")
_INITIALS = r"\(\s*[^\W\d_]{1,6}(?:\s*[/,;-]\s*[^\W\d_]{1,6})*\s*\)"
INITIALS = re.compile(_INITIALS)
# Initials closing the last paragraph, after its final sentence: "… mendatang. (raf/ita)".
TRAILING_INITIALS = re.compile(r"(?<=[.!?\"'”’»])\s*" + _INITIALS + r"$")
COPYRIGHT = re.compile(r"[©ⓒ]|\(c\)|\bcopyright\b", re.IGNORECASE)
ESCAPE = re.compile(r"\\(.)")


def _plain(line: str) -> str:
    """A Markdown line as the reader sees it: escapes removed."""
    return ESCAPE.sub(r"\1", line).strip()


def _in_capitals(line: str) -> bool:
    cased = [c for c in line if c.lower() != c.upper()]
    return bool(cased) and all(c.isupper() for c in cased) and len(line.split()) <= CAPS_WORDS


def is_sign_off_line(line: str) -> bool:
    """A short line that is not a sentence: credit line, initials, capitals, copyright,
    or a rule ("___")."""
    if len(line) > SIGN_OFF_LINE:
        return False
    if COPYRIGHT.search(line):
        return True
    if SENTENCE_END.search(line):
        return False
    return (not any(c.isalnum() for c in line) or INITIALS.fullmatch(line) is not None
            or CREDIT.match(line) is not None or _in_capitals(line))


def is_sign_off(block: str) -> bool:
    """A closing block that is not article text: a heading with nothing under it, or
    lines that are all sign-off lines."""
    if block.startswith("#"):
        return True
    lines = [_plain(line) for line in block.split("\n") if line.strip()]
    return bool(lines) and all(map(is_sign_off_line, lines))


def names_outlet(block: str, site_name: str | None) -> bool:
    """A short block naming the outlet: the outlet speaking of itself (newsletter prompt,
    "follow us", contributor note). Case-sensitive, so a common word that is also a site's
    name ("Hosted") does not count; names with fewer than three letters ("U.S.") are not
    distinctive enough."""
    if not site_name or sum(c.isalpha() for c in site_name) < 3 or len(block) > NOTICE_CHARS:
        return False
    return re.search(r"(?<!\w)" + re.escape(site_name) + r"(?!\w)", _plain(block)) is not None


def drop_tail(blocks: list[str], site_name: str | None = None) -> list[str]:
    """``blocks`` without the sign-offs that close them and at most one outlet notice
    (TAIL_BLOCKS blocks at most; the first block always stays), and without initials
    ending the last paragraph. One notice only: an article's own closing paragraphs may
    name the outlet too ("… told Fox News"), and they come in runs."""
    kept = list(blocks)
    notice = False
    while len(kept) > 1 and len(blocks) - len(kept) < TAIL_BLOCKS:
        if is_sign_off(kept[-1]):
            kept.pop()
        elif not notice and names_outlet(kept[-1], site_name):
            kept.pop()
            notice = True
        else:
            break
    if kept:
        kept[-1] = TRAILING_INITIALS.sub("", kept[-1])
    return kept
