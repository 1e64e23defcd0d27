"""The editors' registries: ``actors.yml`` and ``topics.yml``, validated at load."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DigestError
from .store.frontmatter import _Loader, load_yaml
from .text.fold import fold

ACTOR_KINDS = ("person", "organization", "state", "media", "other")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    description: str | None = None
    affiliations: tuple[str, ...] = ()
    names: dict[str, str] = field(default_factory=dict)  # name per language, if it differs
    line: int = 0

    def name_in(self, lang: str) -> str:
        return self.names.get(lang, self.name)

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.names.values())


@dataclass(frozen=True)
class Topic:
    id: str
    name: dict[str, str]  # per language
    keywords: dict[str, tuple[str, ...]]
    iptc: str | None = None
    description: str | None = None
    line: int = 0

    def name_in(self, lang: str, default: str = "en") -> str:
        return self.name.get(lang) or self.name.get(default) or next(iter(self.name.values()))


@dataclass
class Registries:
    actors: dict[str, Actor]
    topics: dict[str, Topic]
    actors_path: Path | None = None
    topics_path: Path | None = None


class RegistryErrors(DigestError):
    """Every problem found in one registry file (reported together, as articles are)."""

    def __init__(self, errors: list[DigestError]):
        super().__init__(errors[0].message, errors[0].path, errors[0].line)
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(DigestError.__str__(e) for e in self.errors)


def _nodes(path: Path) -> tuple[Any, list[int]]:
    """Parse a YAML list and return it with the line of each item."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DigestError("registry file is missing", path) from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes().count(b"\n", 0, exc.start) + 1
        raise DigestError("registry is not valid UTF-8", path, line) from None
    except IsADirectoryError:
        raise DigestError("registry is a folder, not a YAML file", path) from None
    except OSError as exc:
        raise DigestError(f"cannot read registry: {exc.strerror or exc}", path) from None
    data = load_yaml(text, path)
    if data is None:
        return [], []
    node = yaml.compose(text, Loader=_Loader)
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        raise DigestError("expected a YAML list of entries", path, 1)
    return data, [item.start_mark.line + 1 for item in node.value]


def _str_list(value: Any, what: str, path: Path, line: int) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DigestError(f"{what}: expected a list of non-empty strings", path, line)
    return tuple(v.strip() for v in value)


def _check_id(entry: dict[str, Any], seen: dict[str, int], path: Path, line: int) -> str:
    ident = entry.get("id")
    if not isinstance(ident, str) or not ID_RE.match(ident):
        raise DigestError(
            f"id {ident!r}: expected lower-case letters, digits and hyphens", path, line)
    if ident in seen:
        raise DigestError(f"duplicate id {ident!r} (first at line {seen[ident]})", path, line)
    seen[ident] = line
    return ident


def _country(value: Any, ident: str, path: Path, line: int) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):  # YAML reads a bare NO (Norway) as false
        raise DigestError(f"actor {ident!r}: country {value!r}: write the code in quotes "
                          "(\"NO\")", path, line)
    code = value.strip().upper() if isinstance(value, str) else None
    if code is None or code not in _territories():
        raise DigestError(f"actor {ident!r}: country {value!r} is not an ISO 3166 code "
                          "(e.g. LB, ID, FR)", path, line)
    return code


def _territories() -> frozenset[str]:
    from babel import Locale

    return frozenset(k for k in Locale.parse("en").territories
                     if isinstance(k, str) and k.isalpha())


def _actor(entry: Any, line: int, seen: dict[str, int], path: Path) -> Actor:
    if not isinstance(entry, dict):
        raise DigestError("each actor must be a mapping with id, name and kind", path, line)
    ident = _check_id(entry, seen, path, line)
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DigestError(f"actor {ident!r}: missing name", path, line)
    kind = entry.get("kind", "other")
    if kind not in ACTOR_KINDS:
        raise DigestError(
            f"actor {ident!r}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}",
            path, line)
    names = entry.get("names") or {}
    if not isinstance(names, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in names.items()):
        raise DigestError(f"actor {ident!r}: names: expected language: name", path, line)
    description = entry.get("description")
    if description is not None and not isinstance(description, str):
        raise DigestError(f"actor {ident!r}: description: expected text", path, line)
    return Actor(
        id=ident, name=name.strip(), kind=kind,
        aliases=_str_list(entry.get("aliases"), f"actor {ident!r}: aliases", path, line),
        country=_country(entry.get("country"), ident, path, line), description=description,
        affiliations=_str_list(entry.get("affiliations"), f"actor {ident!r}: affiliations",
                               path, line),
        names={k: v.strip() for k, v in names.items()}, line=line,
    )


