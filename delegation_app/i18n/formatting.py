"""Dates, times and numbers in the language they are read in.

German as German offices write it (DIN 5008): ``24.02.2026``, ``14:30 Uhr``, ``17.413``. English
as in Britain, without ambiguity between day and month: ``24 Feb 2026``, ``14:30``, ``17,413``.
Every function takes ``lang`` (None: the program's current language), so a PDF can be English
while the window is German. Machine formats (the JSON export, ``--json``) stay ISO and do not
come through here.
"""

from datetime import UTC, date, datetime, time

from delegation_app.i18n import current_language

# Not strftime's %b: that follows the C locale of the process, not the program's language.
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _german(lang: str | None) -> bool:
    return (lang or current_language()) == "de"


def format_day(day: int, month: int, year: int, lang: str | None = None) -> str:
    """A day from its parts, also one that does not exist ("31.02.2026" in a message saying so)."""
    if _german(lang):
        return f"{day:02d}.{month:02d}.{year}"
    month_name = MONTHS_EN[month - 1] if 1 <= month <= 12 else f"{month:02d}"
    return f"{day} {month_name} {year}"


def format_date(value: date | datetime | None, lang: str | None = None) -> str:
    """``24.02.2026`` / ``24 Feb 2026``."""
    return "" if value is None else format_day(value.day, value.month, value.year, lang)


def format_clock(value: time | datetime | None) -> str:
    """``14:30`` without "Uhr", as in a timetable column or an input field (both languages)."""
    return "" if value is None else f"{value.hour:02d}:{value.minute:02d}"


def format_time(value: time | datetime | None, lang: str | None = None) -> str:
    """``14:30 Uhr`` / ``14:30``."""
    if value is None:
        return ""
    text = format_clock(value)
    return f"{text} Uhr" if _german(lang) else text


def format_time_range(
    start: time | datetime | None, end: time | datetime | None, lang: str | None = None
) -> str:
    """``09:30–10:00 Uhr``: the unit once, after the range (DIN 5008)."""
    if start is None:
        return ""
    if end is None:
        return format_time(start, lang)
    text = f"{format_clock(start)}–{format_clock(end)}"
    return f"{text} Uhr" if _german(lang) else text


def format_datetime(value: datetime | None, lang: str | None = None) -> str:
    """``24.02.2026, 14:30 Uhr`` / ``24 Feb 2026, 14:30``."""
    return "" if value is None else f"{format_date(value, lang)}, {format_time(value, lang)}"


def format_date_range(
    start: datetime | date | None, end: datetime | date | None, lang: str | None = None
) -> str:
    """``24.02.2026 – 25.02.2026``; a single day once."""
    if start is None:
        return ""
    first = format_date(start, lang)
    if end is None or format_date(end, lang) == first:
        return first
    return f"{first} – {format_date(end, lang)}"


def to_local_time(value: datetime | None) -> datetime | None:
    """A system timestamp (stored in UTC, naive) in the computer's local time (naive)."""
    return None if value is None else value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def format_system_time(value: datetime | None, lang: str | None = None) -> str:
    """A system timestamp in local time: "26.11.2026, 10:14 Uhr"."""
    return format_datetime(to_local_time(value), lang)


def format_count(value: int, lang: str | None = None) -> str:
    """17.413 in German (DIN 5008 groups thousands with a point), 17,413 in English."""
    text = f"{value:,}"
    return text.replace(",", ".") if _german(lang) else text


# Weekday and month names of day headings ("Dienstag, 24.02.2026"), not from the C locale either.
WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN_LONG = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_day_heading(value: date | datetime, lang: str | None = None) -> str:
    """``Dienstag, 24.02.2026`` / ``Tuesday, 24 February 2026``: a day of a programme."""
    if _german(lang):
        return f"{WEEKDAYS_DE[value.weekday()]}, {format_date(value, lang)}"
    return f"{WEEKDAYS_EN[value.weekday()]}, {value.day} {MONTHS_EN_LONG[value.month - 1]} {value.year}"
