"""Which URLs digest stores and links to: absolute ``http``/``https`` only.

Article data is untrusted: a ``javascript:``, ``data:`` or ``vbscript:`` address in a
feed's ``<link>``, a JSON record or a page's metadata must never become a stored
``source.url`` or a rendered ``href``. Every URL-valued field goes through here.
"""

from __future__ import annotations

from urllib.parse import urlsplit

SCHEMES = ("http", "https")
# Controls and whitespace inside a URL are how browsers get tricked into reading
# "java\tscript:" as a scheme; a real address never needs them unescaped.
_FORBIDDEN = {chr(c) for c in range(0x21)} | {"\x7f", "<", ">", '"', "`", "\\"}


def url_problem(value: object) -> str | None:
    """Why ``value`` is not a URL digest may store or link to; None when it is one."""
    if not isinstance(value, str):
        return "expected a URL as text"
    url = value.strip()
    if not url:
        return "empty URL"
    bad = next((ch for ch in url if ch in _FORBIDDEN), None)
    if bad is not None:
        return f"URL contains {bad!r}"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return f"malformed URL ({exc})"
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        shown = f"{scheme}:" if scheme else "no scheme"
        return f"only http and https URLs are allowed ({shown})"
    if not parts.hostname:
        return "URL has no host"
    return None


def safe_url(value: object) -> str | None:
    """``value`` stripped if it is an absolute http(s) URL, else None."""
    if url_problem(value) is not None:
        return None
    assert isinstance(value, str)
    return value.strip()
