"""Bytes to text: BOM, a declared charset if the bytes agree with it, then a guess.

Order of trust: a byte-order mark; strict UTF-8; the charset declared by the HTTP
header or the document itself (``<meta charset>``, ``<?xml encoding?>``), kept only if
the bytes decode under it; charset-normalizer's guess, leaning to Windows-1252. Text that decodes as
UTF-8 but was double-encoded on its way ("cafÃ©") is repaired. Never raises on
invalid bytes: the last resort replaces them.
"""

from __future__ import annotations

import codecs
import re
import zlib

import charset_normalizer

from ..errors import DigestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# UTF-8 bytes read as Windows-1252 and re-encoded: "Ã©" for "é", "â€™" for "’".
_CONTINUATION = "".join(  # UTF-8 continuation bytes 0x80-0xBF as Windows-1252 shows them
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0))
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{re.escape(_CONTINUATION)}]")
# WHATWG Encoding Standard: these labels mean windows-1252 on the web.
_AS_CP1252 = {"latin1", "latin-1", "iso-8859-1", "iso8859-1", "iso_8859_1", "l1",
              "ascii", "us-ascii", "cp819", "ibm819"}
# When the guess is close, a Western news text is far more likely Windows-1252.
_CP1252_MARGIN = 0.1


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset a document declares in its first bytes (XML declaration or HTML meta)."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def fix_mojibake(text: str) -> str:
    """Undo one round of UTF-8 read as Windows-1252, if that is clearly what happened."""
    before = len(_MOJIBAKE.findall(text))
    if not before:
        return text
    try:
        # Latin-1 covers the bytes Windows-1252 leaves undefined (0x81, 0x8D, …).
        raw = b"".join(c.encode("cp1252") if ord(c) > 0xFF else c.encode("latin-1")
                       for c in text)
        fixed = raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    return fixed if len(_MOJIBAKE.findall(fixed)) < before else text


def _guess(data: bytes) -> str:
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return data.decode("cp1252", errors="replace")
    best = matches[0]
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + _CP1252_MARGIN:
            best = match
            break
    return str(best)


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress, refusing more than ``limit`` bytes (a small file can hide a huge one)."""
    stream = zlib.decompressobj(wbits=31)
    out = stream.decompress(data, limit + 1)
    if len(out) > limit:
        raise DigestError(f"decompresses to more than {limit // (1024 * 1024)} MB")
    return out


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``; ``declared`` is a charset from outside (an HTTP header), if any."""
    bom = bom_encoding(data)
    if bom:
        return data[len(codecs.BOM_UTF8) if bom == "utf-8" else 0:].decode(
            bom, errors="replace").lstrip("\ufeff")
    # Valid UTF-8 is almost never another charset by accident, while a wrong
    # "latin-1" declaration in front of UTF-8 bytes is common: UTF-8 wins.
    text = _try(data, "utf-8")
    if text is not None:
        return fix_mojibake(text)
    for label in (declared, declared_charset(data)):
        codec = _codec(label)
        if codec and codec != "utf-8":
            text = _try(data, codec)
            if text is not None:
                return text
    return _guess(data)
