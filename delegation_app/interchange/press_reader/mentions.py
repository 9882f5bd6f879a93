"""People named in a sentence: a name with what stands before it (Frau, OB, Dr., a function)
and the apposition after it (", Leiter des Smart City Teams,"). A name counts when a cue says
it is one: a known first name, a title or function before it, a function after it, a speech
verb next to it, or a list of names it stands in.
"""

from dataclasses import dataclass

from delegation_app.interchange.press_reader.first_names import first_name_gender, is_first_name
from delegation_app.interchange.press_reader.lexicon import (
    FUNCTION_JOINERS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    POLITE_FORMS,
    SPEECH_VERBS,
    function_gender,
    is_function_word,
)
from delegation_app.interchange.press_reader.tokens import Token


def _words(block: str) -> frozenset[str]:
    """The words of a block, one set: long lists stay readable as text."""
    return frozenset(block.split())


def _word_tuple(block: str) -> tuple[str, ...]:
    return tuple(block.split())


# Capitalised words that start or continue a sentence but are never part of a name.
STOP_WORDS: frozenset[str] = _words(
    """
    Aber Alle Als Am Amt An Anfang April Auch Auf August Aus Außerdem Bei Beide Bereits
    Besonders Besuch Bild Bis Bürger Bürgerinnen Chief City Da Dabei Daher Damit Dank Darum Das
    Dazu Delegation Dem Den Der Des Deshalb Dezember Die Dienstag Dies Diese Dieser Dieses
    Digital Digitalisierung Director Doch Donnerstag Dort Durch Ein Eine Einem Einen Einer Eines
    Ende Er Es Executive Februar Foto Frau Freitag Für Gast Gastgeber Gegen Gemeinde Gemeinsam
    Gestern Gute Guten Gäste Hallo Head Herr Herrn Herzlich Heute Hier Hinter Hochschule Ich Ihr
    Ihre Im In Information Informationen Innovation Insgesamt Ja Jahr Jahre Jahren Januar Jetzt
    Juli Juni Kein Keine Kontakt Kreis Landkreis Laut Liebe Lieber Mai Man Manager Mehr Mein
    Menschen Mit Mitte Mittwoch Montag Morgen März Nach Neben Nein Nicht Noch November Nun Nur
    Oder Officer Ohne Oktober Pressekontakt Programm Projekt Projekte Quelle Rathaus Samstag
    Schon Sehr Sein Seine Seit September Sie Smart So Sonntag Stadt Stadtwerke Tag Tage Team
    Teams Technology Tel Telefon Thema Themen Trotz Um Und Unit Universität Uns Unser Unsere
    Unter Unternehmen Vertreter Vertreterinnen Viele Vom Von Vor Wann Warum Was Wegen Weitere
    Weiteres Welche Welcher Welches Wer Wie Willkommen Wir Wo Woche Während Ziel Zu Zudem Zum
    Zur Über
    """
)
_FUNCTION_LEADS = _words(
    """
    Chief Digital Erste Erster Executive Information Stellvertretende Stellvertretender
    Technology
    """
)
SUBJECT_PRONOUNS = {"sie": "f", "er": "m", "Sie": "f", "Er": "m"}


@dataclass
class Mention:
    start: int  # offsets of the name in the release
    end: int
    names: list[str]  # the name tokens: first names … last name
    title: str | None = None
    function: str | None = None
    apposition: str | None = None  # the phrase after the name between commas
    gender: str | None = None
    cued: bool = False  # something besides a first name says this is a person

    @property
    def last_name(self) -> str:
        return self.names[-1]

    @property
    def first_name(self) -> str | None:
        return " ".join(self.names[:-1]) or None


def _name_word(token: Token) -> bool:
    word = token.word
    return (
        (
            (
                token.capital
                and not token.is_quote
                and word not in STOP_WORDS
                and not is_function_word(word)
                and word.isalpha()
            )
            or ("-" in token.word and token.capital and token.word.replace("-", "").isalpha())
        )
        and token.word not in STOP_WORDS
        and not token.word.isupper()
    )


