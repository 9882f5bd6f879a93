"""Words of a sentence with their offsets in the release; a quotation is one token ``QUOTE``
so that names inside what someone said are not taken for the people of the release."""

import re
from dataclasses import dataclass

from delegation_app.interchange.press_reader.quote_marks import QuoteSpan

QUOTE = "\u0000QUOTE"
_TOKEN = re.compile(
    r"(?:Dr|Prof|Dipl|St|Hr|Fr)\.(?:-[\w]+\.?)?|[^\W\d_](?:[\w’'ʼ\-.]*[\w])?\.?|\d+[.,:]?\d*\.?|[^\s\w]",
    re.UNICODE,
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def word(self) -> str:
        """The token without a sentence's full stop (kept on abbreviations like Dr.)."""
        if (
            self.text.endswith(".")
            and len(self.text) > 1
            and self.text[:-1].lower() not in {"dr", "prof", "dipl", "st"}
        ):
            return self.text[:-1]
        return self.text

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_quote(self) -> bool:
        return self.text == QUOTE


def tokenize(text: str, start: int, end: int, quotes: list[QuoteSpan]) -> list[Token]:
    tokens: list[Token] = []
    cursor = start
    for span in [q for q in quotes if q.start >= start and q.end <= end] + [None]:
        stop = span.start if span else end
        for match in _TOKEN.finditer(text, cursor, stop):
            tokens.append(Token(match.group(0), match.start(), match.end()))
        if span is None:
            break
        tokens.append(Token(QUOTE, span.start, span.end))
        cursor = span.end
    return tokens
