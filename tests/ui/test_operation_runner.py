"""The runner: an operation of several writes reaches the views as one "changed" broadcast, after
the commit; a refusal is shown in words and nothing is written."""

from datetime import datetime
from functools import partial

from PySide6.QtWidgets import QWidget

from delegation_app.operations.contacts import log_contact
from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.followups import FollowUpInput
from delegation_app.ui.common.background import Background
from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.operation_runner import OperationRunner

import factories
from ui_support import FakePrompts


def wired(qtbot, services):
    bus = ChangeBus()
    services.db.add_listener(bus.on_commit)
    heard: list = []
    bus.changed.connect(heard.append)
    parent = QWidget()
    qtbot.addWidget(parent)
    return bus, heard, parent


def contact(person_id: int, *titles: str):
    entry = ContactEntryInput(occurred_at=datetime(2026, 3, 2, 14, 30), summary="Telefonat",
                              person_ids=[person_id])  # fmt: skip
    return partial(log_contact, entry=entry, followups=dict(enumerate(FollowUpInput(t) for t in titles)))


def test_an_operation_of_several_writes_broadcasts_once(qtbot, services):
    person = factories.person(services)
    _bus, heard, parent = wired(qtbot, services)
    results: list = []

    runner = OperationRunner(services, FakePrompts())
    done = runner.now(parent, contact(person.id, "Fotos", "Rückruf"), results.append)

    assert done
    assert len(results[0].followups) == 2
    assert len(heard) == 1
    assert {c.table for c in heard[0]} == {"contact_entry", "contact_entry_person", "follow_up"}


def test_on_the_worker_the_broadcast_comes_once_after_the_commit(qtbot, services):
    person = factories.person(services)
    bus, heard, parent = wired(qtbot, services)
    background = Background()
    results: list = []
    runner = OperationRunner(services, FakePrompts(), background)

    with qtbot.waitSignal(bus.changed, timeout=5000):
        runner.in_background(parent, contact(person.id, "Fotos", "Rückruf", "Protokoll"), results.append)
    qtbot.waitUntil(lambda: bool(results))
    background.wait()
    qtbot.wait(50)  # a second broadcast, were there one, would have arrived by now

    assert len(heard) == 1
    assert len(services.followups.list()) == 3


def test_a_refusal_is_shown_and_nothing_is_written(qtbot, services):
    person = factories.person(services)
    _bus, heard, parent = wired(qtbot, services)
    prompts = FakePrompts()
    refused: list = []

    done = OperationRunner(services, prompts).now(parent, contact(person.id, "Fotos", "  "))
    assert not done
    assert [kind for kind, _message in prompts.asked] == ["error"]
    OperationRunner(services, prompts).now(parent, contact(person.id, "  "), on_user_error=refused.append)

    assert list(refused[0].errors) == ["followups.0.title"]
    assert heard == []
    assert services.contacts.list() == []


def test_outcome_gives_the_result_even_none_and_refused_only_after_a_refusal(qtbot, services):
    from delegation_app.operations.records import RecordKind, delete_record
    from delegation_app.ui.common.operation_runner import REFUSED

    person = factories.person(services)
    _bus, _heard, parent = wired(qtbot, services)
    prompts = FakePrompts()
    runner = OperationRunner(services, prompts)
    gone = partial(delete_record, kind=RecordKind.PERSON, record_id=person.id, version=person.version,
                   confirmed=True)  # fmt: skip
    assert runner.outcome(parent, gone) is None  # a delete's result, not a refusal
    assert runner.outcome(parent, gone) is REFUSED  # it is gone now: refused, and said so
    assert [kind for kind, _message in prompts.asked] == ["error"]
