"""When a saved input was retrieved, as the file itself records it: the HTTP headers a
download kept at its top (``wget --save-headers``, ``curl -i``: ``Date``, else
``Last-Modified``) or the saving tool's note (SingleFile's ``saved date:``).

Relative date lines ("2 hours ago") count back from that time.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_STATUS = re.compile(rb"^HTTP/\d(?:\.\d)? \d{3}\b")
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_MAX_HEADERS = 64 * 1024
# SingleFile: "saved date: Wed Mar 04 2026 10:15:00 GMT+0100 (Central European Time)".
_SINGLEFILE = re.compile(rb"<!--[^>]{0,2000}?saved date:\s*(?:\w{3} )?(\w{3} \d{1,2} \d{4} "
                         rb"\d{2}:\d{2}:\d{2}) GMT([+-]\d{4})", re.IGNORECASE)


def _http_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def split_saved_headers(data: bytes) -> tuple[bytes, dt.datetime | None]:
    """The content without an HTTP header block saved at its top, and the retrieval
    time the headers give (``Date``, else ``Last-Modified``)."""
    if not _STATUS.match(data):
        return data, None
    end = _HEADER_END.search(data, 0, _MAX_HEADERS)
    if end is None:
        return data, None
    headers: dict[str, str] = {}
    for line in data[:end.start()].decode("latin-1").splitlines()[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers.setdefault(name.strip().lower(), value.strip())
    when = _http_date(headers.get("date")) or _http_date(headers.get("last-modified"))
    return data[end.end():], when


def saved_note_date(data: bytes) -> dt.datetime | None:
    """The date a page-saving tool wrote into the page (SingleFile's comment)."""
    m = _SINGLEFILE.search(data, 0, 8192)
    if m is None:
        return None
    try:
        return dt.datetime.strptime(f"{m.group(1).decode()} {m.group(2).decode()}",
                                    "%b %d %Y %H:%M:%S %z")
    except ValueError:
        return None
