"""``digest retag`` and the per-field ownership stamp, through the command line, on tiny
digests in several languages written here."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from digest.article import Article, Source, Translation
from digest.cli import main
from digest.store.article_file import read_article
from digest.store.write import ArticleStore, is_untouched

NOW = dt.datetime(2026, 11, 23, 19, 0, tzinfo=dt.UTC)
ACTORS = """\
- id: hezbollah
  name: Hezbollah
  kind: organization
  aliases: [Hizbullah, Hisbollah]
- id: lebanon
  name: Lebanon
  kind: state
  aliases: [Libanon, Liban]
"""
TOPICS = """\
- id: lebanon
  name: {en: Lebanon}
  keywords: {en: [Beirut], de: [Beirut], fr: [Beyrouth], id: [Beirut]}
"""
ARTICLES = {
    "en": ("Hezbollah delegation meets mediators in Beirut",
           "A Hezbollah delegation met mediators from Qatar in Beirut on Monday.\n\n"
           "Officials from Qatar said the talks would go on."),
    "de": ("Hisbollah-Delegation trifft Vermittler in Beirut",
           "Eine Delegation der Hisbollah traf am Montag in Beirut Vermittler aus Katar.\n\n"
           "Katar will die Gespräche fortsetzen."),
    "fr": ("Une délégation du Hezbollah rencontre des médiateurs à Beyrouth",
           "Une délégation du Hezbollah a rencontré lundi à Beyrouth des médiateurs du "
           "Qatar.\n\nLe Qatar veut poursuivre les discussions."),
    "id": ("Delegasi Hizbullah bertemu mediator di Beirut",
           "Delegasi Hizbullah bertemu mediator dari Qatar di Beirut pada Senin.\n\n"
           "Pejabat Qatar mengatakan pembicaraan akan berlanjut."),
}


@pytest.fixture
def root(digest_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(digest_root)
    content = digest_root / "content"
    (content / "actors.yml").write_text(ACTORS, encoding="utf-8")
    (content / "topics.yml").write_text(TOPICS, encoding="utf-8")
    return digest_root


def tagged(root: Path) -> dict[str, Path]:
    """One article per language, written by digest with today's registries' tags."""
    store = ArticleStore(root / "content" / "articles")
    paths = {}
    for i, (lang, (title, body)) in enumerate(ARTICLES.items()):
        article = Article(title=title, body=body, lang=lang, date=dt.date(2026, 3, 1 + i),
                          source=Source(name="Wire", url=f"https://wire.example/{lang}"),
                          actors=["hezbollah"], topics=["lebanon"],
                          summary=body.split("\n")[0])
        paths[lang] = store.write(article, now=NOW).path
    return paths


def add_qatar(root: Path) -> None:
    with (root / "content" / "actors.yml").open("a", encoding="utf-8") as f:
        f.write("- id: qatar\n  name: Qatar\n  kind: state\n  aliases: [Katar]\n")


def retag(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["retag", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_new_actor_reaches_every_article_and_only_its_key_changes(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = tagged(root)
    before = {lang: p.read_text(encoding="utf-8") for lang, p in paths.items()}
    add_qatar(root)
    code, out, err = retag(capsys, "--dry-run")
    assert code == 0 and "actors: +qatar in 4 articles" in out
    assert {lang: p.read_text(encoding="utf-8") for lang, p in paths.items()} == before

    code, out, err = retag(capsys)
    assert code == 0
    assert "actors: +qatar in 4 articles" in out
    assert err.endswith("digest retag: 4 articles, 4 changed, 0 editor's values kept, "
                        "0 failed\n")
    for lang, path in paths.items():
        text = path.read_text(encoding="utf-8")
        article, _ = read_article(path)
        assert article.actors == ["hezbollah", "qatar"], lang
        assert is_untouched(text)  # still digest's file: the next ingest may update it
        changed = [line for line in text.splitlines() if line not in before[lang].splitlines()]
        assert [c.split(":")[0] for c in changed] == ["actors", "story", "machine", "checksum"]
    # Nothing more to do: a second run changes nothing.
    after = {lang: p.read_text(encoding="utf-8") for lang, p in paths.items()}
    code, out, err = retag(capsys)
    assert (code, out) == (0, []) and ", 0 changed," in err
    assert {lang: p.read_text(encoding="utf-8") for lang, p in paths.items()} == after


def test_edited_summary_does_not_freeze_actors_but_edited_actors_are_kept(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = tagged(root)
    en, de = paths["en"], paths["de"]
    en.write_text(en.read_text(encoding="utf-8").replace(
        "summary: A Hezbollah", "summary: Edited by hand. A Hezbollah"), encoding="utf-8")
    de.write_text(de.read_text(encoding="utf-8").replace(
        "actors: [hezbollah]", "actors: [hezbollah, lebanon]"), encoding="utf-8")
    add_qatar(root)
    code, out, err = retag(capsys)
    assert code == 0
    en_article, _ = read_article(en)
    assert en_article.actors == ["hezbollah", "qatar"]
    assert en_article.summary.startswith("Edited by hand.")
    de_article, _ = read_article(de)
    assert de_article.actors == ["hezbollah", "lebanon"]  # the editor's list, kept
    assert f"kept {de.relative_to(root)}: the editor's actors (digest would write " \
           "+qatar -lebanon)" in out
    assert "actors: +qatar in 3 articles" in out
    assert "1 editor's value kept" in err

    # A later ingest of the same articles keeps both editors' fields too.
    store = ArticleStore(root / "content" / "articles")
    title, body = ARTICLES["en"]
    result = store.write(Article(title=title, body=body, lang="en", date=dt.date(2026, 3, 1),
                                 source=Source(name="Wire", url="https://wire.example/en"),
                                 actors=["hezbollah", "qatar"], topics=["lebanon"],
                                 author="Desk", summary="Machine summary."), now=NOW)
    assert (result.action, result.reason) == ("updated", "kept the editor's summary")
    assert read_article(en)[0].author == "Desk"
    assert read_article(en)[0].summary.startswith("Edited by hand.")


def test_unreadable_file_is_reported_and_left_the_others_go_on(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = tagged(root)
    broken = paths["fr"]
    text = broken.read_text(encoding="utf-8").replace("lang: fr", "lang: fr\ntitle: [oops")
    broken.write_text(text, encoding="utf-8")
    add_qatar(root)
    code, out, err = retag(capsys)
    assert code == 1
    assert broken.read_text(encoding="utf-8") == text
    assert err.splitlines()[0].startswith(f"{broken.relative_to(root)}:")
    assert ":5: " in err.splitlines()[0] or ":6: " in err.splitlines()[0]
    assert "actors: +qatar in 3 articles" in out
    assert err.endswith("3 changed, 0 editor's values kept, 1 failed\n")


def test_files_from_before_field_stamps(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An old file (checksum only): digest's throughout while untouched; once edited, its
    keys are the editor's unless today's value agrees, and then adopted."""
    paths = tagged(root)
    for path in paths.values():
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        old = "".join(line for line in lines if not line.startswith("machine:"))
        path.write_text(old, encoding="utf-8")
    from digest.store.write import restamp

    untouched = paths["en"]
    untouched.write_text(restamp(untouched.read_text(encoding="utf-8")), encoding="utf-8")
    edited = paths["id"]
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "summary: Delegasi", "summary: Diedit. Delegasi"), encoding="utf-8")
    add_qatar(root)
    code, out, _ = retag(capsys, str(untouched), str(edited))
    assert code == 0
    assert read_article(untouched)[0].actors == ["hezbollah", "qatar"]
    assert read_article(edited)[0].actors == ["hezbollah"]
    assert f"kept {edited.relative_to(root)}: the editor's actors (digest would write " \
           "+qatar)" in out
    assert "machine: {" in untouched.read_text(encoding="utf-8")


