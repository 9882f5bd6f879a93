"""German dates and times as typed into a line edit, read back into values.

Shared by every form with a date or time field (visits, contact entries, follow-ups), so it lives
here rather than with one of them: a feature taking it from another would tie the two together.
"""

from datetime import date, datetime, time

from delegation_app.i18n import _


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


def parse_date_time(text: str) -> datetime:
    """``24.02.2026 14:30`` (the time may be left out: midnight), as the contact forms take it.
    Raises ValueError with the message the field shows, for an empty text too: an entry needs a day."""
    day, _sep, clock = text.strip().partition(" ")
    try:
        on = parse_date(day)
        if on is None:
            raise ValueError("no date")  # as wrong as a mistyped one: the message below
        return datetime.combine(on, parse_time(clock) or datetime.min.time())
    except (ValueError, TypeError) as exc:
        raise ValueError(_("Please enter date and time as DD.MM.YYYY HH:MM.")) from exc
