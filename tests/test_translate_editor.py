"""``digest translate --by editor``: an editor's translation, from options or $EDITOR."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from digest.article import Article, Source, Translation
from digest.cli import main
from digest.store.article_file import read_article
from digest.store.write import ArticleStore, is_untouched

NOW = dt.datetime(2026, 11, 23, 19, 0, tzinfo=dt.UTC)


@pytest.fixture
def root(digest_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(digest_root)
    return digest_root


def write(root: Path, lang: str = "id", **kw: object) -> Path:
    fields: dict[str, object] = {
        "title": "Pemimpin Hamas bertemu di Beirut", "lang": lang,
        "body": "Pemimpin Hamas bertemu di Beirut pada Senin.\n\nParagraf kedua.",
        "date": dt.date(2026, 3, 2), "summary": "Pemimpin Hamas bertemu di Beirut.",
        "source": Source(name="Kabar", url=f"https://kabar.example/{lang}"),
        "actors": ["hamas"]}
    fields.update(kw)
    return ArticleStore(root / "content" / "articles").write(
        Article(**fields), now=NOW).path  # type: ignore[arg-type]


def test_options_store_an_editor_translation_and_the_file_stays_digests(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(root, translations={
        "fr": Translation(title="Les dirigeants du Hamas", by="machine:t/m")})
    before = path.read_text(encoding="utf-8")
    assert main(["translate", "--by", "editor", str(path), "--to", "en",
                 "--title", "Hamas leaders meet in Beirut",
                 "--summary", "Hamas leaders met in Beirut."]) == 0
    assert capsys.readouterr().out == f"translated {path.relative_to(root)}: en (editor)\n"
    text = path.read_text(encoding="utf-8")
    article, _ = read_article(path)
    en = article.translations["en"]
    assert (en.title, en.summary, en.by) == ("Hamas leaders meet in Beirut",
                                             "Hamas leaders met in Beirut.", "editor")
    assert article.translations["fr"].title == "Les dirigeants du Hamas"
    assert is_untouched(text)
    # Only the translations block and digest's two stamp lines changed.
    changed = {line.split(":")[0].strip() for line in text.splitlines()
               if line not in before.splitlines()}
    assert changed <= {"en", "title", "summary", "by", "machine", "checksum"}
    assert text.split("\n---\n", 1)[1] == before.split("\n---\n", 1)[1]  # body as it was

    # A re-ingest still updates what digest owns and keeps the editor's translation.
    store = ArticleStore(root / "content" / "articles")
    result = store.write(Article(
        title="Pemimpin Hamas bertemu di Beirut", lang="id", date=dt.date(2026, 3, 2),
        body="Pemimpin Hamas bertemu di Beirut pada Senin.\n\nParagraf kedua.",
        summary="Ringkasan baru.", source=Source(name="Kabar", url="https://kabar.example/id"),
        actors=["hamas"], translations={"en": Translation(title="Machine", by="machine:x/y")}),
        now=NOW)
    assert (result.action, result.reason) == ("updated", None)
    again = read_article(path)[0]
    assert again.summary == "Ringkasan baru."
    assert again.translations["en"].title == "Hamas leaders meet in Beirut"


def test_editor_round_trip(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    path = write(root, lang="de", title="Hamas-Führer treffen sich in Beirut",
                 summary="Die Hamas-Führer trafen sich.")
    editor = tmp_path / "fake_editor.py"
    editor.write_text(
        "import sys\nfrom pathlib import Path\np = Path(sys.argv[1])\n"
        "form = p.read_text()\nassert '#   Hamas-Führer treffen sich in Beirut' in form\n"
        "p.write_text(form.replace(\"title: ''\", 'title: \"Hamas leaders: a meeting\"')"
        ".replace(\"summary: ''\", 'summary: They met.'))\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)
    assert main(["translate", "--by", "editor", str(path), "--to", "en"]) == 0
    en = read_article(path)[0].translations["en"]
    assert (en.title, en.summary, en.by) == ("Hamas leaders: a meeting", "They met.", "editor")


def test_refusals(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> None:
    path = write(root, lang="fr", title="Les dirigeants du Hamas à Beyrouth")
    before = path.read_text(encoding="utf-8")
    cases = [
        (["--to", "fr", "--title", "x"], "written in fr already"),
        (["--to", "english", "--title", "x"], "is not a language tag"),
        (["--to", "en", "--to", "id", "--title", "x"], "one article and one --to language"),
    ]
    for extra, message in cases:
        assert main(["translate", "--by", "editor", str(path), *extra]) == 1
        assert message in capsys.readouterr().err
    monkeypatch.setenv("EDITOR", "false")
    assert main(["translate", "--by", "editor", str(path), "--to", "en"]) == 1
    assert "the editor exited with status 1: nothing stored" in capsys.readouterr().err
    monkeypatch.setenv("EDITOR", "true")  # saved unchanged: empty title, a cancel
    assert main(["translate", "--by", "editor", str(path), "--to", "en"]) == 1
    assert "no title given: nothing stored" in capsys.readouterr().err
    assert main(["translate", str(path), "--to", "en", "--title", "x"]) == 1
    assert "--title and --summary go with --by editor" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == before
