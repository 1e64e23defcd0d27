"""Run ``digest ingest`` in subprocesses: for races (start together) and kills."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]
DIGEST_TOML = """\
[digest]
name = "Test Digest"
languages = ["en", "id"]
site_languages = ["en"]
default_language = "en"
"""

# Waits for the go file, then runs the command: every process has imported digest and
# is ready, so the runs really overlap instead of being spread by interpreter start-up.
_STARTER = """\
import os, sys, time
import digest.commands.ingest, digest.pipeline, digest.store.write  # noqa: F401
from digest.cli import main
go = sys.argv[1]
open(go + "." + str(os.getpid()), "w").close()
while not os.path.exists(go):
    time.sleep(0.001)
sys.exit(main(sys.argv[2:]))
"""


def make_root(folder: Path) -> Path:
    """A digest folder with the fixture registries and an empty articles folder."""
    shutil.copytree(FIXTURES / "content", folder / "content")
    (folder / "content" / "articles").mkdir(exist_ok=True)
    (folder / "digest.toml").write_text(DIGEST_TOML, encoding="utf-8")
    return folder


def article_json(path: Path, *, title: str, url: str, body: str, date: str) -> Path:
    path.write_text(json.dumps({"title": title, "url": url, "body": body, "date": date,
                                "lang": "en", "source": {"name": "Example"}}),
                    encoding="utf-8")
    return path


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def start_together(root: Path, commands: list[list[str]], timeout: float = 60
                   ) -> list[subprocess.CompletedProcess[str]]:
    """Start every command, wait until all are ready, release them at once."""
    go = root / ".go"
    procs = [subprocess.Popen([sys.executable, "-c", _STARTER, str(go), *cmd], cwd=root,
                              env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for cmd in commands]
    deadline = time.monotonic() + timeout
    while len(list(root.glob(".go.*"))) < len(procs):
        if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
            break
        time.sleep(0.01)
    go.touch()
    results = []
    for proc, cmd in zip(procs, commands, strict=True):
        out, err = proc.communicate(timeout=timeout)
        results.append(subprocess.CompletedProcess(cmd, proc.returncode, out, err))
    for marker in root.glob(".go*"):
        marker.unlink()
    return results


def digest(root: Path, *args: str, umask: int | None = None,
           timeout: float = 60) -> subprocess.CompletedProcess[str]:
    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run([sys.executable, "-m", "digest", *args], cwd=root, env=env(),
                          capture_output=True, text=True, timeout=timeout,
                          preexec_fn=set_umask)
