"""``digest ingest`` gives each new article its story as it writes it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_ingest_cli import stand_ins  # noqa: F401  (a fixture)

from digest.cli import main
from digest.store.frontmatter import parse
from digest.stories.ledger import load_ledger

MEETING = """Hamas and Hezbollah leaders meet in Beirut over the ceasefire

Ismail Haniyeh and Hassan Nasrallah met in Beirut on Tuesday to discuss the ceasefire \
proposal, the exchange of 120 prisoners and the reconstruction of the southern villages.

Both leaders said the talks in Beirut would continue next week with Egyptian mediators \
present, according to a statement read by their offices."""

MEETING_AGAIN = """Haniyeh and Nasrallah hold talks in Beirut on the ceasefire proposal

Hassan Nasrallah received Ismail Haniyeh in Beirut, where the two discussed the ceasefire \
proposal and the release of 120 prisoners held since the spring fighting began.

The statement said Egyptian mediators would join the talks in Beirut next week to settle \
the reconstruction of the southern villages."""

OTHER = """Floods close schools across the northern province of Aceh

Heavy rain flooded rivers in the northern province, and the education office closed \
three hundred schools for the rest of the week while roads were cleared.

Farmers reported rice fields under water and the regional government opened shelters \
in six districts for families who left their homes."""


def ingest(root: Path, name: str, text: str, *extra: str) -> int:
    path = root / name
    path.write_text(text, encoding="utf-8")
    return main(["ingest", "--date", "2026-11-17", "--lang", "en", *extra, str(path)])


def story_of(path: Path) -> str | None:
    meta, _ = parse(path.read_text(encoding="utf-8"), path)
    return meta.get("story")


def created(capsys: pytest.CaptureFixture[str], root: Path) -> Path:
    out = capsys.readouterr().out.split()
    assert out[0] == "created", out
    return root / out[1]


@pytest.fixture
def root(digest_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(digest_root)
    return digest_root


@pytest.mark.usefixtures("stand_ins")
def test_ingest_joins_or_starts_a_story_and_records_it(root: Path, capsys) -> None:
    assert ingest(root, "a.txt", MEETING) == 0
    first = created(capsys, root)
    story = story_of(first)
    assert story and story.startswith("2026-11-")

    assert ingest(root, "b.txt", MEETING_AGAIN) == 0
    second = created(capsys, root)
    assert story_of(second) == story  # same event, other wording: joins it

    assert ingest(root, "c.txt", OTHER) == 0
    third = created(capsys, root)
    assert story_of(third) not in (None, story)

    ledger = load_ledger(root / "content" / "stories.yml")
    rel = [p.relative_to(root / "content").as_posix() for p in (first, second, third)]
    assert sorted(ledger.stories[story]) == sorted(rel[:2])
    assert ledger.stories[story_of(third)] == [rel[2]]
    assert not list((root / "content").glob(".*.tmp"))  # nothing left half-written

    # Re-ingesting keeps the story: nothing changes.
    assert ingest(root, "a.txt", MEETING) == 0
    assert capsys.readouterr().out.split()[0] == "unchanged"
    assert story_of(first) == story


@pytest.mark.usefixtures("stand_ins")
def test_an_editors_story_is_never_overridden(root: Path, capsys) -> None:
    assert ingest(root, "a.txt", MEETING) == 0
    path = created(capsys, root)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"story: {story_of(path)}", "story: beirut-talks"),
                    encoding="utf-8")
    assert ingest(root, "a.txt", MEETING, "--force") == 0
    assert capsys.readouterr().out.split()[0] == "updated"
    assert story_of(path) == "beirut-talks"

    # A new article about the same event joins the editor's story; its own id is digest's.
    assert ingest(root, "b.txt", MEETING_AGAIN) == 0
    second = created(capsys, root)
    assert story_of(second) == "beirut-talks"
    ledger = yaml.safe_load((root / "content" / "stories.yml").read_text(encoding="utf-8"))
    rel = path.relative_to(root / "content").as_posix()
    assert rel not in ledger.get("beirut-talks", [])  # the editor's, not digest's


@pytest.mark.usefixtures("stand_ins")
def test_a_broken_ledger_stops_before_anything_is_written(root: Path, capsys) -> None:
    (root / "content" / "stories.yml").write_text("- not a mapping\n", encoding="utf-8")
    (root / "a.txt").write_text(MEETING, encoding="utf-8")
    code = main(["ingest", "--date", "2026-11-17", "--lang", "en", str(root / "a.txt")])
    err = capsys.readouterr().err
    assert code != 0
    assert "stories.yml:1:" in err
    assert not list((root / "content" / "articles").rglob("*.md"))
