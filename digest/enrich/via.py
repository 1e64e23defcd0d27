"""Stage: the outlets an article cites ("Dilansir Press TV", "Reuters reported").

Precision over recall: a cue that can also introduce a person or an office ("according
to", "menurut", "selon", "laut", "según") only counts when what follows is plainly an
outlet: a registry actor of kind ``media``, a wire agency, or a name introduced by a
word such as "agency", "televisi", "Zeitung". A name *before* a verb ("X melaporkan",
"X reported", "X berichtete") is held to the same test: sentences open with connectives
and with organisations that report things ("Adapun MER-C melaporkan"). Someone who
spoke *to* an outlet ("told Reuters") is not an attribution and has no cue here.

The cue pattern is costly to run over a whole article and most text holds no cue: it
only runs around the stems ("dilansir", "report", "ذكرت") an Aho-Corasick pass finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from ..article import Article
from ..context import Context
from ..text.calendar import calendar_words
from ..text.fold import norm
from .actors import actor_matcher
from .article_text import article_text
from .text import is_arabic

# (pattern, direction, strong): "after" = the outlet follows the cue, "before" = precedes,
# "both" = either ("l'AFP rapporte", "rapporte l'AFP").
_CUES: tuple[tuple[str, str, bool], ...] = (
    # Indonesian / Malay
    (r"dilansir(?:\s+dari)?", "after", True),
    (r"melansir", "after", True),
    (r"dikutip\s+dari", "after", True),
    (r"mengutip", "after", True),
    (r"memetik", "after", True),
    (r"(?:seperti|sebagaimana)\s+(?:dilaporkan|diberitakan)(?:\s+oleh)?", "after", True),
    (r"dilaporkan\s+oleh", "after", True),
    (r"menurut\s+laporan", "after", True),
    (r"menurut", "after", False),
    (r"melaporkan", "before", True),
    (r"memberitakan", "before", True),
    # English
    (r"(?:as\s+)?reported\s+by", "after", True),
    (r"citing", "after", True),
    (r"according\s+to", "after", False),
    (r"(?:has\s+|had\s+)?report(?:ed|s)", "before", True),
    # French
    (r"rapport[ée]\s+par|cit[ée]\s+par", "after", True),
    (r"selon|d['’]apr[èe]s", "after", False),
    (r"rapporte|a\s+rapport[ée]|rapportait", "both", True),
    # German
    (r"berichtete?|meldete?", "both", True),
    (r"laut|nach\s+(?:einem\s+)?(?:Bericht|Angaben)\s+(?:von|des|der)", "after", False),
    # Spanish
    (r"citad[oa]\s+por", "after", True),
    (r"seg[úu]n|de\s+acuerdo\s+con", "after", False),
    (r"inform[óo]|report[óo]|public[óo]", "both", True),
    # Arabic: always needs a media word or a registry outlet (no capitals to go by)
    (r"نقل[اً]{1,2}\s+عن|حسبما\s+(?:ذكرت|أفادت)|ذكرت|أفادت|أوردت|بحسب", "after", False),
)
_CUE = re.compile(
    "|".join(f"(?P<c{i}>(?<!\\w)(?:{p})(?!\\w))" for i, (p, _, _) in enumerate(_CUES)),
    re.IGNORECASE)
# Every match of _CUE contains one of these, lower-cased. (Keep in step with _CUES;
# tests/test_enrich_via.py checks that every cue holds one.)
CUE_STEMS = (
    "dilansir", "melansir", "dikutip", "mengutip", "memetik", "dilaporkan", "diberitakan",
    "menurut", "melaporkan", "memberitakan",
    "reported", "citing", "according", "report",
    "rapport", "cite", "cité", "selon", "d'apr", "d’apr",
    "berichtet", "meldet", "laut", "bericht", "angaben",
    "citad", "según", "segun", "acuerdo", "inform", "public",
    "نقل", "حسب", "ذكرت", "أفادت", "أوردت",
)


@lru_cache(maxsize=1)
def _stems() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for stem in CUE_STEMS:
        automaton.add_word(stem, stem)
    automaton.make_automaton()
    return automaton


def _words(text: str) -> frozenset[str]:
    return frozenset(norm(w) for w in text.split())



# Words that introduce an outlet; skipped before its name, and proof that a name after a
# weak cue is an outlet (compared folded).
_MEDIA_WORDS = _words("""
kantor berita jaringan televisi stasiun tv surat kabar harian media situs portal laman agensi
akhbar news agency broadcaster newspaper daily channel network outlet website wire
agence chaine journal quotidien television nachrichtenagentur zeitung sender agentur
agencia diario periodico cadena television noticias emisora
وكالة قناة صحيفة موقع شبكة تلفزيون إذاعة الأنباء
""")
_SKIP = _MEDIA_WORDS | _words("""
dari oleh the state-run state-owned official l' la le les der die das dem den des el los las
de di
""")
# Outlet names with a media word in them count after a weak cue.
_MEDIA_IN_NAME = _words("tv news radio times post press herald journal daily agency "
                        "tribune gazette telegraph guardian zeitung")
# Wire agencies cited everywhere, some in lower case ("laut dpa").
WIRES = frozenset(norm(w) for w in (
    "Reuters", "AP", "Associated Press", "AFP", "dpa", "EFE", "ANSA", "Xinhua", "TASS",
    "Anadolu", "Bernama", "Antara", "IRNA", "WAFA", "SANA", "Kyodo", "Yonhap", "UPI",
    "Europa Press", "Bloomberg", "Interfax", "RIA Novosti", "PTI", "APA", "KNA"))
# International broadcasters cited as often as the wires, by names without a media word.
BROADCASTERS = frozenset(norm(w) for w in (
    "Al Jazeera", "Al-Jazeera", "Al Arabiya", "Al-Arabiya", "Al Mayadeen", "Al-Mayadeen",
    "BBC", "CNN", "Sky News", "France 24", "Deutsche Welle", "DW", "RFI", "Euronews",
    "NPR", "ABC", "CBS", "NBC"))
KNOWN_OUTLETS = WIRES | BROADCASTERS
_PARTICLE = re.compile(r"^(?:al|el|an|ad|as|ar|at|az|ash|ul)[-‐‑]\w", re.IGNORECASE)
_ELISION = re.compile(r"^[ldLD]['’](?=\w)")
_JOINERS = frozenset({"of", "de", "du", "des", "del", "&", "and", "für"})
_AR_STOP = _words("أن إن في من على عن إلى التي الذي يوم أنه إنه")
_TOKEN = re.compile(r"\S+")
_OPEN = "\"'“‘«([„"
_CLOSE = "\"'”’»)],.;:!?"
MAX_WORDS = 6


@dataclass
class _Token:
    text: str  # without surrounding punctuation
    start: int
    end: int
    stop_before: bool  # punctuation opens it: a name cannot run on into it
    stop_after: bool  # punctuation closes it: a name ends here


def _tokens(text: str) -> list[_Token]:
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        core = raw.lstrip(_OPEN)
        lead = len(raw) - len(core)
        core = core.rstrip(_CLOSE)
        # Keep an acronym's final dot ("U.S.") but not a sentence's.
        out.append(_Token(core, m.start() + lead, m.start() + lead + len(core),
                          stop_before=lead > 0, stop_after=len(core) + lead < len(raw)))
    return [t for t in out if t.text]


def _is_name_word(word: str) -> bool:
    word = _ELISION.sub("", word)
    return bool(word) and (word[0].isupper() or bool(_PARTICLE.match(word))
                           or norm(word) in WIRES)


def _introduces(word: str, following: str) -> bool:
    """Whether ``word`` comes before an outlet's name rather than being part of it:
    "kantor berita", "the agency", "die Zeitung" do; "The" of "The New York Times" not."""
    key = norm(word)
    if key in _MEDIA_WORDS or (key in _SKIP and word[0].islower()):
        return True
    return key in _SKIP and norm(following) in _MEDIA_WORDS


@dataclass
class _Found:
    name: str
    position: int


def _calendar(ctx: Context) -> frozenset[str]:
    return ctx.memo("via:calendar", lambda: calendar_words(ctx.config.languages))


class _Resolver:
    """Turns a candidate name into an outlet name, or rejects it."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.matcher = actor_matcher(ctx)
        self.calendar = _calendar(ctx)

    def registry(self, folded: str, at_start: bool) -> tuple[str | None, bool]:
        """(media actor name, whether a non-media actor is named) at the edge of ``folded``."""
        matches = self.matcher.find(folded)
        if not matches:
            return None, False
        m = matches[0] if at_start else matches[-1]
        edge = m.start == 0 if at_start else m.end == len(folded)
        if not edge:
            return None, False
        actor = self.ctx.registries.actors[m.value]
        if actor.kind == "media":
            return actor.name, False
        return None, m.start == 0 and m.end == len(folded)

    def clean(self, words: list[str]) -> str:
        while words and norm(words[-1]).rstrip(".") in self.calendar:
            words = words[:-1]
        while len(words) > 1 and _introduces(words[0], words[1]):
            words = words[1:]
        if words:
            words[0] = _ELISION.sub("", words[0])
        return " ".join(words)

    def accept(self, name: str, strong: bool, introduced: bool) -> str | None:
        if not name:
            return None
        folded = norm(name)
        media, other = self.registry(folded, at_start=True)
        if media:
            return media
        if other:
            return None  # "Israel melaporkan": a state, not an outlet
        if strong or introduced or folded in KNOWN_OUTLETS:
            return name
        if any(w in _MEDIA_IN_NAME for w in folded.split()):
            return name
        return None


