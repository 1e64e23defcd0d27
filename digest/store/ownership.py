"""Who owns each front-matter field: digest (it may rewrite it) or an editor (kept).

digest writes a ``machine:`` line before ``checksum:``: a flow mapping of field to the
first 8 hex digits of the SHA-256 of the value it wrote, e.g.
``machine: {title: 1a2b3c4d, actors: 5e6f7a8b, summary: editor}``. A field is digest's
while its value still hashes to the stamp; once an editor changes it (or when the stamp
says ``editor``) it is the editor's, and re-ingesting or re-tagging keeps it. Editing the
summary therefore leaves the actor list digest's.

* A translation is the editor's when its ``by:`` says ``editor``; a machine one is
  stamped as ``translations.<lang>`` and becomes the editor's once edited.
* ``story:`` is not stamped: ``content/stories.yml`` records which ids digest set.
* ``source.retrieved`` is left out of the hash: digest moves it on each update.
* A field missing from the stamp (files digest wrote before fields were stamped, or an
  editor's new key) is *unknown*: the next write keeps the file's value when it differs
  from digest's and adopts the field when the values agree.

A file with only ``checksum:`` (written before fields were stamped) is digest's
throughout when the checksum still matches, and unknown throughout otherwise.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..article import Article
from .schema import FIELDS

STAMP_KEY = "machine"
EDITOR = "editor"
# Fields whose ownership is tracked here, in the table's order, then the body.
TRACKED: tuple[str, ...] = (*(f.key for f in FIELDS if f.key not in ("translations", "story")),
                            "body")
_HASH = re.compile(r"^[0-9a-f]{8}$")
_DUMP = {f.key: f.dump for f in FIELDS}


def fingerprint(value: Any) -> str:
    """Eight hex digits of the SHA-256 of ``value`` in a canonical JSON form."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def value_of(article: Article, key: str) -> Any:
    """What ownership compares for ``key``: the value as written, empty as ``None``."""
    if key == "body":
        return article.body.strip("\n") or None
    if key.startswith("translations."):
        t = article.translations.get(key.split(".", 1)[1])
        return None if t is None else {"title": t.title, "summary": t.summary, "by": t.by}
    if key == "source":
        return {"name": article.source.name, "url": article.source.url}
    value = _DUMP[key](getattr(article, key))
    return None if value in ("", [], {}) else value


def keys_of(article: Article) -> list[str]:
    """Every key ownership is tracked for in ``article``."""
    return [*TRACKED, *(f"translations.{lang}" for lang in sorted(article.translations))]


def read_stamp(meta: Mapping[Any, Any]) -> dict[str, str] | None:
    """The ``machine:`` mapping of parsed front matter; ``None`` when absent or not one
    digest could have written (it is then ignored, as on an older file)."""
    stamp = meta.get(STAMP_KEY)
    if not isinstance(stamp, dict):
        return None
    clean = {k: v for k, v in stamp.items() if isinstance(k, str) and isinstance(v, str)
             and (v == EDITOR or _HASH.match(v))}
    return clean if len(clean) == len(stamp) else None


@dataclass
class Ownership:
    """Per key: ``True`` digest's, ``False`` the editor's; keys not listed are unknown."""

    machine: dict[str, bool]

    def editor_keys(self) -> set[str]:
        return {k for k, mine in self.machine.items() if not mine}

    def is_machine(self, key: str) -> bool | None:
        return self.machine.get(key)


def ownership(article: Article, meta: Mapping[Any, Any], untouched: bool) -> Ownership:
    """Who owns each field of a file, from its stamp (see the module's rules)."""
    stamp = read_stamp(meta)
    owned: dict[str, bool] = {}
    for key in keys_of(article):
        if key.startswith("translations."):
            if article.translations[key.split(".", 1)[1]].by == EDITOR:
                owned[key] = False
                continue
            if stamp is None or key not in stamp:
                owned[key] = True  # ``by: machine:…`` says so
                continue
        if stamp is None:
            if untouched:
                owned[key] = True
            continue
        mark = stamp.get(key)
        if mark is not None:
            owned[key] = mark != EDITOR and mark == fingerprint(value_of(article, key))
    return Ownership(owned)


def resolve(owner: Ownership, old: Article, new: Article, keys: Iterable[str]) -> Ownership:
    """Settle unknown ``keys``: digest's where its new value equals the file's, else the
    editor's (digest cannot tell an old edit from an old version of its own value)."""
    owned = dict(owner.machine)
    for key in keys:
        if key not in owned:
            owned[key] = value_of(old, key) == value_of(new, key)
    return Ownership(owned)


def stamp_for(article: Article, owner: Ownership) -> dict[str, str]:
    """The ``machine:`` mapping for ``article`` as it will be written: a hash for each
    field digest owns, ``editor`` for the editor's, nothing for unknown ones."""
    stamp: dict[str, str] = {}
    for key in keys_of(article):
        mine = owner.is_machine(key)
        if key.startswith("translations."):
            t = article.translations[key.split(".", 1)[1]]
            if t.by == EDITOR:
                continue  # its ``by:`` already says whose it is
            mine = True if mine is None else mine
        if mine is None:
            continue
        stamp[key] = fingerprint(value_of(article, key)) if mine else EDITOR
    return stamp


def stamp_line(stamp: Mapping[str, str]) -> str:
    """The ``machine:`` line as digest writes it (one line, so diffs stay small)."""
    # Eight digits alone would read back as a number: quoted.
    items = ", ".join(f"{k}: '{v}'" if v.isdigit() else f"{k}: {v}"
                      for k, v in stamp.items())
    return f"{STAMP_KEY}: {{{items}}}"
