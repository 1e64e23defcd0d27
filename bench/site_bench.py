"""Full-build benchmark: the digest (with and without search) next to plain Pelican.

    python bench/site_bench.py [--sizes 1000 10000] [--only digest,digest-search,pelican]

Generates a synthetic corpus per size into bench/.work/ (reused when already there), then
runs each build in its own subprocess and reports wall time, CPU time and peak memory
(ru_maxrss of that process and the children it waited for, from os.wait4) and the output's
size.
Plain Pelican needs Python-Markdown: it is installed with ``pip --target`` into
bench/.work/pydeps, outside the project's environment.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tools/ folder is not an installed package

from tools.plain_pelican import build_command, convert  # noqa: E402
from tools.synthetic_corpus import CorpusSize, generate  # noqa: E402

WORK = ROOT / "bench" / ".work"
BUILDS = ("digest", "digest-search", "pelican")
DIGEST_TOML = """\
[digest]
name = "Benchmark Digest"
languages = ["id", "ms", "en", "ar", "fr", "de"]
site_languages = ["en", "id"]
default_language = "en"
site_url = "https://bench.example"
"""


@dataclass
class Result:
    build: str
    articles: int
    seconds: float
    cpu_seconds: float  # user + system: steadier than wall time on a shared machine
    peak_mb: float
    output_mb: float
    files: int
    status: int


def corpus(size: int) -> Path:
    """bench/.work/corpus-N/ with digest.toml and content/, generated once."""
    folder = WORK / f"corpus-{size}"
    stamp = folder / ".complete"
    if not stamp.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder / "content", CorpusSize(articles=size))
        (folder / "digest.toml").write_text(DIGEST_TOML, encoding="utf-8")
        stamp.touch()
    return folder


def measure(name: str, size: int, command: list[str], env: dict, output: Path,
            log: Path) -> Result:
    """Run one build; peak RSS comes from wait4 on that very process."""
    shutil.rmtree(output, ignore_errors=True)
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env,
                                cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    files = [p for p in output.rglob("*") if p.is_file()] if output.is_dir() else []
    return Result(name, size, round(seconds, 1), round(usage.ru_utime + usage.ru_stime, 1),
                  round(usage.ru_maxrss / 1024, 0),
                  round(sum(p.stat().st_size for p in files) / 2**20, 1), len(files),
                  proc.returncode)


def commands(build: str, folder: Path) -> tuple[list[str], dict, Path]:
    output = folder / f"out-{build}"
    if build == "pelican":
        src = folder / "pelican-content"
        if not src.is_dir():
            convert(folder / "content", src)
        command, env = build_command(src, output, folder / "pelicanconf.py")
        return command, env, output
    command = [sys.executable, "-m", "digest", "--config", str(folder / "digest.toml"),
               "build", "--content", str(folder / "content"), "--output", str(output)]
    if build == "digest":
        command.append("--no-search")
    return command, dict(os.environ), output


def table(results: list[Result]) -> str:
    head = f"{'build':<14} {'articles':>8} {'wall s':>8} {'cpu s':>7} {'peak MB':>8} " \
           f"{'output MB':>9} {'files':>7}  status"
    rows = [f"{r.build:<14} {r.articles:>8} {r.seconds:>8.1f} {r.cpu_seconds:>7.1f} "
            f"{r.peak_mb:>8.0f} "
            f"{r.output_mb:>9.1f} {r.files:>7}  {'ok' if r.status == 0 else r.status}"
            for r in results]
    return "\n".join([head, *rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--only", default=",".join(BUILDS),
                        help=f"comma-separated builds among {', '.join(BUILDS)}")
    args = parser.parse_args(argv)
    builds = [b for b in args.only.split(",") if b]
    if unknown := set(builds) - set(BUILDS):
        parser.error(f"unknown build(s): {', '.join(sorted(unknown))}")
    results: list[Result] = []
    for size in args.sizes:
        print(f"corpus of {size} articles…", file=sys.stderr)
        folder = corpus(size)
        for build in builds:
            command, env, output = commands(build, folder)
            print(f"  {build}…", file=sys.stderr)
            result = measure(build, size, command, env, output, folder / f"{build}.log")
            if result.status != 0:
                print(f"  {build} failed: see {folder / f'{build}.log'}", file=sys.stderr)
            results.append(result)
    print(table(results))
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "results.json").write_text(json.dumps([asdict(r) for r in results], indent=1),
                                       encoding="utf-8")
    return 1 if any(r.status for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
