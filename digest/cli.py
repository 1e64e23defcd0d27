"""The ``digest`` command line: argument parsing only; each command lives in ``commands/``."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from . import __version__
from .errors import DigestError


def _add_content(p: argparse.ArgumentParser) -> None:
    p.add_argument("--content", metavar="DIR",
                   help="content folder (default: the one in digest.toml)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digest", description="Build curated, multilingual news digests.")
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    parser.add_argument("--config", metavar="FILE",
                        help="settings file (default: the nearest digest.toml)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("ingest", help="extract, enrich and write articles into content/",
                       description="Extract, enrich and write one Markdown file per article. "
                       "Prints one line per article: created, updated, unchanged or skipped.")
    _add_content(p)
    p.add_argument("--date", metavar="YYYY-MM-DD", help="date to use when the text has none")
    p.add_argument("--lang", metavar="L", help="language of the inputs (skips identification)")
    p.add_argument("--source-name", metavar="N", help="name of the outlet")
    p.add_argument("--source-url", metavar="U", help="URL the text came from")
    p.add_argument("--force", action="store_true",
                   help="overwrite files an editor has changed")
    p.add_argument("--translate-to", metavar="LANG", action="append", default=[],
                   help="also translate title and summary (needs a configured backend)")
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")

    p = sub.add_parser("extract", help="extract and enrich, print the result, write nothing")
    _add_content(p)
    p.add_argument("--format", choices=("json", "jsonl", "markdown"), default="json")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="date to use when the text has none")
    p.add_argument("--lang", metavar="L", help="language of the inputs (skips identification)")
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")

    p = sub.add_parser("check", help="validate articles and registries",
                       description="Validate every article and both registries; prints "
                       "path:line: message and exits 1 on any error.")
    _add_content(p)

    p = sub.add_parser("actors", help="work with the actor registry")
    asub = p.add_subparsers(dest="actors_command", metavar="ACTION", required=True)
    s = asub.add_parser("suggest", help="names in the articles that no actor claims yet")
    _add_content(s)
    s.add_argument("--min-count", type=int, default=2, metavar="N",
                   help="only names in at least N articles (default 2)")
    s.add_argument("--limit", type=int, default=50, metavar="N", help="at most N names")
    s.add_argument("--format", choices=("text", "yaml"), default="text",
                   help="yaml: registry stubs to paste into actors.yml")

    p = sub.add_parser("translate", help="add missing machine translations, or an editor's")
    _add_content(p)
    p.add_argument("--to", metavar="LANG", nargs="+", dest="to", action="extend",
                   help="target languages (default: the digest's site languages); "
                   "put article paths before --to, or end the languages with --")
    p.add_argument("--backend", choices=("ctranslate2", "openai"),
                   help="backend (default: digest.toml [translate])")
    p.add_argument("--model", metavar="PATH_OR_NAME", help="model directory or model name")
    p.add_argument("--only", choices=("missing", "all"), default="missing", type=str.lower,
                   help="translate only missing translations (default) or redo machine ones")
    p.add_argument("--by", choices=("machine", "editor"), default="machine",
                   help="editor: store your own translation of one article (--title, "
                   "--summary, or $EDITOR when neither is given)")
    p.add_argument("--title", metavar="TEXT", help="with --by editor: the translated title")
    p.add_argument("--summary", metavar="TEXT",
                   help="with --by editor: the translated summary")
    p.add_argument("paths", nargs="*", metavar="PATH", help="articles (default: all)")

    p = sub.add_parser("stories", help="group articles about one event into stories",
                       description="Cluster every article into stories. text lists the "
                       "stories; jsonl prints one {path, story} line per article. --write "
                       "stores story: in articles that have none (an editor's stays).")
    _add_content(p)
    p.add_argument("--write", action="store_true",
                   help="store each new story id in the article's front matter")
    p.add_argument("--format", choices=("text", "jsonl"), default="text")

    p = sub.add_parser("retag", help="re-tag stored articles after a registry change",
                       description="Re-run via, actors and topics over stored articles and "
                       "give a story to those without; keys an editor changed are kept. "
                       "Prints what changed and a summary; exit 1 if a file cannot be read.")
    _add_content(p)
    p.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")
    p.add_argument("paths", nargs="*", metavar="PATH", help="articles or folders (default: all)")

    p = sub.add_parser("build", help="build the site into output/ (Pelican + Pagefind)")
    _add_content(p)
    p.add_argument("--output", metavar="DIR", help="output folder")
    p.add_argument("--settings", metavar="FILE", help="Pelican settings (default pelicanconf.py)")
    p.add_argument("--no-search", action="store_true", help="skip the Pagefind index")

    p = sub.add_parser("serve", help="preview on 127.0.0.1 with live reload")
    _add_content(p)
    p.add_argument("--port", type=int, default=8000, help="port (0: any free one)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    name = args.command if args.command != "actors" else f"actors_{args.actors_command}"
    module = importlib.import_module(f"digest.commands.{name}")
    try:
        return int(module.run(args) or 0)
    except DigestError as exc:
        print(f"digest: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("digest: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of a pipe (``| head``) stopped early: no traceback, and nothing
        # more written to the closed pipe when Python flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
