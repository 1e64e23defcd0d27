"""Every grouping the site's pages need, computed once in linear passes.

At 10,000 articles anything quadratic in the number of articles shows: each
grouping here walks the article list once (co-occurrence is quadratic only in the
handful of actors one article names).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..registry import ACTOR_KINDS, Registries
from ..text.fold import fold

Item = Any  # a Pelican Article with the digest reader's metadata


@dataclass
class Week:
    year: int
    number: int
    monday: dt.date
    articles: list[Item]


@dataclass
class Month:
    first: dt.date  # the first day of the month
    weeks: list[Week]

    @property
    def anchor(self) -> str:
        return f"m-{self.first:%Y-%m}"

    @property
    def count(self) -> int:
        return sum(len(w.articles) for w in self.weeks)


@dataclass
class Digest:
    articles: list[Item]  # newest first
    by_topic: dict[str, list[Item]] = field(default_factory=dict)
    by_actor: dict[str, list[Item]] = field(default_factory=dict)
    by_lang: dict[str, list[Item]] = field(default_factory=dict)
    related: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    timeline: dict[str, list[tuple[dt.date, int]]] = field(default_factory=dict)
    archive: list[Month] = field(default_factory=list)
    home: list[tuple[str | None, list[Item]]] = field(default_factory=list)
    actor_kinds: list[tuple[str, list[str]]] = field(default_factory=list)


def _day(item: Item) -> dt.date:
    day: dt.date = item.date.date()
    return day


def newest_first(articles: list[Item]) -> list[Item]:
    # The slug breaks ties so the order (and the output) never depends on file order.
    return sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)


def build(articles: list[Item], registries: Registries, *, home_days: int = 7,
          home_max: int = 60, home_min: int = 12, related_max: int = 8) -> Digest:
    ordered = newest_first(articles)
    digest = Digest(articles=ordered)
    by_topic: dict[str, list[Item]] = defaultdict(list)
    by_actor: dict[str, list[Item]] = defaultdict(list)
    by_lang: dict[str, list[Item]] = defaultdict(list)
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    months: dict[str, Counter[dt.date]] = defaultdict(Counter)
    for item in ordered:
        by_lang[item.lang].append(item)
        for topic in item.topics:
            by_topic[topic.slug].append(item)
        ids = list(dict.fromkeys(a.slug for a in item.actors))
        month = _day(item).replace(day=1)
        for ident in ids:
            by_actor[ident].append(item)
            months[ident][month] += 1
            for other in ids:
                if other != ident:
                    pairs[ident][other] += 1
    digest.by_topic = dict(by_topic)
    digest.by_actor = dict(by_actor)
    digest.by_lang = dict(sorted(by_lang.items()))
    names = {a.id: fold(a.name) for a in registries.actors.values()}
    digest.related = {
        ident: sorted(counts.items(), key=lambda kv: (-kv[1], names.get(kv[0], kv[0])))[
            :related_max]
        for ident, counts in pairs.items()
    }
    digest.timeline = {ident: sorted(c.items(), reverse=True) for ident, c in months.items()}
    digest.archive = _archive(ordered)
    digest.home = _home(ordered, registries, home_days, home_min, home_max)
    kinds: dict[str, list[str]] = defaultdict(list)
    for ident in sorted(by_actor, key=lambda i: (names.get(i, i), i)):
        kinds[registries.actors[ident].kind].append(ident)
    digest.actor_kinds = [(k, kinds[k]) for k in ACTOR_KINDS if kinds.get(k)]
    return digest


def _archive(ordered: list[Item]) -> list[Month]:
    months: list[Month] = []
    for item in ordered:
        day = _day(item)
        first = day.replace(day=1)
        if not months or months[-1].first != first:
            months.append(Month(first=first, weeks=[]))
        year, week, weekday = day.isocalendar()
        weeks = months[-1].weeks
        if not weeks or (weeks[-1].year, weeks[-1].number) != (year, week):
            weeks.append(Week(year, week, day - dt.timedelta(days=weekday - 1), []))
        weeks[-1].articles.append(item)
    return months


def _home(ordered: list[Item], registries: Registries, days: int, minimum: int,
          limit: int) -> list[tuple[str | None, list[Item]]]:
    """The latest digest: the newest ``days`` days of articles, by topic; never fewer than
    ``minimum`` articles (a quiet week still shows a digest) nor more than ``limit``.

    The window ends at the newest article, not today, so the same content always
    gives the same home page.
    """
    if not ordered:
        return []
    since = _day(ordered[0]) - dt.timedelta(days=days - 1)
    latest = [a for i, a in enumerate(ordered[:limit]) if i < minimum or _day(a) >= since]
    groups: dict[str | None, list[Item]] = defaultdict(list)
    for item in latest:
        groups[item.topics[0].slug if item.topics else None].append(item)
    order = {ident: i for i, ident in enumerate(registries.topics)}
    keys = sorted(groups, key=lambda k: (k is None, order.get(k or "", 0)))
    return [(k, groups[k]) for k in keys]
