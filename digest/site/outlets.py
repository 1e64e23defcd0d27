"""Outlets as readers see them: names tidied for display, one page per outlet, and the
actor page of an outlet (or a ``via`` name) that the actor registry knows.

Names are tidied by rule, never by a table: a name written all in capitals is
case-folded when it has several words ("WARTA NASIONAL" → "Warta Nasional", short
words such as "BBC" kept as acronyms), and a section after " - " or " | " is dropped
when what comes before it is the outlet itself — its name is the source's web address
("Kabar Diplomasi - Dunia" from kabardiplomasi.example) or another article names that
outlet alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..registry import Registries
from ..slug import slugify
from ..text.fold import fold

_SECTION = re.compile(r"\s+[-–—|]\s+")
_ACRONYM_MAX = 3  # all-capital words this short stay capitals: BBC, CNN, AP, TV


def _squashed(text: str) -> str:
    return re.sub(r"[\W_]+", "", fold(text))


def _capitalised(word: str) -> str:
    letters = sum(c.isalpha() for c in word)
    if letters <= _ACRONYM_MAX:
        return word
    # "AL-MANAR" → "Al-Manar", "NUSANTARAPOS.ID" → "Nusantarapos.id"
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def fold_capitals(name: str) -> str:
    """A name of several words written all in capitals, in ordinary case; any other name
    unchanged (one word in capitals is as likely an acronym: IRNA, SANA)."""
    if name.upper() != name or name.lower() == name or " " not in name.strip():
        return name
    return " ".join(_capitalised(w) for w in name.split(" "))


def _host_words(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp")]
    return "".join(labels[:-1] or labels)  # the name part, without the top-level domain


def outlet_part(name: str, url: str | None, alone: Iterable[str] = ()) -> str:
    """``name`` without a section suffix when the part before it is the outlet."""
    parts = _SECTION.split(name, maxsplit=1)
    if len(parts) < 2:
        return name
    head = parts[0].strip()
    squashed = _squashed(head)
    host = _host_words(url)
    if squashed and (squashed == host or (len(squashed) >= 4 and squashed in host)
                     or fold(head) in {fold(a) for a in alone}):
        return head
    return name


def display_name(name: str, url: str | None = None, alone: Iterable[str] = ()) -> str:
    """The outlet's name as shown: section suffix dropped, capitals folded."""
    return fold_capitals(outlet_part(" ".join(name.split()), url, alone))


@dataclass
class Outlet:
    """One outlet with a page at ``sources/<id>/``."""

    id: str
    name: str
    actor: str | None  # the actor registry's id when it lists the outlet
    articles: list[Any] = field(default_factory=list)  # newest first, as given

    @property
    def url(self) -> str:
        return f"sources/{self.id}/"


def actor_names(registries: Registries) -> dict[str, str]:
    """Every folded name and alias of every actor → its id (the first actor wins)."""
    found: dict[str, str] = {}
    for ident, actor in registries.actors.items():
        for name in actor.all_names:
            found.setdefault(fold(name), ident)
    return found


def group(items: list[Any], registries: Registries) -> dict[str, Outlet]:
    """Outlets by id, each with its articles; sets ``outlet`` and ``via_actors`` on every
    item (None / None entries where the registry does not know the name)."""
    names = actor_names(registries)
    raw = [(item.source.get("name") or "").strip() for item in items]
    alone = {n for n in raw if n and not _SECTION.search(n)}
    outlets: dict[str, Outlet] = {}
    for item, name in zip(items, raw, strict=True):
        item.via_actors = [names.get(fold(v)) for v in item.via]
        if not name:
            item.outlet = None
            continue
        shown = display_name(name, item.source.get("url"), alone)
        ident = slugify(shown)
        outlet = outlets.get(ident)
        if outlet is None:
            actor = names.get(fold(shown)) or names.get(fold(name))
            outlet = outlets[ident] = Outlet(ident, shown, actor)
        outlet.articles.append(item)
        item.outlet = outlet
    return dict(sorted(outlets.items()))
