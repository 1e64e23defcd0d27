"""The run context: one memo for what stages build once, and the stages in one tuple."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from digest.article import Article
from digest.context import Context

ROOT = Path(__file__).resolve().parents[1]


def test_memo_makes_once_and_returns_what_it_keeps(ctx: Context) -> None:
    made: list[int] = []

    def make() -> list[int]:
        made.append(1)
        return [len(made)]

    first = ctx.memo("test.thing", make)
    assert ctx.memo("test.thing", make) is first
    assert made == [1]
    # Another key is another object; a value seeded in the cache is returned as is.
    assert ctx.memo("test.other", make) == [2]
    ctx.cache["test.seeded"] = "kept"
    assert ctx.memo("test.seeded", lambda: "made") == "kept"


def test_memo_keeps_falsy_values(ctx: Context) -> None:
    calls: list[None] = []
    assert ctx.memo("test.empty", lambda: calls.append(None) or frozenset()) == frozenset()
    assert ctx.memo("test.empty", lambda: calls.append(None) or frozenset()) == frozenset()
    assert len(calls) == 1


def test_stages_run_in_order_and_enrich_skips_by_name(ctx: Context, monkeypatch) -> None:
    import digest.pipeline as pipeline

    assert [name for name, _ in pipeline.STAGES] == [
        "language", "date", "via", "actors", "topics", "summary"]
    ran: list[str] = []
    monkeypatch.setattr(pipeline, "STAGES", tuple(
        (name, lambda a, c, name=name: ran.append(name) or a) for name in ("a", "b", "c")))
    pipeline.enrich(Article(title="t", body="b"), ctx, skip=("b",))
    assert ran == ["a", "c"]


def test_importing_the_pipeline_imports_no_stage() -> None:
    # The stages bring lingua and Babel's calendars: ``digest check`` goes without them.
    code = ("import sys, digest.pipeline, digest.commands.check; "
            "print(sorted(m for m in sys.modules if m.startswith('digest.enrich')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "[]"
