"""The CI workflow: valid for GitHub Actions, and it deploys only from main."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = BIN / name if (BIN / name).exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is missing: pip install -e '.[test]'")
    return str(found)


def _actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_tool("actionlint"), "-no-color", str(path)],
                          capture_output=True, text=True, check=False)


def _schema(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_actionlint_passes() -> None:
    done = _actionlint(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_schema_passes() -> None:
    done = _schema(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_validators_catch_a_broken_copy(tmp_path: Path) -> None:
    # Proves both validators really look at the file: a misspelt key and an unknown job
    # dependency must fail.
    broken = tmp_path / "site.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on:", "run-on:", 1).replace("needs: build",
                                                                       "needs: biuld"),
                      encoding="utf-8")
    assert _actionlint(broken).returncode != 0
    assert _schema(broken).returncode != 0


def test_runs_on_push_and_pull_request(workflow: dict) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads `on` as true
    assert "push" in triggers
    assert "pull_request" in triggers


def test_deploy_is_limited_to_main(workflow: dict) -> None:
    deploy = workflow["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"]
    assert "github.event_name == 'push'" in deploy["if"]  # never from a pull request
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any("actions/deploy-pages@" in s.get("uses", "") for s in deploy["steps"])


def test_only_the_deploy_job_can_write_pages(workflow: dict) -> None:
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        if name != "deploy":
            assert "pages" not in job.get("permissions", {}), name


def test_build_tests_then_builds_and_uploads_from_main(workflow: dict) -> None:
    steps = workflow["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in steps]
    test_at = next(i for i, r in enumerate(runs) if "make test" in r)
    site_at = next(i for i, r in enumerate(runs) if "make site" in r)
    assert test_at < site_at
    assert "publishconf.py" in runs[site_at]
    upload = next(s for s in steps if "upload-pages-artifact" in s.get("uses", ""))
    assert "refs/heads/main" in upload["if"]
    assert upload["with"]["path"].rstrip("/") == "output"
    assert "group" in workflow["concurrency"]
