"""``digest build``: Pelican with the digest plugin and theme, then the Pagefind index."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..config import load_config
from ..site.build import BuildResult, build_site
from ..site.state import BuildFailed


def waiting(output: Path) -> Callable[[], None]:
    def say() -> None:
        print(f"digest: waiting for another build of {output} to finish", file=sys.stderr)
    return say


def report(result: BuildResult) -> None:
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    search = ", ".join(f"{lang} {n}" for lang, n in result.search.items())
    print(f"built {result.articles} articles into {result.output}"
          + (f"; search index: {search}" if search else ""))


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.content:
        config = config.with_content(args.content)
    try:
        result = build_site(config, settings_file=args.settings, output=args.output,
                            search=not args.no_search,
                            on_wait=waiting(Path(args.output or config.output_dir)))
    except BuildFailed as failed:
        for error in [*failed.warnings, *failed.errors]:
            print(error, file=sys.stderr)
        print(f"digest: build stopped: {len(failed.errors)} error(s)", file=sys.stderr)
        return 1
    report(result)
    return 0
