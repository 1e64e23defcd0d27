"""Outlets an article cites: cleaned names, first mention first, precise cues only."""

from __future__ import annotations

import pytest

from digest.article import Article
from digest.enrich.via import _CUE, CUE_STEMS, cited_outlets, find_via


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
    # A connective and an NGO before "melaporkan": neither is an outlet.
    "Adapun MER-C melaporkan dua relawan telah tiba di Rafah.",
    "Kementerian Kesehatan Gaza melaporkan 40 korban.",
    "The World Health Organization reported 40 cases.",
    "Así lo informó el Ministerio de Defensa.",  # a ministry after a verb cue
    "Der Sprecher berichtete von Schäden.",
])
def test_not_attributions(ctx, text: str) -> None:
    assert cited_outlets(text, ctx) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Adapun Reuters melaporkan dua korban.", ["Reuters"]),  # the outlet's words only
    ("Harian Kompas melaporkan dua korban.", ["Kompas"]),  # an outlet word before it
    ("The Jerusalem Post reported the strike.", ["The Jerusalem Post"]),  # one inside it
    ("Al Jazeera reported the strike.", ["Al Jazeera"]),  # a known broadcaster
    ("Press TV melaporkan serangan itu.", ["Press TV"]),  # a registry outlet
    ("Ainsi rapporte l'AFP.", ["AFP"]),
])
def test_a_name_before_a_verb_cue_needs_evidence(ctx, text: str, expected: list[str]) -> None:
    assert cited_outlets(text, ctx) == expected


def test_every_cue_holds_a_stem() -> None:
    # The stems gate where the cue pattern runs: a cue without one would never be found.
    examples = ["dilansir", "dilansir dari", "melansir", "dikutip dari", "mengutip", "memetik",
                "seperti dilaporkan oleh", "sebagaimana diberitakan", "dilaporkan oleh",
                "menurut laporan", "menurut", "melaporkan", "memberitakan", "as reported by",
                "citing", "according to", "has reported", "reports", "rapporté par",
                "cité par", "selon", "d'après", "d’apres", "rapporte", "a rapporté",
                "rapportait", "berichtete", "meldet", "laut", "nach einem Bericht von",
                "nach Angaben der", "citada por", "según", "segun", "de acuerdo con",
                "informó", "reportó", "publicó", "نقلاً عن", "حسبما ذكرت", "ذكرت", "أفادت",
                "أوردت", "بحسب"]
    for example in examples:
        assert _CUE.fullmatch(example), example
        assert any(stem in example.lower() for stem in CUE_STEMS), example


def test_cues_far_apart_and_close_together(ctx) -> None:
    filler = "Kalimat pengisi tanpa sumber apa pun. " * 30
    text = (f"Dilansir Press TV, satu. {filler}Menurut Reuters, dua. "
            f"{filler}\n\nAFP reported three; according to AFP, four.")
    assert cited_outlets(text, ctx) == ["Press TV", "Reuters", "AFP"]


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
