"""Opening a visit reads it once for every tab (issue 16): over a VPN each statement is a round
trip, so their number must not grow with the tabs, the participants or the quotes."""

from datetime import datetime

import pytest

from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.visits.visit_editor import VisitEditor

import factories

# BEGIN, the visit with its names, participants, programme, quotes, contact entries.
STATEMENTS_TO_OPEN = 6


@pytest.fixture
def editor(qtbot, services, prompts):
    widget = VisitEditor(services, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def a_visit(services, people: int):
    """A visit whose tabs all name people: participants with organisations, a responsible person,
    a speaker, the people of a contact entry."""
    host = factories.organisation(services, "Stadt Bochum")
    press = factories.person(services, "Temme", "Elke", organisation_id=host.id)
    visit = factories.visit(
        services, "Delegation aus Łódź", host_organisation_id=host.id, press_contact_id=press.id
    )
    guests = factories.organisation(services, "Urząd Miasta Łodzi")
    members = [
        factories.person(services, f"Nowak{i}", "Anna", organisation_id=guests.id, function="Referentin")
        for i in range(people)
    ]
    for member in members:
        factories.participation(services, visit.id, member.id)
    for i, member in enumerate(members):
        factories.agenda_item(services, visit.id, f"Gespräch {i}", responsible_person_id=member.id)
        factories.quote(services, visit.id, f"„Zitat {i}“", speaker_person_id=member.id)
        factories.contact_entry(
            services, [member.id, press.id], f"Telefonat {i}", visit_id=visit.id,
            occurred_at=datetime(2026, 1, 10 + i, 9, 0),
        )  # fmt: skip
    return visit, members


def statements_to_open(services, editor, visit_id) -> int:
    before = services.statement_count()
    editor.load(visit_id)
    return services.statement_count() - before


def test_opening_a_visit_takes_the_same_few_statements_however_big_it_is(services, editor):
    small, _ = a_visit(services, 1)
    big, _ = a_visit(services, 12)
    editor.load(small.id)  # a first visit opened: the statements are compiled
    assert statements_to_open(services, editor, small.id) == STATEMENTS_TO_OPEN
    assert statements_to_open(services, editor, big.id) == STATEMENTS_TO_OPEN


def test_every_tab_shows_what_the_one_read_found(services, editor):
    visit, _members = a_visit(services, 3)
    editor.load(visit.id)
    assert editor.visit is not None
    shown = editor.visit
    assert (shown.host_organisation_name, shown.press_contact_name) == ("Stadt Bochum", "Elke Temme")
    assert editor.participants.model.rowCount() == 3
    first = editor.participants.model.participant_at(0)
    assert (first.person_name, first.organisation_name) == ("Anna Nowak0", "Urząd Miasta Łodzi")
    assert [editor.agenda.model.item_at(i).responsible_person_name for i in range(3)] == [
        "Anna Nowak0", "Anna Nowak1", "Anna Nowak2",
    ]  # fmt: skip
    assert {editor.quotes.model.record_at(i).speaker_display for i in range(3)} == {
        "Anna Nowak0", "Anna Nowak1", "Anna Nowak2",
    }  # fmt: skip
    newest = editor.contacts.model.record_at(0)
    assert (newest.summary, newest.person_names) == ("Telefonat 2", ("Anna Nowak2", "Elke Temme"))
    assert editor.contacts.people.count() == 3  # the participants to tick


def test_a_change_elsewhere_reaches_every_tab_in_one_read(services, editor):
    visit, _ = a_visit(services, 2)
    editor.load(visit.id)
    newcomer = factories.person(services, "Kowalski", "Jan")
    factories.participation(services, visit.id, newcomer.id)  # another workplace adds someone
    before = services.statement_count()
    editor.refresh()
    assert services.statement_count() - before == STATEMENTS_TO_OPEN
    assert editor.participants.model.rowCount() == 3
    assert editor.contacts.people.count() == 3
    assert newcomer.id in editor.agenda._participants
