"""Every grouping the site's pages need, computed once in linear passes.

At 10,000 articles anything quadratic in the number of articles shows: each
grouping here walks the article list once (co-occurrence is quadratic only in the
handful of actors one article names).

Stories: articles sharing a ``story:`` id form a ``Story`` once two or more of them
are built; a story of one article is no story on the site (the article stands alone,
with no story page). Listings (home, topics, actors) are lists of ``Entry``: each story
once, where its newest article would be, showing its earliest article in the listing.
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

    @property
    def by_week(self) -> bool:
        """Week headings help only in a month long enough to scroll through."""
        return self.count >= WEEK_HEADINGS_FROM


WEEK_HEADINGS_FROM = 16  # a month of fewer items reads fine without week headings


@dataclass
class Story:
    id: str
    articles: list[Item]  # oldest first: the timeline of its coverage

    @property
    def url(self) -> str:
        return f"stories/{self.id}/"

    @property
    def save_as(self) -> str:
        return f"stories/{self.id}/index.html"

    @property
    def feed(self) -> str:
        return f"feeds/stories/{self.id}.atom.xml"

    @property
    def lead(self) -> Item:
        """The first report: the story's headline and summary come from it."""
        return self.articles[0]

    @property
    def newest(self) -> Item:
        return self.articles[-1]

    @property
    def days(self) -> tuple[dt.date, dt.date]:
        """The first and last calendar day of its coverage, as its articles give them
        (an article's own time zone may put a later report on an earlier day)."""
        days = [_day(a) for a in self.articles]
        return min(days), max(days)

    @property
    def outlets(self) -> list[str]:
        return _outlets(self.articles)

    @property
    def langs(self) -> list[str]:
        return list(dict.fromkeys(a.lang for a in self.articles))

    @property
    def actors(self) -> list[Item]:
        """Every actor tagged in the story, the most often tagged first."""
        counts: Counter[str] = Counter()
        first: dict[str, Item] = {}
        for a in self.articles:
            for actor in a.actors:
                counts[actor.slug] += 1
                first.setdefault(actor.slug, actor)
        return [first[s] for s, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def lead_in(self, lang: str) -> tuple[Item, Any]:
        """The article to headline the story in ``lang`` and its translation (or None):
        the earliest written in ``lang`` or translated into it, else the lead."""
        for a in self.articles:
            if a.lang == lang:
                return a, None
            if lang in a.translated:
                return a, a.translated[lang]
        return self.lead, None

    def others(self, item: Item) -> list[Item]:
        return [a for a in self.articles if a is not item]


@dataclass
class Entry:
    """One line of a listing: an article, and the rest of its story when it has one."""

    article: Item
    story: Story | None = None

    @property
    def more(self) -> list[Item]:
        return self.story.others(self.article) if self.story else []

    @property
    def more_outlets(self) -> list[str]:
        return _outlets(self.more)


def _outlets(articles: list[Item]) -> list[str]:
    return list(dict.fromkeys(a.source.get("name") for a in articles if a.source.get("name")))


@dataclass
class Digest:
    articles: list[Item]  # newest first
    by_topic: dict[str, list[Item]] = field(default_factory=dict)
    by_actor: dict[str, list[Item]] = field(default_factory=dict)
    by_lang: dict[str, list[Item]] = field(default_factory=dict)
    related: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    timeline: dict[str, list[tuple[dt.date, int]]] = field(default_factory=dict)
    archive: list[Month] = field(default_factory=list)
    stories: dict[str, Story] = field(default_factory=dict)  # two or more articles
    story_of: dict[str, Story] = field(default_factory=dict)  # article slug -> story
    home: list[Entry] = field(default_factory=list)
    topic_entries: dict[str, list[Entry]] = field(default_factory=dict)
    actor_entries: dict[str, list[Entry]] = field(default_factory=dict)
    actor_kinds: list[tuple[str, list[str]]] = field(default_factory=list)


def _day(item: Item) -> dt.date:
    day: dt.date = item.date.date()
    return day


def newest_first(articles: list[Item]) -> list[Item]:
    # The slug breaks ties so the order (and the output) never depends on file order.
    return sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)


def build(articles: list[Item], registries: Registries, *, related_max: int = 8) -> Digest:
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
    digest.stories = stories(ordered)
    digest.story_of = {a.slug: s for s in digest.stories.values() for a in s.articles}
    digest.home = entries(ordered, digest.story_of)
    digest.topic_entries = {t: entries(items, digest.story_of) for t, items in by_topic.items()}
    digest.actor_entries = {a: entries(items, digest.story_of) for a, items in by_actor.items()}
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


def stories(ordered: list[Item]) -> dict[str, Story]:
    """Every story of two or more built articles, by id."""
    members: dict[str, list[Item]] = defaultdict(list)
    for item in reversed(ordered):  # oldest first
        if getattr(item, "story", None):
            members[item.story].append(item)
    return {sid: Story(sid, items) for sid, items in sorted(members.items()) if len(items) > 1}


def entries(items: list[Item], story_of: dict[str, Story]) -> list[Entry]:
    """``items`` (newest first) as a listing: each story once, at its newest article in
    the list, shown by its earliest article in the list."""
    earliest: dict[str, Item] = {}
    for item in items:  # the last seen is the earliest
        story = story_of.get(item.slug)
        if story:
            earliest[story.id] = item
    out: list[Entry] = []
    seen: set[str] = set()
    for item in items:
        story = story_of.get(item.slug)
        if story is None:
            out.append(Entry(item))
        elif story.id not in seen:
            seen.add(story.id)
            out.append(Entry(earliest[story.id], story))
    return out
