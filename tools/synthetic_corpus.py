"""A synthetic digest for benchmarks: registries and articles shaped like DESIGN.md §2.

Deterministic for a given seed: ~800 actors, ~60 topics, six article languages, bodies of
about 400 words in which the tagged actors and topic keywords really occur. The words
themselves are made of each language's syllables, Zipf-distributed, so the search index
sees a realistic vocabulary size rather than a dozen repeated words.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

import yaml

from digest.article import Article, Source, Translation
from digest.store.article_file import render_article

LANGS = {"id": 0.40, "en": 0.25, "ar": 0.10, "ms": 0.10, "fr": 0.08, "de": 0.07}
SYLLABLES = {
    "id": "ba be bi bu da di ka ke ki ma me mi mu na ni nya pa pe ra ri sa se si ta te ti "
          "ung ang an kan lah",
    "ms": "ba bu da ka ke la ma me na pa ra sa se ta te ya ang an kan nya",
    "en": "ing er ed al st pro con tion ment ter ly re de com ex pre per sto wa",
    "fr": "le la re de ment tion con pre eau ais ou on cé gé ri té",
    "de": "ge ver be ung lich keit schaft ein er en ter sch st zu",
    "ar": "ال بر تق سل مح عد حر كت نا ما لي وا دي قو مس",
}
FUNCTION_WORDS = {
    "id": "yang dan di ke dari untuk dengan ini itu dalam tidak akan pada juga oleh",
    "ms": "yang dan di ke dari untuk dengan ini itu dalam tidak akan pada juga oleh",
    "en": "the of and to in a is that for on with as by was said it from at",
    "fr": "le la les de des et à en un une que qui dans pour sur par est",
    "de": "der die das und in zu den von mit sich des auf für ist im dem",
    "ar": "في من على إلى أن عن مع هذا التي الذي قال كان",
}
KINDS = (["person"] * 55 + ["organization"] * 25 + ["state"] * 10 + ["media"] * 7
         + ["other"] * 3)
OUTLETS = [f"Outlet {chr(65 + i // 3)}{i % 3 + 1}" for i in range(30)]


@dataclass(frozen=True)
class CorpusSize:
    articles: int
    actors: int = 800
    topics: int = 60


class _Words:
    """Zipf-distributed pseudo-words per language."""

    def __init__(self, rng: random.Random, vocabulary: int = 4000):
        self.rng = rng
        self.vocab: dict[str, list[str]] = {}
        for lang, syl in SYLLABLES.items():
            parts = syl.split()
            words = {"".join(rng.choice(parts) for _ in range(rng.randint(2, 4)))
                     for _ in range(vocabulary)}
            ranked = sorted(words)
            rng.shuffle(ranked)  # frequency rank independent of spelling
            self.vocab[lang] = ranked
        # Cumulative weights: random.choices would otherwise re-add 4,000 weights per call.
        self.cum_weights = {lang: list(accumulate(1 / (rank + 1) for rank in range(len(words))))
                            for lang, words in self.vocab.items()}

    def sentence(self, lang: str, length: int, insert: list[str] | None = None) -> str:
        words = self.rng.choices(self.vocab[lang], cum_weights=self.cum_weights[lang],
                                 k=length)
        function = FUNCTION_WORDS[lang].split()
        for i in range(0, length, 3):
            words[i] = self.rng.choice(function)
        for name in insert or []:
            words.insert(self.rng.randrange(1, len(words)), name)
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."


NAME_SYLLABLES = "ka ri mo ha sa di na el ar ba lu fi to ze ve qu ya om"


def _name(rng: random.Random, taken: set[str]) -> str:
    parts = NAME_SYLLABLES.split()
    while True:
        name = " ".join("".join(rng.choice(parts) for _ in range(rng.randint(2, 3))).title()
                        for _ in range(2))
        if name.casefold() not in taken:
            taken.add(name.casefold())
            return name


def _slug(text: str) -> str:
    return "-".join(text.lower().split())


def write_registries(content: Path, size: CorpusSize, rng: random.Random) -> tuple[list, list]:
    taken: set[str] = set()
    actors = []
    for i in range(size.actors):
        name = _name(rng, taken)
        actor = {"id": f"{_slug(name)}-{i}", "name": name, "kind": rng.choice(KINDS)}
        if rng.random() < 0.4:
            actor["aliases"] = [_name(rng, taken)]
        if rng.random() < 0.5:
            actor["description"] = f"Synthetic actor number {i}."
        if actor["kind"] == "person" and actors and rng.random() < 0.3:
            org = rng.choice([a for a in actors if a["kind"] == "organization"] or actors)
            actor["affiliations"] = [org["id"]]
        actors.append(actor)
    topics = []
    for i in range(size.topics):
        name = _name(rng, taken)
        topics.append({"id": f"topic-{i}-{_slug(name)}", "name": {"en": name, "id": name},
                       "keywords": {"en": [name], "id": [name]}})
    content.mkdir(parents=True, exist_ok=True)
    for file, data in (("actors.yml", actors), ("topics.yml", topics)):
        (content / file).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    return actors, topics


def generate(content: Path, size: CorpusSize, seed: int = 1) -> int:
    """Write registries and ``size.articles`` articles under ``content``; returns the count."""
    rng = random.Random(seed)
    actors, topics = write_registries(content, size, rng)
    words = _Words(rng)
    # A few actors appear in most articles, as in real news.
    actor_weights = list(accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(actors))))
    langs, lang_weights = list(LANGS), list(accumulate(LANGS.values()))
    start = dt.datetime(2024, 1, 1, 6, 0, tzinfo=dt.UTC)
    for n in range(size.articles):
        lang = rng.choices(langs, cum_weights=lang_weights)[0]
        cast = list({a["id"]: a for a in rng.choices(actors, cum_weights=actor_weights,
                                                     k=rng.randint(2, 6))}.values())
        about = rng.sample(topics, rng.randint(1, 3))
        paragraphs = []
        for p in range(rng.randint(5, 8)):
            mention = [a["name"] for a in cast if rng.random() < 0.5] if p else \
                [cast[0]["name"], about[0]["name"]["en"]]
            paragraphs.append(" ".join(words.sentence(lang, rng.randint(12, 22),
                                                      mention if s == 0 else None)
                                       for s in range(rng.randint(2, 3))))
        title = words.sentence(lang, rng.randint(7, 11), [cast[0]["name"]]).rstrip(".")
        summary = ". ".join(paragraphs[0].split(". ")[:2]).rstrip(".") + "."
        when = start + dt.timedelta(minutes=rng.randrange(0, 60 * 24 * 700))
        outlet = rng.choice(OUTLETS)
        translations = {}
        if lang != "en":
            translations["en"] = Translation(
                title=words.sentence("en", 9, [cast[0]["name"]]).rstrip("."),
                summary=words.sentence("en", 30),
                by="editor" if rng.random() < 0.5 else "machine:ctranslate2/opus-mt")
        slug = f"{_slug(title)[:60].strip('-')}-{n}"
        article = Article(
            title=title, body="\n\n".join(paragraphs), date=when.replace(second=0),
            lang=lang,
            source=Source(name=outlet, url=f"https://{_slug(outlet)}.example/{when:%Y/%m}/{n}",
                          retrieved=when + dt.timedelta(hours=2)),
            via=[rng.choice(OUTLETS)] if rng.random() < 0.2 else [],
            topics=[t["id"] for t in about], actors=[a["id"] for a in cast],
            summary=summary, translations=translations)
        path = content / "articles" / f"{when:%Y}" / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_article(article), encoding="utf-8")
    return size.articles
