"""The approval workflow: request (with its follow-up), approve in other words, reject, keep
internal; transitions the services refuse; every step in the history."""

from datetime import date

import pytest

from delegation_app.domain.enums import ApprovalChannel, ApprovalState
from delegation_app.operations.quote_approval import (
    ApprovalRequest,
    mark_approved,
    mark_internal_only,
    mark_rejected,
    quote_input,
    request_approval,
)
from delegation_app.operations.quotes import save_quote

import factories

REQUEST = ApprovalRequest(
    sent_to="Isabelle Hemsley <i.hemsley@hanau.de>",
    channel=ApprovalChannel.EMAIL,
    sent_on=date(2026, 3, 2),
    due_on=date(2026, 3, 9),
)


@pytest.fixture
def speaker(services):
    return factories.person(services, "Hemsley", "Isabelle", title="Dr.", salutation="Frau")


@pytest.fixture
def visit(services):
    return factories.visit(services)


@pytest.fixture
def quotes(services, visit, speaker):
    return [
        factories.quote(services, visit.id, text="„Erstens.“", speaker_person_id=speaker.id),
        factories.quote(services, visit.id, text="„Zweitens.“", speaker_person_id=speaker.id),
    ]


def test_a_request_marks_the_quotes_and_creates_a_follow_up_due_then(services, quotes, visit, speaker):
    sent = request_approval(services, [(q.id, q.version) for q in quotes], REQUEST)
    assert [q.approval_state for q in sent] == [ApprovalState.SENT_FOR_APPROVAL] * 2
    assert {q.approval_follow_up_id for q in sent} == {sent[0].approval_follow_up_id}
    assert sent[0].approval_due_on == date(2026, 3, 9)
    assert (sent[0].approval_channel, sent[0].approval_sent_on) == (ApprovalChannel.EMAIL, date(2026, 3, 2))
    follow_up = services.followups.get(sent[0].approval_follow_up_id)
    assert follow_up.title == "Freigabe der Zitate von Dr. Isabelle Hemsley"
    assert (follow_up.due_on, follow_up.visit_id, follow_up.person_id) == (
        date(2026, 3, 9),
        visit.id,
        speaker.id,
    )
    listed = services.followups.list_filtered()
    assert [(f.title, f.due_on) for f in listed] == [(follow_up.title, date(2026, 3, 9))]


def test_the_follow_ups_due_date_is_the_quotes_and_a_second_request_moves_it(services, quotes):
    sent = request_approval(services, [(q.id, q.version) for q in quotes], REQUEST)
    again = ApprovalRequest(REQUEST.sent_to, ApprovalChannel.PHONE, date(2026, 3, 10), date(2026, 3, 16))
    resent = request_approval(services, [(q.id, q.version) for q in sent], again)
    assert resent[0].approval_follow_up_id == sent[0].approval_follow_up_id
    assert services.quotes.get(quotes[0].id).approval_due_on == date(2026, 3, 16)
    assert len(services.followups.list_filtered()) == 1


def test_approval_keeps_both_wordings_and_closes_the_follow_up_when_all_are_answered(services, quotes):
    first, second = request_approval(services, [(q.id, q.version) for q in quotes], REQUEST)
    approved = mark_approved(
        services, first.id, first.version, approved_text="„Erstens, und zwar gern.“",
        approved_by="Isabelle Hemsley", approved_on=date(2026, 3, 4),
    )  # fmt: skip
    assert approved.approval_state == ApprovalState.APPROVED
    assert (approved.text, approved.approved_text) == ("„Erstens.“", "„Erstens, und zwar gern.“")
    assert approved.approved_at.date() == date(2026, 3, 4)
    assert services.followups.get(first.approval_follow_up_id).done_on is None  # the second still waits
    rejected = mark_rejected(services, second.id, second.version, date(2026, 3, 5))
    assert rejected.approval_state == ApprovalState.REJECTED
    assert services.followups.get(first.approval_follow_up_id).done_on == date(2026, 3, 5)
    assert services.followups.list_filtered() == []


def test_approving_without_other_words_approves_the_captured_text(services, quotes):
    quote = quotes[0]
    approved = mark_approved(
        services, quote.id, quote.version, approved_text=None, approved_by=None, approved_on=date(2026, 3, 4)
    )
    assert approved.approved_text == "„Erstens.“"
    assert approved.published_text == "„Erstens.“"


def test_transitions_the_workflow_does_not_have_are_refused(services, quotes, rejected):
    quote = quotes[0]
    errors = rejected(
        lambda: mark_rejected(services, quote.id, quote.version, date(2026, 3, 5)), "approval_state"
    )
    assert errors["approval_state"] == "Ein Zitat mit „Erfasst“ kann nicht als „Abgelehnt“ markiert werden."


def test_sending_needs_the_day_and_the_way(services, quotes, rejected):
    from dataclasses import replace

    quote = quotes[0]
    data = replace(quote_input(quote), approval_state=ApprovalState.SENT_FOR_APPROVAL)
    rejected(
        lambda: save_quote(services, data, quote.id, quote.version), "approval_sent_on", "approval_channel"
    )


def test_internal_only_from_approved_and_every_step_in_the_history(services, quotes):
    quote = quotes[0]
    (sent,) = request_approval(services, [(quote.id, quote.version)], REQUEST)
    approved = mark_approved(
        services,
        sent.id,
        sent.version,
        approved_text=None,
        approved_by="Hemsley",
        approved_on=date(2026, 3, 4),
    )
    internal = mark_internal_only(services, approved.id, approved.version, date(2026, 3, 6))
    assert internal.approval_state == ApprovalState.INTERNAL_ONLY
    states = [
        (change.new, change.new_text)
        for entry in services.audit.history("quote", quote.id)
        for change in entry.fields
        if change.field == "approval_state"
    ]
    assert states == [
        ("captured", "Erfasst"),
        ("sent_for_approval", "Zur Freigabe vorgelegt"),
        ("approved", "Zur Veröffentlichung freigegeben"),
        ("internal_only", "Nur intern"),
    ]


def test_deleting_the_follow_up_keeps_the_request_and_a_restore_links_it_again(services, quotes):
    (sent,) = request_approval(services, [(quotes[0].id, quotes[0].version)], REQUEST)
    follow_up = services.followups.get(sent.approval_follow_up_id)
    services.followups.delete(follow_up.id, follow_up.version)
    kept = services.quotes.get(sent.id)
    assert (kept.approval_follow_up_id, kept.approval_state) == (None, ApprovalState.SENT_FOR_APPROVAL)
    (entry,) = services.recycle_bin.list()
    services.recycle_bin.restore(entry.id)
    assert services.quotes.get(sent.id).approval_follow_up_id == follow_up.id


def test_a_stale_quote_refuses_the_whole_request(services, quotes):
    from delegation_app.domain.errors import ConflictError

    save_quote(services, quote_input(quotes[1]), quotes[1].id, quotes[1].version)  # changed meanwhile
    with pytest.raises(ConflictError):
        request_approval(services, [(q.id, q.version) for q in quotes], REQUEST)
    assert services.followups.list_filtered() == []
    assert services.quotes.get(quotes[0].id).approval_state == ApprovalState.CAPTURED
