"""Which pages go into which search bundle.

Pagefind's memory grows with the pages of one index (about 80 KB a page, the peak
coming while it writes the bundle), so a large digest is indexed as several smaller
bundles that the search page merges. Pages are grouped by when they were published:
an edit re-indexes only its own period, a new article only the newest one, and the
groups' edges do not move when pages are added elsewhere.

A digest of at most ``max_pages`` pages is one bundle. A larger one gets a bundle per
year; a year with more than ``max_pages`` pages one per quarter, then per month, then
blocks of at most ``max_pages`` pages in date order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path

ONE_BUNDLE = "all"


@dataclass(frozen=True)
class Shard:
    name: str  # "all", "2025", "2025-q3", "2025-q3-07", "2025-q3-07-2"
    pages: tuple[str, ...]  # output-relative paths, sorted


def _split(name: str, items: list[tuple[date, str]], max_pages: int,
           levels: tuple[Callable[[date], str], ...]) -> list[Shard]:
    """``items`` sorted by (date, path); split by the first level that still applies."""
    if len(items) <= max_pages:
        return [Shard(name, tuple(sorted(path for _, path in items)))]
    if not levels:  # blocks of even size: no tiny last block
        count = -(-len(items) // max_pages)
        cuts = [len(items) * i // count for i in range(count + 1)]
        return [Shard(f"{name}-{i + 1}", tuple(sorted(p for _, p in items[a:b])))
                for i, (a, b) in enumerate(pairwise(cuts))]
    key, rest = levels[0], levels[1:]
    groups: dict[str, list[tuple[date, str]]] = {}
    for item in items:
        groups.setdefault(key(item[0]), []).append(item)
    # Group names sort as their dates do within one level (q1 < q2, 01 < 02).
    return [shard for group in sorted(groups)
            for shard in _split(f"{name}-{group}", groups[group], max_pages, rest)]


def _quarter(day: date) -> str:
    return f"q{(day.month - 1) // 3 + 1}"


def _month(day: date) -> str:
    return f"{day.month:02d}"


def plan(pages: Mapping[str, date], max_pages: int) -> list[Shard]:
    """The bundles for ``pages`` (path → publication date), oldest first.

    ``max_pages`` 0 means one bundle whatever the size.
    """
    items = sorted((day, path) for path, day in pages.items())
    if max_pages <= 0 or len(items) <= max_pages:
        return [Shard(ONE_BUNDLE, tuple(sorted(pages)))]
    years: dict[int, list[tuple[date, str]]] = {}
    for item in items:
        years.setdefault(item[0].year, []).append(item)
    return [shard for year in sorted(years)
            for shard in _split(str(year), years[year], max_pages, (_quarter, _month))]


def fingerprint(root: Path, pages: Iterable[str], salt: str) -> str:
    """What a bundle is made of: its pages' paths and bytes (and the indexer, ``salt``).
    Two shards with the same fingerprint index to the same bundle."""
    digest = hashlib.sha256(salt.encode() + b"\0")
    for page in sorted(pages):
        digest.update(page.encode() + b"\0")
        digest.update(hashlib.sha256((root / page).read_bytes()).digest())
    return digest.hexdigest()
