"""What every stage of a run may read: settings, registries, run options, shared caches.

A leaf: it imports no stage, so stages, extractors and translators can all take it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar, cast

from .config import Config
from .registry import Registries

T = TypeVar("T")


@dataclass
class Context:
    config: Config
    registries: Registries
    today: dt.date = field(default_factory=dt.date.today)
    date: dt.date | None = None  # --date: used when the text has none
    lang: str | None = None  # --lang: skips identification
    source_name: str | None = None
    source_url: str | None = None
    # Costly objects (automata, detectors, backends) built once per run by whoever needs
    # them, under a key naming their owner ("actors", "translate.backend"); see ``memo``.
    cache: dict[str, object] = field(default_factory=dict)

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """The object kept under ``key``, made by ``make()`` on first use."""
        try:
            return cast(T, self.cache[key])
        except KeyError:
            made = self.cache[key] = make()
            return made
