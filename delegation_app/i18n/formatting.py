"""Dates and times as German users expect them (DIN 5008): 24.02.2026, 14:30 Uhr."""

from datetime import UTC, date, datetime, time

from delegation_app.i18n import current_language


def format_date(value: date | datetime | None) -> str:
    return "" if value is None else value.strftime("%d.%m.%Y")


def format_time(value: time | datetime | None, lang: str | None = None) -> str:
    if value is None:
        return ""
    text = value.strftime("%H:%M")
    return f"{text} Uhr" if (lang or current_language()) == "de" else text


def format_time_range(
    start: time | datetime | None, end: time | datetime | None, lang: str | None = None
) -> str:
    """``09:30–10:00 Uhr``: the unit once, after the range (DIN 5008)."""
    if start is None:
        return ""
    if end is None:
        return format_time(start, lang)
    text = f"{start.strftime('%H:%M')}–{end.strftime('%H:%M')}"
    return f"{text} Uhr" if (lang or current_language()) == "de" else text


def format_datetime(value: datetime | None, lang: str | None = None) -> str:
    return "" if value is None else f"{format_date(value)}, {format_time(value, lang)}"


def format_date_range(start: datetime | date | None, end: datetime | date | None) -> str:
    """``24.02.2026 – 25.02.2026``; a single day once."""
    if start is None:
        return ""
    if end is None or format_date(end) == format_date(start):
        return format_date(start)
    return f"{format_date(start)} – {format_date(end)}"


def to_local_time(value: datetime | None) -> datetime | None:
    """A system timestamp (stored in UTC, naive) in the computer's local time (naive)."""
    return None if value is None else value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def format_system_time(value: datetime | None, lang: str | None = None) -> str:
    """A system timestamp in local time: "26.11.2026, 10:14 Uhr"."""
    return format_datetime(to_local_time(value), lang)


def format_count(value: int, lang: str | None = None) -> str:
    """17.413 in German (DIN 5008 groups thousands with a point), 17,413 in English."""
    text = f"{value:,}"
    return text.replace(",", ".") if (lang or current_language()) == "de" else text
