"""The digest's configuration (``digest.toml``), validated once at load."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

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


def _language(value: object, path: Path, key: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{key}: expected a language code, got {value!r}", path)
    try:
        Locale.parse(value.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise ConfigError(f"{key}: unknown language {value!r}", path) from None
    return value


def _languages(raw: dict, key: str, default: tuple[str, ...], path: Path) -> tuple[str, ...]:
    value = raw.get(key, list(default))
    if not isinstance(value, list) or not value:
        raise ConfigError(f"{key}: expected a non-empty list of language codes", path)
    return tuple(_language(v, path, key) for v in value)


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
    raw = data.get("digest", {})
    known = {
        "name", "description", "languages", "site_languages", "default_language",
        "site_url", "timezone", "content", "output",
    }
    unknown = set(raw) - known
    if unknown:
        raise ConfigError(f"[digest]: unknown key(s) {', '.join(sorted(unknown))}", found)
    languages = _languages(raw, "languages", ("en",), found)
    site_languages = _languages(raw, "site_languages", ("en",), found)
    default_language = _language(raw.get("default_language", site_languages[0]), found,
                                 "default_language")
    if default_language not in site_languages:
        raise ConfigError("default_language must be one of site_languages", found)
    for key in ("name", "description", "site_url", "timezone", "content", "output"):
        if key in raw and not isinstance(raw[key], str):
            raise ConfigError(f"{key}: expected a string", found)

    traw = data.get("translate", {})
    tknown = {"backend", "model", "base_url", "api_key_env", "timeout", "retries", "threads"}
    if set(traw) - tknown:
        raise ConfigError(
            f"[translate]: unknown key(s) {', '.join(sorted(set(traw) - tknown))}", found)
    backend = traw.get("backend", "none")
    if backend not in BACKENDS:
        raise ConfigError(f"[translate] backend: expected one of {', '.join(BACKENDS)}", found)
    timeout = traw.get("timeout", 60.0)
    retries = traw.get("retries", 3)
    if not isinstance(timeout, int | float) or timeout <= 0:
        raise ConfigError("[translate] timeout: expected a positive number of seconds", found)
    if not isinstance(retries, int) or retries < 0:
        raise ConfigError("[translate] retries: expected a whole number ≥ 0", found)
    threads = traw.get("threads", 0)
    if not isinstance(threads, int) or threads < 0:
        raise ConfigError("[translate] threads: expected a whole number ≥ 0", found)
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
