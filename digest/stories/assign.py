"""Stories for a set of articles: features, then clustering seeded by the stored ids.

The one entry point for commands (``digest stories``, and ``digest ingest`` for a new
article: pass the corpus plus the new article; it joins a story or starts one).
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass

from ..article import Article
from ..enrich.matcher import PhraseMatcher
from ..registry import Registries
from .cluster import Params, cluster
from .corpus import day_of
from .features import Features, extract
from .ids import new_id


def actor_matcher(registries: Registries | None) -> PhraseMatcher[str] | None:
    if registries is None or not registries.actors:
        return None
    actors = registries.actors
    # As in tagging: only a country's one-word name may carry an Arabic preposition.
    return PhraseMatcher(((name, a.id) for a in actors.values() for name in a.all_names),
                         proclitics=lambda ident: actors[ident].kind == "state")


@dataclass
class Assigned:
    stories: list[str]  # per article, in the order given
    new: list[bool]  # True where the article had no story and was given one


def features_of(articles: Sequence[Article], registries: Registries | None) -> list[Features]:
    matcher = actor_matcher(registries)
    kinds = {a.id: a.kind for a in registries.actors.values()} if registries else {}
    return [extract(a, day_of(a), matcher, kinds) for a in articles]


def assign_stories(articles: Sequence[Article], stored: Sequence[str | None],
                   registries: Registries | None, taken: set[str] | None = None,
                   params: Params | None = None) -> Assigned:
    """Every article's story: its stored one, else the story it joins or starts.

    ``taken`` holds ids that must not be issued (the ledger's); every article must have
    a date.
    """
    # Millions of small dicts and tuples, none in a cycle: the cyclic collector would
    # rescan the growing heap again and again and make the run quadratic.
    enabled = gc.isenabled()
    gc.disable()
    try:
        feats = features_of(articles, registries)
        stories = cluster(feats, stored,
                          lambda i, used: new_id(articles[i], feats[i].actors, used),
                          taken=taken, params=params or Params())
    finally:
        if enabled:
            gc.enable()
    return Assigned(stories=stories, new=[s is None for s in stored])
