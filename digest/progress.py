"""A progress bar on stderr for long runs, and nothing at all otherwise."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

MIN_ITEMS = 20  # shorter runs finish before a bar would help


def progress(items: Iterable[T], total: int, desc: str) -> Iterator[T]:
    """``items``, with a tqdm bar when stderr is a terminal and the run is long."""
    if total <= MIN_ITEMS or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    # leave=False: the per-article lines on stdout are the lasting record.
    yield from tqdm(items, total=total, desc=desc, unit="input", file=sys.stderr, leave=False)
