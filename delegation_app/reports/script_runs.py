"""Text split into runs by the font that prints them: Noto Sans first, then the fallbacks.

A letter takes the first font that has it. Spaces, punctuation, digits and combining marks stay in
the font of the run they stand in when it has them, so a right-to-left word is one run in one
font (HarfBuzz shapes a word with one font) and "محمد عبد الله" is one run with its spaces.
The words of a right-to-left run are put in reverse order; HarfBuzz then orders the letters of
each word (measured: reversing letters as well, as python-bidi does before shaping, scrambles
them). A character no font has prints as a box (□), so the page shows a gap where the user was
told of one (reports/coverage.py) instead of closing it up unseen.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from delegation_app.reports.fonts import (
    FALLBACKS,
    FAMILY,
    Fallback,
    fallback_characters,
    noto_sans_characters,
)


@dataclass(frozen=True)
class Run:
    text: str
    fallback: Fallback | None  # None: Noto Sans; otherwise the font that has these characters
    missing: bool = False  # no bundled font has these characters

    @property
    def family(self) -> str:
        return self.fallback.family if self.fallback else FAMILY

    @property
    def right_to_left(self) -> bool:
        return self.fallback is not None and self.fallback.right_to_left


_ASCII = re.compile(r"[\x00-\x7f]*")
BOX = "\u25a1"  # □, printed for each character no bundled font has


def runs(value: str) -> list[Run]:
    """The runs of ``value`` in logical order (right-to-left runs with their words reversed)."""
    if _ASCII.fullmatch(value):  # the common case: Noto Sans has all of ASCII
        return [Run(value, None)] if value else []
    noto = noto_sans_characters()
    result: list[Run] = []
    current: Fallback | None = None
    current_missing = False
    buffer: list[str] = []
    for char in value:
        code = ord(char)
        if _follows_neighbour(char) and buffer and not current_missing and _has(current, code, noto):
            buffer.append(char)
            continue
        font, missing = _font_for(code)
        if missing and _invisible(char):
            continue  # a joiner or variation selector no font draws: nothing is lost
        if buffer and (font is not current or missing != current_missing):
            result.append(_run("".join(buffer), current, current_missing))
            buffer = []
        current, current_missing = font, missing
        buffer.append(char)
    if buffer:
        result.append(_run("".join(buffer), current, current_missing))
    return result


def missing_in(value: str) -> str:
    """The characters of ``value`` no bundled font has, each once (whitespace and controls aside)."""
    if _ASCII.fullmatch(value):
        return ""
    seen: list[str] = []
    for char in value:
        if char in seen or char.isspace() or _invisible(char):
            continue
        if _font_for(ord(char))[1]:
            seen.append(char)
    return "".join(seen)


def _run(text: str, fallback: Fallback | None, missing: bool) -> Run:
    if missing:  # only characters no font has: one box each, in the font that has the box
        return Run(BOX * len(text), _font_for(ord(BOX))[0], missing=True)
    if fallback is not None and fallback.right_to_left:
        text = _reverse_words(text)
    return Run(text, fallback, missing)


def _reverse_words(text: str) -> str:
    """Word order reversed, leading and trailing spaces kept where they are."""
    stripped = text.strip()
    if " " not in stripped:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return lead + " ".join(reversed(stripped.split())) + trail


def _follows_neighbour(char: str) -> bool:
    """Neither a letter nor a symbol: it can take the font of the text around it."""
    return unicodedata.category(char)[0] not in ("L", "S")


def _has(fallback: Fallback | None, code: int, noto: frozenset[int]) -> bool:
    return code in (noto if fallback is None else fallback_characters(fallback))


def _invisible(char: str) -> bool:
    """Controls, format characters (joiners, marks of direction) and variation selectors."""
    return (
        unicodedata.category(char) in ("Cc", "Cf")
        or 0xFE00 <= ord(char) <= 0xFE0F
        or (0xE0100 <= ord(char) <= 0xE01EF)
    )


@lru_cache(maxsize=4096)
def _font_for(code: int) -> tuple[Fallback | None, bool]:
    if code in noto_sans_characters():
        return None, False
    for fallback in FALLBACKS:
        if code in fallback_characters(fallback):
            return fallback, False
    return None, True
