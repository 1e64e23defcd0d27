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


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    path = write(tmp_path, '[digest]\nlanguages = ["xx-nope"]\nname = 3\nlanguagez = 1\n'
                           '[translate]\nbackend = "magic"\nretries = -2\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    lines = str(info.value).splitlines()
    assert len(lines) == 5
    assert all(line.startswith(f"{path}: ") for line in lines)
    for needle in ("unknown language 'xx-nope'", "name: expected a string",
                   "unknown key(s) languagez", "backend: expected one of", "retries"):
        assert any(needle in line for line in lines), needle


def test_site_settings_are_typed_and_checked_once() -> None:
    from digest.site.settings import SiteSettings

    site = SiteSettings.from_pelican({"DEFAULT_LANG": "id", "DIGEST_HOME_MIN": 3,
                                      "DIGEST_SITE_LANGUAGES": ["id", "en"]})
    assert (site.default_lang, site.home_min, site.site_languages) == ("id", 3, ("id", "en"))
    assert site.home_max == 60  # the default, defined in one place
    assert SiteSettings.from_pelican({"DEFAULT_LANG": "en"}).site_languages == ("en",)
    with pytest.raises(ConfigError) as info:
        SiteSettings.from_pelican({"DIGEST_HOME_MIN": "many", "DIGEST_SITE_LANGUAGES": "en",
                                   "DIGEST_TRANSLATION_URL": "t/{slug}/"})
    message = str(info.value)
    for needle in ("DIGEST_HOME_MIN: expected a whole number", "DIGEST_SITE_LANGUAGES",
                   "DIGEST_TRANSLATION_URL: must contain {slug} and {lang}"):
        assert needle in message