def load_actors(path: Path) -> dict[str, Actor]:
    """The actor registry; raises RegistryErrors listing every problem in the file."""
    data, lines = _nodes(path)
    actors: dict[str, Actor] = {}
    seen: dict[str, int] = {}
    claimed: dict[str, tuple[str, int]] = {}
    errors: list[DigestError] = []
    for entry, line in zip(data, lines, strict=True):
        try:
            actor = _actor(entry, line, seen, path)
        except DigestError as exc:
            errors.append(exc)
            continue
        for alias in actor.all_names:
            key = fold(alias)
            owner = claimed.get(key)
            if owner and owner[0] != actor.id:
                errors.append(DigestError(
                    f"alias {alias!r} of {actor.id!r} is already claimed by {owner[0]!r} "
                    f"(line {owner[1]})", path, line))
            else:
                claimed[key] = (actor.id, line)
        actors[actor.id] = actor
    for actor in actors.values():
        for aff in actor.affiliations:
            if aff not in actors and aff not in seen:
                errors.append(DigestError(
                    f"actor {actor.id!r}: unknown affiliation {aff!r}", path, actor.line))
    if errors:
        raise RegistryErrors(errors)
    return actors


def _topic(entry: Any, line: int, seen: dict[str, int], path: Path) -> Topic:
    if not isinstance(entry, dict):
        raise DigestError("each topic must be a mapping with id and name", path, line)
    ident = _check_id(entry, seen, path, line)
    name = entry.get("name")
    if isinstance(name, str):
        name = {"en": name}
    if not isinstance(name, dict) or not name or not all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in name.items()):
        raise DigestError(f"topic {ident!r}: name: expected a name per language", path, line)
    raw_kw = entry.get("keywords") or {}
    if not isinstance(raw_kw, dict):
        raise DigestError(f"topic {ident!r}: keywords: expected language: [words]",
                          path, line)
    keywords = {
        str(lang): _str_list(words, f"topic {ident!r}: keywords.{lang}", path, line)
        for lang, words in raw_kw.items()
    }
    iptc = entry.get("iptc")
    if iptc is not None and not re.fullmatch(r"medtop:\d{8}|\d{8}", str(iptc)):
        raise DigestError(f"topic {ident!r}: iptc {iptc!r} is not an IPTC Media Topic code",
                          path, line)
    description = entry.get("description")
    if description is not None and not isinstance(description, str):
        raise DigestError(f"topic {ident!r}: description: expected text", path, line)
    return Topic(id=ident, name=dict(name), keywords=keywords,
                 iptc=str(iptc) if iptc else None, description=description, line=line)


def load_topics(path: Path) -> dict[str, Topic]:
    """The topic registry; raises RegistryErrors listing every problem in the file."""
    data, lines = _nodes(path)
    topics: dict[str, Topic] = {}
    seen: dict[str, int] = {}
    errors: list[DigestError] = []
    for entry, line in zip(data, lines, strict=True):
        try:
            topic = _topic(entry, line, seen, path)
        except DigestError as exc:
            errors.append(exc)
            continue
        topics[topic.id] = topic
    if errors:
        raise RegistryErrors(errors)
    return topics


def load_registries(content_dir: Path) -> Registries:
    actors_path = content_dir / "actors.yml"
    topics_path = content_dir / "topics.yml"
    return Registries(actors=load_actors(actors_path), topics=load_topics(topics_path),
                      actors_path=actors_path, topics_path=topics_path)
