"""Saved page bytes -> text: gzip, byte-order mark, declared charset, then detection."""

from __future__ import annotations

import codecs
import gzip
import re
import zlib

from charset_normalizer import from_bytes

from ...errors import DigestError

# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">,
# and <?xml encoding="x"?>: looked for in the first bytes, as browsers do.
_DECLARED = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
_PRESCAN_BYTES = 4096
# WHATWG Encoding Standard: these labels mean windows-1252 on the web.
_WEB_ALIASES = {"latin_1": "cp1252", "ascii": "cp1252", "iso8859_1": "cp1252"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _codec(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    name = name.replace("-", "_")
    return _WEB_ALIASES.get(name, name)


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first bytes, as a Python codec name."""
    match = _DECLARED.search(data[:_PRESCAN_BYTES])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "replace")
    codec = _codec(label)
    # A page served as UTF-16 cannot declare it in ASCII bytes: the declaration is stale.
    return None if codec and codec.startswith("utf_16") else codec


def decode_html(data: bytes, origin: str | None = None) -> str:
    """Decode a saved page: BOM first, then a declared charset that actually decodes,
    then strict UTF-8, then charset-normalizer's best guess."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            raise DigestError(f"corrupt gzip data: {err}", origin) from err
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    codec = declared_charset(data)
    # A page declaring UTF-8 that is not is nearly always windows-1252 text (the classic
    # mislabel), and detection is unreliable on the little text some pages have.
    for candidate in (codec, "cp1252") if codec == "utf_8" else (codec,):
        if candidate:
            try:
                return data.decode(candidate)
            except UnicodeDecodeError:
                pass  # a wrong declaration is common: fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return data.decode(_codec(best.encoding) or best.encoding, errors="replace")
    return data.decode("cp1252", errors="replace")
