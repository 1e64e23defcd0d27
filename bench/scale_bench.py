"""Scale benchmark: `digest build` next to Hugo + Pagefind and plain Pelican, then
incremental builds.

    python bench/scale_bench.py                       # 1k and 10k articles
    python bench/scale_bench.py --sizes 1000,10000,100000   # 100k only when asked
    python bench/scale_bench.py --sizes 1000 --incremental 0 --only digest

For each size a synthetic digest (tools/synthetic_corpus.py: six languages, actors,
topics, English translations) is generated into bench/.work/scale-N/ once, and built
by each builder in its own process tree, which is measured (tools/proc_tree.py): wall
time, CPU (user + system of the tree), peak RSS per program (the Python build and the
Pagefind process separately) and of the whole tree at one moment, output files and
bytes. Hugo + Pagefind is the same articles as a minimal Hugo site (tools/hugo_site.py)
built by Hugo, then indexed by the Pagefind binary of the `pagefind` package over its
article pages. Hugo is installed with apt-get when missing and running as root.

Then at one size (``--incremental``, default 10000) the digest is built once in a copy
of the corpus and rebuilt after each of: one article edited, one added, one deleted,
one registry alias added, with the number of output files each rebuild changed.

A build whose tree crosses ``--limit-mb`` of memory is stopped and marked "killed":
100k articles can exceed this machine's memory. Results: bench/.work/scale-results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tools/ folder is not an installed package

from tools import hugo_site, plain_pelican  # noqa: E402
from tools.corpus_edits import EDITS  # noqa: E402
from tools.proc_tree import TreeUsage, run_measured  # noqa: E402
from tools.synthetic_corpus import CorpusSize, generate  # noqa: E402

WORK = ROOT / "bench" / ".work"
BUILDERS = ("digest", "hugo+pagefind", "pelican")
DIGEST_TOML = """\
[digest]
name = "Benchmark Digest"
languages = ["id", "ms", "en", "ar", "fr", "de"]
site_languages = ["en", "id"]
default_language = "en"
site_url = "https://bench.example"
"""
ARTICLE_GLOB = "articles/**/*.html"


@dataclass
class Row:
    build: str
    articles: int
    wall: float
    cpu: float
    peak_tree_mb: float
    peak_mb: dict[str, float] = field(default_factory=dict)
    files: int = 0
    output_mb: float = 0.0
    status: str = "ok"
    changed: int | None = None  # incremental rows: output files added, changed or removed


def pagefind_binary() -> str:
    from pagefind_bin import get_executable  # the binary shipped with `pagefind[bin]`

    return str(get_executable())


def ensure_hugo() -> str | None:
    """The hugo executable; installed with apt-get when missing and running as root."""
    if found := shutil.which("hugo"):
        return found
    if os.geteuid() == 0:
        print("installing Hugo (apt-get install -y hugo)…", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-q", "hugo"], check=False,
                       stdout=subprocess.DEVNULL)
    return shutil.which("hugo")


def corpus(size: int) -> Path:
    """bench/.work/scale-N/ with digest.toml and content/, generated once."""
    folder = WORK / f"scale-{size}"
    stamp = folder / ".complete"
    if not stamp.exists():
        print(f"generating {size} articles…", file=sys.stderr)
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder / "content", CorpusSize(articles=size))
        (folder / "digest.toml").write_text(DIGEST_TOML, encoding="utf-8")
        stamp.touch()
    return folder


def snapshot(output: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``output`` with its size and mtime."""
    found = {}
    for dirpath, _, names in os.walk(output):
        for name in names:
            path = os.path.join(dirpath, name)
            info = os.stat(path)
            found[path] = (info.st_size, info.st_mtime_ns)
    return found


