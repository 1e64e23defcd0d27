"""A broken theme template reported as ``template:line: message``, not a traceback."""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterator

from ..errors import DigestError


@contextlib.contextmanager
def template_errors() -> Iterator[None]:
    """A broken theme template: ``template:line: message`` instead of a traceback."""
    from jinja2 import TemplateError, TemplateSyntaxError

    try:
        yield
    except TemplateSyntaxError as exc:
        raise DigestError(f"template error: {exc.message}", exc.filename or exc.name,
                          exc.lineno) from None
    except TemplateError as exc:
        # Jinja rewrites the traceback so that template lines appear as frames.
        frames = [f for f in traceback.extract_tb(exc.__traceback__)
                  if f.filename.endswith((".html", ".xml", ".j2"))]
        where = frames[-1] if frames else None
        raise DigestError(f"template error: {exc}", where.filename if where else None,
                          where.lineno if where else None) from None
