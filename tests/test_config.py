from pathlib import Path

import pytest

from digest.config import load_config
from digest.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "digest.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_and_resolves_paths(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, '[digest]\nlanguages = ["id", "en"]\n'
                                      'site_languages = ["en", "id"]\ncontent = "c"\n'))
    assert cfg.languages == ("id", "en")
    assert cfg.default_language == "en"
    assert cfg.content_dir == (tmp_path / "c").resolve()
    assert cfg.actors_path == cfg.content_dir / "actors.yml"
    assert cfg.translate.backend == "none"


@pytest.mark.parametrize(("text", "needle"), [
    ('[digest]\nlanguages = ["xx-nope"]\n', "unknown language"),
    ('[digest]\nlanguages = []\n', "non-empty list"),
    ('[digest]\nsite_languages = ["en"]\ndefault_language = "id"\n', "default_language"),
    ('[digest]\nlanguagez = ["en"]\n', "unknown key(s) languagez"),
    ('[translate]\nbackend = "magic"\n', "backend"),
    ('[translate]\ntimeout = -1\n', "timeout"),
    ('[digest\n', "invalid TOML"),
])
def test_rejects_bad_settings_naming_the_file(tmp_path: Path, text: str, needle: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert needle in str(info.value)
    assert str(path) in str(info.value)


def test_the_repository_settings_are_valid() -> None:
    cfg = load_config(Path(__file__).parents[1] / "digest.toml")
    assert "id" in cfg.languages and "ar" in cfg.languages
    assert set(cfg.site_languages) >= {"en", "id"}
