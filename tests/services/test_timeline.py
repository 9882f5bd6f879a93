"""Timelines (services/timeline.py): every kind of record about a person or organisation, newest first."""

from datetime import date, datetime

import pytest

from delegation_app.domain.enums import ContactChannel, ParticipantRole, ParticipantSide
from delegation_app.domain.errors import NotFoundError
from delegation_app.i18n import _
from delegation_app.services.timeline import TimelineEntry, organisation_timeline, person_timeline

import factories


def _visit(services, title, day, **kw):
    return factories.visit(services, title, starts_at=datetime(*day, 9, 30), ends_at=datetime(*day, 17), **kw)


@pytest.fixture
def world(services):
    bochum = factories.organisation(services, "Stadt Bochum")
    hanau = factories.organisation(services, "Stadt Hanau")
    swb = factories.organisation(services, "Stadtwerke Bochum")
    kopietz = factories.person(services, "Kopietz", None, organisation_id=bochum.id)
    temme = factories.person(services, "Temme", "Elke", organisation_id=swb.id)
    kuhn = factories.person(services, "Kuhn", "Dominik", organisation_id=hanau.id)
    first = _visit(
        services,
        "Erster Besuch",
        (2024, 5, 2),
        host_organisation_id=bochum.id,
        guest_organisation_id=hanau.id,
    )
    second = _visit(services, "Zweiter Besuch", (2025, 11, 13), guest_organisation_id=bochum.id)
    idea = factories.visit(services, "Irgendwann", starts_at=None, ends_at=None)
    elsewhere = _visit(services, "Woanders", (2025, 6, 1))
    factories.participation(
        services,
        first.id,
        kopietz.id,
        side=ParticipantSide.HOST,
        role=ParticipantRole.HOST,
        function_at_visit="Kämmerer",
    )
    factories.participation(services, second.id, kopietz.id, side=ParticipantSide.GUEST)
    factories.participation(services, idea.id, kopietz.id)
    factories.participation(services, elsewhere.id, temme.id)
    factories.quote(services, first.id, "„Alt.“", speaker_person_id=kopietz.id)
    factories.quote(services, second.id, "„Am Besuchstag.“", speaker_person_id=kopietz.id)
    factories.quote(
        services, second.id, "„Später gesagt.“", speaker_person_id=kopietz.id, said_on=date(2025, 11, 20)
    )
    factories.quote(services, second.id, "„Nicht von Kopietz.“", speaker_person_id=kuhn.id)
    factories.contact_entry(
        services,
        [kopietz.id, temme.id],
        "Dank\nzweite Zeile",
        visit_id=second.id,
        occurred_at=datetime(2025, 11, 14, 10, 15),
        channel=ContactChannel.EMAIL,
    )
    factories.contact_entry(services, [kuhn.id], "Ohne Bochum", occurred_at=datetime(2025, 11, 15, 8))
    factories.follow_up(
        services,
        "Dankschreiben",
        owner_person_id=kuhn.id,
        person_id=kopietz.id,
        due_on=date(2025, 11, 21),
        done_on=date(2025, 11, 17),
    )
    factories.follow_up(
        services,
        "Papier schicken",
        owner_person_id=kuhn.id,
        person_id=temme.id,
        due_on=date(2025, 12, 15),
        visit_id=second.id,
    )
    factories.follow_up(services, "Irgendwann anrufen", owner_person_id=kopietz.id)
    ids = {
        "bochum": bochum.id,
        "hanau": hanau.id,
        "swb": swb.id,
        "kopietz": kopietz.id,
        "temme": temme.id,
        "kuhn": kuhn.id,
        "second": second.id,
    }
    return services, ids


def kinds_and_titles(entries):
    return [(e.kind, e.title) for e in entries]


def test_person_timeline_merges_four_kinds_newest_first_undated_last(world):
    services, ids = world
    entries = person_timeline(services, ids["kopietz"])
    assert kinds_and_titles(entries) == [
        ("quote", "„Später gesagt.“"),  # said on 20.11.2025
        ("followup", "Dankschreiben"),  # done on 17.11.2025
        ("contact", "Dank"),  # 14.11.2025 10:15, first line of the summary
        ("visit", "Zweiter Besuch"),  # 13.11.2025 09:30
        ("quote", "„Am Besuchstag.“"),  # the visit's day, no time: after the visit that morning
        ("visit", "Erster Besuch"),
        ("quote", "„Alt.“"),
        ("visit", "Irgendwann"),  # undated: last, visits before follow-ups
        ("followup", "Irgendwann anrufen"),
    ]


