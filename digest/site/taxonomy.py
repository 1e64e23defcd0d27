"""Topics and actors as Pelican URL wrappers: ``TOPIC_URL`` / ``ACTOR_URL`` settings apply."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from pelican.urlwrappers import URLWrapper

from .. import registry


class _Term(URLWrapper):
    """A registry entry with a URL; the id is the slug, never re-slugified."""

    def __init__(self, ident: str, settings: dict[str, Any], entry: Any):
        super().__init__(ident, settings)
        self.slug = ident
        self.entry = entry

    @property
    def id(self) -> str:
        return self.slug

    @cached_property
    def url(self) -> str:
        # Formatted from settings on every access otherwise: thousands of times per page list.
        return str(self._from_settings("URL"))

    @cached_property
    def save_as(self) -> str:
        return str(self._from_settings("SAVE_AS"))

    def __lt__(self, other: _Term) -> bool:
        return self.slug < other.slug

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, (self.slug, self.settings, self.entry))


class Topic(_Term):
    entry: registry.Topic

    def label(self, lang: str) -> str:
        return self.entry.name_in(lang, self.settings.get("DEFAULT_LANG", "en"))


class Actor(_Term):
    entry: registry.Actor

    def label(self, lang: str) -> str:
        return self.entry.name_in(lang)

    @property
    def kind(self) -> str:
        return self.entry.kind
