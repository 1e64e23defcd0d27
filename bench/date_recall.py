"""Date recall per language over the inputs labelled in bench/dates.yml: the share whose
publication day (and update stamp, where labelled) digest finds as the page shows it.

Used by ``make bench-ingest`` and held by tests/test_dates_wording.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from digest.article import Article
from digest.commands.ingest import enriched_by_input
from digest.context import Context

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "dates.yml"


@dataclass
class Outcome:
    origin: str
    lang: str
    expected: Any
    found: Any
    updated_expected: Any = None
    updated_found: Any = None

    @property
    def right(self) -> bool:
        if self.expected == "none":
            return self.found is None
        day = self.found.date() if isinstance(self.found, dt.datetime) else self.found
        if day != self.expected:
            return False
        return self.updated_expected is None or self.updated_found == self.updated_expected


def labels() -> dict[str, dict[str, Any]]:
    return dict(yaml.safe_load(LABELS.read_text(encoding="utf-8")))


def outcomes(ctx: Context) -> list[Outcome]:
    """One outcome per labelled input (or feed entry), in the file's order."""
    wanted = labels()
    inputs = list(dict.fromkeys(k.split(" entry ")[0] for k in wanted))
    found: dict[str, Article | None] = {}
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        for item, result in enriched_by_input([str(ROOT / i) for i in inputs], ctx, "dates"):
            origin = getattr(result, "origin", item) or item
            key = str(Path(origin.split(" entry ")[0]).resolve().relative_to(ROOT))
            if " entry " in origin:
                key += " entry " + origin.split(" entry ")[1]
            found[key] = result if isinstance(result, Article) else None
    out = []
    for key, label in wanted.items():
        article = found.get(key)
        out.append(Outcome(key, label["lang"], label["date"],
                           article.date if article else None,
                           label.get("updated"), article.updated if article else None))
    return out


def recall_by_language(results: list[Outcome]) -> dict[str, tuple[int, int]]:
    """language -> (right, labelled)."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for outcome in results:
        table[outcome.lang][0] += outcome.right
        table[outcome.lang][1] += 1
    return {lang: (right, total) for lang, (right, total) in sorted(table.items())}
