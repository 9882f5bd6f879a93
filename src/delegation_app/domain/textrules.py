"""Which characters stored text may hold, shared by the service checks and the JSON import.

Lone surrogates cannot be encoded as UTF-8, so the database driver, the JSON export and the
briefing PDF would all fail on them later. Control characters other than line break and tab are
invisible in every view, print as nothing or as boxes, and NUL is refused by PostgreSQL; text
holding one is refused instead of silently changed, so nothing typed is lost without a word.
"""

import unicodedata

ALLOWED_CONTROLS = frozenset("\n\t")
# Free text (notes, purpose, summary) has no column limit; about 15 pages of A4 in the briefing.
MAX_LONG_TEXT = 50_000


def has_lone_surrogate(text: str) -> bool:
    return any(unicodedata.category(c) == "Cs" for c in text)


def has_forbidden_control(text: str) -> bool:
    return any(unicodedata.category(c) == "Cc" and c not in ALLOWED_CONTROLS for c in text)
