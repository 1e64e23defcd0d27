"""Build the site in-process: Pelican with the digest plugin, then Pagefind."""

from __future__ import annotations

import contextlib
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from ..errors import DigestError
from . import state
from .settings import from_config

# The project's settings file; another one can be given with --settings.
PLUGIN = "digest.site.plugin"
DEFAULT_SETTINGS = Path(__file__).resolve().parents[2] / "pelicanconf.py"


@dataclass
class BuildResult:
    output: Path
    articles: int
    warnings: list[DigestError] = field(default_factory=list)
    search: dict[str, int] = field(default_factory=dict)  # pages indexed per language


def settings_path(config: Config, given: str | Path | None) -> Path:
    if given:
        path = Path(given)
        if not path.is_file():
            raise DigestError("settings file not found", path)
        return path
    return DEFAULT_SETTINGS


def build_site(config: Config, *, settings_file: str | Path | None = None,
               output: str | Path | None = None, search: bool = True,
               overrides: dict[str, object] | None = None) -> BuildResult:
    """Build ``config.content_dir`` into the output folder; raises DigestError on bad input."""
    from pelican import Pelican
    from pelican.settings import read_settings

    if not config.content_dir.is_dir():
        raise DigestError("content folder not found", config.content_dir)
    settings_override = {**from_config(config), **(overrides or {})}
    if output:
        settings_override["OUTPUT_PATH"] = str(Path(output).resolve())
    path = settings_path(config, settings_file)
    settings = read_settings(str(path), override=settings_override)
    if PLUGIN not in settings.get("PLUGINS", []):
        raise DigestError(f"PLUGINS must include {PLUGIN!r} to build a digest", path)
    out = Path(settings["OUTPUT_PATH"])
    # Pelican prints a summary on stdout; the caller reports the build its own way.
    with contextlib.redirect_stdout(io.StringIO()), _pelican_errors() as errors:
        Pelican(settings).run()
    if errors:
        raise DigestError("the build logged errors:\n" + "\n".join(errors), path)
    current = state.current()
    result = BuildResult(output=out, articles=int(current.extra.get("articles", 0)),
                         warnings=list(current.warnings))
    if search:
        from .search_index import build_index

        result.search = build_index(out)
    return result


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _pelican_errors():  # type: ignore[no-untyped-def]
    """Pelican logs some failures (a template error on one page) and carries on: collect them."""
    handler = _Collect()
    logger = logging.getLogger("pelican")
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
