"""How two names are compared for duplicates: German folding, Kölner Phonetik, a 0–100 score.

Pure functions (no database): ``duplicates.py`` builds its index with them. The folding makes
"Jürgen Müller", "Juergen Mueller", "Müller, Jürgen" and "Dr. Jürgen Müller" one key; the
Kölner Phonetik code ("Meier" and "Mayer" are both 67) catches what sounds alike, where plain
fuzzy matching gives "Müller"/"Mueller" only 79.
"""

import re
from functools import lru_cache

import cologne_phonetics  # type: ignore[import-untyped]
from rapidfuzz import fuzz

from delegation_app.domain.sortkey import fold

# Academic and honorary titles that precede a name and say nothing about who it is.
_TITLE_WORDS = frozenset({
    "dr", "prof", "professor", "professorin", "dipl", "ing", "med", "phil", "rer", "nat", "jur",
    "h", "c", "mult", "habil", "mag", "ba", "ma", "msc", "bsc", "mba", "llm", "herr", "frau",
    "mr", "mrs", "ms", "dott", "doc", "dres", "pd",
})  # fmt: skip
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# "ue" and "ü" fold alike: "Mueller" and "Müller" both become "muller".
_UMLAUT_E = re.compile(r"(?<=[aou])e")

# Words in organisation names that many unrelated organisations share; each maps to one spelling
# so that "Stadtverwaltung Bochum" and "Stadt Bochum" compare equal.
_ORG_SYNONYMS = {
    "stadtverwaltung": "stadt", "city": "stadt", "kreisverwaltung": "kreis", "landkreis": "kreis",
    "gemeindeverwaltung": "gemeinde", "municipality": "gemeinde", "verwaltung": "",
    "of": "", "der": "", "die": "", "das": "", "des": "", "the": "", "und": "", "and": "",
}  # fmt: skip
GENERIC_ORG_WORDS = frozenset({
    "stadt", "kreis", "gemeinde", "gmbh", "ag", "ev", "eg", "kg", "ohg", "mbh", "co", "aor",
    "universitat", "university", "hochschule", "amt", "verband", "verein", "stiftung",
    "industrie", "handelskammer", "kammer", "stadtwerke", "landeshauptstadt", "freie", "hansestadt",
})  # fmt: skip


@lru_cache(maxsize=65536)
def folded(text: str | None) -> str:
    """Lower case, accents off, ß → ss, "ue"/"ü" → "u"; the key every comparison uses."""
    return _UMLAUT_E.sub("", fold(text))


def words(text: str | None) -> list[str]:
    return _WORD.findall(folded(text))


@lru_cache(maxsize=65536)
def phonetic(text: str) -> str:
    """The Kölner Phonetik code of a (folded) name; several words are joined."""
    return "".join(code for _word, code in cologne_phonetics.encode(text, concat=True)) if text else ""


@lru_cache(maxsize=65536)
def split_name(first_name: str | None, last_name: str | None) -> tuple[str, str]:
    """(first, last) as folded keys: titles dropped, "Müller, Jürgen" in one field swapped."""
    first, last = first_name or "", last_name or ""
    if not first and "," in last:
        last, _sep, first = last.partition(",")
    elif not last and "," in first:
        last, _sep, first = first.partition(",")
    if not first and not last:
        return "", ""
    first_words = [w for w in words(first) if w not in _TITLE_WORDS]
    last_words = [w for w in words(last) if w not in _TITLE_WORDS]
    if not first_words and len(last_words) > 1 and not first_name:
        # "Jürgen Müller" typed into the last name alone
        first_words, last_words = last_words[:-1], last_words[-1:]
    return " ".join(first_words), " ".join(last_words)


@lru_cache(maxsize=65536)
def name_similarity(a: str, b: str) -> float:
    """0–100 for two folded name keys: fuzzy, raised to 85 when they sound alike and lowered by
    SOUNDS_DIFFERENT when they do not (plain fuzzy gives "Schmidt"/"Schmitz" 86)."""
    if a == b:
        return 100.0
    score = fuzz.ratio(a, b)
    if phonetic(a) == phonetic(b):
        return max(score, 85.0)
    return max(0.0, score - SOUNDS_DIFFERENT)


@lru_cache(maxsize=65536)
def first_name_similarity(a: str, b: str) -> float:
    """As name_similarity; an initial ("j") fits a name starting with it, a missing name is neutral."""
    if not a or not b:
        return NEUTRAL_FIRST
    if len(a) == 1 or len(b) == 1:
        return 80.0 if a[0] == b[0] else 0.0
    return name_similarity(a, b)


NEUTRAL_FIRST = 70.0
SOUNDS_DIFFERENT = 10.0
LAST_WEIGHT = 0.6
# Organisation relation between a candidate and an existing person: subtracted from the name score.
SAME_ORGANISATION = 0.0
UNKNOWN_ORGANISATION = 10.0
OTHER_ORGANISATION = 25.0
# A score from here on is "probably the same" (shown and skipped by default).
THRESHOLD = 75
# A name score from here on counts as the same name (typing slips, a missing first name aside).
EXACT = 95


def person_score(last: float, first: float, organisation_penalty: float) -> int:
    """The well-defined score: 60 % last name, 40 % first name, less the organisation's penalty.

    Examples: same folded name at the same organisation 100, with one organisation unknown 90, at
    another organisation 75; "Meier"/"Mayer" with the same first name at the same organisation 91,
    elsewhere or with the organisation unknown 66 (a sound-alike needs the same organisation)."""
    return max(0, min(100, round(LAST_WEIGHT * last + (1 - LAST_WEIGHT) * first - organisation_penalty)))


@lru_cache(maxsize=65536)
def organisation_key(name: str | None) -> str:
    """Folded words, "Bochum, Stadt" turned round, generic spellings unified, sorted."""
    text = name or ""
    if "," in text:
        head, _sep, tail = text.partition(",")
        text = f"{tail} {head}"
    out = []
    for word in words(text.replace("-", " ")):
        word = _ORG_SYNONYMS.get(word, word)
        if word:
            out.append(word)
    return " ".join(sorted(out))


def distinctive_words(key: str) -> list[str]:
    """The words of an organisation key that tell it apart (the city, the name)."""
    return [w for w in key.split() if w not in GENERIC_ORG_WORDS and len(w) > 1] or key.split()


def organisation_score(a_key: str, b_key: str) -> int:
    if not a_key or not b_key:
        return 0
    return round(fuzz.token_sort_ratio(a_key, b_key))
