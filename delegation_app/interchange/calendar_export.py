"""A visit and its programme as iCalendar (RFC 5545) for Outlook, Thunderbird and phones.

The visit is an all-day event over its days (DTEND the day after the last, as the RFC wants), or a
timed one when it has times; each programme item with a time is a timed event in the visit's zone
(``TZID=Europe/Berlin``) with that zone's VTIMEZONE generated from the system's zone data. UIDs
are stable and SEQUENCE follows the record's version, so importing a second export updates the
same calendar entries instead of adding new ones."""

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar

from delegation_app import __version__
from delegation_app.domain.enums import VisitStatus
from delegation_app.i18n import N_, translator
from delegation_app.services.views import AgendaItemView, VisitView

PRODID = f"-//Delegationsbesuche//delegation-app {__version__}//DE"
UID_DOMAIN = "delegation-app"


def _has_time(moment: datetime | None) -> bool:
    return moment is not None and moment.time() != time(0, 0)


def _stamp(visit: VisitView) -> str:
    """Part of every UID: the visit's creation time tells visit 1 of one database from visit 1 of
    another, and survives a JSON export and import (unlike a file path)."""
    return visit.created_at.strftime("%Y%m%dT%H%M%S")


def visit_uid(visit: VisitView) -> str:
    return f"visit-{visit.id}-{_stamp(visit)}@{UID_DOMAIN}"


def agenda_uid(visit: VisitView, item: AgendaItemView) -> str:
    return f"agenda-{item.id}-{_stamp(visit)}@{UID_DOMAIN}"


def _lines(*parts: str | None) -> str:
    return "\n".join(part for part in parts if part)


def _visit_event(visit: VisitView, zone: ZoneInfo, lang: str) -> icalendar.Event | None:
    if visit.starts_at is None:
        return None
    t = translator(lang)
    event = icalendar.Event()
    event.add("uid", visit_uid(visit))
    event.add("summary", visit.title)
    timed = _has_time(visit.starts_at) and (visit.ends_at is None or _has_time(visit.ends_at))
    if timed:
        event.add("dtstart", visit.starts_at.replace(tzinfo=zone))
        if visit.ends_at is not None:
            event.add("dtend", visit.ends_at.replace(tzinfo=zone))
    else:
        last = (visit.ends_at or visit.starts_at).date()
        event.add("dtstart", visit.starts_at.date())
        event.add("dtend", last + timedelta(days=1))  # exclusive: the day after the last day
    # One line: calendars show the location in a single field ("Bochum, Rathaus, Willy-Brandt-Platz 2").
    lines = [visit.place, *(visit.address or "").splitlines()]
    location = ", ".join(line.strip() for line in lines if line and line.strip())
    if location:
        event.add("location", location)
    host = visit.host_organisation_name and t(N_("Host: {name}")).format(name=visit.host_organisation_name)
    guest = visit.guest_organisation_name and t(N_("Guest: {name}")).format(
        name=visit.guest_organisation_name
    )
    description = _lines(visit.purpose, host, guest)
    if description:
        event.add("description", description)
    event.add("sequence", max(visit.version - 1, 0))
    if visit.status is VisitStatus.CANCELLED:
        event.add("status", "CANCELLED")
    return event


def _agenda_event(visit: VisitView, item: AgendaItemView, zone: ZoneInfo, lang: str) -> icalendar.Event:
    t = translator(lang)
    assert item.starts_at is not None  # only items with a time become events
    event = icalendar.Event()
    event.add("uid", agenda_uid(visit, item))
    event.add("summary", item.title)
    event.add("dtstart", item.starts_at.replace(tzinfo=zone))
    if item.ends_at is not None:
        event.add("dtend", item.ends_at.replace(tzinfo=zone))
    location = item.place or visit.place
    if location:
        event.add("location", location)
    responsible = item.responsible_person_name and t(N_("Responsible: {name}")).format(
        name=item.responsible_person_name
    )
    event.add("description", _lines(visit.title, responsible, item.notes))
    event.add("sequence", max(item.version - 1, 0))
    return event


def calendar_bytes(
    visit: VisitView, items: Sequence[AgendaItemView], *, lang: str = "de", now: datetime | None = None
) -> bytes:
    """The .ics file's content (CRLF lines folded at 75 octets, as icalendar writes them)."""
    zone = ZoneInfo(visit.timezone)
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    events = [_visit_event(visit, zone, lang)]
    events += [_agenda_event(visit, item, zone, lang) for item in items if item.starts_at is not None]
    for event in events:
        if event is not None:
            event.add("dtstamp", stamp)
            calendar.add_component(event)
    moments = [m for m in (visit.starts_at, visit.ends_at, *(i.starts_at for i in items)) if m]
    if moments:
        # The zone's rules for the years around the visit: enough for every event in the file,
        # and a few lines instead of every change since 1970.
        first, last = min(moments).date(), max(moments).date()
        calendar.add_missing_timezones(
            first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 1, 12, 31)
        )
    return calendar.to_ical()
