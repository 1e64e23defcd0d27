"""``digest build`` killed with SIGKILL at seeded random moments: output/ is always whole.

A synthetic digest big enough for a build to take seconds is built once (the old
site), gains an article, and is then rebuilt and killed several times. After every
kill output/ must be byte for byte either the old site or the new one, never a mix
or a part; the next build removes what the killed ones left beside it.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from digest.site.staging import leftovers
from tools.synthetic_corpus import CorpusSize, generate

ROOT = Path(__file__).resolve().parents[1]
SEED = 20261203
ARTICLES = 250
KILLS = 4
TOML = """\
[digest]
name = "Kill Digest"
languages = ["id", "ms", "en", "ar", "fr", "de"]
site_languages = ["en", "id"]
default_language = "en"
site_url = "https://kill.example"
"""


def fingerprint(out: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(out.rglob("*")):
        digest.update(path.relative_to(out).as_posix().encode() + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def complete(out: Path, slugs: list[str]) -> bool:
    needed = [out / "index.html", out / "pagefind" / "pagefind.js",
              out / "pagefind" / "pagefind-entry.json",
              *(out / "articles" / slug / "index.html" for slug in slugs)]
    return all(p.is_file() for p in needed)


def test_killed_builds_leave_the_old_or_the_new_site(tmp_path: Path) -> None:
    content = tmp_path / "content"
    generate(content, CorpusSize(articles=ARTICLES, actors=120, topics=20), seed=3)
    (tmp_path / "digest.toml").write_text(TOML, encoding="utf-8")
    out = tmp_path / "output"
    command = [sys.executable, "-m", "digest", "--config", str(tmp_path / "digest.toml"),
               "build"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def slugs() -> list[str]:
        return sorted(p.stem for p in (content / "articles").rglob("*.md"))

    start = time.monotonic()
    subprocess.run(command, env=env, check=True, capture_output=True)
    seconds = time.monotonic() - start
    old_slugs, old = slugs(), fingerprint(out)
    assert complete(out, old_slugs)

    # The new site: one article more, so old and new differ.
    first = sorted((content / "articles").rglob("*.md"))[0]
    text = first.read_text(encoding="utf-8").replace("title: ", "title: Again ", 1)
    text = text.replace("url: https://", "url: https://again.", 1)  # another article
    (first.parent / "zz-added-after-the-first-build.md").write_text(text, encoding="utf-8")
    new_slugs = slugs()

    rng = random.Random(SEED)
    states, left = [], []
    # Seeded kills; under a loaded machine a few may land before the build starts
    # writing, so go on (bounded) until at least one lands mid-write.
    for attempt in range(KILLS + 8):
        if attempt >= KILLS and any(left):
            break
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.15, 0.9) * seconds)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        states.append(fingerprint(out))
        assert complete(out, old_slugs) or complete(out, new_slugs)
        left.append(len(leftovers(out)))

    subprocess.run(command, env=env, check=True, capture_output=True)
    new = fingerprint(out)
    assert complete(out, new_slugs) and new != old
    assert [s for s in states if s not in (old, new)] == []
    assert any(left), "no kill landed while a build was writing"
    assert leftovers(out) == []  # the last build removed what the killed ones left
