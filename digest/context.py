"""What every stage may read: settings, registries and run options (a leaf module:
stages import it, and it imports no stage)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .config import Config
from .registry import Registries


@dataclass
class Context:
    """What every stage may read: settings, registries, and run options."""

    config: Config
    registries: Registries
    today: dt.date = field(default_factory=dt.date.today)
    date: dt.date | None = None  # --date: used when the text has none
    lang: str | None = None  # --lang: skips identification
    source_name: str | None = None
    source_url: str | None = None
    # Built lazily by the stages that need them (automata, detectors) and reused.
    cache: dict[str, object] = field(default_factory=dict)
