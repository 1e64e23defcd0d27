"""``digest extract`` as a tool other programs script against."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUTS = Path(__file__).parent / "fixtures" / "inputs"
STORY = ("World News\n\nJakarta welcomes a delegation\n\n"
         + "The president received a delegation from Lebanon in Jakarta on Monday. " * 6
         + "\n")


def run(args: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "digest", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, **kw)


def test_one_line_per_input_in_order_with_errors_in_place(tmp_path: Path) -> None:
    dated = tmp_path / "dated.txt"
    dated.write_text("Tuesday, July 9, 2024\n\n" + STORY, encoding="utf-8")
    undated = tmp_path / "undated.txt"
    undated.write_text(STORY, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = run(["extract", "--format", "jsonl", str(undated), str(missing), str(dated)],
                 tmp_path)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["input"] for line in lines] == [str(undated), str(missing), str(dated)]
    assert "no date" in lines[0]["error"] and set(lines[0]) == {"input", "error"}
    assert "no such file" in lines[1]["error"]
    assert lines[2]["date"] == "2024-07-09" and lines[2]["lang"] == "en"
    assert result.returncode == 1
    listed = json.loads(run(["extract", "--format", "json", str(undated), str(missing),
                             str(dated)], tmp_path).stdout)
    assert [{k: v for k, v in d.items() if k != "source"} for d in listed] == [
        {k: v for k, v in d.items() if k != "source"} for d in lines]


def test_works_outside_a_digest_folder(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Tuesday, July 9, 2024\n\n" + STORY, encoding="utf-8")
    result = run(["extract", "--format", "jsonl", str(page)], tmp_path)
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout)
    assert line["actors"] == [] and line["topics"] == []
    assert "no registries" in result.stderr and "Traceback" not in result.stderr


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Tuesday, July 9, 2024\n\n" + STORY, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    shell = (f"{sys.executable} -m digest extract --format jsonl "
             + " ".join([str(page)] * 40) + " | head -n 1")
    result = subprocess.run(["bash", "-c", shell], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert len(result.stdout.splitlines()) == 1
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
