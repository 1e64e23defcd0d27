"""Download one URL with limits: timeouts, at most 5 redirects, a streamed size cap."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from .. import __version__
from ..errors import DigestError

MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
USER_AGENT = f"digest/{__version__}"


@dataclass
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str  # media type only, lower-case: "text/html"
    charset: str | None  # from the Content-Type header


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def over_limit(size: int, limit: int) -> str:
    return f"{megabytes(size)} is over the {limit // (1024 * 1024)} MB limit"


def _stopped(limit: int) -> str:
    return f"download stopped: over the {limit // (1024 * 1024)} MB limit"


def fetch(url: str, *, max_bytes: int = MAX_BYTES, timeout: httpx.Timeout = TIMEOUT,
          client: httpx.Client | None = None) -> Fetched:
    """GET ``url``; raises DigestError("<url>: <one-line reason>") on any failure."""
    own = client is None
    client = client or httpx.Client(
        follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout,
        headers={"User-Agent": USER_AGENT})
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                reason = f"HTTP {response.status_code}"
                if response.reason_phrase:
                    reason += f" {response.reason_phrase}"
                raise DigestError(reason, url)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise DigestError(over_limit(int(declared), max_bytes), url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:  # a lying or missing Content-Length
                    raise DigestError(_stopped(max_bytes), url)
                chunks.append(chunk)
            media, _, params = response.headers.get("content-type", "").partition(";")
            return Fetched(url=str(response.url), data=b"".join(chunks),
                           content_type=media.strip().lower(), charset=_charset(params))
    except httpx.TooManyRedirects:
        raise DigestError(f"more than {MAX_REDIRECTS} redirects", url) from None
    except httpx.TimeoutException:
        raise DigestError("timed out", url) from None
    except (httpx.ConnectError, httpx.RemoteProtocolError):
        raise DigestError("cannot connect", url) from None
    except httpx.UnsupportedProtocol:
        raise DigestError("unsupported URL scheme", url) from None
    except httpx.InvalidURL as exc:
        raise DigestError(f"invalid URL: {exc}", url) from None
    except httpx.HTTPError as exc:
        raise DigestError(f"download failed: {exc}", url) from None
    finally:
        if own:
            client.close()


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
