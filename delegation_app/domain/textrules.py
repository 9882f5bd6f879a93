"""Which characters stored text may hold, shared by the service checks and the JSON import.

Lone surrogates cannot be encoded as UTF-8, so the database driver, the JSON export and the
briefing PDF would all fail on them later. Control characters other than line break and tab are
invisible in every view, print as nothing or as boxes, and NUL is refused by PostgreSQL; text
holding one is refused instead of silently changed, so nothing typed is lost without a word.
"""

import re

ALLOWED_CONTROLS = frozenset("\n\t")
# Free text (notes, purpose, summary) has no column limit; about 15 pages of A4 in the briefing.
MAX_LONG_TEXT = 50_000
# A person's short profile: a few paragraphs in the briefing, not a CV.
MAX_PROFILE = 4_000
# A visit's talking points, protocol notes and logistics: each a few pages at most.
MAX_PREPARATION_TEXT = 20_000

# Unicode fixes both sets for good (category Cc is exactly these 65 code points, Cs the surrogate
# block); a regular expression scans a pasted megabyte in milliseconds.
_FORBIDDEN_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def has_lone_surrogate(text: str) -> bool:
    return _LONE_SURROGATE.search(text) is not None


def has_forbidden_control(text: str) -> bool:
    """A control character other than line break and tab (category Cc)."""
    return _FORBIDDEN_CONTROL.search(text) is not None
