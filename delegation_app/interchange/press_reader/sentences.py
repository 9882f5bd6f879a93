"""German sentence boundaries with offsets. A full stop ends a sentence unless it follows an
abbreviation ("Dr.", "z. B.", "OB"), a day or month number ("24.02.2026", "3. März") or an
initial; quotations are opaque (their inner full stops are the speaker's, the sentence goes on
after the closing mark when a comma or a lower-case word follows).
"""

import re
from dataclasses import dataclass

from delegation_app.interchange.press_reader.lexicon import ABBREVIATIONS, MONTHS
from delegation_app.interchange.press_reader.quote_marks import QuoteSpan


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


_WORD_BEFORE = re.compile(r"([\w\-]+)\s*$")


def _protected_dot(text: str, index: int) -> bool:
    """Whether the full stop at ``index`` belongs to a word or number rather than ending a sentence."""
    head = text[max(0, index - 30) : index]
    word = _WORD_BEFORE.search(head)
    tail = text[index + 1 : index + 30].lstrip()
    if word:
        token = word.group(1)
        if token.lower() in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return True
        if token.isdigit():
            nxt = re.match(r"([\wäöü]+\.?)", tail.lower())
            month = nxt.group(1) if nxt else ""
            if tail[:1].isdigit() or month in MONTHS or month.rstrip(".") in MONTHS:
                return True  # 24.02. / 3. März
            if (
                len(token) <= 2
                and nxt
                and nxt.group(1)
                in {
                    "januar",
                    "jahrhundert",
                    "jh.",
                    "platz",
                    "stock",
                    "etage",
                    "klasse",
                    "runde",
                    "mal",
                    "bundesliga",
                    "liga",
                }
            ):
                return True
    # an abbreviation we do not know, or "ca. einer": no capital, no new sentence
    return tail[:1].islower()


def split_sentences(text: str, quotes: list[QuoteSpan]) -> list[Sentence]:
    inside = [False] * (len(text) + 1)
    for span in quotes:
        for index in range(span.start, span.end):
            inside[index] = True
    cuts: list[int] = []
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "\n":
            nxt = text[index + 1 : index + 2]
            prev_line = text[:index].rsplit("\n", 1)[-1].strip()
            if nxt == "\n" or not prev_line or _line_ends(prev_line) or len(prev_line) < 90:
                cuts.append(index + 1)
        elif not inside[index] and char in ".!?" and (char != "." or not _protected_dot(text, index)):
            end = index + 1
            while end < length and text[end] in ".!?)":
                end += 1
            if end >= length or text[end] in " \t\n\u00a0":
                cuts.append(end)
            index = end
            continue
        index += 1
    cuts.extend(_after_quote_cuts(text, quotes))
    return _make(text, sorted(set(cuts)))


def _line_ends(line: str) -> bool:
    return line[-1:] in '.!?:“”"«»'


def _after_quote_cuts(text: str, quotes: list[QuoteSpan]) -> list[int]:
    """A quotation that ends in . ! or ? before its closing mark ends the sentence when what
    follows starts a new one (a capital, another quotation), not when ", sagte sie" follows."""
    cuts = []
    for span in quotes:
        inner = text[span.start + 1 : span.end - 1].rstrip()
        if not inner.endswith((".", "!", "?", "…")):
            continue
        rest = text[span.end : span.end + 40]
        stripped = rest.lstrip()
        if not stripped:
            cuts.append(span.end)
            continue
        first = stripped[0]
        if first in ",;:–-)" or first.islower():
            continue
        if rest[:1].isspace() or rest[:1] == "":
            cuts.append(span.end)
    return cuts


def _make(text: str, cuts: list[int]) -> list[Sentence]:
    sentences = []
    start = 0
    for cut in [*cuts, len(text)]:
        if cut <= start:
            continue
        chunk = text[start:cut]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            sentences.append(Sentence(start + lead, start + lead + len(body), body))
        start = cut
    return sentences
