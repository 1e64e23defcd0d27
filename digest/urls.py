"""Which URLs digest stores and links to: absolute ``http``/``https`` only.

Article data is untrusted: a ``javascript:``, ``data:`` or ``vbscript:`` address in a
feed's ``<link>``, a JSON record or a page's metadata must never become a stored
``source.url`` or a rendered ``href``. Every URL-valued field goes through here.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

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


def encode_url(value: str) -> str:
    """``value`` stripped, with spaces and non-ASCII characters percent-encoded (a host
    in IDNA form): real addresses carry them, and they are not what makes a URL unsafe.

    Nothing else changes, so ``url_problem`` still judges the result: a control
    character or a ``javascript:`` scheme stays as it was and is refused there.
    """
    url = value.strip()
    if url.isascii() and " " not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return _percent(url)
    netloc = parts.netloc
    if not netloc.isascii():
        netloc = _idna_netloc(netloc)
    return urlunsplit((parts.scheme, netloc, _percent(parts.path), _percent(parts.query),
                       _percent(parts.fragment)))


def _percent(text: str) -> str:
    # Only spaces and non-ASCII: "%", "/", "?", "=", "&" and the rest keep their meaning.
    return "".join(ch if ch.isascii() and ch != " " else quote(ch, safe="") for ch in text)


def _idna_netloc(netloc: str) -> str:
    userinfo, at, hostport = netloc.rpartition("@")
    host, colon, port = hostport.partition(":")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        host = _percent(host)  # not a valid name: url_problem decides on what is left
    return f"{_percent(userinfo)}{at}{host}{colon}{port}"


def storable_url(value: object, what: str = "URL") -> tuple[str | None, str | None]:
    """``(url, None)`` with ``value`` encoded as ``encode_url`` does, when digest may
    store it, else ``(None, reason)``: one line naming ``what`` and the value."""
    url = encode_url(value) if isinstance(value, str) else value
    problem = url_problem(url)
    if problem is None:
        assert isinstance(url, str)
        return url, None
    return None, f"{what} {shown_url(value)} is not allowed: {problem}"


def shown_url(value: object, limit: int = 80) -> str:
    """A value quoted for a one-line message: controls visible, long ones cut."""
    text = repr(value) if isinstance(value, str) else f"of type {type(value).__name__}"
    return text if len(text) <= limit else text[:limit - 2] + "…" + text[0]


def linkable(value: object) -> str | None:
    """``value`` as an ``href``/``src`` (encoded as ``encode_url`` does) when it is a URL
    digest may link to, else None: for pages, which must hold whatever the files say."""
    return storable_url(value)[0]
