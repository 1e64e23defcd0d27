"""`digest serve` as a child process that tests and benches drive: its address, and its
output lines as they come (bounded waits)."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

# Generous: the machine may be busy with other builds.
STARTUP_S = 240.0


class ServeProcess:
    """``digest serve --port 0`` in ``root``; its output lines are collected as they come."""

    def __init__(self, root: Path, startup: float = STARTUP_S):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "digest.cli", "serve", "--port", "0"], cwd=root, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
        self.lines: list[str] = []
        self._new: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        found = self.wait_for(lambda line: " on http://" in line, startup)
        match = re.search(r"on (http://127\.0\.0\.1:\d+/)", found)
        assert match, found
        self.url = match.group(1)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            self._new.put(line.rstrip("\n"))
        self._new.put(None)

    def wait_for(self, wanted: Callable[[str], bool], timeout: float = STARTUP_S) -> str:
        """The next output line for which ``wanted`` is true (fails after ``timeout``)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                line = self._new.get(timeout=max(left, 0.01))
            except queue.Empty:
                raise AssertionError("digest serve said no such line; it said:\n"
                                     + "\n".join(self.lines)) from None
            if line is None:
                raise AssertionError(f"digest serve ended ({self.proc.wait()}):\n"
                                     + "\n".join(self.lines))
            if wanted(line):
                return line

    def stop(self) -> int:
        """Ctrl+C, as a user stops it; killed if it does not end within a minute."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                return self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        return self.proc.wait(timeout=60)
