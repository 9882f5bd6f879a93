"""VisitService: each kind of bad value gives its field error and writes nothing."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from delegation_app.domain.enums import Classification, VisitDirection, VisitStatus
from delegation_app.services.visits import VisitInput

import factories

START = datetime(2026, 2, 24, 9, 30)
END = datetime(2026, 2, 24, 16, 0)
NO_ID = factories.NO_SUCH_ID

BAD = [
    pytest.param({"title": ""}, "title", id="title-empty"),
    pytest.param({"title": "\n \t"}, "title", id="title-whitespace"),
    pytest.param({"title": None}, "title", id="title-none"),
    pytest.param({"title": "x" * 201}, "title", id="title-too-long"),
    pytest.param({"title": "Besuch\x00"}, "title", id="title-nul"),
    pytest.param({"direction": "sideways"}, "direction", id="direction-unknown"),
    pytest.param({"status": "Done"}, "status", id="status-wrong-case"),
    pytest.param({"classification": "secret"}, "classification", id="classification-unknown"),
    pytest.param({"host_organisation_id": NO_ID}, "host_organisation_id", id="host-missing"),
    pytest.param({"guest_organisation_id": NO_ID}, "guest_organisation_id", id="guest-missing"),
    pytest.param({"guest_organisation_id": "1"}, "guest_organisation_id", id="guest-id-text"),
    pytest.param({"press_contact_id": NO_ID}, "press_contact_id", id="press-contact-missing"),
    pytest.param({"place": "x" * 201}, "place", id="place-too-long"),
    pytest.param({"address": "x" * 501}, "address", id="address-too-long"),
    pytest.param({"topics": "x" * 501}, "topics", id="topics-too-long"),
    pytest.param({"purpose": "\x1b[31m"}, "purpose", id="purpose-control-char"),
    pytest.param({"notes": "a\x00b"}, "notes", id="notes-nul"),
    pytest.param({"starts_at": "2026-02-24 09:30"}, "starts_at", id="starts-text"),
    pytest.param({"starts_at": date(2026, 2, 24)}, "starts_at", id="starts-date-only"),
    pytest.param({"starts_at": START.replace(tzinfo=UTC)}, "starts_at", id="starts-aware"),
    pytest.param({"ends_at": END.replace(tzinfo=timezone(timedelta(hours=1)))}, "ends_at", id="ends-aware"),
    pytest.param({"ends_at": START - timedelta(minutes=1)}, "ends_at", id="ends-before-start"),
    pytest.param({"starts_at": None}, "starts_at", id="end-without-start"),
    pytest.param({"timezone": "Mars/Olympus_Mons"}, "timezone", id="timezone-unknown"),
    pytest.param({"timezone": "/etc/passwd"}, "timezone", id="timezone-path"),
    pytest.param({"timezone": " "}, "timezone", id="timezone-empty"),
    pytest.param({"timezone": None}, "timezone", id="timezone-none"),
]


@pytest.fixture
def valid(services):
    org = factories.organisation(services)
    press = factories.person(services, last_name="Presse", first_name=None)
    return VisitInput(
        title="Besuch in Bochum",
        host_organisation_id=org.id,
        press_contact_id=press.id,
        starts_at=START,
        ends_at=END,
    )


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_create(services, rejected, valid, change, field):
    rejected(lambda: services.visits.create(replace(valid, **change)), field)


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_update_leaves_record_unchanged(services, rejected, valid, change, field):
    visit = services.visits.create(valid)
    rejected(lambda: services.visits.update(visit.id, visit.version, replace(valid, **change)), field)
    assert services.visits.get(visit.id) == visit


def test_all_problems_are_reported_at_once(services, rejected, valid):
    bad = replace(valid, title="", status="maybe", ends_at=START - timedelta(hours=1), timezone="Nowhere")
    rejected(lambda: services.visits.create(bad), "title", "status", "ends_at", "timezone")


def test_values_are_normalised(services, valid):
    visit = services.visits.create(
        replace(
            valid,
            title="  Besuch   in  Bochum ",
            direction="incoming",
            status="planned",
            classification="vs_nfd",
            timezone=" Europe/Istanbul ",
            address=" Willy-Brandt-Platz 2–6\n44777 Bochum ",
            ends_at=START,  # a visit may end when it starts
        )
    )
    assert visit.title == "Besuch in Bochum"
    assert (visit.direction, visit.status) == (VisitDirection.INCOMING, VisitStatus.PLANNED)
    assert visit.classification is Classification.VS_NFD
    assert visit.timezone == "Europe/Istanbul"
    assert visit.address == "Willy-Brandt-Platz 2–6\n44777 Bochum"
    assert (visit.starts_at, visit.ends_at) == (START, START)
    assert visit.press_contact_name == "Presse"
    assert services.visits.get(visit.id) == visit


def test_a_visit_needs_no_dates(services):
    visit = services.visits.create(VisitInput(title="Idee: Gegenbesuch"))
    assert (visit.starts_at, visit.ends_at, visit.timezone) == (None, None, "Europe/Berlin")


def test_overview_puts_the_next_visit_on_top(services):
    from datetime import date, datetime

    for title, start in [
        ("Im Vorjahr", datetime(2025, 5, 1, 9)),
        ("Übermorgen", datetime(2026, 11, 28, 9)),
        ("Nächstes Jahr", datetime(2027, 3, 1, 9)),
        ("Ohne Datum", None),
        ("Letzte Woche", datetime(2026, 11, 19, 9)),
        ("Heute", datetime(2026, 11, 26, 8)),
    ]:
        factories.visit(services, title=title, starts_at=start, ends_at=None)
    titles = [v.title for v in services.visits.list_overview(today=date(2026, 11, 26))]
    assert titles == ["Heute", "Übermorgen", "Nächstes Jahr", "Ohne Datum", "Letzte Woche", "Im Vorjahr"]
    # the search matches word beginnings (full-text index): "jahr" does not find "Vorjahr"
    assert [v.title for v in services.visits.list_overview("jahr", today=date(2026, 11, 26))] == [
        "Nächstes Jahr",
    ]
    assert [v.title for v in services.visits.list_overview("n", today=date(2026, 11, 26))] == [
        "Nächstes Jahr",
    ]
    assert [v.title for v in services.visits.list_overview("im", today=date(2026, 11, 26))] == [
        "Im Vorjahr",
    ]
    # the visits list reads the same order a page at a time
    page = services.visits.list_overview_page
    pages = [[v.title for v in page(today=date(2026, 11, 26), limit=4, offset=o)] for o in (0, 4)]
    assert pages == [titles[:4], titles[4:]]
    assert [v.title for v in page("jahr", today=date(2026, 11, 26), limit=4)] == ["Nächstes Jahr"]