def _prefix(tokens: list[Token], index: int) -> tuple[int, str | None, str | None, str | None]:
    """Title and function standing right before ``index``: (first index, title, function, gender)."""
    titles: list[str] = []
    function_words: list[str] = []
    gender = None
    cursor = index - 1
    while cursor >= 0:
        word = tokens[cursor].word
        if (
            word in ("Dr.", "Prof.")
            or word.startswith(("Dr.", "Dipl."))
            or word in ("h.", "c.", "med.", "phil.")
        ):
            titles.insert(0, word)
        elif word.lower() in POLITE_FORMS:
            gender = gender or POLITE_FORMS[word.lower()]
        elif (is_function_word(word) and tokens[cursor].capital) or word in {"OB", "CDO"}:
            function_words.insert(0, word)
            gender = gender or function_gender(word)
        elif function_words and word in _FUNCTION_LEADS:
            function_words.insert(0, word)
        else:
            break
        cursor -= 1
    title = " ".join(titles) or None
    function = " ".join(function_words) or None
    if function == "OB":
        function = "Oberbürgermeisterin" if gender == "f" else "Oberbürgermeister"
    return cursor + 1, title, function, gender


def _apposition(tokens: list[Token], index: int) -> str | None:
    """The phrase between the commas after a name when it names a function or organisation."""
    if index >= len(tokens) or tokens[index].text != ",":
        return None
    words: list[Token] = []
    for token in tokens[index + 1 :]:
        if token.text in {",", ";", ":", ")", "(", "–", "-"} or token.is_quote:
            break
        words.append(token)
    if not words or len(words) > 14:
        return None
    first = words[0].word
    head = [w.word for w in words[:3]]
    looks_like_function = (
        is_function_word(first)
        or any(is_function_word(w) for w in head)
        or (
            first.endswith("s") and first[:1].isupper() and len(words) > 1 and is_function_word(words[1].word)
        )
    )
    if not looks_like_function or any(w.word.lower() in SPEECH_VERBS and not w.capital for w in words):
        return None
    return " ".join(w.text for w in words).rstrip(".")


def _after_function_phrase(tokens: list[Token], index: int) -> bool:
    """ "Der Bürgermeister von Tours, Emmanuel Denis, …": a name in commas after a function."""
    if index == 0 or tokens[index - 1].text != ",":
        return False
    phrase = tokens[max(0, index - 7) : index - 1]
    return any(is_function_word(t.word) and t.capital for t in phrase) and not any(t.is_quote for t in phrase)


def find_mentions(tokens: list[Token], known_last_names: set[str]) -> list[Mention]:
    mentions: list[Mention] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not _name_word(token):
            index += 1
            continue
        names = [token.word]
        cursor = index + 1
        while cursor < len(tokens) and len(names) < 4:
            nxt = tokens[cursor]
            if (_name_word(nxt) and not nxt.is_quote) or (
                nxt.word in NAME_PARTICLES
                and cursor + 1 < len(tokens)
                and _name_word(tokens[cursor + 1])
                and len(names) >= 1
                and is_first_name(names[0])
            ):
                names.append(nxt.word)
            else:
                break
            cursor += 1
        while len(names) > 1 and names[-1] in NAME_PARTICLES:
            names.pop()
            cursor -= 1
        start_index, title, function, gender = _prefix(tokens, index)
        after = cursor
        if after < len(tokens) and tokens[after].word in NAME_SUFFIXES:
            after += 1
        apposition = _apposition(tokens, after)
        before_word = tokens[start_index - 1].word if start_index > 0 else ""
        after_word = tokens[after].word if after < len(tokens) else ""
        speech_next = (
            before_word.lower() in SPEECH_VERBS
            or before_word in {"so", "laut"}
            or after_word.lower() in SPEECH_VERBS
        )
        known_first = is_first_name(names[0]) and len(names) >= 2
        cued = bool(title or function or apposition) or (
            len(names) >= 2 and _after_function_phrase(tokens, start_index)
        )
        if len(names) == 1 and not (
            cued
            or names[0] in known_last_names
            or (speech_next and before_word in {"so", "laut", "es", "sagte", "sagt"})
        ):
            index += 1
            continue
        if not (known_first or cued or names[-1] in known_last_names or (speech_next and len(names) >= 2)):
            index += 1
            continue
        if len(names) > 3 and not is_first_name(names[1]):
            names = names[:3]
        if gender is None and known_first:
            gender = first_name_gender(names[0])
        mentions.append(
            Mention(
                tokens[index].start,
                tokens[index + len(names) - 1].end,
                names,
                title,
                function,
                apposition,
                gender,
                cued=cued or speech_next,
            )
        )
        index = index + len(names)
    return mentions


def is_list_member_candidate(tokens: list[Token], index: int) -> bool:
    return _name_word(tokens[index])


__all__ = ["FUNCTION_JOINERS", "SUBJECT_PRONOUNS", "Mention", "find_mentions"]
