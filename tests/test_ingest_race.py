"""Several ``digest ingest`` runs at once: no article lost, no path given twice.

The processes are released together after they have all started, so they read the
articles folder at the same moment and write within milliseconds of each other.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_procs import article_json, make_root, start_together

from digest.store.article_file import read_article

ROUNDS = 4
DIFFERENT = 6  # different articles whose titles give one slug
SAME = 3  # runs of one more article, all at once


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_concurrent_ingests_claim_distinct_paths(tmp_path: Path, round_: int) -> None:
    root = make_root(tmp_path / "digest")
    inputs = [article_json(tmp_path / f"in{i}.json", title="Leaders meet in Beirut",
                           url=f"https://news{i}.example/story",
                           body=f"Story number {i} from outlet {i}: leaders met in Beirut.",
                           # two years: the slug must stay unique across year folders
                           date=f"{2023 + i % 2}-05-0{1 + i % 2}")
              for i in range(DIFFERENT)]
    same = article_json(tmp_path / "same.json", title="One story sent three times",
                        url="https://same.example/story", body="The same story each time.",
                        date="2024-06-01")
    commands = [["ingest", str(path)] for path in inputs] + [["ingest", str(same)]] * SAME
    results = start_together(root, commands)

    claimed: dict[str, int] = {}
    same_lines = []
    for i, result in enumerate(results):
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        (line,) = result.stdout.splitlines()
        action, shown = line.split(" ", 1)
        if i < DIFFERENT:
            assert action == "created", line
            assert shown not in claimed, f"{shown} printed by two runs"
            claimed[shown] = i
        else:
            same_lines.append((action, shown))

    # Each printed path holds the article of the run that printed it.
    for shown, i in claimed.items():
        article, _ = read_article(root / shown)
        assert article.source.url == f"https://news{i}.example/story"
        assert article.body.startswith(f"Story number {i} ")
    stems = sorted(Path(shown).stem for shown in claimed)
    assert len(set(stems)) == DIFFERENT
    assert stems[0] == "leaders-meet-in-beirut"

    # The same article at once: one run creates it, the others find it.
    assert sorted(a for a, _ in same_lines) == ["created"] + ["unchanged"] * (SAME - 1)
    assert len({s for _, s in same_lines}) == 1

    files = sorted((root / "content" / "articles").rglob("*.md"))
    assert len(files) == DIFFERENT + 1
    assert not list((root / "content" / "articles").rglob("*.tmp"))
