"""Phone numbers and e-mail addresses taken out of free text for copies that leave the office.

libphonenumber finds what is a valid number in Germany or written internationally; a conservative
pattern catches the rest people type ("0234 / 910-1234", "+48 12 345 67 89"): seven or more digits
held together only by spaces, slashes, hyphens, dots and brackets, that are not a date."""

import re

import phonenumbers

MASK = "[…]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_NUMBERISH = re.compile(r"(?<![\w@])(?:\+|\(?00)?\d[\d /().\-–]{5,}\d(?!\w)")
_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})")
MIN_DIGITS = 7


def _looks_like_phone(candidate: str) -> bool:
    digits = sum(ch.isdigit() for ch in candidate)
    if digits < MIN_DIGITS or _DATE.search(candidate):
        return False
    # "2025–2026" or "10.000.000" are years and amounts, not numbers to dial.
    return not re.fullmatch(r"\d{4}\s*[–-]\s*\d{4}|\d{1,3}(?:\.\d{3})+", candidate.strip())


def mask_contacts(text: str | None) -> str:
    """``text`` with every e-mail address and phone number replaced by "[…]"."""
    if not text:
        return text or ""
    text = _EMAIL.sub(MASK, text)
    spans = [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, "DE")]
    spans += [m.span() for m in _NUMBERISH.finditer(text) if _looks_like_phone(m.group())]
    for start, end in sorted(_merged(spans), reverse=True):
        text = text[:start] + MASK + text[end:]
    return text


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out
