"""Registry validation (small YAML written per test) and the sample digest's registries."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel import Locale

from digest.errors import DigestError
from digest.registry import load_actors, load_registries, load_topics
from digest.text.fold import fold

CONTENT = Path(__file__).resolve().parents[1] / "content"

GOOD_ACTORS = """\
- id: hezbollah
  name: Hezbollah
  kind: organization
  aliases: [Hizbullah, حزب الله]
- id: hassan-nasrallah
  name: Hassan Nasrallah
  kind: person
  aliases: [Nasrallah]
  affiliations: [hezbollah]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(loader, path: Path) -> DigestError:
    with pytest.raises(DigestError) as info:
        loader(path)
    assert info.value.path == str(path)
    return info.value


def test_small_registry_loads_with_lines_and_affiliations(tmp_path):
    actors = load_actors(write(tmp_path, "actors.yml", GOOD_ACTORS))
    assert list(actors) == ["hezbollah", "hassan-nasrallah"]
    assert actors["hassan-nasrallah"].line == 5
    assert actors["hassan-nasrallah"].affiliations == ("hezbollah",)
    assert "حزب الله" in actors["hezbollah"].all_names


def test_duplicate_id_names_both_lines(tmp_path):
    path = write(tmp_path, "actors.yml", GOOD_ACTORS + "- id: hezbollah\n  name: Hizb\n")
    err = error_of(load_actors, path)
    assert err.line == 10
    assert "duplicate id 'hezbollah'" in err.message and "line 1" in err.message


def test_alias_claimed_by_two_actors_even_with_other_case_and_accents(tmp_path):
    text = GOOD_ACTORS + "- id: hezbollah-bloc\n  name: Bloc\n  aliases: [HIZBULLÁH]\n"
    err = error_of(load_actors, write(tmp_path, "actors.yml", text))
    assert err.line == 10
    assert "'hezbollah-bloc'" in err.message and "claimed by 'hezbollah'" in err.message


def test_unknown_affiliation(tmp_path):
    text = GOOD_ACTORS.replace("affiliations: [hezbollah]", "affiliations: [amal]")
    err = error_of(load_actors, write(tmp_path, "actors.yml", text))
    assert err.line == 5
    assert "unknown affiliation 'amal'" in err.message


def test_bad_kind(tmp_path):
    text = GOOD_ACTORS.replace("kind: person", "kind: politician")
    err = error_of(load_actors, write(tmp_path, "actors.yml", text))
    assert err.line == 5
    assert "'politician'" in err.message and "person" in err.message


def test_malformed_yaml_reports_its_line(tmp_path):
    text = GOOD_ACTORS + "- id: broken\n  name: [unclosed\n  kind: person\n"
    err = error_of(load_actors, write(tmp_path, "actors.yml", text))
    assert err.message.startswith("invalid YAML")
    assert err.line in (12, 13)  # where the parser notices the open bracket
    assert str(err).startswith(f"{tmp_path / 'actors.yml'}:{err.line}: ")


def test_bad_id_and_missing_name(tmp_path):
    err = error_of(load_actors, write(tmp_path, "a.yml", "- id: Not An Id\n  name: X\n"))
    assert err.line == 1 and "lower-case" in err.message
    err = error_of(load_actors, write(tmp_path, "b.yml", "- id: x\n  kind: person\n"))
    assert "missing name" in err.message


def test_not_a_list(tmp_path):
    err = error_of(load_actors, write(tmp_path, "actors.yml", "id: hamas\nname: Hamas\n"))
    assert err.line == 1 and "list" in err.message


def test_missing_file(tmp_path):
    err = error_of(load_actors, tmp_path / "actors.yml")
    assert "missing" in err.message


TOPICS = """\
- id: lebanon
  name: {en: Lebanon, id: Lebanon}
  iptc: "medtop:07000000"
  keywords:
    en: [Lebanon, Beirut]
- id: health
  name: Health
  iptc: "%s"
"""


