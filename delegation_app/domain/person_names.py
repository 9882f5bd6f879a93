"""How a person's name is written out: the one rule every list, page, message and print uses.

Most names are written given name first ("Dr. Anna Schmidt"). Chinese, Japanese, Korean,
Vietnamese and Hungarian names are written family name first; a person record says so with
``family_name_first``. Names in CJK scripts are then written without a space ("王小明"), others
with one ("Orbán Viktor"). A title always stands in front ("Dr. 王小明"). Sorting is not
affected: the list sorts by the family name either way (domain.sortkey).
"""

import unicodedata

# Unicode character names of the scripts whose names are written without a space between
# family and given name.
_CJK_PREFIXES = ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH", "HIRAGANA", "KATAKANA", "HANGUL")


def _is_cjk(char: str) -> bool:
    return unicodedata.name(char, "").startswith(_CJK_PREFIXES)


def is_cjk_name(text: str) -> bool:
    """Whether every letter of ``text`` is of a CJK script (spaces and marks aside)."""
    letters = [c for c in text if not c.isspace() and unicodedata.category(c)[0] != "M"]
    return bool(letters) and all(_is_cjk(c) for c in letters)


def compose_name(title: str | None, first_name: str | None, last_name: str | None, family_first: bool) -> str:
    """The name as written in running text: "Dr. Anna Schmidt", "王小明", "Orbán Viktor"."""
    last, first = (last_name or "").strip(), (first_name or "").strip()
    if family_first and first and last:
        joint = "" if is_cjk_name(last) and is_cjk_name(first) else " "
        name = f"{last}{joint}{first}"
    else:
        name = " ".join(part for part in (first, last) if part)
    return " ".join(part for part in ((title or "").strip(), name) if part)


def list_name(title: str | None, first_name: str | None, last_name: str, family_first: bool) -> str:
    """The name in a list sorted by family name: "Schmidt, Dr. Anna"; a family-first name is
    already in that order ("王小明", "Orbán Viktor, Dr.")."""
    if family_first:
        name = compose_name(None, first_name, last_name, True)
        return f"{name}, {title}" if title else name
    given = " ".join(part for part in (title, first_name) if part)
    return f"{last_name}, {given}" if given else last_name
