"""``digest translate --by editor PATH --to LANG``: store an editor's translation.

The title and summary come from ``--title`` / ``--summary`` or, when neither is given,
from ``$VISUAL`` / ``$EDITOR`` opened on a small YAML form (prefilled with the current
translation, the original shown as comments). The file gets ``translations.<lang>``
with ``by: editor`` by an in-place edit of that key; the ``machine:`` stamp and checksum
are renewed, so the fields digest owns stay digest's (a later ingest or retag may still
update them) and machine translation never replaces the editor's.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..article import Translation
from ..errors import DigestError
from ..paths import display_path as shown
from ..store.atomic import WriteError
from ..store.edit import set_keys
from ..store.frontmatter import load_yaml, parse, write_atomic
from ..store.ownership import ownership, stamp_for
from ..store.schema import LANG_RE, dump_translations, read_article
from ..store.write import is_untouched
from ..text.lang import base_language


def _form(lang: str, title: str, summary: str | None, current: Translation | None) -> str:
    def quoted(text: str | None) -> str:
        return "\n".join(f"#   {line}" for line in (text or "").splitlines()) or "#   -"

    return (f"# Translation into {lang}. Save and close to store it; empty title = cancel.\n"
            f"# Original title:\n{quoted(title)}\n# Original summary:\n{quoted(summary)}\n"
            f"title: {_scalar(current.title if current else None)}\n"
            f"summary: {_scalar(current.summary if current else None)}\n")


def _scalar(text: str | None) -> str:
    return json.dumps(text, ensure_ascii=False) if text else "''"


def _from_editor(lang: str, title: str, summary: str | None,
                 current: Translation | None) -> tuple[str | None, str | None]:
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not command:
        raise DigestError("pass --title (and --summary), or set $EDITOR")
    with tempfile.TemporaryDirectory() as tmp:
        form = Path(tmp) / f"translation-{lang}.yml"
        form.write_text(_form(lang, title, summary, current), encoding="utf-8")
        try:
            done = subprocess.run([*shlex.split(command), str(form)], check=False)
        except OSError as exc:
            raise DigestError(f"cannot run the editor {command!r}: {exc.strerror}") from None
        if done.returncode != 0:
            raise DigestError(f"the editor exited with status {done.returncode}: nothing stored")
        data: Any = load_yaml(form.read_text(encoding="utf-8"), form)
    if not isinstance(data, dict):
        raise DigestError("the form must keep its title: and summary: lines")
    values = [data.get("title"), data.get("summary")]
    if not all(v is None or isinstance(v, str) for v in values):
        raise DigestError("title and summary must be text")
    return values[0], values[1]


def run(args: argparse.Namespace) -> int:
    paths, targets = list(args.paths), list(args.to or [])
    if len(paths) != 1 or len(targets) != 1:
        raise DigestError("--by editor takes one article and one --to language")
    path, lang = Path(paths[0]), targets[0]
    if not path.is_file():
        raise DigestError("no such file", path)
    if not LANG_RE.match(lang):
        raise DigestError(f"--to: {lang!r} is not a language tag (e.g. en, id, pt-BR)")
    text = path.read_text(encoding="utf-8")
    meta, body = parse(text, path)
    article, problems = read_article(meta, body.strip("\n"), origin=str(path))
    if problems:
        raise DigestError(f"fix the file first: {problems[0][1]}", path)
    if article.lang and base_language(article.lang) == base_language(lang):
        raise DigestError(f"the article is written in {article.lang} already", path)
    current = article.translations.get(lang)
    title, summary = args.title, args.summary
    if title is None and summary is None:
        title, summary = _from_editor(lang, article.title, article.summary, current)
    elif title is None and current is not None:
        title = current.title
    if not (title or "").strip():
        print("digest translate: no title given: nothing stored", file=sys.stderr)
        return 1
    owner = ownership(article, meta, is_untouched(text))
    article.translations[lang] = Translation(title=title.strip(),
                                             summary=(summary or "").strip() or None,
                                             by="editor")
    new_text = set_keys(text, {"translations": dump_translations(article.translations)},
                        stamp_for(article, owner))
    if path.read_text(encoding="utf-8") != text:
        raise DigestError("changed while you were editing; run it again", path)
    try:
        write_atomic(path, new_text)
    except WriteError as exc:
        raise DigestError(f"{exc.reason} writing {shown(exc.target)}") from None
    print(f"translated {shown(path)}: {lang} (editor)")
    return 0
