"""Extraction quality floor on the article-extraction benchmark (bench/extract_bench.py).

The full benchmark lives outside the repository (../shared/extraction-benchmark); a small
slice of it is in tests/fixtures/extraction so the floor also holds where that is absent.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SLICE = ROOT / "tests" / "fixtures" / "extraction"
FLOOR = 0.97


def _bench():
    spec = importlib.util.spec_from_file_location(
        "extract_bench", ROOT / "bench" / "extract_bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extract_bench", module)
    spec.loader.exec_module(module)
    return module


def _f1(data: Path) -> float:
    bench = _bench()
    truth, pages = bench.load(data)
    return bench.evaluate(bench.ours, truth, pages).f1


def test_extraction_f1_floor_on_the_whole_benchmark():
    data = _bench().DATA
    if not (data / "ground-truth.json").is_file():
        pytest.skip(f"{data} not present (the slice test below still runs)")
    assert _f1(data) >= FLOOR


def test_extraction_f1_floor_on_the_benchmark_slice_in_the_repository():
    assert _f1(SLICE) >= FLOOR