def _after(text: str, end: int, strong: bool, res: _Resolver) -> str | None:
    window = text[end:end + 120]
    tokens = _tokens(window)
    introduced = False
    i = 0
    while (i + 1 < len(tokens) and not tokens[i].stop_after
           and _introduces(tokens[i].text, tokens[i + 1].text)):
        introduced = introduced or norm(tokens[i].text) in _MEDIA_WORDS
        i += 1
    if i < len(tokens):
        media, _ = res.registry(norm(window[tokens[i].start:]), at_start=True)
        if media:
            return media
    if i < len(tokens) and is_arabic(tokens[i].text[0]):
        if not introduced or norm(tokens[i].text) in _AR_STOP:
            return None
        return tokens[i].text  # one word: Arabic has no capitals to end a name by
    words: list[str] = []
    for tok in tokens[i:]:
        if words and tok.stop_before:
            break
        if _is_name_word(tok.text) or (words and tok.text.isdigit()):
            words.append(tok.text)
        elif words and tok.text in _JOINERS and not tok.stop_after:
            words.append(tok.text)
            continue
        else:
            break
        if tok.stop_after or len(words) >= MAX_WORDS:
            break
    while words and words[-1] in _JOINERS:
        words.pop()
    return res.accept(res.clean(words), strong, introduced)


