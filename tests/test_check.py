"""``digest check``: every article and both registries, as sorted ``path:line: message``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from digest.article import Article, Source
from digest.cli import main
from digest.store.write import ArticleStore, render_file

NOW = dt.datetime(2026, 11, 23, 19, 0, tzinfo=dt.UTC)


@pytest.fixture
def root(digest_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(digest_root)
    return digest_root


def article(**kw: object) -> Article:
    fields: dict[str, object] = {
        "title": "Hamas and Hezbollah leaders meet", "body": "Text of the article.",
        "date": dt.date(2021, 6, 29), "lang": "en", "actors": ["hamas", "hezbollah"],
        "source": Source(url="https://news.example/a"),
    }
    fields.update(kw)
    return Article(**fields)  # type: ignore[arg-type]


def write(root: Path, **kw: object) -> Path:
    store = ArticleStore(root / "content" / "articles")
    return store.write(article(**kw), now=NOW).path


def put(root: Path, rel: str, **kw: object) -> Path:
    """Write a file where ingest never would (as an editor might, by copying one)."""
    path = root / "content" / "articles" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_file(article(**kw)))
    return path


def run_check(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    code = main(["check"])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_clean_content(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(root)
    write(root, title="Another story", body="Other text.", source=Source())
    (root / "content" / "articles" / "2021" / ".#draft.md").write_text("editor lock file")
    assert run_check(capsys) == (0, [], "checked 2 articles: 0 errors\n")


def test_problems_sorted_by_path_and_line(root: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    good = write(root)
    # Same canonical URL as `good`, another slug; and an unknown actor.
    same_url = put(root, "2021/copy-of-the-story.md", title="Copy of the story",
                   body="Different words here.", actors=["nobody"],
                   source=Source(url="https://NEWS.example/a/?utm_source=x"))
    # The same slug in another year: article URLs have no year, so the pages collide.
    dup_slug = put(root, f"2022/{good.stem}.md", date=dt.date(2022, 1, 1),
                   body="Yet another text.", source=Source(url="https://news.example/b"))
    broken = root / "content" / "articles" / "2021" / "broken.md"
    broken.write_text("---\ntitle: Broken\ndate: 2021-13-45\n---\n\nBody.\n")
    code, out, err = run_check(capsys)
    assert code == 1
    rel = {p: str(p.relative_to(root)) for p in (good, same_url, dup_slug, broken)}
    assert out == sorted(out, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))
    assert (f"{rel[broken]}:3: date: '2021-13-45' is not an ISO 8601 date or datetime "
            "(there is no month 13)") in out
    assert f"{rel[broken]}:1: missing required key 'lang'" in out
    assert any(line.startswith(f"{rel[same_url]}:") and "unknown actor id 'nobody'" in line
               for line in out)
    # Files are read in path order: the later one names the earlier.
    assert any(line.startswith(f"{rel[good]}:") and f"same source URL as {rel[same_url]}"
               in line for line in out)
    assert f"{rel[dup_slug]}:1: duplicate slug '{good.stem}' (also {rel[good]})" in out
    assert err == f"checked 4 articles: {len(out)} errors\n"


def test_future_date_is_only_a_warning(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(root, date=dt.date.today() + dt.timedelta(days=30))
    code, out, err = run_check(capsys)
    assert code == 0
    assert len(out) == 1
    assert out[0].startswith(f"{path.relative_to(root)}:")
    assert "warning: date" in out[0] and "is in the future" in out[0]
    assert err == "checked 1 article: 0 errors, 1 warning\n"


def test_broken_registries_are_reported_with_their_line(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(root)
    actors = root / "content" / "actors.yml"
    actors.write_text(actors.read_text() + "- id: hamas\n  name: Hamas again\n")
    topics = root / "content" / "topics.yml"
    topics.write_text("- id: x\n  name: {en: [unclosed\n")
    code, out, err = run_check(capsys)
    assert code == 1
    n = actors.read_text().count("\n") - 1
    assert f"content/actors.yml:{n}: duplicate id 'hamas' (first at line 2)" in out
    assert any(line.startswith("content/topics.yml:") and "invalid YAML" in line for line in out)
    assert err.startswith("checked 1 article: 2 errors")
