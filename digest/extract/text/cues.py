"""Small multilingual cue lists for the plain-text extractor.

They are one signal among several (line length, punctuation, link density, position):
a cue alone never removes a long sentence-like paragraph. All entries are in
``fold()`` form (casefolded, without diacritics), so "À lire aussi" and "اقرأ أيضاً"
match "a lire aussi" and "اقرا ايضا".
"""

from __future__ import annotations

import re

from ...text.fold import folded_words

# Short labels that end the article when they follow its body: tags, sharing,
# comments, related stories, footers.
END_LABELS: tuple[str, ...] = (
    # tags / topics
    "tags", "tag", "tagged", "topics", "topik", "tagar", "label", "etiquettes", "mots-cles",
    "schlagworte", "schlagwörter", "themen", "etiquetas", "temas", "الوسوم", "وسوم",
    "كلمات مفتاحية", "كلمات دلالية",
    # sharing / following
    "share", "share this", "share on", "bagikan", "sebarkan", "kongsi", "partager", "partagez",
    "teilen", "compartir", "compartilhe", "شارك", "مشاركة", "follow us", "ikuti kami",
    "suivez-nous", "folgen sie uns", "siguenos", "تابعونا",
    # comments
    "comments", "comment", "leave a comment", "leave a reply", "post a comment",
    "komentar", "tinggalkan komentar", "tinggalkan balasan", "ulasan", "commentaires",
    "commentaire", "laisser un commentaire", "kommentare", "kommentar", "comentarios",
    "deja un comentario", "التعليقات", "تعليقات", "اترك تعليقا", "أضف تعليقا",
    # related / more
    "related", "related articles", "related stories", "related news", "more stories",
    "more from", "more on this", "recommended", "you may also like", "you might also like",
    "most read", "most popular", "trending", "latest news", "berita terkait",
    "artikel terkait", "berita lainnya", "terpopuler", "berita populer", "terkini",
    "berkaitan", "artikel berkaitan", "sur le meme sujet", "a lire egalement",
    "les plus lus", "dans la meme rubrique", "mehr zum thema", "weitere artikel",
    "meistgelesen", "das konnte sie auch interessieren", "noticias relacionadas",
    "lo mas leido", "اخبار ذات صلة", "مواضيع ذات صلة", "الاكثر قراءة", "اخر الاخبار",
    "newsletter", "subscribe", "berlangganan", "langganan",
)

# Footer marks: end the article wherever they appear, even in a sentence.
FOOTER_MARKS: tuple[str, ...] = (
    "©", "(c) 20", "all rights reserved", "tous droits reserves", "droits reserves",
    "alle rechte vorbehalten", "todos los derechos", "derechos reservados",
    "hakcipta terpelihara", "hak cipta dilindungi", "جميع الحقوق محفوظة",
)
# Weaker: a footer only on a line that is not a sentence ("Copyright 2024 Example News").
FOOTER_WORDS: tuple[str, ...] = ("copyright", "hak cipta", "hakcipta", "حقوق النشر")

# Inserts inside the body: cross-links, advertising, "scroll to continue".
INSERT_PREFIXES: tuple[str, ...] = (
    "baca juga", "baca lagi", "baca pula", "lihat juga", "simak juga", "tonton juga",
    "baca selengkapnya", "baca berita", "artikel terkait", "berita terkait",
    "read more", "read also", "also read", "read next", "see also", "watch", "related",
    "more:", "click here", "lire aussi", "a lire aussi", "lire egalement", "voir aussi",
    "a voir aussi", "lesen sie auch", "lesen sie mehr", "auch interessant", "mehr dazu",
    "siehe auch", "lee tambien", "leer tambien", "ver tambien", "leia tambem",
    "اقرا ايضا", "اقرا المزيد", "شاهد ايضا", "اقرا كذلك",
    "advertisement", "advertising", "sponsored", "iklan", "publicite", "anzeige",
    "werbung", "publicidad", "اعلان", "scroll to continue", "continue reading",
    "scroll untuk melanjutkan", "gulir untuk melanjutkan", "lanjut baca", "story continues",
)

# Interface words that are never a section label.
UI_WORDS: frozenset[str] = frozenset((
    "loading", "memuat", "search", "cari", "pencarian", "menu", "home", "beranda",
    "login", "log in", "sign in", "masuk", "daftar", "register", "subscribe", "close",
    "tutup", "skip to content", "skip to main content", "type to search",
    "ketik untuk mencari", "recherche", "rechercher", "accueil", "startseite", "suche",
    "suchen", "inicio", "buscar", "الرئيسية", "بحث", "breaking news", "live", "trending",
    "advertisement", "iklan", "carian", "utama", "laman utama", "toggle navigation",
    "navigation", "news", "berita", "share", "bagikan", "previous", "next", "lihat foto",
    "foto", "photo", "view photo", "enlarge", "play", "video", "audio", "listen",
))
UI_TOKENS: frozenset[str] = frozenset(w for phrase in UI_WORDS for w in phrase.split())

# Byline prefixes; the name follows ("By Jane Doe", "Oleh: Nama", "Penulis: ...").
BYLINE_RE = re.compile(
    r"^(?:by|written by|words by|oleh|penulis|reporter|wartawan|kontributor|laporan|"
    r"author|auteur|par|von|autor|autora|por|door|بقلم|كتب|كتبت|تحرير)\b\s*[:\-–]?\s*(?P<name>.+)$",
    re.IGNORECASE,
)
EDITOR_RE = re.compile(
    r"^(?:editor|penyunting|redaktur|editing|edited by|editeur|redaktion|editado por|"
    r"محرر)\b\s*[:\-–]?\s*(?P<name>.+)$",
    re.IGNORECASE,
)


MONTHS: frozenset[str] = folded_words(
    # English
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec "
    # Indonesian / Malay
    "januari februari maret mac april mei juni jun juli julai agustus ogos september "
    "oktober november nopember desember disember agu okt des "
    # French
    "janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre janv févr avr juil sept oct déc "
    # German
    "januar jänner februar märz april mai juni juli august september oktober november "
    "dezember "
    # Spanish / Portuguese / Italian / Dutch
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre "
    "noviembre diciembre janeiro fevereiro março maio junho julho setembro outubro "
    "dezembro gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre "
    "januari februari maart mei augustus "
    # Arabic (Egyptian-style and Levantine names)
    "يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر "
    "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين"
)

# Units of a reading time ("5 min read", "Lesezeit: 3 Minuten", "قراءة 3 دقائق").
DURATION_UNITS: frozenset[str] = folded_words(
    "min mins minute minutes minuten minuto minutos minuti menit minit dakika "
    "دقيقة دقائق دقيقتان"
)

def prefix_matcher(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """One precompiled pattern matching the longest of ``prefixes`` as whole words."""
    ordered = sorted(set(prefixes), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


END_LABEL_RE = prefix_matcher(END_LABELS)
INSERT_RE = prefix_matcher(INSERT_PREFIXES)
FOOTER_RE = re.compile("|".join(map(re.escape, FOOTER_MARKS)))
FOOTER_WORD_RE = re.compile("|".join(map(re.escape, FOOTER_WORDS)))