def _before(text: str, start: int, res: _Resolver) -> str | None:
    """The outlet named just before a verb cue: a registry outlet, a wire or a known
    broadcaster (the name's last words: "Adapun Reuters" gives "Reuters"), or a name
    introduced by a media word or holding one ("The Jerusalem Post")."""
    window = text[max(0, start - 120):start]
    media, _ = res.registry(norm(window), at_start=False)
    if media:
        return media
    tokens = _tokens(window)
    words: list[str] = []
    for tok in reversed(tokens):
        if tok.stop_after or not _is_name_word(tok.text) or len(words) >= MAX_WORDS:
            break
        words.insert(0, tok.text)
        if tok.stop_before:
            break
    if not words:
        return None
    for i in range(len(words)):
        if norm(" ".join(words[i:])) in KNOWN_OUTLETS:
            return res.clean(words[i:])
    preceding = tokens[len(tokens) - len(words) - 1] if len(tokens) > len(words) else None
    # "kantor berita X", "die Zeitung X" (German capitalises the media word).
    around = (preceding.text if preceding else None, words[0] if len(words) > 1 else None)
    introduced = any(t is not None and norm(t) in _MEDIA_WORDS for t in around)
    return res.accept(res.clean(words), strong=False, introduced=introduced)


# A cue starts at most this far before its stem ("nach einem Bericht", "de acuerdo con")
# and ends at most this far after it ("dilaporkan oleh", "nach einem Bericht des").
REACH = 40


def _cues(text: str) -> Iterator[re.Match[str]]:
    """What ``_CUE.finditer(text)`` gives, searching only around the cue stems found
    by one Aho-Corasick pass."""
    lowered = text.lower()
    if len(lowered) != len(text):  # lower-casing moved the offsets ("İ"): scan it all
        yield from _CUE.finditer(text)
        return
    done = 0  # the end of the last cue: finditer's matches never overlap
    for last, stem in _stems().iter(lowered):
        start = last + 1 - len(stem)
        if start < done:
            continue
        near = _CUE.search(text, max(done, start - REACH), last + 1 + REACH)
        if near is None or near.start() > start:
            continue  # a later stem finds a cue that lies further on
        # Searched again without the end bound, which can cut a cue short.
        cue = _CUE.match(text, near.start())
        if cue is not None:
            yield cue
            done = cue.end()


def cited_outlets(text: str, ctx: Context) -> list[str]:
    """Outlets cited in ``text``, by first mention, without duplicates."""
    res = _Resolver(ctx)
    found: list[_Found] = []
    for m in _cues(text):
        index = int(m.lastgroup[1:]) if m.lastgroup else 0
        _, direction, strong = _CUES[index]
        # "rapporte l'AFP", "berichtete der Spiegel": the name after a verb needs the
        # same evidence as one before it.
        name = _after(text, m.end(), strong and direction == "after", res) \
            if direction != "before" else None
        if not name and direction != "after":
            name = _before(text, m.start(), res)
        if name:
            found.append(_Found(name, m.start()))
    seen: set[str] = set()
    names = []
    for f in sorted(found, key=lambda f: f.position):
        key = norm(f.name)
        if key not in seen:
            seen.add(key)
            names.append(f.name)
    return names


def find_via(article: Article, ctx: Context) -> Article:
    """Add the outlets the text cites after any already on the record."""
    text = article_text(article, ctx).plain
    known = {norm(v) for v in article.via}
    article.via = [*article.via, *(v for v in cited_outlets(text, ctx) if norm(v) not in known)]
    return article
