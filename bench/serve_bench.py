"""The preview loop in a browser: how long from saving an article to seeing it under `digest serve`.

    python bench/serve_bench.py                    # 1,000 articles
    python bench/serve_bench.py --sizes 1000,10000

For each size a synthetic digest (tools/synthetic_corpus.py) is generated once into
bench/.work/serve-N/, copied, and served by `digest serve` (a child process). Debian's
Chromium opens the middle article; then, each timed from the moment the file is written:

- edit: the article's title changes — the rebuild's time, when in it the new site was
  swapped in (the reload is sent then), and when the page showed the new title;
- break: a YAML mistake — when the error overlay appeared on the open page;
- fix: the mistake undone — when the page reloaded with the fixed title.

The rebuild's own figures are the server's terminal lines ("built N articles in X s
(pages reloaded at Y s)"). Everything runs on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tools/ folder is not an installed package

from tools.chromium import launch  # noqa: E402
from tools.serve_process import ServeProcess  # noqa: E402
from tools.synthetic_corpus import CorpusSize, generate  # noqa: E402

WORK = ROOT / "bench" / ".work"
DIGEST_TOML = """\
[digest]
name = "Serve Benchmark Digest"
languages = ["id", "ms", "en", "ar", "fr", "de"]
site_languages = ["en", "id"]
default_language = "en"
site_url = "https://bench.example"
"""
BUILT = re.compile(r"^built \d+ articles? in ([\d.]+) s \(pages reloaded at ([\d.]+) s\)")
TIMEOUT_MS = 600_000


def _is_built(line: str) -> bool:
    return BUILT.match(line) is not None


@dataclass
class Row:
    articles: int
    first_build: float
    other: float  # page shows edit − reload sent: watch, debounce, reload, page load
    rebuild: float  # the server's own figure
    swapped: float  # ditto: when the reload was sent, from the start of the rebuild
    shown: float  # edit → the page shows the new title
    overlay: float  # YAML mistake → overlay on the open page
    fixed: float  # fix → the page reloaded with the fixed title


def corpus(size: int) -> Path:
    folder = WORK / f"serve-{size}"
    if not (folder / ".complete").exists():
        print(f"generating {size} articles…", file=sys.stderr)
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder / "content", CorpusSize(articles=size))
        (folder / "digest.toml").write_text(DIGEST_TOML, encoding="utf-8")
        (folder / ".complete").touch()
    return folder


def _title_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("title:"))


def measure(size: int) -> Row:
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as tmp:
        root = Path(tmp) / "digest"
        shutil.copytree(corpus(size), root)
        article = sorted((root / "content" / "articles").rglob("*.md"))[size // 2]
        good = article.read_text(encoding="utf-8")
        serve = ServeProcess(root, startup=TIMEOUT_MS / 1000)
        try:
            first = BUILT.match(serve.wait_for(_is_built, TIMEOUT_MS / 1000))
            assert first
            with launch() as browser:
                page = browser.new_page()
                page.set_default_timeout(TIMEOUT_MS)
                page.goto(f"{serve.url}articles/{article.stem}/", wait_until="load")

                def changed(text: str, marker: str) -> float:
                    page.evaluate(f"window.{marker} = true")
                    start = time.monotonic()
                    article.write_text(text, encoding="utf-8")
                    return start

                edited = good.replace(_title_line(good), "title: Edited in the preview")
                start = changed(edited, "__m1")
                page.wait_for_function("() => window.__m1 === undefined && "
                                       "document.querySelector('h1')?.textContent"
                                       ".includes('Edited in the preview')")
                shown = time.monotonic() - start
                serve.wait_for(lambda line: line.startswith("changed:"))
                built = BUILT.match(serve.wait_for(_is_built))
                assert built

                start = changed(edited.replace("title: Edited", "title: Edited: in"), "__m2")
                page.locator("#digest-error-overlay").wait_for(state="visible")
                overlay = time.monotonic() - start

                start = changed(edited.replace("Edited in", "Fixed in"), "__m3")
                page.wait_for_function("() => window.__m3 === undefined && "
                                       "document.querySelector('h1')?.textContent"
                                       ".includes('Fixed in the preview')")
                fixed = time.monotonic() - start
        finally:
            serve.stop()
    return Row(articles=size, first_build=float(first.group(1)),
               other=shown - float(built.group(2)), rebuild=float(built.group(1)),
               swapped=float(built.group(2)), shown=shown, overlay=overlay, fixed=fixed)


def table(rows: list[Row]) -> str:
    head = ("| articles | first build | edit: rebuild | reload sent at | page shows edit "
            "| other (watch, debounce, page load) | YAML mistake: overlay | fix: page reloaded |")
    lines = [head, "|" + " --- |" * 8]
    for r in rows:
        lines.append(f"| {r.articles:,} | {r.first_build:.1f} s | {r.rebuild:.2f} s | "
                     f"{r.swapped:.2f} s | {r.shown:.2f} s | {r.other:.2f} s | "
                     f"{r.overlay:.2f} s | {r.fixed:.2f} s |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000", help="comma-separated article counts")
    args = parser.parse_args(argv)
    rows = [measure(int(n)) for n in args.sizes.split(",")]
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
