"""Read and write Markdown files with YAML front matter.

Parsing uses the C-accelerated safe loader; line numbers for error messages are
found on demand by composing the YAML node tree, so the fast path stays fast.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from ..errors import DigestError
from .atomic import write_file

try:
    _BaseLoader: type = yaml.CSafeLoader
    _Dumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - libyaml missing
    _BaseLoader = yaml.SafeLoader
    _Dumper = yaml.SafeDumper


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Safe loader that keeps an impossible date ("2021-13-45") as text.

    PyYAML raises a bare ValueError with no position for those; as a string the value
    reaches validation, which reports it with its line.
    """


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

FENCE = "---"


def split(text: str, path: str | Path) -> tuple[str, str, int]:
    """Split a file into (front matter YAML, body, line number where the body starts)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        raise DigestError("missing YAML front matter (the file must start with '---')", path, 1)
    for i in range(1, len(lines)):
        if lines[i].rstrip() in (FENCE, "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:]).lstrip("\n"), i + 2
    raise DigestError("front matter is not closed by a '---' line", path, 1)


def load_yaml(text: str, path: str | Path, line_offset: int = 0) -> Any:
    """Parse YAML, turning every failure into ``path:line: message``.

    Aliases are refused: front matter and registries never need them, and they are how
    a few lines expand into gigabytes ("billion laughs") or a self-referencing value.
    """
    if "*" in text:
        _refuse_aliases(text, path, line_offset)
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else None
        problem = exc.problem or str(exc)
        raise DigestError(f"invalid YAML: {problem}", path, line) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1 + line_offset
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise DigestError(f"invalid YAML: character U+{char:04X} is not allowed "
                          "(control characters must be escaped)", path, line) from None
    except yaml.YAMLError as exc:
        raise DigestError(f"invalid YAML: {exc}", path) from None
    except (ValueError, TypeError, AttributeError, OverflowError, RecursionError):
        # A tagged value the loader cannot build (``!!int abc``): find which one.
        line = _bad_value_line(text)
        raise DigestError("invalid YAML: a tagged value cannot be read (check the '!!' tag)",
                          path, line + line_offset if line else None) from None


def _refuse_aliases(text: str, path: str | Path, line_offset: int) -> None:
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise DigestError(
                    f"YAML aliases (*{event.anchor}) are not allowed: write the value out",
                    path, (event.start_mark.line if event.start_mark else 0) + 1 + line_offset)
    except yaml.YAMLError:
        return  # the load reports syntax errors with their position


def _bad_value_line(text: str) -> int | None:
    """Line (in ``text``) of the first tagged scalar that cannot be constructed."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError):
        return None
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop(0)
        if isinstance(node, yaml.ScalarNode):
            try:
                _Loader("").construct_object(node, deep=True)
            except Exception:
                return node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(v for pair in node.value for v in pair)
    return None


def parse(text: str, path: str | Path) -> tuple[dict[str, Any], str]:
    """Return (metadata, Markdown body) of an article file."""
    head, body, _ = split(text, path)
    meta = load_yaml(head, path, line_offset=1)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DigestError("front matter must be a mapping of keys to values", path, 2)
    return meta, body


def key_lines(text: str) -> dict[str, int]:
    """Line (1-based, in the whole file) of each top-level front-matter key.

    Nested keys are reported as dotted paths (``source.url``, ``translations.en.title``).
    """
    try:
        head, _, _ = split(text, "")
        node = yaml.compose(head, Loader=_Loader)
    except (DigestError, yaml.YAMLError):
        return {}
    lines: dict[str, int] = {}

    def walk(n: yaml.Node, prefix: str) -> None:
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                name = f"{prefix}{k.value}"
                lines[name] = k.start_mark.line + 2  # +1 for 1-based, +1 for the fence
                walk(v, name + ".")
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                lines[f"{prefix}{i}"] = item.start_mark.line + 2
                walk(item, f"{prefix}{i}.")

    if node is not None:
        walk(node, "")
    return lines


class _Dump(_Dumper):  # type: ignore[misc]
    """Block style, keys in the order given, long strings kept on one line."""


def _str_representer(dumper: yaml.Dumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list_representer(dumper: yaml.Dumper, value: list[Any]) -> yaml.Node:
    # Short lists of plain values read best inline (`actors: [hamas, hezbollah]`);
    # anything holding mappings or long text goes in block style.
    flow = all(isinstance(v, str | int | float) and len(str(v)) < 60 for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


def _datetime_representer(dumper: yaml.Dumper, value: dt.datetime) -> yaml.Node:
    # ISO 8601 with "T" and "Z", as editors write it; still read back as a timestamp.
    text = value.isoformat()
    if text.endswith("+00:00"):
        text = text[:-6] + "Z"
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", text)


# Multi-representers also cover subclasses (lxml hands out str subclasses).
_Dump.add_multi_representer(str, _str_representer)
_Dump.add_representer(list, _list_representer)
_Dump.add_representer(dt.datetime, _datetime_representer)


def dump_yaml(data: dict[str, Any]) -> str:
    """Block-style YAML in the given key order, as editors read and diff it."""
    return yaml.dump(
        data, Dumper=_Dump, allow_unicode=True, sort_keys=False, width=10_000,
        default_flow_style=False,
    )


def render(meta: dict[str, Any], body: str) -> str:
    """The full text of an article file."""
    body = body.strip("\n")
    return f"{FENCE}\n{dump_yaml(meta)}{FENCE}\n\n{body}\n"


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and rename: never half-written.

    Raises ``digest.store.atomic.WriteError`` (a DigestError) when the system refuses."""
    write_file(path, text)
