"""The same articles built by plain Pelican with its default theme, for comparison.

Digest article files (YAML front matter) become Pelican-style Markdown (``Key: value``
lines): first topic as the category, actor ids as tags, the summary kept. Pelican's own
Markdown reader needs Python-Markdown, which the digest does not depend on: it is installed
with ``pip --target`` into ``bench/.work/pydeps`` (never into the project's environment).

    python tools/plain_pelican.py CONTENT OUTPUT   # converts, then builds
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `tools` and `digest` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.store.frontmatter import parse
from digest.store.schema import to_date

ROOT = Path(__file__).resolve().parents[1]
PYDEPS = ROOT / "bench" / ".work" / "pydeps"
MARKDOWN_REQ = "markdown>=3.5,<4"

SETTINGS = """\
# Plain Pelican, default theme (notmyidea); only paths, feeds and pagination set.
AUTHOR = "Digest"
SITENAME = "Plain Pelican"
SITEURL = ""
PATH = {content!r}
OUTPUT_PATH = {output!r}
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 10
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{{slug}}.atom.xml"
"""


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def _date(value: object) -> str:
    when = to_date(value)
    if isinstance(when, dt.datetime):
        return when.strftime("%Y-%m-%d %H:%M")
    if isinstance(when, dt.date):
        return when.isoformat()
    return "1970-01-01"


def to_pelican_markdown(meta: dict, body: str, slug: str) -> str:
    """One article in Pelican's Markdown metadata format."""
    lines = [f"Title: {_one_line(meta.get('title') or slug)}",
             f"Date: {_date(meta.get('date'))}",
             f"Slug: {slug}"]
    topics = meta.get("topics") or []
    if topics:
        lines.append(f"Category: {topics[0]}")
    if meta.get("actors"):
        lines.append(f"Tags: {', '.join(str(a) for a in meta['actors'])}")
    source = meta.get("source")
    if isinstance(source, dict) and source.get("name"):
        lines.append(f"Authors: {_one_line(source['name'])}")
    if meta.get("summary"):
        lines.append(f"Summary: {_one_line(meta['summary'])}")
    return "\n".join(lines) + "\n\n" + body.strip() + "\n"


def convert(content: Path, dest: Path) -> int:
    """Write every article of ``content/articles`` into ``dest``; returns how many."""
    dest.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted((content / "articles").rglob("*.md")):
        meta, body = parse(path.read_text(encoding="utf-8"), path)
        if (meta.get("status") or "published") != "published":
            continue
        target = dest / path.relative_to(content / "articles")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(to_pelican_markdown(meta, body, path.stem), encoding="utf-8")
        count += 1
    return count


def ensure_markdown() -> Path:
    """Python-Markdown in a private folder (PYDEPS), installed once from PyPI."""
    if not (PYDEPS / "markdown").is_dir():
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target",
                        str(PYDEPS), MARKDOWN_REQ], check=True)
    return PYDEPS


def build_command(content: Path, output: Path, settings: Path) -> tuple[list[str], dict]:
    """The command and environment that build ``content`` with plain Pelican."""
    settings.write_text(SETTINGS.format(content=str(content), output=str(output)),
                        encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ensure_markdown()), os.environ.get("PYTHONPATH", "")) if p)}
    return [sys.executable, "-m", "pelican", "--settings", str(settings), "--output",
            str(output), "--delete-output-directory", str(content)], env


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    content, output = Path(args[0]).resolve(), Path(args[1]).resolve()
    work = output.parent / f"{output.name}-src"
    convert(content, work / "content")
    command, env = build_command(work / "content", output, work / "pelicanconf.py")
    return subprocess.run(command, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
