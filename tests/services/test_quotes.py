"""QuoteService: each kind of bad value gives its field error and writes nothing."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from delegation_app.domain.enums import ApprovalState
from delegation_app.services.quotes import QuoteInput

import factories

NO_ID = factories.NO_SUCH_ID

BAD = [
    pytest.param({"visit_id": NO_ID}, "visit_id", id="visit-missing"),
    pytest.param({"visit_id": None}, "visit_id", id="visit-none"),
    pytest.param({"text": ""}, "text", id="text-empty"),
    pytest.param({"text": " \n\t "}, "text", id="text-whitespace"),
    pytest.param({"text": "x" * 20_001}, "text", id="text-too-long"),
    pytest.param({"text": "Wir\x00 lernen"}, "text", id="text-nul"),
    pytest.param({"speaker_person_id": None, "speaker_label": None}, "speaker_label", id="no-speaker"),
    pytest.param({"speaker_person_id": None, "speaker_label": "  "}, "speaker_label", id="speaker-blank"),
    pytest.param({"speaker_person_id": NO_ID}, "speaker_person_id", id="speaker-missing"),
    pytest.param({"speaker_label": "x" * 201}, "speaker_label", id="speaker-label-too-long"),
    pytest.param({"agenda_item_id": NO_ID}, "agenda_item_id", id="agenda-item-missing"),
    pytest.param({"context": "x" * 501}, "context", id="context-too-long"),
    pytest.param({"said_on": "gestern"}, "said_on", id="said-on-text"),
    pytest.param({"language": ""}, "language", id="language-empty"),
    pytest.param({"language": "de-DE-1996x"}, "language", id="language-too-long"),
    pytest.param({"kind": "rumour"}, "kind", id="kind-unknown"),
    pytest.param({"approval_state": "yes"}, "approval_state", id="approval-state-unknown"),
    pytest.param({"approved_by": "x" * 201}, "approved_by", id="approved-by-too-long"),
    pytest.param(
        {"approved_at": datetime(2026, 3, 1, 12, tzinfo=UTC)}, "approved_at", id="approved-at-aware"
    ),
    pytest.param({"approved_at": "2026-03-01"}, "approved_at", id="approved-at-text"),
    pytest.param({"position": "0"}, "position", id="position-text"),
]


@pytest.fixture
def valid(services):
    visit = factories.visit(services)
    speaker = factories.person(services, title="Dr.", first_name="Anna", last_name="Schmidt")
    item = factories.agenda_item(services, visit.id)
    return QuoteInput(
        visit_id=visit.id,
        text="„Wir lernen voneinander.“",
        speaker_person_id=speaker.id,
        agenda_item_id=item.id,
        said_on=date(2026, 2, 24),
    )


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_create(services, rejected, valid, change, field):
    rejected(lambda: services.quotes.create(replace(valid, **change)), field)


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_update_leaves_record_unchanged(services, rejected, valid, change, field):
    quote = services.quotes.create(valid)
    rejected(lambda: services.quotes.update(quote.id, quote.version, replace(valid, **change)), field)
    assert services.quotes.get(quote.id) == quote


def test_agenda_item_of_another_visit_is_refused(services, rejected, valid):
    other_visit = factories.visit(services, title="Gegenbesuch in Hanau")
    foreign_item = factories.agenda_item(services, other_visit.id, title="Hafenrundfahrt")
    rejected(lambda: services.quotes.create(replace(valid, agenda_item_id=foreign_item.id)), "agenda_item_id")
    quote = services.quotes.create(valid)
    moved = replace(valid, visit_id=other_visit.id)  # parts of a visit never move to another
    rejected(lambda: services.quotes.update(quote.id, quote.version, moved), "visit_id")


def test_text_is_kept_verbatim_apart_from_surrounding_whitespace(services, valid):
    quote = services.quotes.create(replace(valid, text="  „Erste Zeile\n\n  zweite Zeile“ \n"))
    assert quote.text == "„Erste Zeile\n\n  zweite Zeile“"
    assert quote.speaker_display == "Dr. Anna Schmidt"


def test_label_alone_names_the_speaker(services, valid):
    quote = services.quotes.create(replace(valid, speaker_person_id=None, speaker_label="  Ein  Gast "))
    assert (quote.speaker_label, quote.speaker_display) == ("Ein Gast", "Ein Gast")


def test_approval_without_time_gets_one(services, valid):
    quote = services.quotes.create(replace(valid, approval_state="approved", approved_by=" Pressestelle "))
    assert quote.approval_state is ApprovalState.APPROVED
    assert quote.approved_by == "Pressestelle"
    assert quote.approved_at is not None
    assert quote.approved_at.tzinfo is None
