"""What an article says about its event, as weighted tokens in two channels.

*Entities* work across languages without translation: registry actor ids (``a:``),
capitalised names in Latin script (``n:``, folded: "Jean-Noël Barrot" and "JEAN-NOEL
BARROT" agree), numbers (``#:``, Arabic-Indic digits read as ASCII, thousands
separators dropped, years left out: the date says that better) and ``via`` sources
(``v:``). *Words* compare texts within one language (``w:<lang>:``), and across
languages through ``translations.*`` title and summary, which land in the
translation's language.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..article import Article
from ..enrich.matcher import PhraseMatcher
from ..enrich.text import plain
from ..text.fold import ascii_digits, norm
from ..text.fold import fold as fold_fast

STEM = 7  # words cut to this many letters: a crude stemmer that suits every language
MIN_WORD = 3
TITLE_WEIGHT = 2.0
NAME_RUN_WEIGHT = 2.0  # "Nawaf Salam" says more than "Salam"
ACTOR_WEIGHT = {"tagged": 2.0, "found": 1.0}
KIND_WEIGHT = {"state": 0.5}  # a country mostly says where, not what

_WORD = re.compile(r"\w+")
_SPLIT_NAME = re.compile(r"[\s-]+")
_POSSESSIVE = re.compile(r"['’]s$")
_CONNECTORS = frozenset(["al", "bin", "binti", "de", "del", "della", "der", "di", "da", "du",
                         "el", "la", "le", "van", "von", "y"])
_NUMBER = re.compile(r"\d+(?:[.,٫٬]\d+)*")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,٬]\d{3})+$")
_SENTENCE_END = frozenset(".!?;:«»\"“”()")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_AR_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و")


@dataclass(slots=True)
class Features:
    day: int  # proleptic ordinal of the article's date
    lang: str
    entities: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    actors: list[str] = field(default_factory=list)  # most salient first, for naming


def _stem(word: str) -> str:
    if "\u0600" <= word[0] <= "\u06ff":
        for prefix in _AR_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix):]
                break
    return word[:STEM]


def words(text: str, lang: str, weight: float, into: Counter[str]) -> None:
    folded = fold_fast(text)
    found = [w for w in _WORD.findall(folded) if len(w) >= MIN_WORD and not w[0].isdigit()]
    if _ARABIC.search(folded):
        counts = Counter(_stem(w) for w in found)
    else:
        counts = Counter(w[:STEM] for w in found)
    prefix = f"w:{lang}:"
    for word, count in counts.items():
        into[prefix + word] += weight * count


def numbers(text: str, into: Counter[str]) -> None:
    for raw in _NUMBER.findall(ascii_digits(text)):
        if _THOUSANDS.match(raw):
            raw = re.sub(r"[.,٬]", "", raw)
        value = raw.replace("٫", ".").replace(",", ".").rstrip(".")
        digits = sum(c.isdigit() for c in value)
        if digits < 2 or (len(value) == 4 and value.isdigit() and 1900 <= int(value) <= 2100):
            continue
        into[f"#:{value}"] += 1.0


def _title_cased(text: str) -> bool:
    """English-style headlines capitalise every word: no names can be told apart."""
    tokens = [t for t in _WORD.findall(text) if t[0].isalpha() and len(t) > 3]
    return bool(tokens) and sum(t[0].isupper() for t in tokens) > 0.6 * len(tokens)


@lru_cache(maxsize=1)
def _name_run() -> re.Pattern[str]:
    """Capitalised words, joined by spaces, hyphens and lower-case connectors; the
    character class holds every upper-case letter of the Basic Multilingual Plane."""
    upper = "".join(re.escape(chr(c)) for c in range(0x10000) if chr(c).isupper())
    word = f"[{upper}][\\w'’]*"
    connectors = "|".join(sorted(_CONNECTORS))
    return re.compile(f"(?<![\\w'’-]){word}(?:(?:-|\\s+(?:(?:{connectors})\\s+)*){word})*")


def names(text: str, into: Counter[str]) -> None:
    """Runs of capitalised words ("Nawaf Salam", "Mohammed bin Abdulrahman Al Thani") and
    each capitalised word of four letters or more that does not open a sentence."""
    for match in _name_run().finditer(text):
        parts = [_POSSESSIVE.sub("", w) for w in _SPLIT_NAME.split(match.group())]
        j = match.start() - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j < 0 or text[j] in _SENTENCE_END:
            parts = parts[1:]  # "Two UNIFIL…", "Hier, …": any word opens a sentence
        while parts and not parts[0][:1].isupper():
            parts = parts[1:]
        capitalised = [w for w in parts if w[:1].isupper()]
        if len(capitalised) >= 2:
            into["n:" + fold_fast(" ".join(parts))] += NAME_RUN_WEIGHT
        for word in capitalised:
            if len(word) >= 4:
                into["n:" + fold_fast(word)] += 1.0


def extract(article: Article, day: int, matcher: PhraseMatcher[str] | None = None,
            kinds: dict[str, str] | None = None) -> Features:
    """The features of ``article``; ``matcher`` finds registry actors in its text and
    ``kinds`` gives each actor's kind (both empty with empty registries)."""
    lang = (article.lang or "und").split("-")[0]
    feats = Features(day=day, lang=lang)
    body = plain(article.body)
    summary = article.summary or ""
    kinds = kinds or {}

    words(article.title, lang, TITLE_WEIGHT, feats.words)
    words(summary, lang, 1.0, feats.words)
    words(body, lang, 1.0, feats.words)
    for tlang, translation in article.translations.items():
        tl = tlang.split("-")[0]
        if translation.title:
            words(translation.title, tl, TITLE_WEIGHT, feats.words)
            if not _title_cased(translation.title):
                names(translation.title, feats.entities)
        if translation.summary:
            words(translation.summary, tl, 1.0, feats.words)
            names(translation.summary, feats.entities)

    if not _title_cased(article.title):
        names(article.title, feats.entities)
    names(body, feats.entities)
    numbers(f"{article.title}\n{body}", feats.entities)

    ranked = list(dict.fromkeys(article.actors))
    for ident in ranked:
        feats.entities[f"a:{ident}"] += ACTOR_WEIGHT["tagged"] * KIND_WEIGHT.get(
            kinds.get(ident, ""), 1.0)
    if matcher is not None and matcher.size:
        found = Counter(m.value for m in matcher.find(norm(f"{article.title}\n{body}")))
        for ident, count in found.most_common():
            if ident not in article.actors:
                ranked.append(ident)
                feats.entities[f"a:{ident}"] += ACTOR_WEIGHT["found"] * KIND_WEIGHT.get(
                    kinds.get(ident, ""), 1.0) * (1 + math.log(count))
    for via in article.via:
        if via.strip():
            feats.entities["v:" + norm(via)] += 1.0
    feats.actors = [a for a in ranked if kinds.get(a) != "state"] + [
        a for a in ranked if kinds.get(a) == "state"]
    return feats
