"""The Nu HTML checker (npm ``vnu-jar``, run with java) over every HTML file of a site."""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class NuMessage:
    kind: str  # "error" or "warning"
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.kind}: {self.message}"


def nu_available() -> str | None:
    """None when the checker can run, else what is missing."""
    if shutil.which("java") is None:
        return "java is not installed (apt-get install default-jre-headless)"
    if not VNU_JAR.is_file():
        return f"{VNU_JAR.relative_to(ROOT)} is missing: run `npm ci`"
    return None


def check_html(root: str | Path) -> list[NuMessage]:
    """Errors and warnings for every ``.html`` file under ``root``."""
    missing = nu_available()
    if missing:
        raise FileNotFoundError(missing)
    root = Path(root).resolve()
    # The checker's exit status only says "something was found": the JSON says what.
    done = subprocess.run(
        ["java", "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html",
         "--exit-zero-always", str(root)],
        capture_output=True, text=True, check=False)
    report = done.stderr.strip() or done.stdout.strip()
    try:
        data = json.loads(report)
    except json.JSONDecodeError:
        raise RuntimeError(f"vnu.jar gave no JSON report: {report[:300]}") from None
    messages: list[NuMessage] = []
    for m in data.get("messages", []):
        if m.get("type") in ("error", "non-document-error"):
            kind = "error"
        elif m.get("type") == "info" and m.get("subType") == "warning":
            kind = "warning"
        else:
            continue
        url = m.get("url", "")
        file = url.removeprefix("file:")
        with contextlib.suppress(ValueError):  # a file outside root keeps its full path
            file = Path(file).resolve().relative_to(root).as_posix()
        messages.append(NuMessage(kind, file, int(m.get("lastLine") or 0), m.get("message", "")))
    return messages
