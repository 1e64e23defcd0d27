"""Outlet names as shown: capitals folded, section suffixes dropped, by rule."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from digest.registry import Actor, Registries
from digest.site.outlets import display_name, fold_capitals, group, outlet_part


@pytest.mark.parametrize(("raw", "shown"), [
    ("WARTA NASIONAL", "Warta Nasional"),
    ("HARIAN RAKYAT MERDEKA", "Harian Rakyat Merdeka"),
    ("BBC NEWS", "BBC News"),  # short all-capital words read as acronyms
    ("AL-MANAR TV", "Al-Manar TV"),
    ("NUSANTARAPOS.ID NEWS", "Nusantarapos.id News"),
    ("NUSANTARAPOS.ID", "NUSANTARAPOS.ID"),  # one word: as written
    ("ANTARIKSA News", "ANTARIKSA News"),  # not all capitals: as written
    ("IRNA", "IRNA"),  # one short word: an acronym
    ("بوابة النيل الإخبارية", "بوابة النيل الإخبارية"),  # no case at all
])
def test_capitals_are_folded_only_in_all_capital_names(raw: str, shown: str) -> None:
    assert fold_capitals(raw) == shown


@pytest.mark.parametrize(("raw", "url", "alone", "shown"), [
    # The part before the dash is the site's own name: the rest is a section.
    ("Kabar Diplomasi - Dunia", "https://kabardiplomasi.example/2026/x/", (), "Kabar Diplomasi"),
    ("Gazette du Levant | Politique", "https://www.gazettedulevant.example/a", (),
     "Gazette du Levant"),
    # Another article names the outlet alone.
    ("Suara Timur - Internasional", None, ("Suara Timur",), "Suara Timur"),
    # Neither: the dash is part of the name, kept.
    ("Kabar Diplomasi - Dunia", "https://news.example/a", (), "Kabar Diplomasi - Dunia"),
    ("Ici - Radio-Canada", "https://radio-canada.example/", (), "Ici - Radio-Canada"),
])
def test_section_suffixes_drop_when_the_prefix_is_the_outlet(
        raw: str, url: str | None, alone: tuple[str, ...], shown: str) -> None:
    assert outlet_part(raw, url, alone) == shown


def test_display_name_does_both() -> None:
    assert display_name("  WARTA   NASIONAL - DUNIA ", "https://wartanasional.example/") == \
        "Warta Nasional"


def _item(name: str | None, url: str | None = None, via: tuple[str, ...] = ()) -> SimpleNamespace:
    return SimpleNamespace(source={"name": name, "url": url}, via=list(via))


def test_group_gives_one_outlet_per_tidied_name_and_links_known_names() -> None:
    registries = Registries(actors={"press-tv": Actor("press-tv", "Press TV", "media",
                                                      aliases=("PressTV",))}, topics={})
    items = [_item("Kabar Diplomasi - Dunia", "https://kabardiplomasi.example/1"),
             _item("Kabar Diplomasi", "https://kabardiplomasi.example/2"),
             _item("PRESS TV", via=("presstv", "al-Manar")), _item(None)]
    outlets = group(items, registries)
    assert {k: (o.name, len(o.articles), o.actor) for k, o in outlets.items()} == {
        "kabar-diplomasi": ("Kabar Diplomasi", 2, None),
        "press-tv": ("Press TV", 1, "press-tv")}
    assert items[0].outlet is items[1].outlet and items[3].outlet is None
    assert items[2].via_actors == ["press-tv", None]
    assert outlets["press-tv"].url == "sources/press-tv/"
