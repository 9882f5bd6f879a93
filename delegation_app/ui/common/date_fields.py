"""German dates and times as typed into a line edit, read back into values.

Shared by every form with a date or time field (visits, contact entries, follow-ups), so it lives
here rather than with one of them: a feature taking it from another would tie the two together.
"""

from datetime import date, time


def parse_date(text: str) -> date | None:
    """``24.02.2026`` (also ``24.2.26``); empty gives None; anything else raises ValueError."""
    text = text.strip()
    if not text:
        return None
    day, month, year = (int(part) for part in text.rstrip(".").split("."))
    return date(year + 2000 if year < 100 else year, month, day)


def parse_time(text: str) -> time | None:
    """``09:30``, ``9.30`` or ``930``; the word Uhr may follow."""
    text = text.strip().removesuffix("Uhr").strip().replace(".", ":")
    if not text:
        return None
    if ":" not in text and text.isdigit() and len(text) in (3, 4):
        text = f"{text[:-2]}:{text[-2:]}"
    hours, minutes = (int(part) for part in text.split(":"))
    return time(hours, minutes)
