"""Guess whether a suggested name is a person, an organisation or a place.

General cues only, never a list of names: words organisations are named with
("Ministry", "Kementerian", "Bank", "Conseil"), acronyms, titles and honorifics that
come before people ("President", "Menteri", "Mme", "Herr"), name particles ("bin",
"von"), prepositions that come before places ("in", "di", "à", "nach", "في") and
Babel's territory names in the digest's languages. Unknown stays ``other``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..text.fold import norm


def _words(text: str) -> frozenset[str]:
    """The folded words of a whitespace-separated list."""
    return frozenset(norm(w) for w in text.split())


ORG_WORDS = _words("""
ministry ministère ministerio ministerium kementerian kementrian kemenlu council conseil
consejo rat dewan majelis majlis bank banque banco agency agence agencia badan lembaga
commission komisi comisión kommission committee komite comité union uni unión party
partai parti partido partei fund fonds fondo dana front movement gerakan mouvement
movimiento bewegung organization organisation organisasi organización institute institut
instituto foundation fondation fundación stiftung yayasan association asosiasi
asociación verband university universitas université universidad universität army
armée ejército armee forces tentara angkatan police polisi polizei court mahkamah
pengadilan tribunal gericht company corporation group grup groupe grupo news times post
press tv radio network office kantor bureau secretariat sekretariat authority otoritas
autorité autoridad behörde government pemerintah gouvernement gobierno regierung
parliament parlemen parlement parlamento parlament senate senat assembly assemblée
asamblea programme program programa red crescent cross palang sabit hilal corps kedutaan
embassy ambassade
embajada botschaft konsulat consulate
""")
TITLES = _words("""
mr mrs ms dr prof sir president presiden président presidente präsident minister menteri
ministre ministro ministerin menlu pm premier prime perdana king raja roi rey könig
queen ratu prince pangeran sheikh syekh sheik emir amir general jenderal général
gouverneur governor gubernur mayor walikota bupati ambassador duta ambassadeur embajador
botschafter pak bu bapak ibu m mme mlle monsieur madame herr frau señor señora don
secretary sekretaris spokesman spokeswoman juru chief ketua kepala director direktur
directeur director imam ustaz kh habib speaker
""")
PLACE_BEFORE = _words("""
in at from to near into di ke dari menuju dekat à au aux en depuis vers près nach aus
im bei von desde hacia cerca del
""")
AR_PLACE = re.compile(r"(?:^|\s)(?:في|إلى|من|بـ?)\s*$")
PARTICLES = frozenset({"bin", "binti", "bint", "ibn", "van", "von", "der", "de", "al", "el",
                       "abu", "abd"})


@lru_cache(maxsize=8)
def territory_names(languages: tuple[str, ...]) -> frozenset[str]:
    from babel import Locale

    names: set[str] = set()
    for lang in (*languages, "en"):
        try:
            names |= {norm(n) for n in Locale.parse(lang).territories.values()}
        except Exception:  # babel raises its own error for unknown locales
            continue
    return frozenset(names)


def _word_before(sentence: str, name: str) -> str | None:
    at = sentence.find(name)
    if at <= 0:
        return None
    words = re.findall(r"\w+", sentence[:at])
    return norm(words[-1]) if words else None


def guess_kind(name: str, sentences: Iterable[str], languages: tuple[str, ...]) -> str:
    words = [norm(w) for w in re.findall(r"\w+", name)]
    if norm(name) in territory_names(languages):
        return "place"
    if any(w in ORG_WORDS for w in words):
        return "organization"
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and " " not in name:
        return "organization"  # an acronym
    votes = {"person": 0, "place": 0}
    for sentence in sentences:
        before = _word_before(sentence, name)
        if before in TITLES:
            votes["person"] += 1
        elif before in PLACE_BEFORE or AR_PLACE.search(sentence[:max(sentence.find(name), 0)]):
            votes["place"] += 1
    if any(w in PARTICLES for w in words[1:-1]) or (words and words[0] in ("abd", "abu")):
        votes["person"] += 1
    if votes["person"] > votes["place"]:
        return "person"
    if votes["place"] > votes["person"]:
        return "place"
    return "person" if 2 <= len(words) <= 4 else "other"
