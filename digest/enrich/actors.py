"""Stage: the registry actors an article mentions, most salient first."""

from __future__ import annotations

from collections import defaultdict

from ..article import Article
from ..context import Context
from ..text.fold import norm
from .article_text import article_text
from .matcher import PhraseMatcher

# A mention in the title says most about what the article is about, then the lead.
WEIGHTS = {"title": 3.0, "lead": 2.0, "body": 1.0}
# Country names mostly say where something happened; halved, they no longer crowd the
# people and organisations an article is about out of the first places.
KIND_WEIGHTS = {"state": 0.5}


def actor_matcher(ctx: Context) -> PhraseMatcher[str]:
    """Every name and alias of every actor, built once per run."""
    actors = ctx.registries.actors
    return ctx.memo("actors", lambda: PhraseMatcher(
        ((name, actor.id) for actor in actors.values() for name in actor.all_names),
        # A country's name stays a name after "in", "for" ("بمصر", "لإيران"); one-word
        # names of people and groups can be common words ("بحماس": "with enthusiasm").
        proclitics=lambda ident: actors[ident].kind == "state",
    ))


def salience(article: Article, ctx: Context) -> list[tuple[str, float]]:
    """(actor id, score) ranked: weighted mentions, earliest first mention breaks ties."""
    matcher = actor_matcher(ctx)
    actors = ctx.registries.actors
    scores: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    text = article_text(article, ctx)
    for m in matcher.find(text.folded):
        weight = WEIGHTS[text.part_at(m.start)]
        scores[m.value] += weight * KIND_WEIGHTS.get(actors[m.value].kind, 1.0)
        first.setdefault(m.value, m.start)
    return sorted(scores.items(), key=lambda item: (-item[1], first[item[0]]))


def tag_actors(article: Article, ctx: Context) -> Article:
    """Actors already on the record (an editor's) stay first, in their order.

    An outlet the article only cites as its source is in ``via``, not among its actors.
    """
    cited = {norm(name) for name in article.via}
    actors = ctx.registries.actors
    found = [
        ident for ident, _ in salience(article, ctx)
        if ident not in article.actors
        and not (actors[ident].kind == "media" and norm(actors[ident].name) in cited)
    ]
    article.actors = [*article.actors, *found]
    return article