def test_person_timeline_entries_carry_dates_details_and_links(world):
    services, ids = world
    by_title = {e.title: e for e in person_timeline(services, ids["kopietz"])}
    first = by_title["Erster Besuch"]
    assert first.when == datetime(2024, 5, 2, 9, 30)
    assert first.detail == "Gastgeber/-in · Kämmerer"  # host side and host role: said once
    assert first.record_id == first.visit_id
    contact = by_title["Dank"]
    assert isinstance(contact, TimelineEntry)
    assert (contact.when, contact.visit_id) == (datetime(2025, 11, 14, 10, 15), ids["second"])
    assert contact.detail == "E-Mail · mit Elke Temme"  # the others, not Kopietz himself
    assert by_title["„Später gesagt.“"].when == date(2025, 11, 20)
    assert by_title["„Am Besuchstag.“"].when == date(2025, 11, 13)
    assert by_title["„Am Besuchstag.“"].detail == "Zweiter Besuch"
    assert by_title["Dankschreiben"].when == date(2025, 11, 17)
    owner = _("owner: {name}").format(name="Dominik Kuhn")
    assert by_title["Dankschreiben"].detail == f"erledigt am 17.11.2025 · {owner}"
    assert by_title["Irgendwann anrufen"].when is None


def test_open_follow_up_is_dated_by_its_due_day(world):
    services, ids = world
    (paper,) = [e for e in person_timeline(services, ids["temme"]) if e.kind == "followup"]
    assert (paper.title, paper.when, paper.visit_id) == ("Papier schicken", date(2025, 12, 15), ids["second"])
    assert paper.detail.startswith(_("due on {date}").format(date="15.12.2025"))


def test_organisation_timeline_covers_its_visits_and_its_peoples_records(world):
    services, ids = world
    entries = organisation_timeline(services, ids["bochum"])
    assert kinds_and_titles(entries) == [
        ("quote", "„Später gesagt.“"),
        ("followup", "Dankschreiben"),  # Kopietz is the person concerned
        ("contact", "Dank"),
        ("visit", "Zweiter Besuch"),  # as guest
        ("quote", "„Am Besuchstag.“"),
        ("visit", "Erster Besuch"),  # as host
        ("quote", "„Alt.“"),
        ("visit", "Irgendwann"),  # only through Kopietz taking part
        ("followup", "Irgendwann anrufen"),
    ]
    details = {e.title: e.detail for e in entries}
    assert details["Erster Besuch"] == "Gastgeber · Kopietz"
    assert details["Zweiter Besuch"] == "Gast · Kopietz"
    assert details["Irgendwann"] == "Kopietz"
    assert details["Dank"] == "E-Mail · mit Kopietz, Elke Temme"
    assert details["„Alt.“"] == "Kopietz · Erster Besuch"


def test_organisation_timeline_through_people_only(world):
    services, ids = world
    entries = organisation_timeline(services, ids["swb"])
    assert kinds_and_titles(entries) == [
        ("followup", "Papier schicken"),
        ("contact", "Dank"),
        ("visit", "Woanders"),
    ]
    hanau = organisation_timeline(services, ids["hanau"])
    assert ("contact", "Ohne Bochum") in kinds_and_titles(hanau)
    assert ("quote", "„Nicht von Kopietz.“") in kinds_and_titles(hanau)
    assert ("visit", "Zweiter Besuch") not in kinds_and_titles(hanau)  # Hanau is neither host nor guest


def test_empty_and_missing(services):
    person = factories.person(services)
    org = factories.organisation(services)
    assert person_timeline(services, person.id) == []
    assert organisation_timeline(services, org.id) == []
    with pytest.raises(NotFoundError):
        person_timeline(services, factories.NO_SUCH_ID)
    with pytest.raises(NotFoundError):
        organisation_timeline(services, factories.NO_SUCH_ID)
