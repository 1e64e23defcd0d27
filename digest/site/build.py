"""Build the site in-process: Pelican with the digest plugin, then Pagefind.

Everything is written into a fresh folder beside the output, which replaces the
output only when the whole build succeeded (digest/site/staging.py): a failed or
killed build leaves the last good site as it was.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from ..errors import DigestError
from . import parallel, state
from .settings import from_config
from .staging import staged_output
from .template_errors import template_errors as _template_errors

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
               overrides: dict[str, object] | None = None,
               on_wait: Callable[[], None] | None = None,
               on_swapped: Callable[[], None] | None = None) -> BuildResult:
    """Build ``config.content_dir`` into the output folder; raises DigestError on bad input.

    ``on_wait`` is called if another build of the same output holds it: this one waits.
    ``on_swapped`` is called as soon as the new site is in place (the preview reloads).
    """
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
    _check_output(out, config)
    # Pelican's own settings, applied to the fresh folder: what it keeps of the old output.
    retain = list(settings["OUTPUT_RETENTION"]) if settings["DELETE_OUTPUT_DIRECTORY"] else None
    with staged_output(out, retain, on_wait, on_swapped) as stage:
        settings["OUTPUT_PATH"] = str(stage)
        # Pelican prints a summary on stdout; the caller reports the build its own way.
        with contextlib.redirect_stdout(io.StringIO()), _pelican_errors() as errors, \
                _template_errors():
            try:
                Pelican(settings).run()
            except BaseException:
                parallel.stop()  # a second process must not write on into the stage
                raise
        if errors:
            raise DigestError("the build logged errors:\n" + "\n".join(errors), path)
        current = state.current()
        result = BuildResult(output=out, articles=int(current.extra.get("articles", 0)),
                             warnings=list(current.warnings))
        if search:
            from .search_index import build_index

            pages = {_relative(path, stage): day for path, day in current.search_pages.items()}
            site = current.site
            jobs = site.search_jobs or min(2, os.cpu_count() or 1)
            try:
                result.search = build_index(stage, pages, max_pages=site.search_shard_pages,
                                            jobs=jobs, previous=out if out.is_dir() else None,
                                            languages=site.site_languages)
            except DigestError as exc:  # name the output, not the folder about to vanish
                exc.path = _in_output(exc.path, stage, out)
                raise
    return result


def _relative(path: str, stage: Path) -> str:
    try:
        return Path(path).relative_to(stage).as_posix()
    except ValueError:  # the same folder spelt through a symbolic link
        return Path(path).resolve().relative_to(stage.resolve()).as_posix()


def _in_output(path: str | None, stage: Path, out: Path) -> str | None:
    if path is None:
        return None
    p = Path(path)
    return str(out / p.relative_to(stage)) if p == stage or stage in p.parents else path


def _check_output(out: Path, config: Config) -> None:
    """The output is replaced whole: it must not hold the content or the digest itself."""
    for inner, what in ((config.content_dir, "content folder"), (config.root, "digest.toml")):
        inner = inner.resolve()
        if out == inner or out in inner.parents:
            raise DigestError(f"the output folder would replace the {what} within it; "
                              "choose another output", out)


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
