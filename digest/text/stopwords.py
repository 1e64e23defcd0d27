"""A few very common function words per language: prose has many, menus have none.

Used to tell a paragraph from a navigation line and to leave words that say nothing
about an article out of its summary's terms.
"""

from __future__ import annotations

from .fold import folded_words

STOP_WORDS: frozenset[str] = folded_words(
    "the a an of to in and is was for on that with as by at from it he she they "
    "said has have had be been are were will would not this but which who "
    "yang dan di ke dari untuk dengan pada ini itu dalam tidak akan juga adalah "
    "oleh telah bahwa sebagai atau kata mereka ia kami kita tersebut saat para "
    "ialah kerana bagi daripada telah tidak beliau ini itu "
    "le la les de des du un une et est en que qui dans pour sur au aux par pas "
    "il elle ont a été ce cette sont avec "
    "der die das und ist in den von zu mit sich des auf für nicht ein eine dem "
    "im sie er es wurde hat auch als bei nach "
    "el la los las de del y en que un una por con para es se al lo su "
    "في من على إلى الى أن ان عن مع التي الذي هذا هذه كان قال وقد ما لا أو بين "
    "بعد قد ذلك كما"
)