def test_topics_load_with_names_keywords_and_iptc(tmp_path):
    topics = load_topics(write(tmp_path, "topics.yml", TOPICS % "07000000"))
    assert topics["lebanon"].keywords == {"en": ("Lebanon", "Beirut")}
    assert topics["health"].name == {"en": "Health"}
    assert topics["health"].iptc == "07000000"
    assert topics["health"].line == 6


@pytest.mark.parametrize("code", ["medtop:123", "subj:07000000", "health"])
def test_bad_iptc(tmp_path, code):
    err = error_of(load_topics, write(tmp_path, "topics.yml", TOPICS % code))
    assert err.line == 6
    assert "IPTC" in err.message and code in err.message


def test_topic_keywords_must_be_lists_of_strings(tmp_path):
    text = "- id: t\n  name: T\n  keywords:\n    en: [ok, '']\n"
    err = error_of(load_topics, write(tmp_path, "topics.yml", text))
    assert "keywords.en" in err.message


# --- The sample digest's registries -------------------------------------------------

@pytest.fixture(scope="module")
def registries():
    return load_registries(CONTENT)


def test_real_registries_load(registries):
    assert len(registries.actors) >= 50
    assert 12 <= len(registries.topics) <= 20
    kinds = {a.kind for a in registries.actors.values()}
    assert kinds == {"person", "organization", "state", "media"}


@pytest.mark.parametrize(("ident", "names"), [
    ("hamas", ["Hamas"]),
    ("hezbollah", ["Hezbollah", "Hizbullah", "Hizballah", "Hisbollah", "حزب الله"]),
    ("ismail-haniyeh", ["Ismail Haniyeh"]),
    ("hassan-nasrallah", ["Hassan Nasrallah", "Sayyid Hassan Nasrallah", "Nasrallah"]),
    ("michel-aoun", ["Michel Aoun"]),
    ("hassan-diab", ["Hassan Diab"]),
    ("israel", ["Israel"]),
    ("lebanon", ["Lebanon"]),
    ("palestine", ["Palestine", "Palestina"]),
    ("press-tv", ["Press TV"]),
    ("al-manar", ["al-Manar"]),
])
def test_seed_actors_and_aliases(registries, ident, names):
    actor = registries.actors[ident]
    folded = {fold(n) for n in actor.all_names}
    assert {fold(n) for n in names} <= folded


def test_media_actors(registries):
    assert registries.actors["press-tv"].kind == "media"
    assert registries.actors["al-manar"].kind == "media"


def test_arab_actors_have_an_arabic_name(registries):
    arab = {"LB", "PS", "EG", "QA", "SA", "JO", "SY", "IQ"}
    missing = [a.id for a in registries.actors.values()
               if a.country in arab and a.kind != "media"
               and not any("\u0600" <= c <= "\u06ff" for n in a.all_names for c in n)]
    assert missing == []


def test_countries_are_iso_codes(registries):
    territories = Locale("en").territories
    bad = {a.id: a.country for a in registries.actors.values()
           if a.country is not None and (a.country not in territories or len(a.country) != 2)}
    assert bad == {}


def test_every_actor_is_described(registries):
    assert [a.id for a in registries.actors.values() if not a.description] == []


# Matching ignores case, so these would tag ordinary words ("who", "un", "us", "salam").
COMMON_WORDS = {"un", "who", "us", "as", "eu", "salam", "fath", "anwar", "mustafa", "aoun"}


def test_no_alias_is_a_common_word(registries):
    clash = {a.id: n for a in registries.actors.values() for n in a.all_names
             if fold(n) in COMMON_WORDS}
    assert clash == {}


def test_topics_are_named_in_the_site_languages(registries):
    for topic in registries.topics.values():
        assert {"en", "id"} <= set(topic.name), topic.id
        assert topic.keywords.get("en") and topic.keywords.get("id"), topic.id
