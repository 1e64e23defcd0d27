"""``--lang`` takes only the digest's languages, in any common spelling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.cli import main
from digest.commands.ingest import parse_lang
from digest.errors import DigestError

LANGS = ("id", "en", "en-GB", "pt-BR", "zh-Hant")


@pytest.mark.parametrize("given, chosen", [
    ("en", "en"), ("EN", "en"), (" en ", "en"),
    ("en_US", "en"), ("en-us", "en"),  # no en-US configured: plain English
    ("en-gb", "en-GB"), ("EN_GB", "en-GB"),
    ("pt", "pt-BR"), ("pt_br", "pt-BR"),  # the only Portuguese one
    ("zh_hant", "zh-Hant"), ("zh", "zh-Hant"), ("ID", "id"), (None, None),
])
def test_spellings_of_a_configured_language(given: str | None, chosen: str | None) -> None:
    assert parse_lang(given, LANGS) == chosen


@pytest.mark.parametrize("given", ["fr", "xx", "", "english", "e", "id-"])
def test_languages_not_configured_are_refused(given: str) -> None:
    with pytest.raises(DigestError) as caught:
        parse_lang(given, LANGS)
    assert str(caught.value) == (f"--lang: {given!r} is not one of the digest's languages "
                                 "(id, en, en-GB, pt-BR, zh-Hant; see languages in "
                                 "digest.toml)")


def test_en_variant_with_two_english_variants_configured_is_refused() -> None:
    with pytest.raises(DigestError):
        parse_lang("en", ("en-GB", "en-US"))
    assert parse_lang("en_us", ("en-GB", "en-US")) == "en-US"


@pytest.fixture
def record(digest_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(digest_root)
    path = digest_root / "in.json"
    path.write_text(json.dumps({"title": "A story in English", "body": "Some text here.",
                                "date": "2024-01-02", "lang": "id"}))
    return path


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_unknown_lang_stops_before_anything(record: Path, command: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--lang", "pt", str(record)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("digest: --lang: 'pt' is not one of the digest's languages "
                   "(id, ms, en, ar, fr, de, es; see languages in digest.toml)\n")
    assert not list((record.parent / "content" / "articles").rglob("*.md"))


def test_lang_is_normalised_before_it_is_stored(record: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--lang", "EN_us", str(record)]) == 0
    (got,) = json.loads(capsys.readouterr().out)
    assert got["lang"] == "en"
    assert main(["ingest", "--lang", "En", str(record)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert "\nlang: en\n" in (record.parent / line.split()[1]).read_text()
