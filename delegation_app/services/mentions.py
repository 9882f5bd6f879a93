"""Where free text names a person: the full name, the last name after "Frau", "Herr", "Dr." …,
and the last name alone as a whole word ("Frau Temme", "Elke Temme", "Temmes Vorschlag").

Case is ignored, so a name typed in capitals counts too. A mention is replaced as a whole:
"Frau Temme" becomes "[entfernt]", not "Frau [entfernt]".
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from delegation_app.domain.sortkey import fold
from delegation_app.i18n import _

# Words that stand before a name in German and English letters, minutes and notes.
HONORIFICS = (
    "Frau", "Herr", "Herrn", "Fr.", "Hr.", "Dr.", "Prof.", "Professor", "Professorin", "Dipl.-Ing.",
    "Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Sir", "Madam", "Bürgermeister", "Bürgermeisterin",
    "Oberbürgermeister", "Oberbürgermeisterin", "Stadtrat", "Stadträtin", "Stadtdirektor",
    "Stadtdirektorin",
)  # fmt: skip
CONTEXT = 40  # characters shown either side of a mention


def redacted() -> str:
    """What a removed mention or value reads as, in the language of the program."""
    return _("[removed]")


@dataclass(frozen=True)
class NamePattern:
    """The ways free text names one person."""

    last_name: str
    regex: re.Pattern[str]
    folded_last: re.Pattern[str]  # the last name as a word of a folded sort key

    def finditer(self, text: str | None) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text or "")

    def redact(self, text: str) -> str:
        return self.regex.sub(redacted(), text)

    def in_key(self, key: str | None) -> bool:
        return bool(key) and self.folded_last.search(key or "") is not None


def _words(text: str) -> str:
    """A phrase as a pattern whose spaces match any whitespace (a line break in a summary)."""
    return r"\s+".join(re.escape(word) for word in text.split())


def name_pattern(
    title: str | None, first_name: str | None, last_name: str, salutation: str | None = None
) -> NamePattern:
    honorifics = set(HONORIFICS) | set((title or "").split()) | set((salutation or "").split())
    before = "|".join(_words(h) for h in sorted(honorifics, key=len, reverse=True) if h)
    last = _words(last_name)
    first = _words(first_name) if first_name and first_name.strip() else None
    named = rf"(?:{first}\s+)?{last}" if first else last
    forms = [rf"(?:(?:{before})\s+)*{named}(?:s|'s|’s|')?"]
    if first:  # "Temme, Elke" as lists and signatures write it; "王小明", "Orbán Viktor" family first
        forms[:0] = [rf"{last},\s*{first}", rf"{last}\s*{first}"]
    regex = re.compile(rf"(?<!\w)(?:{'|'.join(forms)})(?!\w)", re.IGNORECASE)
    folded = rf"(?<![^\W_]){re.escape(fold(last_name))}(?![^\W_])"
    return NamePattern(last_name, regex, re.compile(folded))


def spellings(last_name: str) -> list[str]:
    """The last name as a database's LIKE must look for it (case folding there is ASCII only)."""
    name = " ".join(last_name.split())
    return list(dict.fromkeys((name, name.lower(), name.upper(), name.title())))


@dataclass(frozen=True)
class Mention:
    """One place free text names the person, with what stands around it."""

    table: str
    record_id: int
    column: str
    index: int  # the n-th mention in that field
    text: str  # as written there: "Frau Temme"
    before: str
    after: str
    where: str = ""  # the record as users know it: "Kontakteintrag vom 24.02.2026"

    @property
    def key(self) -> tuple[str, int, str, int]:
        return (self.table, self.record_id, self.column, self.index)


def mentions_in(pattern: NamePattern, table: str, record_id: int, column: str, text: str | None,
                where: str = "") -> list[Mention]:  # fmt: skip
    found = []
    value = text or ""
    for index, match in enumerate(pattern.finditer(value)):
        start, end = match.span()
        before = value[max(0, start - CONTEXT) : start].split()
        after = value[end : end + CONTEXT].split()
        # Whole words only: a word cut by the window's edge is left out.
        before = (
            before[1:] if start > CONTEXT and before and not value[start - CONTEXT - 1].isspace() else before
        )
        after = (
            after[:-1]
            if end + CONTEXT < len(value) and after and not value[end + CONTEXT].isspace()
            else after
        )
        found.append(
            Mention(table, record_id, column, index, match.group(0), " ".join(before), " ".join(after), where)
        )
    return found


def redact_chosen(pattern: NamePattern, text: str, chosen: set[int] | None) -> str:
    """``text`` with the mentions whose index is in ``chosen`` replaced (all of them for None)."""
    counter = iter(range(1_000_000))

    def replace(match: re.Match[str]) -> str:
        index = next(counter)
        return redacted() if chosen is None or index in chosen else match.group(0)

    return pattern.regex.sub(replace, text)
