"""Pagefind's bundle rewritten so two builds of the same content are byte-identical.

Pagefind 1.5 fills its filter and metadata files from Rust hash maps, so their order
(and with it the files' hashed names) changes from run to run (Pagefind issue 638).
After Pagefind writes, each filter file gets its values sorted, each language's
``pf_meta`` its filter and sort lists sorted, and every rewritten file the name
Pagefind itself would give those bytes; ``pagefind-entry.json`` points at the new
metadata with its languages in order. Word indexes and fragments are already stable
and are left alone.

Every such file is gzip of ``pagefind_dcd`` + CBOR (minicbor: definite-length arrays,
text strings, shortest integers), which ``cbor2`` reproduces byte for byte; a file it
would not reproduce is refused rather than silently changed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cbor2

from ..errors import DigestError

MAGIC = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
FILTER_HASH_CHARS = 7  # Pagefind names a filter `<lang>_` + 7 hex digits


def pagefind_hash(data: bytes) -> str:
    """Pagefind's ``full_hash``: SHA-1, each byte as hex *without* zero padding."""
    return "".join(f"{b:x}" for b in hashlib.sha1(data).digest())


def meta_name(lang: str, body: bytes) -> str:
    # Pagefind keeps len(lang) + 8 hex digits of the metadata's hash.
    return f"{lang}_{pagefind_hash(body)[:len(lang) + 8]}"


def read_bundle_file(path: Path) -> Any:
    """Decode one ``pf_filter``/``pf_meta`` file, refusing any encoding we would alter."""
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, zlib.error) as exc:
        raise DigestError(f"search index: not a Pagefind file ({exc})", path) from None
    if not data.startswith(MAGIC):
        raise DigestError("search index: not a Pagefind file (no pagefind_dcd header)", path)
    body = data[len(MAGIC):]
    try:
        value = cbor2.loads(body)
    except cbor2.CBORDecodeError as exc:
        raise DigestError(f"search index: unreadable CBOR ({exc})", path) from None
    if cbor2.dumps(value) != body:
        raise DigestError("search index: CBOR in a form this Pagefind version did not "
                          "write; cannot make it reproducible", path)
    return value


def encode(value: Any) -> tuple[bytes, bytes]:
    """(CBOR body, file bytes): gzip with no name, mtime 0 and a fixed level."""
    body = cbor2.dumps(value)
    return body, gzip.compress(MAGIC + body, compresslevel=9, mtime=0)


def _is_int_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(n, int) for n in value)


def canonical_filter(value: Any, path: Path) -> list[Any]:
    """``[name, [[value, [pages]], …]]`` with values sorted and each page list sorted."""
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str)
            and isinstance(value[1], list)
            and all(isinstance(v, list) and len(v) == 2 and isinstance(v[0], str)
                    and _is_int_list(v[1]) for v in value[1])):
        raise DigestError("search index: unexpected filter file layout", path)
    name, values = value
    return [name, sorted([v, sorted(pages)] for v, pages in values)]


def _check_meta(meta: Any, path: Path) -> None:
    # [version, pages, index_chunks, filters [[name, hash]], sorts [[name, [pages]]], …]
    ok = (isinstance(meta, list) and len(meta) >= 4 and isinstance(meta[3], list)
          and all(isinstance(f, list) and len(f) == 2 and all(isinstance(s, str) for s in f)
                  for f in meta[3]))
    if ok and len(meta) > 4:
        ok = isinstance(meta[4], list) and all(
            isinstance(s, list) and len(s) == 2 and isinstance(s[0], str) for s in meta[4])
    if not ok:
        raise DigestError("search index: unexpected pf_meta layout", path)


@dataclass
class _Rewrite:
    """Files of one language: what to delete, what to write."""

    old: list[Path]
    new: dict[Path, bytes]


def _canonical_language(bundle: Path, lang: str, old_hash: str) -> tuple[str, _Rewrite]:
    meta_path = bundle / f"pagefind.{old_hash}.pf_meta"
    if not meta_path.is_file():
        raise DigestError(f"search index: {ENTRY} names a missing file", meta_path)
    meta = read_bundle_file(meta_path)
    _check_meta(meta, meta_path)
    rewrite = _Rewrite(old=[meta_path], new={})
    taken: set[str] = set()
    filters = []
    for name, fhash in sorted(meta[3]):
        path = bundle / "filter" / f"{fhash}.pf_filter"
        if not path.is_file():
            raise DigestError(f"search index: {meta_path.name} names a missing file", path)
        body, data = encode(canonical_filter(read_bundle_file(path), path))
        full = f"{lang}_{pagefind_hash(body)}"
        length = len(lang) + 1 + FILTER_HASH_CHARS
        while full[:length] in taken and length < len(full):  # as Pagefind: lengthen on clash
            length += 1
        new_hash = full[:length]
        taken.add(new_hash)
        rewrite.old.append(path)
        rewrite.new[bundle / "filter" / f"{new_hash}.pf_filter"] = data
        filters.append([name, new_hash])
    meta[3] = filters
    if len(meta) > 4:
        meta[4] = sorted(meta[4], key=lambda s: s[0])  # each page list is an order: kept
    body, data = encode(meta)
    new_meta = meta_name(lang, body)
    rewrite.new[bundle / f"pagefind.{new_meta}.pf_meta"] = data
    return new_meta, rewrite


def canonicalise(bundle: Path) -> None:
    """Rewrite the Pagefind bundle at ``bundle`` (``output/pagefind``) in canonical form."""
    entry_path = bundle / ENTRY
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        languages = entry["languages"]
        hashes = {lang: info["hash"] for lang, info in languages.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DigestError(f"search index: unreadable {ENTRY} ({exc})", entry_path) from None
    rewrites = []
    for lang in sorted(hashes):
        languages[lang]["hash"], rewrite = _canonical_language(bundle, lang, hashes[lang])
        rewrites.append(rewrite)
    # Everything is read before anything is written: a new name may equal an old one.
    for rewrite in rewrites:
        for path in rewrite.old:
            path.unlink(missing_ok=True)
    for rewrite in rewrites:
        for path, data in rewrite.new.items():
            path.write_bytes(data)
    entry["languages"] = dict(sorted(languages.items()))
    # serde_json's compact form, as Pagefind writes it.
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
