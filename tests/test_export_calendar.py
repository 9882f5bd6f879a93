"""iCalendar export of a visit, read back with icalendar as a calendar program reads it."""

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from delegation_app.domain.errors import DomainError
from delegation_app.files.output import OutputWriter
from delegation_app.operations.exports import write_calendar
from delegation_app.services.agenda import AgendaItemInput
from delegation_app.services.visits import VisitInput

import factories

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def three_day_visit(services, **kw):
    """27–29 March 2026: summer time starts in the night before the third day."""
    visit = factories.visit(
        services, "Delegation aus Łódź", starts_at=datetime(2026, 3, 27), ends_at=datetime(2026, 3, 29),
        place="Bochum", address="Rathaus\nWilly-Brandt-Platz 2–6\n44777 Bochum", **kw,
    )  # fmt: skip
    for day, (start, end, title) in enumerate(
        [((9, 30), (10, 0), "Empfang im Rathaus"), ((14, 0), (15, 30), "Besuch der Stadtwerke"),
         ((10, 0), (11, 0), "Abschlussgespräch")]
    ):  # fmt: skip
        moment = datetime(2026, 3, 27 + day)
        factories.agenda_item(
            services, visit.id, title, place="Rathaus Bochum" if day != 1 else None,
            starts_at=moment.replace(hour=start[0], minute=start[1]),
            ends_at=moment.replace(hour=end[0], minute=end[1]), notes="Dolmetscherin: Frau Nowak",
        )  # fmt: skip
    factories.agenda_item(services, visit.id, "Geschenke besorgen")  # no time: not in the calendar
    return visit


def exported(services, tmp_path, visit_id, name="visit.ics"):
    path = write_calendar(services, OutputWriter(), visit_id, tmp_path / name, now=NOW)
    raw = path.read_bytes()
    return raw, icalendar.Calendar.from_ical(raw)


def test_a_three_day_visit_is_three_days_of_events_at_their_local_times(services, tmp_path):
    visit = three_day_visit(services)
    raw, calendar = exported(services, tmp_path, visit.id)
    events = calendar.walk("VEVENT")
    whole, *items = events
    # The visit: all day over its three days, the end the day after the last (exclusive).
    assert b"DTSTART;VALUE=DATE:20260327" in raw
    assert b"DTEND;VALUE=DATE:20260330" in raw
    assert whole.decoded("dtstart") == date(2026, 3, 27)
    assert whole.decoded("dtend") == date(2026, 3, 30)
    assert str(whole["summary"]) == "Delegation aus Łódź"
    assert str(whole["location"]) == "Bochum, Rathaus, Willy-Brandt-Platz 2–6, 44777 Bochum"
    # The programme: one event a day, in Berlin's time, winter on the first two days, summer on the third.
    assert [str(e["summary"]) for e in items] == [
        "Empfang im Rathaus",
        "Besuch der Stadtwerke",
        "Abschlussgespräch",
    ]
    starts = [e.decoded("dtstart") for e in items]
    assert [s.date() for s in starts] == [date(2026, 3, 27), date(2026, 3, 28), date(2026, 3, 29)]
    assert [(s.hour, s.minute) for s in starts] == [(9, 30), (14, 0), (10, 0)]
    assert [s.utcoffset() for s in starts] == [timedelta(hours=1), timedelta(hours=1), timedelta(hours=2)]
    assert [s.astimezone(UTC).hour for s in starts] == [8, 13, 8]
    assert all(e["dtstart"].params["TZID"] == "Europe/Berlin" for e in items)
    assert b"DTSTART;TZID=Europe/Berlin:20260327T093000" in raw
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Berlin"
    offsets = {(str(s.name), s.decoded("tzoffsetto")) for s in zone.subcomponents}
    assert ("DAYLIGHT", timedelta(hours=2)) in offsets
    assert ("STANDARD", timedelta(hours=1)) in offsets
    assert str(items[1]["location"]) == "Bochum"  # the item's own place, else the visit's
    assert "Dolmetscherin: Frau Nowak" in str(items[0]["description"])
    assert all(e.decoded("dtstamp") == NOW for e in events)


def test_a_second_export_updates_the_same_entries(services, tmp_path):
    visit = three_day_visit(services)
    _raw, first = exported(services, tmp_path, visit.id, "first.ics")
    item = services.agenda.list_for_visit(visit.id)[0]
    services.agenda.update(item.id, item.version, AgendaItemInput(
        visit_id=visit.id, title="Empfang im Rathaus (verschoben)", starts_at=datetime(2026, 3, 27, 11, 0),
    ))  # fmt: skip
    _raw, second = exported(services, tmp_path, visit.id, "second.ics")
    uids = [str(e["uid"]) for e in first.walk("VEVENT")]
    assert uids == [str(e["uid"]) for e in second.walk("VEVENT")]
    assert len(set(uids)) == 4
    assert uids[0].startswith(f"visit-{visit.id}-")
    assert uids[1].startswith(f"agenda-{item.id}-")
    sequences = [
        (int(a["sequence"]), int(b["sequence"]))
        for a, b in zip(first.walk("VEVENT"), second.walk("VEVENT"), strict=True)
    ]
    assert sequences == [(0, 0), (0, 1), (0, 0), (0, 0)]  # only the moved item counts up


def test_a_visit_with_times_is_a_timed_event_in_summer_time(services, tmp_path):
    visit = factories.visit(
        services, starts_at=datetime(2026, 7, 2, 9, 30), ends_at=datetime(2026, 7, 2, 16, 0)
    )
    raw, calendar = exported(services, tmp_path, visit.id)
    [event] = calendar.walk("VEVENT")
    assert b"DTSTART;TZID=Europe/Berlin:20260702T093000" in raw
    assert event.decoded("dtstart").utcoffset() == timedelta(hours=2)
    assert event.decoded("dtend").astimezone(UTC) == datetime(2026, 7, 2, 14, 0, tzinfo=UTC)


def test_a_visit_abroad_keeps_its_own_zone(services, tmp_path):
    visit = factories.visit(
        services, starts_at=datetime(2026, 1, 12, 10, 0), ends_at=None, timezone="Europe/Istanbul"
    )
    factories.agenda_item(services, visit.id, "Belediye ziyareti", starts_at=datetime(2026, 1, 12, 10, 0))
    _raw, calendar = exported(services, tmp_path, visit.id)
    starts = [e.decoded("dtstart") for e in calendar.walk("VEVENT")]
    assert [s.astimezone(UTC).hour for s in starts] == [7, 7]
    assert [str(z["tzid"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Istanbul"]


def test_a_cancelled_visit_says_so(services, tmp_path):
    visit = factories.visit(services, status="cancelled")
    _raw, calendar = exported(services, tmp_path, visit.id)
    assert str(calendar.walk("VEVENT")[0]["status"]) == "CANCELLED"


def test_a_visit_without_any_date_is_refused_in_words(services, tmp_path):
    visit = services.visits.create(VisitInput(title="Idee: Besuch aus Lublin"))
    with pytest.raises(DomainError, match="Idee: Besuch aus Lublin"):
        write_calendar(services, OutputWriter(), visit.id, tmp_path / "x.ics")
    assert not (tmp_path / "x.ics").exists()
