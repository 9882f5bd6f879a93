"""Organisations and places in a release: "Stadt Bochum", "der Stadtwerke Hanau", "Bochums"
(→ Stadt Bochum), "Hanauer Delegation" (→ Hanau)."""

import re

from delegation_app.interchange.press_reader.lexicon import ORGANISATION_HEADS, ORGANISATION_SUFFIXES

_HEADS = "|".join(sorted((re.escape(h) for h in ORGANISATION_HEADS), key=len, reverse=True))
_NAME_WORD = r"(?:[A-ZÄÖÜŁŚŻŹĆŃÓÇŞİĞÉÈ][\w\-ąćęłńóśźżçşığéèüöäß]*)"
_SUFFIXES = "|".join(re.escape(s) for s in ORGANISATION_SUFFIXES)
ORGANISATION_RE = re.compile(
    rf"\b(?:{_HEADS})(?:n)?\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
    rf"|\b{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}\s+(?:{_SUFFIXES})(?!\w)"
)
_NOT_IN_NAME = {"Denes", "Elke", "Digitalisierung", "Innovation", "Unit", "Holding"}
# Irregular city adjectives ("Münchner" → München); the rule strips "-er" from the others.
_CITY_ADJECTIVES = {
    "Münchner": "München",
    "Kölner": "Köln",
    "Bremer": "Bremen",
    "Essener": "Essen",
    "Dresdner": "Dresden",
    "Görlitzer": "Görlitz",
    "Hallenser": "Halle",
    "Hannoveraner": "Hannover",
    "Wiener": "Wien",
    "Züricher": "Zürich",
    "Zürcher": "Zürich",
    "Krakauer": "Krakau",
    "Posener": "Posen",
    "Breslauer": "Breslau",
    "Danziger": "Danzig",
}
_NOT_CITY_ADJECTIVES = {
    "Unser",
    "Unsere",
    "Aber",
    "Oder",
    "Über",
    "Einer",
    "Jeder",
    "Dieser",
    "Weiter",
    "Immer",
    "Später",
    "Neuer",
    "Alter",
    "Großer",
    "Kleiner",
    "Anderer",
    "Mehrer",
    "Vier",
    "Hier",
    "Der",
    "Leiter",
    "Vertreter",
    "Mitarbeiter",
    "Ober",
    "Partner",
    "Bürger",
    "Jünger",
    "Älter",
    "Guter",
    "Erster",
    "Zweiter",
    "Dritter",
    "Letzter",
}


def organisation_in(text: str) -> str | None:
    """The last organisation named in ``text`` (the most specific one ends a German chain)."""
    found = organisations_in(text)
    return found[-1] if found else None


def organisations_in(text: str) -> list[str]:
    names = []
    for match in ORGANISATION_RE.finditer(text):
        words = match.group(0).split()
        # stop before a following first name or a sentence word glued on
        name = " ".join(words)
        head = words[0]
        if head.endswith("n") and head[:-1] in ORGANISATION_HEADS:
            words[0] = head[:-1]  # "der Stadtwerken" is rare; "Städten" not matched at all
        if words[0] == "Stadtwerke" and len(words) > 2 and words[-1] not in {"Holding", "GmbH", "AG"}:
            words = words[:2]
        if (
            words[0] in {"Stadt", "Gemeinde", "Landeshauptstadt", "Hansestadt", "Kreisstadt"}
            and len(words) > 2
        ):
            words = words[:2]
        name = " ".join(words)
        if name not in names:
            names.append(name)
    return names


def city_of_genitive(word: str) -> str | None:
    """ "Bochums" → "Bochum" when the word is a capitalised genitive of a place."""
    if len(word) > 4 and word[:1].isupper() and word.endswith("s") and not word.endswith(("ss", "us", "nis")):
        stem = word[:-1]
        if stem[-1:] not in "aeiou" or stem.endswith(("au", "ow")):
            return stem
    return None


def city_of_adjective(word: str) -> str | None:
    """ "Hanauer" → "Hanau", "Münchner" → "München"; None for words that only look like it."""
    if word in _CITY_ADJECTIVES:
        return _CITY_ADJECTIVES[word]
    if word in _NOT_CITY_ADJECTIVES or not word[:1].isupper() or len(word) < 6:
        return None
    if word.endswith("er"):
        return word[:-2]
    return None