def changed(before: dict, after: dict) -> int:
    return sum(1 for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def _row(name: str, size: int, usage: TreeUsage, output: Path | None) -> Row:
    files = snapshot(output) if output and output.is_dir() else {}
    status = "killed" if usage.killed else ("ok" if usage.status == 0 else str(usage.status))
    return Row(name, size, round(usage.wall, 1), round(usage.cpu, 1),
               round(usage.peak_tree_mb), {k: round(v) for k, v in usage.peak_mb.items()},
               len(files), round(sum(s for s, _ in files.values()) / 2**20, 1), status)


def digest_command(folder: Path, content: Path, output: Path) -> list[str]:
    return [sys.executable, "-m", "digest", "--config", str(folder / "digest.toml"),
            "build", "--content", str(content), "--output", str(output)]


def run_digest(folder: Path, size: int, limit: float) -> Row:
    output = folder / "out-digest"
    shutil.rmtree(output, ignore_errors=True)
    usage = run_measured(digest_command(folder, folder / "content", output), cwd=folder,
                         log=folder / "digest.log", limit_mb=limit)
    return _row("digest", size, usage, output)


def run_hugo_pagefind(folder: Path, size: int, limit: float) -> list[Row]:
    hugo = ensure_hugo()
    if not hugo:
        print("  Hugo is missing (apt-get install -y hugo): skipped", file=sys.stderr)
        return []
    site = folder / "hugo"
    if not (site / ".converted.json").exists():
        shutil.rmtree(site, ignore_errors=True)
        hugo_site.convert(folder / "content", site)
    public = site / "public"
    shutil.rmtree(public, ignore_errors=True)
    shutil.rmtree(site / "resources", ignore_errors=True)
    built = run_measured([hugo, "--quiet", "-s", str(site), "-d", str(public)],
                         log=folder / "hugo.log", limit_mb=limit)
    rows = [_row("  hugo", size, built, public)]
    if built.status == 0 and not built.killed:
        indexed = run_measured([pagefind_binary(), "--site", str(public), "--glob",
                                ARTICLE_GLOB], log=folder / "pagefind.log", limit_mb=limit)
        rows.append(_row("  pagefind", size, indexed, public / "pagefind"))
        # The pair: times add up, memory is the larger of the two steps' peaks, the
        # output is the whole public/ folder with the bundle.
        both = _row("hugo+pagefind", size, indexed, public)
        both.wall = round(built.wall + indexed.wall, 1)
        both.cpu = round(built.cpu + indexed.cpu, 1)
        both.peak_tree_mb = round(max(built.peak_tree_mb, indexed.peak_tree_mb))
        both.peak_mb = {**rows[0].peak_mb, **{k: round(v) for k, v in indexed.peak_mb.items()}}
        rows.insert(0, both)
    return rows


def run_pelican(folder: Path, size: int, limit: float) -> Row:
    src = folder / "pelican-content"
    if not (folder / ".pelican-converted").exists():
        shutil.rmtree(src, ignore_errors=True)
        plain_pelican.convert(folder / "content", src)
        (folder / ".pelican-converted").touch()
    output = folder / "out-pelican"
    command, env = plain_pelican.build_command(src, output, folder / "pelicanconf.py")
    usage = run_measured(command, env=env, cwd=folder, log=folder / "pelican.log",
                         limit_mb=limit)
    return _row("pelican", size, usage, output)


def incremental(size: int, limit: float) -> list[Row]:
    """A full build in a copy of the corpus, then one rebuild after each edit."""
    source = corpus(size)
    folder = WORK / f"incremental-{size}"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(source / "content", folder / "content")
    shutil.copy(source / "digest.toml", folder / "digest.toml")
    output = folder / "output"
    command = digest_command(folder, folder / "content", output)
    print(f"  incremental at {size}: first build…", file=sys.stderr)
    usage = run_measured(command, cwd=folder, log=folder / "build-full.log", limit_mb=limit)
    rows = [_row("full (first)", size, usage, output)]
    for name, edit in EDITS.items():
        before = snapshot(output)
        edit(folder / "content")
        print(f"  incremental at {size}: {name}…", file=sys.stderr)
        usage = run_measured(command, cwd=folder, log=folder / f"build-{name}.log",
                             limit_mb=limit)
        row = _row(f"after {name}", size, usage, output)
        row.changed = changed(before, snapshot(output))
        rows.append(row)
    return rows


def _peaks(peaks: dict[str, float]) -> str:
    return " ".join(f"{name}={mb:.0f}" for name, mb in peaks.items())


def table(rows: list[Row], title: str) -> str:
    head = (f"{title:<15} {'articles':>8} {'wall s':>7} {'cpu s':>7} {'tree MB':>8} "
            f"{'files':>7} {'out MB':>7} {'changed':>7}  status  peak MB per program")
    lines = [head]
    for r in rows:
        lines.append(f"{r.build:<15} {r.articles:>8} {r.wall:>7.1f} {r.cpu:>7.1f} "
                     f"{r.peak_tree_mb:>8.0f} {r.files:>7} {r.output_mb:>7.1f} "
                     f"{'' if r.changed is None else r.changed:>7}  {r.status:<6}  "
                     f"{_peaks(r.peak_mb)}")
    return "\n".join(lines)


def ratios(rows: list[Row]) -> str:
    lines = ["ratios (digest / other; below 1 = digest better)",
             f"{'versus':<15} {'articles':>8} {'wall':>6} {'cpu':>6} {'tree MB':>8} "
             f"{'out MB':>7}"]
    by = {(r.build, r.articles): r for r in rows}
    for (name, size), digest in sorted(by.items(), key=lambda kv: kv[0][1]):
        if name != "digest" or digest.status != "ok":
            continue
        for other in ("hugo+pagefind", "pelican"):
            o = by.get((other, size))
            if o is None or o.status != "ok":
                continue
            lines.append(f"{other:<15} {size:>8} {digest.wall / o.wall:>6.2f} "
                         f"{digest.cpu / o.cpu:>6.2f} "
                         f"{digest.peak_tree_mb / o.peak_tree_mb:>8.2f} "
                         f"{digest.output_mb / o.output_mb:>7.2f}")
    return "\n".join(lines)


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(s) for s in text.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"sizes must be positive: {text!r}")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=_sizes, default=[1000, 10000],
                        help="comma-separated article counts (default 1000,10000; "
                             "100000 only when listed)")
    parser.add_argument("--only", default=",".join(BUILDERS),
                        help=f"comma-separated builders among {', '.join(BUILDERS)}")
    parser.add_argument("--incremental", type=int, default=10000,
                        help="size of the incremental runs (0: none; default 10000)")
    parser.add_argument("--limit-mb", type=float, default=16000,
                        help="stop a build whose process tree exceeds this (default 16000)")
    args = parser.parse_args(argv)
    builders = [b for b in args.only.split(",") if b]
    if unknown := set(builders) - set(BUILDERS):
        parser.error(f"unknown builder(s): {', '.join(sorted(unknown))}")
    rows: list[Row] = []
    for size in args.sizes:
        folder = corpus(size)
        for builder in builders:
            print(f"  {builder} at {size}…", file=sys.stderr)
            if builder == "digest":
                rows.append(run_digest(folder, size, args.limit_mb))
            elif builder == "pelican":
                rows.append(run_pelican(folder, size, args.limit_mb))
            else:
                rows.extend(run_hugo_pagefind(folder, size, args.limit_mb))
        print(table([r for r in rows if r.articles == size], "full build"), flush=True)
    inc = incremental(args.incremental, args.limit_mb) if args.incremental else []
    print()
    print(table(rows, "full build"))
    print()
    print(ratios(rows))
    if inc:
        print()
        print(table(inc, "incremental"))
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "scale-results.json").write_text(json.dumps(
        {"full": [asdict(r) for r in rows], "incremental": [asdict(r) for r in inc]},
        indent=1), encoding="utf-8")
    return 1 if any(r.status != "ok" for r in rows + inc) else 0


if __name__ == "__main__":
    sys.exit(main())
