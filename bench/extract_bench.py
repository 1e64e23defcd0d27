"""Main-text extraction quality and speed on the article-extraction benchmark.

    python bench/extract_bench.py [--worst N] [--data DIR] [--only digest,...]

Data: <repo>/../shared/extraction-benchmark (html/<id>.html.gz and ground-truth.json,
{id: {articleBody, url}}); tests/fixtures/extraction holds a small slice of it for the
floor test. The metric is the benchmark's published one: per page, precision and recall
of word 4-gram shingles (words = \\w+, lower-cased, shingles counted with multiplicity),
averaged over pages; F1 is the harmonic mean of the mean precision and the mean recall.

The pages fall in two fixed halves by the parity of sha1(page id) (``held_out``). The
extractor is developed on the "dev" half only: ``--worst`` lists dev pages and nothing
here shows a held-out page by itself, so the held-out figure says how the extractor does
on pages its rules were not shaped by. Every run measures digest, plain trafilatura
``extract()`` and readability-lxml ``Document.summary()`` on the same pages.
Speed counts extraction only, in this one process: pages per CPU-second of the process
(what one core does, whatever else runs on the machine), and per wall-clock second.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.errors import DigestError
from digest.extract.html import extract_html

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "extraction-benchmark"
_WORD = re.compile(r"\w+")
SHINGLE = 4
PrecisionRecall = tuple[float | None, float | None]


def held_out(key: str) -> bool:
    """The fixed half never looked at while changing the extractor: odd sha1 of the id."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2 == 1


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    # A text shorter than one shingle is one (short) shingle, as in the published metric.
    return Counter(tuple(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))
                   if words)


def precision_recall(truth: str, predicted: str) -> PrecisionRecall:
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


def f1_of(pairs: Iterable[PrecisionRecall]) -> tuple[float, float, float]:
    """(mean precision, mean recall, their harmonic mean) over pages."""
    pairs = list(pairs)
    precisions = [p for p, _ in pairs if p is not None]
    recalls = [r for _, r in pairs if r is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Result:
    pages_per_second: float  # by CPU time: other jobs on the machine do not count
    wall_pages_per_second: float
    per_page: dict[str, PrecisionRecall]

    def score(self, keep: Callable[[str], bool] = lambda key: True) -> tuple[float, float, float]:
        return f1_of(pr for key, pr in self.per_page.items() if keep(key))

    @property
    def f1(self) -> float:
        return self.score()[2]


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
    return Result(len(pages) / max(cpu, 1e-9), len(pages) / max(wall, 1e-9), per_page)


def ours(page: bytes, key: str) -> str:
    try:
        return extract_html(page, origin=key).body
    except DigestError:
        return ""


def plain_trafilatura(page: bytes, key: str) -> str:
    import trafilatura

    return trafilatura.extract(page.decode("utf-8"), include_comments=False) or ""


def plain_readability(page: bytes, key: str) -> str:
    import lxml.html
    from readability import Document

    try:
        summary = Document(page.decode("utf-8")).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content()
    except Exception:  # readability raises on pages it cannot score; that page scores 0
        return ""


EXTRACTORS: dict[str, Callable[[bytes, str], str]] = {
    "digest": ours, "trafilatura": plain_trafilatura, "readability": plain_readability}


def _page_f1(pr: PrecisionRecall) -> float:
    p, r = pr[0] or 0.0, pr[1] or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worst", type=int, default=0, metavar="N",
                        help="list the N dev-half pages with the lowest F1 for digest")
    parser.add_argument("--only", default=",".join(EXTRACTORS),
                        help=f"extractors to measure, comma-separated (default: all of "
                             f"{', '.join(EXTRACTORS)})")
    parser.add_argument("--data", type=Path, default=DATA, help=f"default: {DATA}")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"{args.data}: benchmark data not found", file=sys.stderr)
        return 2
    names = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in names if name not in EXTRACTORS]
    if unknown:
        print(f"--only: unknown extractor {', '.join(unknown)} "
              f"(known: {', '.join(EXTRACTORS)})", file=sys.stderr)
        return 2
    logging.disable(logging.WARNING)
    truth, pages = load(args.data)
    dev = sum(not held_out(key) for key in pages)
    print(f"{len(pages)} pages: {dev} dev, {len(pages) - dev} held out (odd sha1 of the id)")
    print(f"{'extractor':<12} {'precision':>9} {'recall':>7} {'F1 all':>7} {'dev':>6} "
          f"{'held':>6} {'pages/s':>8} {'(wall)':>7}")
    for name in names:
        result = evaluate(EXTRACTORS[name], truth, pages)
        precision, recall, f1 = result.score()
        print(f"{name:<12} {precision:9.4f} {recall:7.4f} {f1:7.4f} "
              f"{result.score(lambda key: not held_out(key))[2]:6.4f} "
              f"{result.score(held_out)[2]:6.4f} "
              f"{result.pages_per_second:8.1f} {result.wall_pages_per_second:7.1f}", flush=True)
        if args.worst and name == "digest":
            ranked = sorted(((key, pr) for key, pr in result.per_page.items()
                             if not held_out(key)), key=lambda item: _page_f1(item[1]))
            for key, (p, r) in ranked[:args.worst]:
                print(f"  {key[:12]} precision={p if p is None else round(p, 3)} "
                      f"recall={r if r is None else round(r, 3)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
