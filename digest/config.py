"""The digest's configuration (``digest.toml``), validated once at load."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from .errors import ConfigError

CONFIG_NAME = "digest.toml"
BACKENDS = ("none", "ctranslate2", "openai")


@dataclass(frozen=True)
class TranslateConfig:
    backend: str = "none"
    model: str | None = None  # model directory (ctranslate2) or model name (openai)
    base_url: str | None = None  # openai-compatible endpoint, e.g. http://127.0.0.1:11434/v1
    api_key_env: str = "DIGEST_OPENAI_API_KEY"
    timeout: float = 60.0
    retries: int = 3
    threads: int = 0  # CTranslate2 intra-op threads; 0 lets it choose

    @property
    def api_key(self) -> str | None:
        return os.environ.get(self.api_key_env)


@dataclass(frozen=True)
class Config:
    root: Path
    name: str = "Digest"
    description: str = ""
    # Languages articles may be in: language identification chooses among these.
    languages: tuple[str, ...] = ("en",)
    # The digest's own languages: interface catalogs and translation targets.
    site_languages: tuple[str, ...] = ("en",)
    default_language: str = "en"
    site_url: str = ""
    timezone: str = "UTC"
    content_dir: Path = field(default=Path("content"))
    output_dir: Path = field(default=Path("output"))
    translate: TranslateConfig = field(default_factory=TranslateConfig)

    @property
    def articles_dir(self) -> Path:
        return self.content_dir / "articles"

    @property
    def actors_path(self) -> Path:
        return self.content_dir / "actors.yml"

    @property
    def topics_path(self) -> Path:
        return self.content_dir / "topics.yml"

    def with_content(self, content_dir: str | Path) -> Config:
        from dataclasses import replace

        return replace(self, content_dir=Path(content_dir).resolve())


class _Problems:
    """Collects every problem in the file, so one run reports them all."""

    def __init__(self, path: Path):
        self.path = path
        self.messages: list[str] = []

    def add(self, message: str) -> None:
        self.messages.append(message)

    def raise_any(self) -> None:
        if self.messages:
            raise ConfigErrors([ConfigError(m, self.path) for m in self.messages])


class ConfigErrors(ConfigError):
    """Every problem in ``digest.toml``, one per line."""

    def __init__(self, errors: list[ConfigError]):
        super().__init__(errors[0].message, errors[0].path)
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(ConfigError.__str__(e) for e in self.errors)


def _language(value: object, key: str, problems: _Problems) -> str | None:
    if not isinstance(value, str) or not value:
        problems.add(f"{key}: expected a language code, got {value!r}")
        return None
    try:
        Locale.parse(value.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        problems.add(f"{key}: unknown language {value!r}")
        return None
    return value


def _languages(raw: dict[str, Any], key: str, default: tuple[str, ...], problems: _Problems
               ) -> tuple[str, ...]:
    value = raw.get(key, list(default))
    if not isinstance(value, list) or not value:
        problems.add(f"{key}: expected a non-empty list of language codes")
        return default
    found = [_language(v, key, problems) for v in value]
    return tuple(v for v in found if v) or default


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``digest.toml`` at or above ``start`` (default: the working directory)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: str | Path | None = None) -> Config:
    """Load and validate the configuration; without a file, defaults rooted at the cwd."""
    found = Path(path) if path else find_config()
    if found is None:
        root = Path.cwd().resolve()
        return Config(root=root, content_dir=root / "content", output_dir=root / "output")
    found = found.resolve()
    try:
        data = tomllib.loads(found.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", found) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", found) from None
    root = found.parent
    problems = _Problems(found)
    raw = data.get("digest", {})
    if not isinstance(raw, dict):
        problems.add("[digest]: expected a table of settings")
        raw = {}
    known = {
        "name", "description", "languages", "site_languages", "default_language",
        "site_url", "timezone", "content", "output",
    }
    unknown = set(raw) - known
    if unknown:
        problems.add(f"[digest]: unknown key(s) {', '.join(sorted(unknown))}")
    languages = _languages(raw, "languages", ("en",), problems)
    site_languages = _languages(raw, "site_languages", ("en",), problems)
    default_language = _language(raw.get("default_language", site_languages[0]),
                                 "default_language", problems) or site_languages[0]
    if default_language not in site_languages:
        problems.add("default_language must be one of site_languages")
    for key in ("name", "description", "site_url", "timezone", "content", "output"):
        if key in raw and not isinstance(raw[key], str):
            problems.add(f"{key}: expected a string")

    traw = data.get("translate", {})
    if not isinstance(traw, dict):
        problems.add("[translate]: expected a table of settings")
        traw = {}
    tknown = {"backend", "model", "base_url", "api_key_env", "timeout", "retries", "threads"}
    if set(traw) - tknown:
        problems.add(f"[translate]: unknown key(s) {', '.join(sorted(set(traw) - tknown))}")
    backend = traw.get("backend", "none")
    if backend not in BACKENDS:
        problems.add(f"[translate] backend: expected one of {', '.join(BACKENDS)}")
    timeout = traw.get("timeout", 60.0)
    retries = traw.get("retries", 3)
    threads = traw.get("threads", 0)
    if not isinstance(timeout, int | float) or isinstance(timeout, bool) or timeout <= 0:
        problems.add("[translate] timeout: expected a positive number of seconds")
    if not isinstance(retries, int) or isinstance(retries, bool) or retries < 0:
        problems.add("[translate] retries: expected a whole number ≥ 0")
    if not isinstance(threads, int) or isinstance(threads, bool) or threads < 0:
        problems.add("[translate] threads: expected a whole number ≥ 0")
    for key in ("model", "base_url", "api_key_env"):
        if key in traw and not isinstance(traw[key], str):
            problems.add(f"[translate] {key}: expected a string")
    problems.raise_any()
    translate = TranslateConfig(
        backend=backend,
        model=traw.get("model"),
        base_url=traw.get("base_url"),
        api_key_env=traw.get("api_key_env", "DIGEST_OPENAI_API_KEY"),
        timeout=float(timeout),
        retries=retries,
        threads=threads,
    )
    return Config(
        root=root,
        name=raw.get("name", "Digest"),
        description=raw.get("description", ""),
        languages=languages,
        site_languages=site_languages,
        default_language=default_language,
        site_url=raw.get("site_url", "").rstrip("/"),
        timezone=raw.get("timezone", "UTC"),
        content_dir=(root / raw.get("content", "content")).resolve(),
        output_dir=(root / raw.get("output", "output")).resolve(),
        translate=translate,
    )
