"""The command line as scripts use it."""

from __future__ import annotations

import subprocess
import sys


def test_a_closed_pipe_ends_quietly() -> None:
    # `digest stories --format jsonl | head -1`: the reader leaves early; no traceback.
    script = (
        "import sys, digest.commands.stories as s\n"
        "def run(args):\n"
        "    print('{}')\n"
        "    raise BrokenPipeError\n"
        "s.run = run\n"
        "from digest.cli import main\n"
        "sys.exit(main(['stories', '--format', 'jsonl']))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 141
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
