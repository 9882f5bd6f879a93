"""Sort keys for names per DIN 5007-1 ("dictionary" order): Ö sorts as O, ß as ss.

Stored in an indexed column so that SQL can sort 100k people without a Python pass.
"""

import unicodedata

# Letters that NFKD does not decompose into base letter + combining mark.
_SPECIAL = str.maketrans(
    {"ß": "ss", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d"}
)
# Lower than any printable character, so that "Kuhn, Dominik" sorts before "Kuhne, Anna".
SEPARATOR = "\t"
MAX_LENGTH = 400  # the column's size; folding can lengthen text (ß → ss, ﬃ → ffi)


def fold(text: str | None) -> str:
    """Lower-case, strip accents and fold special letters; whitespace collapsed."""
    if not text:
        return ""
    text = text.casefold().translate(_SPECIAL)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.split())


def name_sort_key(*parts: str | None) -> str:
    """Key for (last name, first name, …) or an organisation's name."""
    return SEPARATOR.join(fold(p) for p in parts)[:MAX_LENGTH]


def text_sort_key(text: str | None) -> str | None:
    """Key of a free-text column a list sorts by (function, email); None when there is nothing,
    so that empty fields can be listed last in either direction."""
    return fold(text)[:MAX_LENGTH] or None


def person_list_keys(
    function: str | None, email: str | None, first_phone_e164: str | None
) -> dict[str, str | None]:
    """The stored sort keys of a person's list columns besides the name; the service, the
    migration, the JSON import and the benchmark's generator all fill them with this."""
    return {
        "function_sort_key": text_sort_key(function),
        "email_sort_key": text_sort_key(email),
        "phone_sort_key": first_phone_e164 or None,
    }