def test_check_warns_about_an_actor_named_but_not_listed(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = tagged(root)
    assert main(["check"]) == 0
    assert capsys.readouterr().err == "checked 4 articles: 0 errors\n"
    add_qatar(root)
    assert main(["check"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 4
    assert f"{paths['de'].relative_to(root)}:" in out
    assert "warning: the text names actor 'qatar' (Qatar) but actors: does not list it" in out
    assert err == "checked 4 articles: 0 errors, 4 warnings (4 unlisted actors)\n"
    assert retag(capsys)[0] == 0
    assert main(["check"]) == 0
    assert capsys.readouterr().err == "checked 4 articles: 0 errors\n"


def test_machine_translation_and_editor_translation_ownership(root: Path) -> None:
    store = ArticleStore(root / "content" / "articles")
    title, body = ARTICLES["id"]
    article = Article(title=title, body=body, lang="id", date=dt.date(2026, 3, 4),
                      source=Source(url="https://wire.example/x"),
                      translations={"en": Translation(title="Machine", by="machine:t/m"),
                                    "fr": Translation(title="Éditeur", by="editor")})
    path = store.write(article, now=NOW).path
    text = path.read_text(encoding="utf-8")
    stamp = next(line for line in text.splitlines() if line.startswith("machine:"))
    assert "translations.en:" in stamp and "translations.fr" not in stamp
    # A new machine translation does not replace the editor's.
    redo = Article(**{**article.__dict__, "translations": {
        "en": Translation(title="Machine 2", by="machine:t/m"),
        "fr": Translation(title="Machine fr", by="machine:t/m")}})
    store.write(redo, now=NOW)
    back = read_article(path)[0].translations
    assert (back["en"].title, back["fr"].title) == ("Machine 2", "Éditeur")


def test_block_style_keys_are_replaced_whole() -> None:
    from digest.store.edit import set_keys

    text = textwrap.dedent("""\
        ---
        title: T  # the editor's comment
        actors:
        - a
        - b
        topics:
          - x
        checksum: 0123456789abcdef
        ---

        Body.
        """)
    out = set_keys(text, {"actors": ["a", "c"], "via": ["Wire"]})
    assert out.splitlines()[1:6] == ["title: T  # the editor's comment", "actors: [a, c]",
                                     "topics:", "  - x", "via: [Wire]"]
    assert out.endswith("---\n\nBody.\n")
