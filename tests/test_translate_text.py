"""Sentence splitting, name finding and the batching engine, with fake backends."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from digest.registry import load_actors
from digest.translate import sentences
from digest.translate.engine import Request, translate_requests
from digest.translate.names import NameFinder, mask, restore

ACTORS = load_actors(Path(__file__).parent / "fixtures" / "content" / "actors.yml")


@pytest.fixture(scope="module")
def finder() -> NameFinder:
    return NameFinder(ACTORS.values())


class Fake:
    """Records its calls; ``fn`` turns one input into one output."""

    name = "fake"
    model_name = "fake-model"

    def __init__(self, fn=lambda s: s, sentence_level: bool = True):
        self.fn = fn
        self.sentence_level = sentence_level
        self.calls: list[tuple[list[str], Mapping[str, str] | None]] = []

    def translate(self, texts, source, target, glossary=None):
        self.calls.append((list(texts), glossary))
        return [self.fn(t) for t in texts]

    def supports(self, source, target):
        return True

    def targets(self):
        return None


@pytest.mark.parametrize("text, lang, expected", [
    ("Dr. Smith met H. Agus. They talked! Then \"Why?\" she said.", "en",
     ["Dr. Smith met H. Agus.", "They talked!", "Then \"Why?\" she said."]),
    ("Presiden bertemu Bpk. Anies di Jl. Sudirman. Mereka membahas 4.000 roket.", "id",
     ["Presiden bertemu Bpk. Anies di Jl. Sudirman.", "Mereka membahas 4.000 roket."]),
    ("U.S. forces left. Next one.", "en", ["U.S. forces left.", "Next one."]),
    ("First para.\n\nSecond para.", "en", ["First para.", "Second para."]),
    ("هل انتهى؟ نعم.", "ar", ["هل انتهى؟", "نعم."]),
])
def test_sentences_split_and_join_back(text, lang, expected):
    pairs = sentences.split(text, lang)
    assert [s for s, _ in pairs if s] == expected
    assert sentences.join(pairs) == text


def test_names_found_case_and_diacritic_insensitively_on_word_edges(finder):
    text = "HIZBULLAH dan Hezbolá bertemu Sayyid Hassan Nasrallah; Hamasnya bukan nama."
    found = [(m.surface, m.actor.id) for m in finder.find(text)]
    # Longest alias wins; "Hamasnya" is not "Hamas".
    assert found == [("HIZBULLAH", "hezbollah"), ("Hezbolá", "hezbollah"),
                     ("Sayyid Hassan Nasrallah", "hassan-nasrallah")]


def test_mask_writes_registry_names_and_restore_undoes_source_spellings(finder):
    text = "Pemimpin Hizbullah bertemu pasukan Israel."
    mentions = finder.find(text)
    assert mask(text, mentions, "en") == "Pemimpin Hezbollah bertemu pasukan Israel."
    # A model that copied the local spelling: it is put back as the registry's name;
    # another alias ("Israeli") is the model's grammar and stays.
    out, missing = restore("Hizbullah leader met Israeli troops.", mentions, finder, "en")
    assert out == "Hezbollah leader met Israeli troops." and missing == set()
    out, missing = restore("The party of God met troops.", mentions, finder, "en")
    assert missing == {"hezbollah", "israel"}


def test_engine_batches_all_sentences_in_one_call(finder):
    fake = Fake(str.upper)
    out = translate_requests(fake, [
        Request("Satu. Dua.", "id", "en"), Request("Tiga.", "id", "en"),
        Request("", "id", "en")], finder)
    assert out == ["SATU. DUA.", "TIGA.", ""]
    assert fake.calls == [(["Satu.", "Dua.", "Tiga."], None)]


def test_engine_cuts_around_names_the_model_lost(finder):
    # The model drops every name: the sentence is redone in pieces, names put back.
    fake = Fake(lambda s: "x" * len(s.split()))
    [out] = translate_requests(
        fake, [Request("Pemimpin Hizbullah dan Ismail Haniyeh bertemu.", "id", "en")], finder)
    assert out == "x Hezbollah x Ismail Haniyeh x"
    assert fake.calls[1][0] == ["Pemimpin", "dan", "bertemu."]


def test_engine_keeps_output_when_the_model_kept_the_names(finder):
    fake = Fake()
    [out] = translate_requests(fake, [Request("Hizbullah bertemu Hamas.", "id", "en")],
                               finder)
    assert out == "Hezbollah bertemu Hamas." and len(fake.calls) == 1


def test_whole_text_backends_get_a_glossary_and_a_post_check(finder):
    fake = Fake(lambda s: s.replace("bertemu", "met"), sentence_level=False)
    [out] = translate_requests(
        fake, [Request("Hizbullah bertemu Hamas. Lalu pulang.", "id", "en")], finder)
    texts, glossary = fake.calls[0]
    assert texts == ["Hizbullah bertemu Hamas. Lalu pulang."]  # whole, not split
    assert glossary == {"Hizbullah": "Hezbollah", "Hamas": "Hamas"}
    assert out == "Hezbollah met Hamas. Lalu pulang."


def test_per_language_names_are_used(finder):
    actors = dict(ACTORS)
    from dataclasses import replace
    actors["lebanon"] = replace(actors["lebanon"], names={"id": "Libanon"})
    local = NameFinder(actors.values())
    [out] = translate_requests(Fake(lambda s: "zz"), [Request("Lebanon today.", "en", "id")],
                               local)
    assert out.startswith("Libanon ")


def test_one_bad_article_does_not_sink_its_batch(ctx):
    from digest.article import Article
    from digest.errors import DigestError
    from digest.translate import translate_articles

    def fn(text: str) -> str:
        if "BOOM" in text:
            raise DigestError("the model choked")
        return text.upper()

    articles = [Article(title=f"Judul {i}", summary=s, lang="id", origin=f"{i}.md")
                for i, s in enumerate(["Baik.", "BOOM.", "Juga baik.", " "])]
    ok, bad, ok2, empty = translate_articles(articles, ctx, ["en"], Fake(fn))
    assert ok.translations["en"].summary == "BAIK." and ok.translations["en"].by == \
        "machine:fake/fake-model"
    assert ok2.translations["en"].title == "JUDUL 2"
    assert isinstance(bad, DigestError) and str(bad) == "1.md: the model choked"
    assert str(empty) == "3.md: no summary to translate"


def test_empty_model_output_is_an_error_not_a_blank_translation(ctx):
    from digest.article import Article
    from digest.errors import DigestError
    from digest.translate import translate_article

    article = Article(title="Judul", summary="Ringkasan.", lang="id", origin="a.md")
    with pytest.raises(DigestError, match=r"a\.md: .*empty translation into en"):
        translate_article(article, ctx, ["en"], Fake(lambda s: ""))


def test_configured_backend_is_loaded_once_per_context(ctx, monkeypatch):
    from digest.article import Article
    from digest.translate import articles as module
    from digest.translate import translate_article

    loads = []
    monkeypatch.setattr(module, "load_backend", lambda cfg: loads.append(cfg) or Fake())
    for _ in range(2):
        translate_article(Article(title="Judul", summary="Isi.", lang="id"), ctx, ["en"])
    assert len(loads) == 1 and isinstance(ctx.cache["translate.backend"], Fake)
