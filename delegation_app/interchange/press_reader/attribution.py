"""Who said a quotation, and whether it is speech at all.

The rules, in order:
1. After the quotation, in its sentence: ", sagte X." / ", so X." / ", betonte die
   Oberbürgermeisterin." / ", brachte es Kopietz … auf den Punkt." — a speech verb (or "so")
   among the first words after the closing mark, then the first person, pronoun or role noun.
2. Before it, ending in a colon: "X sagte: „…“" / "Sie betonte: „…“" — the first person,
   pronoun or role noun of the clause.
3. A quotation that is a sentence of its own continues the speaker of the quotation just
   before it (in the same or the previous sentence), as in "„…“, sagte Hemsley. „…“".
4. A speech verb anywhere in the sentence with one person named there: that person.
Pronouns: "sie"/"er" is the last person named whose gender matches or is not known (gender
from the first-name list, a feminine or masculine function, Frau/Herr); failing that, the last
speaker; failing that, no speaker. A role noun ("die Oberbürgermeisterin") is the last person
with that function.

Not speech: a short quotation (at most four words, no full stop of its own) that has none of
the above, or that follows a naming cue (Motto, Projekt, Titel, sogenannte …), or whose words
are all capitalised (a name or a title: „Smart City Bochum“).
"""

from collections.abc import Mapping
from dataclasses import dataclass

from delegation_app.interchange.press_reader.lexicon import (
    EXTRA_SPEECH_WORDS,
    SPEECH_VERBS,
    TERM_CUES,
    function_gender,
    is_function_word,
)
from delegation_app.interchange.press_reader.tokens import Token

ARTICLES = {"der", "die", "den", "dem", "des", "Der", "Die"}


@dataclass(frozen=True)
class Cue:
    """Who is named where a speaker can stand: a person (by mention offset), a pronoun or a role."""

    kind: str  # "person", "pronoun", "role"
    value: object  # PersonProposal, gender str, role word


def is_speech_word(word: str) -> bool:
    return word.lower() in SPEECH_VERBS or word in EXTRA_SPEECH_WORDS


def looks_like_term(inner: str, before: list[Token]) -> bool:
    words = inner.split()
    ends_sentence = inner.rstrip().endswith((".", "!", "?", "…"))
    cue_before = any(t.word.lower() in TERM_CUES for t in before[-3:])
    if cue_before and len(words) <= 8 and not ends_sentence:
        return True
    if len(words) <= 6 and not ends_sentence:
        content = [
            w
            for w in words
            if w[:1].isalpha()
            and w.lower()
            not in {"und", "für", "der", "die", "das", "von", "in", "im", "&", "of", "the", "for", "and"}
        ]
        if content and all(w[:1].isupper() for w in content):
            return True  # a name or a title
    return False


def speech_after(after: list[Token], inner: str) -> bool:
    """Whether the words after a closing mark attribute it: ", sagte …", ", so …"; without the
    comma only after a quotation ending in ? or ! („Warum nicht?“ fragte sie)."""
    words = [t for t in after if t.text not in {",", "–", "-"}]
    if not after:
        return False
    if after[0].text not in {",", "–", "-"} and not (
        inner.rstrip().endswith(("?", "!")) and after[0].word[:1].islower()
    ):
        return False
    for token in words[:6]:
        if token.is_quote or token.text in {".", ";", ":"}:
            return False
        if (is_speech_word(token.word) and not token.capital) or token.word == "So":
            return True
    return False


def role_gender(word: str) -> str | None:
    return function_gender(word)


def cue_in(tokens: list[Token], persons_at: Mapping[int, object]) -> Cue | None:
    """The first person, pronoun or role noun among ``tokens``."""
    for index, token in enumerate(tokens):
        if token.is_quote:
            continue
        if token.start in persons_at:
            return Cue("person", persons_at[token.start])
        if token.word in {"sie", "er", "Sie", "Er"}:
            return Cue("pronoun", "f" if token.word.lower() == "sie" else "m")
        if token.word in {"Ihr", "Ihm"}:
            continue
        if (
            is_function_word(token.word)
            and token.capital
            and index > 0
            and tokens[index - 1].word in ARTICLES | {"Bochums"}
        ):
            return Cue("role", token.word)
        if (
            is_function_word(token.word)
            and token.capital
            and index > 0
            and tokens[index - 1].word.endswith("s")
            and tokens[index - 1].capital
        ):
            return Cue("role", token.word)
    return None
