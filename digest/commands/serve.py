"""``digest serve``: build, serve on 127.0.0.1 and rebuild when content or theme change.

A rebuild replaces the output folder only when it succeeded, and the server looks
each request up by path in that folder: it serves the new site after a good
rebuild and the last good one after a failed one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import Config, load_config
from ..errors import DigestError
from ..site.build import DEFAULT_SETTINGS, build_site
from ..site.serve import PreviewServer, watch
from ..site.state import BuildFailed
from .build import report, waiting


def rebuild(config: Config) -> bool:
    """One build; on failure the message is printed and the last good site stays served."""
    try:
        report(build_site(config, on_wait=waiting(config.output_dir)))
        return True
    except BuildFailed as failed:
        for error in [*failed.warnings, *failed.errors]:
            print(error, file=sys.stderr)
    except DigestError as exc:
        print(f"digest: {exc}", file=sys.stderr)
    return False


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.content:
        config = config.with_content(args.content)
    if not rebuild(config) and not (config.output_dir / "index.html").is_file():
        return 1
    try:
        server = PreviewServer(config.output_dir, args.port).start()
    except OSError as exc:
        print(f"digest: cannot listen on 127.0.0.1:{args.port}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"serving {config.output_dir} on {server.url} (Ctrl+C to stop)")
    theme = Path(DEFAULT_SETTINGS).parent / "theme"

    def changed() -> None:
        if rebuild(config):
            server.reloaded()

    try:
        watch(sorted({config.content_dir, theme}), changed)
    finally:
        server.stop()
    return 0
