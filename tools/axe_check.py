"""axe-core (npm ``axe-core``) injected into a Playwright page: WCAG 2.1 A and AA rules."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[1]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_available() -> str | None:
    """None when axe can be injected, else what is missing."""
    return None if AXE_JS.is_file() else "node_modules/axe-core is missing: run `npm ci`"


def run_axe(page: Page, tags: list[str] | None = None) -> list[dict[str, Any]]:
    """The violations on the page as loaded: id, impact, help and the offending nodes.
    ``tags``: axe's rule tags (WCAG 2.1 AA unless given; add "best-practice" for more)."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags or WCAG21_AA)
    return [
        {"id": v["id"], "impact": v.get("impact"), "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
    ]


def describe(violations: list[dict[str, Any]]) -> str:
    """One line per violation, naming the rule and the first offending elements."""
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(map(str, t)) for t in v["nodes"][:3])
        more = f" (+{len(v['nodes']) - 3})" if len(v["nodes"]) > 3 else ""
        lines.append(f"{v['id']} [{v['impact']}] {v['help']}: {targets}{more}")
    return "\n".join(lines)
