"""Lighthouse (npm ``lighthouse``, mobile preset) against Debian's Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from tools.chromium import FLAGS, chromium_path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_available() -> str | None:
    """None when Lighthouse can run, else what is missing."""
    if not LIGHTHOUSE.exists():
        return "node_modules/.bin/lighthouse is missing: run `npm ci`"
    if chromium_path() is None:
        return "Chromium is missing: run `make browser`"
    return None


def run_lighthouse(url: str) -> dict[str, object]:
    """The four category scores (0-100) and the audits that lost points, for one URL."""
    missing = lighthouse_available()
    if missing:
        raise FileNotFoundError(missing)
    env = {**os.environ, "CHROME_PATH": str(chromium_path())}
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        report = Path(tmp) / "report.json"
        # Lighthouse's default config is the mobile preset (emulated phone, throttled).
        done = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}",
             "--chrome-flags=" + " ".join(["--headless=new", *FLAGS])],
            capture_output=True, text=True, env=env, check=False, timeout=300)
        if done.returncode != 0 or not report.is_file():
            raise RuntimeError(f"lighthouse failed on {url}: {done.stderr.strip()[-500:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {k: round((data["categories"][k]["score"] or 0) * 100) for k in CATEGORIES}
    failing: set[str] = set()
    for category in data["categories"].values():
        for ref in category["auditRefs"]:
            score = data["audits"][ref["id"]].get("score")
            if ref.get("weight") and score is not None and score < 1:
                failing.add(ref["id"])
    return {"scores": scores, "failing": sorted(failing)}
