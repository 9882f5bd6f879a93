"""The one reader of typed dates and times, as office staff type them, in both languages."""

from datetime import date, datetime, time

import pytest

from delegation_app import i18n
from delegation_app.i18n.date_input import DateInputError, parse_date, parse_date_time, parse_time

TODAY = date(2026, 2, 20)  # a Friday


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("24.02.2026", date(2026, 2, 24)),
        ("24.2.26", date(2026, 2, 24)),
        ("24.2.", date(2026, 2, 24)),
        ("24.2", date(2026, 2, 24)),
        (" 24.2.2026 ", date(2026, 2, 24)),
        ("24022026", date(2026, 2, 24)),
        ("240226", date(2026, 2, 24)),
        ("2026-02-24", date(2026, 2, 24)),
        ("24 Feb 2026", date(2026, 2, 24)),
        ("24 feb 26", date(2026, 2, 24)),
        ("24 February 2026", date(2026, 2, 24)),
        ("Feb 24, 2026", date(2026, 2, 24)),
        ("24. Februar 2026", date(2026, 2, 24)),
        ("3. Mär", date(2026, 3, 3)),
        ("1 Mai 2026", date(2026, 5, 1)),
        ("17 Dez 2026", date(2026, 12, 17)),
        ("heute", TODAY),
        ("Today", TODAY),
        ("morgen", date(2026, 2, 21)),
        ("tomorrow", date(2026, 2, 21)),
        ("übermorgen", date(2026, 2, 22)),
        ("gestern", date(2026, 2, 19)),
        ("+7", date(2026, 2, 27)),
        ("+ 14", date(2026, 3, 6)),
        ("-1", date(2026, 2, 19)),
        ("", None),
        ("   ", None),
    ],
)
def test_dates_as_people_type_them(typed, meant):
    assert parse_date(typed, TODAY) == meant


def test_a_day_that_does_not_exist_is_said_to_be_so():
    with pytest.raises(DateInputError) as german:
        parse_date("31.02.2026", TODAY)
    assert str(german.value) == "Den 31.02.2026 gibt es nicht."
    with pytest.raises(DateInputError) as leap:
        parse_date("29.2.27", TODAY)
    assert str(leap.value) == "Den 29.02.2027 gibt es nicht."
    assert parse_date("29.2.28", TODAY) == date(2028, 2, 29)
    with pytest.raises(DateInputError) as month:
        parse_date("12.13.2026", TODAY)
    assert "Monat 13" in str(month.value)
    i18n.set_language("en")
    with pytest.raises(DateInputError) as english:
        parse_date("31 Feb 2026", TODAY)
    assert str(english.value) == "There is no 31 Feb 2026."


@pytest.mark.parametrize("typed", ["24/02/2026", "Februar", "24", "morgen früh", "24.02.20266", "+", "ja"])
def test_a_wrong_format_shows_an_example(typed):
    with pytest.raises(DateInputError) as error:
        parse_date(typed, TODAY)
    assert "24.02.2026" in str(error.value)
    assert "heute" in str(error.value)


def test_the_english_message_shows_the_english_example():
    i18n.set_language("en")
    with pytest.raises(DateInputError) as error:
        parse_date("24/02/2026", TODAY)
    assert "24 Feb 2026" in str(error.value)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("09:30", time(9, 30)),
        ("9:30", time(9, 30)),
        ("9.30", time(9, 30)),
        ("930", time(9, 30)),
        ("1030", time(10, 30)),
        ("0000", time(0, 0)),
        ("14", time(14, 0)),
        ("14:30 Uhr", time(14, 30)),
        ("14 uhr", time(14, 0)),
        ("2:30 pm", time(14, 30)),
        ("12 am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("", None),
    ],
)
def test_times_as_people_type_them(typed, meant):
    assert parse_time(typed) == meant


@pytest.mark.parametrize("typed", ["25:00", "2400", "9:60"])
def test_a_time_that_does_not_exist_is_said_to_be_so(typed):
    with pytest.raises(DateInputError) as error:
        parse_time(typed)
    assert "gibt es nicht" in str(error.value)


@pytest.mark.parametrize("typed", ["halb zehn", "9:3", "12345", "13 pm"])
def test_a_wrong_time_shows_an_example(typed):
    with pytest.raises(DateInputError) as error:
        parse_time(typed)
    assert "09:30" in str(error.value)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("24.02.2026 14:30", datetime(2026, 2, 24, 14, 30)),
        ("24.2.26 930", datetime(2026, 2, 24, 9, 30)),
        ("24.02.2026, 14:30 Uhr", datetime(2026, 2, 24, 14, 30)),
        ("24 Feb 2026, 14:30", datetime(2026, 2, 24, 14, 30)),
        ("24 Feb 2026 2:30 pm", datetime(2026, 2, 24, 14, 30)),
        ("2026-02-24T14:30", datetime(2026, 2, 24, 14, 30)),
        ("2026-02-24 14:30", datetime(2026, 2, 24, 14, 30)),
        ("heute 14:30", datetime(2026, 2, 20, 14, 30)),
        ("morgen 9", datetime(2026, 2, 21, 9, 0)),
        ("+7 1030", datetime(2026, 2, 27, 10, 30)),
        ("24.02.2026", datetime(2026, 2, 24, 0, 0)),
        ("1030", datetime(2026, 3, 1, 10, 30)),  # a time alone: on the field's day
        ("9.30", datetime(2026, 3, 1, 9, 30)),
        ("", None),
    ],
)
def test_date_and_time_together(typed, meant):
    assert parse_date_time(typed, TODAY, date(2026, 3, 1)) == meant


def test_date_and_time_errors_name_the_problem():
    with pytest.raises(DateInputError, match=r"31\.02\.2026 gibt es nicht"):
        parse_date_time("31.02.2026 14:30", TODAY, TODAY)
    with pytest.raises(DateInputError, match="00:00 und 23:59"):
        parse_date_time("24.02.2026 25:00", TODAY, TODAY)
    with pytest.raises(DateInputError, match="Datum und Uhrzeit"):
        parse_date_time("demnächst", TODAY, TODAY)
    with pytest.raises(DateInputError, match="Datum mit an"):
        parse_date_time("10:30", TODAY, None)  # no day to put the time on
