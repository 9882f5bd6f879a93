"""Dates and times as people type them, read back into values: one reader for every field.

Accepted in both languages (a German user in the English window, or the other way round, types
what they are used to, and nothing typed is ambiguous between the two):

- dates: ``24.02.2026``, ``24.2.26``, ``24.2.`` (this year), ``24022026``; ``2026-02-24``;
  ``24 Feb 2026``, ``24 February 2026``, ``Feb 24, 2026``, ``24. Februar 2026``, ``24. Mär``;
  ``heute`` / ``today``, ``morgen`` / ``tomorrow``, ``übermorgen``, ``gestern`` / ``yesterday``;
  ``+7`` (in a week), ``-1``. Two-digit years are this century. Slashes are refused: ``3/4/2026``
  is 3 April in Britain and 4 March in America.
- times: ``09:30``, ``9:30``, ``9.30``, ``930``, ``1030``, ``14`` (full hour); ``14:30 Uhr``;
  ``2:30 pm``.
- date and time: a date, then a time (``24.2.26 930``, ``heute 14:30``, ``24 Feb 2026, 14:30``,
  ``2026-02-24T14:30``); a time alone is on the field's day (today, or the visit's day); a date
  alone is at midnight. ``9.30`` alone is a time there, not a date.

Words like "heute" and "+7" need today's date: the caller passes it (the program's clock), so
tests fix the day. A mistake raises DateInputError with a message for the user: an impossible
day says that the day does not exist ("Den 31.02.2026 gibt es nicht."), a wrong format shows an
example of the right one. Plain Python, no Qt.
"""

import re
from datetime import date, datetime, time, timedelta

from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_day


class DateInputError(ValueError):
    """A date or time that cannot be read; ``str(error)`` is the message for the user."""


class _FormatError(DateInputError):
    """Not a date (or time) at all, as opposed to one that does not exist."""


_WORDS = {
    "heute": 0, "today": 0, "morgen": 1, "tomorrow": 1, "übermorgen": 2, "uebermorgen": 2,
    "gestern": -1, "yesterday": -1,
}  # fmt: skip
_MONTH_NAMES = (
    ("january", "januar", "jänner"), ("february", "februar"), ("march", "märz", "maerz", "mrz"),
    ("april",), ("may", "mai"), ("june", "juni"), ("july", "juli"), ("august",),
    ("september", "sept"), ("october", "oktober"), ("november",), ("december", "dezember"),
)  # fmt: skip
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})?)?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{4}|\d{2})$")
_RELATIVE = re.compile(r"^([+-])\s*(\d{1,4})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})\.?\s*([^\W\d_]+)\.?(?:,?\s*(\d{4}|\d{2}))?$")
_MONTH_DAY = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?$")
_DIGITS = re.compile(r"^(\d{1,2})(\d{2})$")
_MERIDIEM = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\.?$")
_TIME_SHAPE = re.compile(r"^(?:\d{1,2}[:.]\d{2}|\d{3,4}|\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\.?)$")


def _date_format_error() -> DateInputError:
    return _FormatError(
        _("Please enter a date like 24 Feb 2026 or 24.02.2026 (also today, tomorrow, +7 for in a week).")
    )


def _time_format_error() -> DateInputError:
    return _FormatError(_("Please enter a time like 09:30 (also 930 or 9.30)."))


def _month(name: str) -> int | None:
    """A month by its English or German name, or by a beginning of three letters or more."""
    if len(name) < 3:
        return None
    found = {n for n, names in enumerate(_MONTH_NAMES, 1) for full in names if full.startswith(name)}
    return found.pop() if len(found) == 1 else None


def _year(text: str | None, today: date) -> int:
    if text is None:
        return today.year
    return int(text) + 2000 if len(text) == 2 else int(text)


def _day(day: int, month: int, year: int) -> date:
    if not 1 <= month <= 12:
        raise DateInputError(_("There is no month {month}.").format(month=month))
    try:
        return date(year, month, day)
    except ValueError:
        raise DateInputError(_("There is no {date}.").format(date=format_day(day, month, year))) from None


def parse_date(text: str, today: date) -> date | None:
    """The day ``text`` means (``today`` for the words and ``+7``); empty: None."""
    text = " ".join(text.split()).casefold()
    if not text:
        return None
    if text in _WORDS:
        return today + timedelta(days=_WORDS[text])
    if match := _RELATIVE.match(text):
        sign, count = match.groups()
        try:
            return today + timedelta(days=int(count) if sign == "+" else -int(count))
        except OverflowError:
            raise _date_format_error() from None
    if match := _DOTTED.match(text) or _COMPACT.match(text):
        d, m, y = match.groups()
        return _day(int(d), int(m), _year(y, today))
    if match := _ISO.match(text):
        y, m, d = match.groups()
        return _day(int(d), int(m), int(y))
    if (match := _DAY_MONTH.match(text)) and (month := _month(match.group(2))):
        return _day(int(match.group(1)), month, _year(match.group(3), today))
    if (match := _MONTH_DAY.match(text)) and (month := _month(match.group(1))):
        return _day(int(match.group(2)), month, int(match.group(3)))
    raise _date_format_error()


def parse_time(text: str) -> time | None:
    """The time of day ``text`` means; empty: None."""
    text = " ".join(text.split()).casefold().removesuffix("uhr").strip()
    if not text:
        return None
    hour = minute = None
    if match := _MERIDIEM.match(text):
        h, m, half = match.groups()
        if 1 <= int(h) <= 12:
            hour, minute = int(h) % 12 + (12 if half == "p" else 0), int(m or 0)
    elif match := _CLOCK.match(text) or _DIGITS.match(text):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour is None or minute is None:
        raise _time_format_error()
    if hour > 23 or minute > 59:
        raise DateInputError(
            _("There is no time {time}; please enter a time between 00:00 and 23:59.").format(
                time=f"{hour:02d}:{minute:02d}"
            )
        )
    return time(hour, minute)


def parse_date_time(text: str, today: date, day: date | None) -> datetime | None:
    """A date and a time; a time alone is on ``day`` (None: the date must be typed too); a date
    alone is at midnight. Empty: None."""
    text = " ".join(re.sub(r"(?<=\d)T(?=\d)|,", " ", text).split())
    text = re.sub(r"\s*uhr$", "", text, flags=re.IGNORECASE)
    if not text:
        return None
    if _TIME_SHAPE.match(text.casefold()):
        at = parse_time(text)
        if day is None:
            raise DateInputError(_("Please enter the date too, like 24.02.2026 14:30."))
        return datetime.combine(day, at or time(0, 0))
    words = text.split(" ")
    for split in (len(words), len(words) - 1, len(words) - 2):
        if split < 1:
            break
        try:
            on = parse_date(" ".join(words[:split]), today)
        except _FormatError:  # a day that does not exist is said as such, not as "wrong format"
            continue
        if on is not None:
            return datetime.combine(on, parse_time(" ".join(words[split:])) or time(0, 0))
    raise DateInputError(
        _("Please enter date and time like 24 Feb 2026 14:30 or 24.02.2026 14:30 (also today 14:30).")
    )
