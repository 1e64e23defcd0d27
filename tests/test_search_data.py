"""What pages give the search beyond their text: which interface shows which version of
an article, the names that find it, the names offered for a misspelt query."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from digest.registry import Actor, Topic
from digest.site.search_data import index_names, names_json, ui_languages


@dataclass
class _Term:
    entry: Any
    url: str

    def label(self, lang: str) -> str:
        if isinstance(self.entry, Topic):
            return self.entry.name_in(lang)
        return str(self.entry.name_in(lang))


@dataclass
class _Article:
    lang: str
    translated: dict[str, object] = field(default_factory=dict)
    actors: list[_Term] = field(default_factory=list)
    topics: list[_Term] = field(default_factory=list)


HEZBOLLAH = _Term(Actor(id="hezbollah", name="Hezbollah", kind="organization",
                        aliases=("Hizbullah", "hezbollah", "حزب الله"),
                        names={"id": "Hizbullah", "ar": "حزب الله"}), "actors/hezbollah/")
LEBANON = _Term(Topic(id="lebanon", name={"en": "Lebanon", "id": "Lebanon"}, keywords={}),
                "topics/lebanon/")
RECON = _Term(Topic(id="reconstruction", name={"en": "Reconstruction", "id": "Rekonstruksi"},
                    keywords={}), "topics/reconstruction/")
SITE = ("en", "id")


def test_each_interface_shows_one_version_of_an_article() -> None:
    article = _Article(lang="ar", translated={"en": object(), "fr": object()})
    assert ui_languages(article, SITE) == ["id"]  # no Indonesian translation: the original
    assert ui_languages(article, SITE, "en") == ["en"]
    assert ui_languages(article, SITE, "fr") == []  # no French interface
    for ui in SITE:  # exactly one page per interface
        pages = [None, *article.translated]
        assert sum(ui in ui_languages(article, SITE, p) for p in pages) == 1
    assert ui_languages(_Article(lang="en"), SITE) == ["en", "id"]
    assert ui_languages(_Article(lang="id", translated={"en": 1}), SITE) == ["id"]


def test_every_name_of_the_tags_once() -> None:
    names = index_names(_Article(lang="en", actors=[HEZBOLLAH], topics=[LEBANON, RECON]))
    assert names.split(" · ") == ["Hezbollah", "Hizbullah", "حزب الله", "Lebanon",
                                  "Reconstruction", "Rekonstruksi"]
    assert index_names(_Article(lang="en")) == ""


def test_names_for_suggestions_are_sorted_and_complete() -> None:
    rows = json.loads(names_json({"reconstruction": RECON, "lebanon": LEBANON},
                                 {"hezbollah": HEZBOLLAH}, "en"))
    assert rows == [
        ["Hezbollah", "actors/hezbollah/", "Hezbollah"],
        ["Hizbullah", "actors/hezbollah/", "Hezbollah"],
        ["حزب الله", "actors/hezbollah/", "Hezbollah"],
        ["Lebanon", "topics/lebanon/", "Lebanon"],
        ["Reconstruction", "topics/reconstruction/", "Reconstruction"],
        ["Rekonstruksi", "topics/reconstruction/", "Reconstruction"],
    ]
