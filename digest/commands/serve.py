"""``digest serve``: serve on 127.0.0.1, rebuild when content, theme or settings change.

A rebuild replaces the output folder only when it succeeded, and the server looks
each request up by path in that folder: it serves the new site after a good
rebuild (open pages reload as soon as it is swapped in) and the last good one
after a failed one (open pages show the errors over it until a rebuild succeeds).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..config import Config, find_config, load_config
from ..errors import DigestError
from ..site.build import DEFAULT_SETTINGS, build_site
from ..site.serve import DEFAULT_HOST, PreviewServer
from ..site.state import BuildFailed
from ..site.watch import Sources, Watcher, describe
from .build import waiting


def _say(text: object, error: bool = False) -> None:
    print(text, file=sys.stderr if error else sys.stdout, flush=True)


def rebuild(config: Config, server: PreviewServer | None = None) -> bool:
    """One build, timed. On failure the errors (``path:line: message``) are printed and
    sent to the open pages, and the last good site stays served."""
    start = time.monotonic()
    swapped: list[float] = []

    def on_swapped() -> None:
        swapped.append(time.monotonic() - start)
        if server is not None:
            server.reloaded()

    errors: list[DigestError | str]
    try:
        result = build_site(config, on_wait=waiting(config.output_dir), on_swapped=on_swapped)
    except BuildFailed as failed:
        for warning in failed.warnings:
            _say(warning, error=True)
        errors = list(failed.errors)
    except DigestError as exc:
        errors = [exc]
    except Exception as exc:  # a bug (a plugin, a template filter): the preview lives on
        errors = [f"unexpected error: {type(exc).__name__}: {exc}"]
    else:
        if not swapped:  # a build that wrote in place, without a swap
            on_swapped()
        for warning in result.warnings:
            _say(warning, error=True)
        noun = "article" if result.articles == 1 else "articles"
        _say(f"built {result.articles} {noun} in {time.monotonic() - start:.1f} s "
             f"(pages reloaded at {swapped[0]:.1f} s)")
        return True
    for error in errors:
        _say(error if isinstance(error, DigestError) else f"digest: {error}", error=True)
    served = ("still serving the last good site" if config.output_dir.is_dir()
              else "nothing to serve until it builds")
    _say(f"digest: the build failed after {time.monotonic() - start:.1f} s "
         f"({len(errors)} error(s)); {served}", error=True)
    if server is not None:
        server.failed(errors)
    return False


def reloaded_config(path: Path, content: str | None, served: Config) -> Config:
    config = load_config(path)
    if content:
        config = config.with_content(content)
    if (config.content_dir, config.output_dir) != (served.content_dir, served.output_dir):
        raise DigestError("the content or output folder changed: restart `digest serve` "
                          "to serve it", path)
    return config


def run(args: argparse.Namespace) -> int:
    found = Path(args.config) if args.config else find_config()
    config_file = found.resolve() if found else None
    config = load_config(config_file)
    if args.content:
        config = config.with_content(args.content)
    host = getattr(args, "host", DEFAULT_HOST)
    try:
        server = PreviewServer(config.output_dir, args.port, host).start()
    except OSError as exc:
        _say(f"digest: cannot listen on {host}:{args.port}: {exc.strerror}", error=True)
        return 1
    _say(f"serving {config.output_dir} on {server.url} (Ctrl+C to stop)")
    theme = DEFAULT_SETTINGS.parent / "theme"
    files = (config_file, DEFAULT_SETTINGS) if config_file else (DEFAULT_SETTINGS,)
    sources = Sources(folders=(config.content_dir, theme), files=files,
                      output=config.output_dir)
    watcher = Watcher(sources)  # from before the first build: edits made during it count
    try:
        watcher.ready(timeout=30)
        rebuild(config, server)
        for paths in watcher.batches():
            _say(f"changed: {describe(paths)}")
            if config_file is not None and config_file in paths:
                try:
                    config = reloaded_config(config_file, args.content, config)
                except DigestError as exc:
                    _say(exc, error=True)
                    server.failed([exc])
                    continue
            rebuild(config, server)
    except KeyboardInterrupt:
        pass  # Ctrl+C is how the preview ends
    finally:
        watcher.stop()
        server.stop()
    return 0
