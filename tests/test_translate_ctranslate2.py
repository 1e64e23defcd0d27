"""The ctranslate2 backend on tiny random models built in-process (see mt_models.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import mt_models
import pytest

from digest.article import Article, Translation
from digest.config import TranslateConfig
from digest.errors import DigestError
from digest.translate import load_backend, translate_article
from digest.translate.ctranslate2_backend import Ctranslate2Backend
from digest.translate.model_dir import inspect


@pytest.fixture(scope="session")
def models(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("mt")
    opus = mt_models.build_opus_mt(root / "opus-mt-id-en")
    return {"opus": opus, "argos": mt_models.build_argos(root / "argos-id-en", opus_mt=opus)}


@pytest.fixture(scope="session")
def opus(models) -> Ctranslate2Backend:
    return Ctranslate2Backend(models["opus"], threads=1)


def copy_model(models, tmp_path: Path, name: str, kind: str = "opus") -> Path:
    return Path(shutil.copytree(models[kind], tmp_path / name))


def article(**kw) -> Article:
    base = dict(title="Pemimpin Hamas dan Hizbullah Bertemu di Lebanon", lang="id",
                summary="Ismail Haniyeh bertemu Sayyid Hassan Nasrallah pada Selasa. "
                        "Mereka membicarakan perlawanan.", origin="content/a.md")
    return Article(**{**base, **kw})


def test_one_output_per_input_in_order(opus):
    texts = ["Presiden menerima perdana menteri.", "", "Relawan mengirim bantuan ke Gaza.",
             "Presiden menerima perdana menteri."]
    out = opus.translate(texts, "id", "en")
    assert len(out) == 4 and out[1] == ""
    assert out[0] and out[2] and out[0] == out[3]  # deterministic, not shuffled by sorting


def test_model_dir_reports_its_pair(models):
    assert (inspect(models["opus"]).source, inspect(models["opus"]).target) == ("id", "en")
    argos = inspect(models["argos"])
    assert (argos.kind, argos.source, argos.target) == ("argos", "id", "en")


def test_article_translated_with_names_restored(ctx, opus):
    result = translate_article(article(), ctx, ["en", "id"], backend=opus)
    en = result.translations["en"]
    assert set(result.translations) == {"en"}  # id is the article's own language
    assert en.by == "machine:ctranslate2/opus-mt-id-en" and en.date == ctx.today
    # The registry's names, not the source spellings, whatever the random model says.
    for name in ("Hamas", "Hezbollah", "Lebanon", "Ismail Haniyeh", "Hassan Nasrallah"):
        assert name in en.title + en.summary
    assert "Hizbullah" not in en.title and "Sayyid" not in en.summary


def test_argos_package_directory(ctx, models):
    backend = load_backend(TranslateConfig(backend="ctranslate2", model=str(models["argos"])))
    result = translate_article(article(), ctx, ["en"], backend=backend)
    assert result.translations["en"].by == "machine:ctranslate2/argos-id-en"
    assert "Hezbollah" in result.translations["en"].title


def test_two_threads_give_the_same_output(models, opus):
    texts = ["Kedua belah pihak membicarakan perkembangan terbaru di kawasan."] * 3
    assert Ctranslate2Backend(models["opus"], threads=2).translate(texts, "id", "en") == \
        opus.translate(texts, "id", "en")


def test_editor_translation_is_never_replaced(ctx, opus):
    mine = Translation(title="Mine", summary="Mine too", by="editor")
    for only in ("missing", "all"):
        result = translate_article(article(translations={"en": mine}), ctx, ["en"],
                                   backend=opus, only=only)
        assert result.translations["en"] is mine


def test_empty_summary_names_the_article(ctx, opus):
    with pytest.raises(DigestError, match=r"^content/a\.md: no summary to translate$"):
        translate_article(article(summary=" "), ctx, ["en"], backend=opus)


def test_wrong_source_language_names_article_and_model(ctx, opus):
    with pytest.raises(DigestError, match=r"content/a\.md: .*opus-mt-id-en cannot .*ms→en"):
        translate_article(article(lang="ms"), ctx, ["en"], backend=opus)


def test_pair_from_digest_model_json(models, tmp_path):
    folder = copy_model(models, tmp_path, "my-model")
    with pytest.raises(DigestError, match="cannot tell its language pair"):
        inspect(folder)
    (folder / "digest-model.json").write_text(json.dumps({"source": "id", "target": "en"}))
    assert Ctranslate2Backend(folder).supports("id", "en")
    assert not Ctranslate2Backend(folder).supports("en", "id")


@pytest.mark.parametrize("breakage, message", [
    (lambda d: shutil.rmtree(d), "model directory not found"),
    (lambda d: (d / "model.bin").unlink(), "not a translation model directory"),
    (lambda d: (d / "source.spm").unlink(), r"source\.spm is missing \(copy it"),
    (lambda d: (d / "shared_vocabulary.json").unlink(), "no vocabulary"),
    (lambda d: (d / "model.bin").write_bytes(b"garbage"), "CTranslate2 cannot load it"),
    (lambda d: (d / "target.spm").write_bytes(b"garbage"), "unreadable SentencePiece"),
])
def test_broken_model_directory_is_named(models, tmp_path, breakage, message):
    folder = copy_model(models, tmp_path, "opus-mt-id-en")
    breakage(folder)
    with pytest.raises(DigestError, match=message) as info:
        Ctranslate2Backend(folder)
    assert info.value.path == str(folder)


def test_broken_argos_package_is_named(models, tmp_path):
    folder = copy_model(models, tmp_path, "argos", kind="argos")
    (folder / "metadata.json").write_text('{"from_code": "id"}')
    with pytest.raises(DigestError, match="to_code None is not a language code") as info:
        Ctranslate2Backend(folder)
    assert info.value.path == str(folder)


def test_load_backend_says_what_to_set():
    with pytest.raises(DigestError, match="no translation backend configured"):
        load_backend(TranslateConfig())
    with pytest.raises(DigestError, match="needs a model directory"):
        load_backend(TranslateConfig(backend="ctranslate2"))


def test_missing_extra_says_how_to_install(monkeypatch):
    import sys

    monkeypatch.delitem(sys.modules, "digest.translate.ctranslate2_backend", raising=False)
    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # import fails as if absent
    with pytest.raises(DigestError, match=r"pip install 'digest\[mt\]'"):
        load_backend(TranslateConfig(backend="ctranslate2", model="x"))
