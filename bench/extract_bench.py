"""Main-text extraction quality and speed on the article-extraction benchmark.

    python bench/extract_bench.py [--baseline] [--worst N] [--data DIR]

Data: <repo>/../shared/extraction-benchmark (html/<id>.html.gz and ground-truth.json,
{id: {articleBody, url}}). The metric is the benchmark's published one: per page,
precision and recall of word 4-gram shingles (words = \\w+, lower-cased, shingles
counted with multiplicity), averaged over pages; F1 is the harmonic mean of the mean
precision and the mean recall. Plain trafilatura 2.3.1 ``extract()`` measures 0.960.
Speed counts extraction only, in this one process: pages per CPU-second of the process
(what one core does, whatever else runs on the machine), and per wall-clock second.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.errors import DigestError
from digest.extract.html import extract_html

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "extraction-benchmark"
_WORD = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    # A text shorter than one shingle is one (short) shingle, as in the published metric.
    return Counter(tuple(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))
                   if words)


def precision_recall(truth: str, predicted: str) -> tuple[float | None, float | None]:
    """Per-page precision and recall; None where undefined (nothing predicted / expected)."""
    expected, got = shingles(truth), shingles(predicted)
    hits = sum((expected & got).values())
    extra = sum((got - expected).values())
    missed = sum((expected - got).values())
    if extra == missed == 0:
        return (1.0 if got else None), (1.0 if expected else None)
    precision = hits / (hits + extra) if hits + extra else None
    recall = hits / (hits + missed) if hits + missed else None
    return precision, recall


@dataclass
class Result:
    precision: float
    recall: float
    pages_per_second: float  # by CPU time: other jobs on the machine do not count
    wall_pages_per_second: float
    per_page: dict[str, tuple[float | None, float | None]]

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load(data: Path) -> tuple[dict[str, str], dict[str, bytes]]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes())
             for key in truth}
    return {key: item["articleBody"] for key, item in truth.items()}, pages


def evaluate(extract: Callable[[bytes, str], str], truth: dict[str, str],
             pages: dict[str, bytes]) -> Result:
    predictions = {}
    cpu = wall = 0.0
    for key, page in pages.items():
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        predictions[key] = extract(page, key)
        cpu += time.process_time() - start_cpu
        wall += time.perf_counter() - start_wall
    per_page = {key: precision_recall(truth[key], predictions[key]) for key in truth}
    precisions = [p for p, _ in per_page.values() if p is not None]
    recalls = [r for _, r in per_page.values() if r is not None]
    return Result(sum(precisions) / len(precisions), sum(recalls) / len(recalls),
                  len(pages) / cpu, len(pages) / wall, per_page)


def ours(page: bytes, key: str) -> str:
    try:
        return extract_html(page, origin=key).body
    except DigestError:
        return ""


def plain_trafilatura(page: bytes, key: str) -> str:
    import trafilatura

    return trafilatura.extract(page.decode("utf-8"), include_comments=False) or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", action="store_true",
                        help="also measure plain trafilatura.extract() with default settings")
    parser.add_argument("--worst", type=int, default=0, metavar="N",
                        help="list the N pages with the lowest F1")
    parser.add_argument("--data", type=Path, default=DATA, help=f"default: {DATA}")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"{args.data}: benchmark data not found", file=sys.stderr)
        return 2
    logging.disable(logging.WARNING)
    truth, pages = load(args.data)
    runs = [("digest", ours)] + ([("trafilatura", plain_trafilatura)] if args.baseline else [])
    print(f"{len(pages)} pages")
    print(f"{'extractor':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8} "
          f"{'(wall)':>7}")
    for name, extract in runs:
        result = evaluate(extract, truth, pages)
        print(f"{name:<12} {result.precision:9.4f} {result.recall:7.4f} {result.f1:6.4f} "
              f"{result.pages_per_second:8.1f} {result.wall_pages_per_second:7.1f}", flush=True)
        if args.worst and name == "digest":
            def page_f1(pr: tuple[float | None, float | None]) -> float:
                p, r = pr[0] or 0.0, pr[1] or 0.0
                return 2 * p * r / (p + r) if p + r else 0.0
            ranked = sorted(result.per_page.items(), key=lambda item: page_f1(item[1]))
            for key, (p, r) in ranked[:args.worst]:
                print(f"  {key[:12]} precision={p if p is None else round(p, 3)} "
                      f"recall={r if r is None else round(r, 3)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
