"""Follow-ups and contact entries are corrected and deleted like every other record: through
operations.records (and operations.contacts for a contact with new follow-ups), into the recycle bin
and back, with their history; on SQLite and, when it is there, PostgreSQL."""

from datetime import date, datetime

import pytest

from delegation_app.domain.errors import ConflictError, ValidationError
from delegation_app.operations.contacts import correct_contact, log_contact
from delegation_app.operations.records import (
    RecordKind,
    delete_record,
    explain_conflict,
    overwrite_with_mine,
    save_record,
)
from delegation_app.operations.recycle_bin import restore_from_bin
from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.followups import FollowUpInput

import factories


def as_input(view) -> FollowUpInput:
    return FollowUpInput(
        title=view.title, owner_person_id=view.owner_person_id, due_on=view.due_on, done_on=view.done_on,
        person_id=view.person_id, visit_id=view.visit_id, contact_entry_id=view.contact_entry_id,
        notes=view.notes,
    )  # fmt: skip


def test_a_followup_corrected_shows_in_its_history(any_services):
    services = any_services
    kuecuek, hemsley = factories.person(services), factories.person(services, "Hemsley", "Anna")
    followup = factories.follow_up(services, owner_person_id=kuecuek.id, due_on=date(2026, 3, 9))
    changed = as_input(followup)
    changed.due_on, changed.owner_person_id = date(2026, 3, 16), hemsley.id

    saved = save_record(services, RecordKind.FOLLOW_UP, changed, followup.id, followup.version)

    assert (saved.due_on, saved.owner_name, saved.version) == (date(2026, 3, 16), "Anna Hemsley", 2)
    latest = services.audit.history("follow_up", followup.id)[-1]
    assert {(f.field, f.old_text, f.new_text) for f in latest.fields} == {
        ("owner_person_id", "Denes Kücük", "Anna Hemsley"),
        ("due_on", "09.03.2026", "16.03.2026"),
    }


def test_a_followup_saved_over_a_newer_version_is_a_conflict_that_can_be_overwritten(any_services):
    services = any_services
    followup = factories.follow_up(services, due_on=date(2026, 3, 9))
    theirs = as_input(followup)
    theirs.title = "Fotos per Post schicken"
    save_record(services, RecordKind.FOLLOW_UP, theirs, followup.id, followup.version)
    mine = as_input(followup)
    mine.due_on = date(2026, 3, 20)

    with pytest.raises(ConflictError) as info:
        save_record(services, RecordKind.FOLLOW_UP, mine, followup.id, followup.version)
    details = explain_conflict(services, RecordKind.FOLLOW_UP, info.value, mine)
    assert {d.field for d in details.differences} == {"title", "due_on"}

    saved = overwrite_with_mine(services, RecordKind.FOLLOW_UP, followup.id, details, mine)
    assert (saved.title, saved.due_on) == (followup.title, date(2026, 3, 20))


def test_a_deleted_followup_comes_back_from_the_bin_with_its_links(any_services):
    services = any_services
    visit, kuecuek = factories.visit(services), factories.person(services)
    followup = factories.follow_up(
        services, visit_id=visit.id, person_id=kuecuek.id, owner_person_id=kuecuek.id
    )

    delete_record(services, RecordKind.FOLLOW_UP, followup.id, followup.version)

    assert services.followups.list() == []
    (entry,) = services.recycle_bin.list()
    assert (entry.kind, entry.title) == ("follow_up", followup.title)
    report = restore_from_bin(services, entry.id)
    back = services.followups.get(report.record_id)
    assert (back.title, back.visit_id, back.person_id, back.owner_person_id) == (
        followup.title, visit.id, kuecuek.id, kuecuek.id,
    )  # fmt: skip


def test_a_contact_entry_corrected_with_a_new_followup(any_services):
    services = any_services
    visit = factories.visit(services)
    kuecuek, hemsley = factories.person(services), factories.person(services, "Hemsley", "Anna")
    logged = log_contact(services, ContactEntryInput(
        occurred_at=datetime(2026, 3, 2, 14, 30), summary="Telefonat", person_ids=[kuecuek.id],
        visit_id=visit.id, logged_by="Büro",
    ), {0: FollowUpInput("Rückruf")})  # fmt: skip
    corrected = ContactEntryInput(
        occurred_at=datetime(2026, 3, 2, 15, 0), summary="Telefonat mit dem Büro der OB",
        person_ids=[kuecuek.id, hemsley.id], visit_id=visit.id, logged_by="Büro",
    )  # fmt: skip

    result = correct_contact(
        services, logged.entry.id, logged.entry.version, corrected, {1: FollowUpInput("Fotos schicken")}
    )

    entry = services.contacts.get(logged.entry.id)
    assert (entry.summary, entry.occurred_at, entry.logged_by) == (
        "Telefonat mit dem Büro der OB", datetime(2026, 3, 2, 15, 0), "Büro",
    )  # fmt: skip
    assert set(entry.person_ids) == {kuecuek.id, hemsley.id}
    assert [f.title for f in result.followups] == ["Fotos schicken"]
    followups = services.followups.list_for_visit(visit.id)
    assert {(f.title, f.contact_entry_id) for f in followups} == {
        ("Rückruf", entry.id), ("Fotos schicken", entry.id),
    }  # fmt: skip
    changed = {f.field for f in services.audit.history("contact_entry", entry.id)[-1].fields}
    assert changed == {"occurred_at", "summary"}


def test_a_refused_new_followup_leaves_the_entry_as_it_was(services):
    kuecuek = factories.person(services)
    entry = factories.contact_entry(services, [kuecuek.id])
    corrected = ContactEntryInput(occurred_at=entry.occurred_at, summary="Anders", person_ids=[kuecuek.id])

    with pytest.raises(ValidationError) as info:
        correct_contact(services, entry.id, entry.version, corrected, {2: FollowUpInput("  ")})

    assert set(info.value.errors) == {"followups.2.title"}
    assert services.contacts.get(entry.id) == entry


def test_a_deleted_contact_entry_comes_back_with_its_people_and_followups(any_services):
    services = any_services
    visit = factories.visit(services)
    kuecuek, hemsley = factories.person(services), factories.person(services, "Hemsley", "Anna")
    logged = log_contact(services, ContactEntryInput(
        occurred_at=datetime(2026, 3, 2, 14, 30), summary="Treffen im Rathaus\nmit Kaffee",
        person_ids=[kuecuek.id, hemsley.id], visit_id=visit.id,
    ), {0: FollowUpInput("Fotos schicken")})  # fmt: skip
    entry = logged.entry

    delete_record(services, RecordKind.CONTACT_ENTRY, entry.id, entry.version, confirmed=True)

    assert services.contacts.list() == []
    assert services.followups.list()[0].contact_entry_id is None  # the follow-up stays
    (binned,) = services.recycle_bin.list()
    assert (binned.kind, binned.title) == ("contact_entry", "02.03.2026, 14:30 Uhr: Treffen im Rathaus")
    report = restore_from_bin(services, binned.id)
    back = services.contacts.get(report.record_id)
    assert (back.summary, set(back.person_ids)) == (entry.summary, {kuecuek.id, hemsley.id})
    assert services.followups.list()[0].contact_entry_id == back.id
    assert report.references_not_restored == 0
