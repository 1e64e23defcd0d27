"""The Pagefind step writes its bundle into the output folder and nowhere else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_site_build import FIXTURE, SETTINGS, TOML

from digest.config import load_config
from digest.site.build import build_site


def test_index_lands_in_output_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    root = tmp_path / "site"
    root.mkdir()
    (root / "digest.toml").write_text(TOML.format(content=FIXTURE), encoding="utf-8")
    result = build_site(load_config(root / "digest.toml"), settings_file=SETTINGS)
    entry = json.loads((result.output / "pagefind" / "pagefind-entry.json").read_text())
    assert {"id", "en", "ar"} <= set(entry["languages"])
    assert list(elsewhere.iterdir()) == []  # no stray ./pagefind in the working directory
