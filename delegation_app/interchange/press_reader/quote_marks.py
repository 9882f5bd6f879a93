"""Quotation spans in a text: „…“ "…" »…« «…» ‚…‘ ‹…› “…” and ASCII quotes, nested ones kept
inside the outer quotation with their marks. A mark that never closes within its paragraph is
dropped, so one stray „ cannot swallow the rest of a release.
"""

from dataclasses import dataclass

# opener -> the marks that close it
_PAIRS: dict[str, str] = {
    "„": '“”"',
    "‚": "‘’'",
    "»": "«",
    "«": "»",
    "“": "”",
    "‘": "’",
    "›": "‹",
    "‹": "›",
}
_APOSTROPHES = "’'ʼ‘"


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark

    def inner(self, text: str) -> str:
        return text[self.start + 1 : self.end - 1]


def _is_apostrophe(text: str, index: int, single_open: bool) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True  # geht’s, O'Brien
    # "Hans’ Idee": a possessive, unless a single quotation is open and this closes it
    return not single_open and before in "sxzß" and not after.isalnum()


def _ascii_opens(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([{-–—/:") and not after.isspace()


def find_quotes(text: str) -> list[QuoteSpan]:
    """Top-level quotations in reading order."""
    found: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []
    for index, mark in enumerate(text):
        if mark == "\n" and stack and text[index + 1 : index + 2] == "\n":
            stack.clear()  # a paragraph ends every quotation still open
            continue
        single_open = bool(stack) and stack[-1][0] in "‚‘'"
        if mark in "'’‘ʼ" and _is_apostrophe(text, index, single_open):
            continue
        if stack:
            opener = stack[-1][0]
            closes = _PAIRS.get(opener, opener)
            if mark in closes and not (mark in "\"'" and _ascii_opens(text, index) and opener != mark):
                _, start = stack.pop()
                if not stack:
                    found.append(QuoteSpan(start, index + 1))
                continue
        if mark in "\"'":
            if mark == "'" and not stack:
                continue  # ASCII single quotes only nest inside a quotation
            if _ascii_opens(text, index):
                stack.append((mark, index))
            continue
        if mark == "“" and stack and stack[-1][0] in "„":
            continue
        if (mark in _PAIRS and mark not in "‘’") or (mark == "‘" and stack):
            if mark in "«»‹›" and not _opens_guillemet(text, index):
                continue
            stack.append((mark, index))
    return found


def _opens_guillemet(text: str, index: int) -> bool:
    after = text[index + 1] if index + 1 < len(text) else " "
    return not after.isspace() or text[index + 1 : index + 2] == "\u00a0"
