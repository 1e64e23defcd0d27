"""A new article's story as ``digest ingest`` writes it: it joins a story or starts one.

The corpus is read and its features extracted once per run; each new article is then
clustered with the articles near its date (stored stories seed the clustering and
never move, as in ``digest stories``), its tokens weighed by the whole corpus: it gets
the story a run over every article would give it (once the articles around it have
theirs stored), and the clustering costs what those nearby articles cost, not the
whole corpus. The placement runs under the articles folder's lock, just before
the new file is written, so it sees the files other runs wrote and the ledger it
updates is never written by two runs at once. The ledger is saved before the article:
a crash in between leaves a reserved id listing a file that does not exist, which is
harmless; never an article whose machine-set id nobody recorded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from ..article import Article
from ..errors import DigestError
from ..registry import Registries
from ..store.folder_lock import FolderLock
from ..store.write import article_files
from .assign import actor_matcher
from .cluster import Params, cluster, document_frequencies, window_days
from .corpus import day_of, read_entry
from .features import Features, extract
from .ids import new_id
from .ledger import NAME, load_ledger, save_ledger


@dataclass
class _Known:
    article: Article
    features: Features
    story: str | None


class StoryPlacer:
    """``place(article, path)`` for ``ArticleStore.write``: the article with its story."""

    def __init__(self, content: Path, registries: Registries | None) -> None:
        self.content = content.resolve()
        self.registries = registries
        self.known: dict[Path, _Known] = {}
        self.df: Counter[str] = Counter()  # over every known article
        self.params = Params()
        self._generation: int | None = None  # the folder's write count when last read
        self._matcher = actor_matcher(registries)
        self._kinds = {a.id: a.kind for a in registries.actors.values()} if registries else {}

    def _features(self, article: Article) -> Features:
        return extract(article, day_of(article), self._matcher, self._kinds)

    def _refresh(self) -> None:
        """Read the article files not read yet (all of them the first time), unless no
        run wrote since the last look (the folder lock counts every write)."""
        root = self.content / "articles"
        generation = FolderLock(root).generation()
        if generation == self._generation:
            return
        # Called just before a write that bumps the count once: expect it.
        self._generation = generation + 1
        for path in (article_files(root) if root.is_dir() else []):
            if path in self.known:
                continue
            try:
                entry = read_entry(path, self.content)
            except DigestError:
                continue  # `digest check` reports it; it simply takes no part
            self._know(path, _Known(entry.article, self._features(entry.article), entry.story))

    def _know(self, path: Path, known: _Known) -> None:
        old = self.known.get(path)
        if old is not None:
            self.df.subtract(document_frequencies([old.features]))
        self.known[path] = known
        self.df.update(document_frequencies([known.features]))

    def _rel(self, path: Path) -> str:
        path = path.resolve()
        return path.relative_to(self.content).as_posix() if path.is_relative_to(
            self.content) else str(path)

    def place(self, article: Article, path: Path) -> Article:
        if article.story or article.date is None:
            return article  # set by hand in the input: the editor's, never changed
        self._refresh()
        ledger_path = self.content / NAME
        ledger = load_ledger(ledger_path)
        target = path.resolve()
        mine = self._features(article)
        days = window_days(mine.day, self.params)
        known = [k for p, k in sorted(self.known.items())
                 if p != target and k.features.day in days]
        feats = [k.features for k in known] + [mine]
        stored = [k.story for k in known] + [None]
        everything = [k.article for k in known] + [article]
        old = self.known.get(target)
        df = self.df - document_frequencies([old.features]) if old else Counter(self.df)
        df.update(document_frequencies([mine]))
        n = len(self.known) - (old is not None) + 1
        stories = cluster(feats, stored,
                          lambda i, used: new_id(everything[i], feats[i].actors, used),
                          taken=ledger.ids() | {k.story for k in self.known.values()
                                                if k.story},
                          params=self.params, corpus=(df, n))
        story = stories[-1]
        listed = ledger.stories.setdefault(story, [])
        rel = self._rel(path)
        if rel not in listed:
            listed.append(rel)
            save_ledger(ledger_path, ledger)
        placed = replace(article, story=story)
        self._know(target, _Known(placed, mine, story))
        return placed
