"""Dates, times and numbers as the language they are read in writes them."""

from datetime import date, datetime, time

from delegation_app import i18n
from delegation_app.i18n.formatting import (
    format_count,
    format_date,
    format_date_range,
    format_datetime,
    format_day,
    format_time,
    format_time_range,
)

MOMENT = datetime(2026, 2, 24, 14, 30)


def test_german():
    assert format_date(MOMENT) == "24.02.2026"
    assert format_date(date(2026, 3, 3)) == "03.03.2026"
    assert format_time(MOMENT) == "14:30 Uhr"
    assert format_datetime(MOMENT) == "24.02.2026, 14:30 Uhr"
    assert format_date_range(date(2026, 2, 24), date(2026, 2, 25)) == "24.02.2026 – 25.02.2026"
    assert format_time_range(time(9, 30), time(10)) == "09:30–10:00 Uhr"
    assert format_count(17413) == "17.413"


def test_english_follows_the_current_language():
    i18n.set_language("en")
    assert format_date(MOMENT) == "24 Feb 2026"
    assert format_date(date(2026, 3, 3)) == "3 Mar 2026"
    assert format_time(MOMENT) == "14:30"
    assert format_datetime(MOMENT) == "24 Feb 2026, 14:30"
    assert format_date_range(date(2026, 2, 24), date(2026, 2, 25)) == "24 Feb 2026 – 25 Feb 2026"
    assert format_date_range(MOMENT, datetime(2026, 2, 24, 18)) == "24 Feb 2026"
    assert format_time_range(time(9, 30), time(10)) == "09:30–10:00"
    assert format_count(17413) == "17,413"


def test_a_language_can_be_asked_for_whatever_the_current_one():
    assert format_date(MOMENT, "en") == "24 Feb 2026"
    assert format_datetime(MOMENT, "en") == "24 Feb 2026, 14:30"
    i18n.set_language("en")
    assert format_date(MOMENT, "de") == "24.02.2026"
    assert format_date_range(MOMENT, date(2026, 3, 1), "de") == "24.02.2026 – 01.03.2026"


def test_every_english_month_is_named_whatever_the_system_locale():
    names = [format_date(date(2026, month, 1), "en").split()[1] for month in range(1, 13)]
    assert names == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def test_a_day_that_does_not_exist_can_still_be_named():
    assert format_day(31, 2, 2026, "de") == "31.02.2026"
    assert format_day(31, 2, 2026, "en") == "31 Feb 2026"
