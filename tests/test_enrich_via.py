"""Outlets an article cites: cleaned names, first mention first, precise cues only."""

from __future__ import annotations

import pytest

from digest.article import Article
from digest.enrich.via import cited_outlets, find_via


@pytest.mark.parametrize(("text", "expected"), [
    ("Dilansir Press TV, pemimpin itu berkata.", ["Press TV"]),
    ("Hal itu dilansir dari Al Jazeera pada Selasa.", ["Al Jazeera"]),
    ("Dilansir Press TV Selasa (9/7), pemimpin itu berkata.", ["Press TV"]),
    ("Jaringan televisi al-Manar melaporkan di situsnya.", ["al-Manar"]),
    ("Menurut kantor berita Antara, presiden tiba.", ["Antara"]),
    ("The talks failed, according to Reuters.", ["Reuters"]),
    ("Reuters reported on Monday that talks failed.", ["Reuters"]),
    ("The strike was first reported by The New York Times, officials said.",
     ["The New York Times"]),
    ("Ces chiffres sont publiés, selon l'AFP, chaque mois.", ["AFP"]),
    ("Wie die Zeitung Haaretz berichtete, kam es zu Protesten.", ["Haaretz"]),
    ("Dabei wurden laut dpa drei Menschen verletzt.", ["dpa"]),
    ("Hubo tres heridos, según EFE.", ["EFE"]),
    ("وقال المسؤول نقلاً عن وكالة رويترز إن المحادثات مستمرة.", ["رويترز"]),
    ("ذكرت قناة الجزيرة أن الوفد وصل.", ["الجزيرة"]),
])
def test_cues_in_several_languages(ctx, text: str, expected: list[str]) -> None:
    assert cited_outlets(text, ctx) == expected


@pytest.mark.parametrize("text", [
    "He told Reuters that the talks had failed.",  # someone speaking to an outlet
    "Three were hurt, according to officials in Gaza.",
    "Menurut Hamas, serangan itu gagal.",  # a registry actor that is no outlet
    "Israel melaporkan dua korban.",
    "Polisi melaporkan dua korban.",  # a capital that only starts the sentence
    "Dabei wurden laut Polizei drei Menschen verletzt.",
    "ذكرت الوزارة أن الوفد وصل.",  # "the ministry said"
])
def test_not_attributions(ctx, text: str) -> None:
    assert cited_outlets(text, ctx) == []


def test_registry_media_get_their_registry_name(ctx) -> None:
    assert cited_outlets("Dilansir PRESS tv, kata dia.", ctx) == ["Press TV"]
    # After a weak cue, a registry outlet needs no media word.
    assert cited_outlets("Menurut Press TV, delegasi tiba.", ctx) == ["Press TV"]


def test_order_and_duplicates(ctx) -> None:
    text = ("Menurut Reuters, talks failed. Al Jazeera reported the same. "
            "Dilansir REUTERS lagi, kata dia.")
    assert cited_outlets(text, ctx) == ["Reuters", "Al Jazeera"]


def test_existing_via_is_kept_first(ctx) -> None:
    article = Article(body="Dilansir Press TV, dan menurut Reuters, ...", via=["Reuters"])
    assert find_via(article, ctx).via == ["Reuters", "Press TV"]
