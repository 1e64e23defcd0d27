"""``content/stories.yml``: every story id digest has issued, and the articles it put in
each.

Two jobs. An id listed here is never issued again, even once no article carries it
(a retired story keeps its name). And it tells digest's assignments from an editor's:
an article's ``story:`` is digest's own exactly when the article's path is listed under
that id; any other value (an id typed by an editor, or a move to another story) is the
editor's and is never changed. Nothing needs to be kept in sync by hand: an editor who
edits ``story:`` simply makes it theirs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DigestError
from ..store.frontmatter import dump_yaml, load_yaml, write_atomic

NAME = "stories.yml"
HEADER = ("# Story ids digest has issued (never reused) and the articles it placed in each;\n"
          "# written by `digest stories --write`. An article whose story: is not listed\n"
          "# under that id here was set by an editor, and digest leaves it alone.\n")


@dataclass
class Ledger:
    stories: dict[str, list[str]] = field(default_factory=dict)  # id -> article paths

    def machine_owned(self, path: str, story: str) -> bool:
        return path in self.stories.get(story, ())

    def ids(self) -> set[str]:
        return set(self.stories)


def load_ledger(path: Path) -> Ledger:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Ledger()
    except UnicodeDecodeError as exc:
        line = path.read_bytes().count(b"\n", 0, exc.start) + 1
        raise DigestError("not valid UTF-8", path, line) from None
    except OSError as exc:
        raise DigestError(f"cannot read: {exc.strerror or exc}", path) from None
    data = load_yaml(text, path)
    if data is None:
        return Ledger()
    if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, list | type(None))
            and all(isinstance(p, str) for p in v or ()) for k, v in data.items()):
        raise DigestError("expected a mapping of story id to a list of article paths", path, 1)
    return Ledger({k: list(v or []) for k, v in data.items()})


def save_ledger(path: Path, ledger: Ledger) -> None:
    data = {sid: sorted(set(paths)) for sid, paths in sorted(ledger.stories.items())}
    write_atomic(path, HEADER + (dump_yaml(data) if data else ""))
