"""Re-run the registry-driven stages (via, actors, topics) over a stored article.

Each key digest owns takes the value the stages give today; a key the editor owns keeps
its value (reported when digest would have written something else). A key whose owner
is unknown (a file stamped before fields were) is adopted when today's value equals the
file's, and otherwise kept as the editor's.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..article import Article
from ..context import Context
from ..store.ownership import Ownership
from .actors import tag_actors
from .topics import tag_topics
from .via import find_via

KEYS = ("via", "actors", "topics")


@dataclass
class Retagged:
    article: Article  # with the new values of the keys digest owns
    owner: Ownership  # the file's ownership, the three keys settled
    changed: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)  # old, new
    kept: dict[str, list[str]] = field(default_factory=dict)  # editor's key -> digest's value


def retag(article: Article, owner: Ownership, ctx: Context) -> Retagged:
    owned = dict(owner.machine)
    work = replace(article, via=list(article.via), actors=list(article.actors),
                   topics=list(article.topics))
    result = Retagged(work, owner)
    for key, stage in (("via", find_via), ("actors", tag_actors), ("topics", tag_topics)):
        old: list[str] = list(getattr(article, key))
        setattr(work, key, [])
        fresh: list[str] = list(getattr(stage(work, ctx), key))
        mine = owned.get(key)
        if mine is None:
            mine = owned[key] = fresh == old
        if mine:
            setattr(work, key, fresh)
            if fresh != old:
                result.changed[key] = (old, fresh)
        else:
            setattr(work, key, old)
            if fresh != old:
                result.kept[key] = fresh
    result.owner = Ownership(owned)
    return result
