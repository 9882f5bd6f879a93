"""The approval actions of the quotes tab, by keys and clicks: request approval (the letter with
the salutation from the person record, the mailto: link or the .eml file; the mail program is a
recorder here), mark approved in other words (the word diff), rejected, internal only; a pending
approval in the follow-ups view with its due date."""

import email
from datetime import date, timedelta
from email.policy import default
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from PySide6.QtCore import Qt

from delegation_app.domain.enums import ApprovalChannel, ApprovalState
from delegation_app.ui.common.date_fields import today
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.visits.quote_table_model import APPROVAL, TEXT
from delegation_app.ui.visits.quotes_tab import QuotesTab

import factories
from ui_support import type_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def visit(services):
    return factories.visit(services, title="Besuch in Bochum")  # 24.02.2026


@pytest.fixture
def hemsley(services, visit):
    person = factories.person(
        services, "Hemsley", "Isabelle", title="Dr.", salutation="Frau", email="i.hemsley@hanau.de"
    )
    factories.participation(services, visit.id, person.id, role="head_of_delegation")
    return person


@pytest.fixture
def quotes(services, visit, hemsley):
    return [
        factories.quote(services, visit.id, text="„Erstens lernen wir.“", speaker_person_id=hemsley.id),
        factories.quote(services, visit.id, text="„Zweitens handeln wir.“", speaker_person_id=hemsley.id),
    ]


@pytest.fixture
def opened():
    return []


@pytest.fixture
def tab(qtbot, services, prompts, visit, quotes, opened, tmp_path):
    widget = QuotesTab(services, prompts, OperationRunner(services, prompts))
    widget.approval.open_url = lambda url: opened.append(url) or True
    widget.approval.eml_folder = tmp_path
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.load(services.visits.get(visit.id))
    widget.table.setFocus()
    widget.table.setCurrentIndex(widget.model.index(0, TEXT))
    return widget


def open_by_key(qtbot, tab, key):
    qtbot.keyClick(tab.table, key, CTRL_SHIFT)
    qtbot.waitUntil(lambda: tab.approval.dialog is not None and tab.approval.dialog.isVisible())
    return tab.approval.dialog


def test_request_by_email_opens_a_mailto_link_and_records_the_request(qtbot, tab, services, opened, hemsley):
    dialog = open_by_key(qtbot, tab, Qt.Key.Key_F)  # Freigabe anfragen
    letter = dialog.letter.toPlainText()
    assert letter.startswith("Sehr geehrte Frau Dr. Hemsley,\n")
    assert "1. „Erstens lernen wir.“" in letter
    assert "2. „Zweitens handeln wir.“" in letter
    due = today() + timedelta(days=7)
    assert f"bis zum {due:%d.%m.%Y}" in letter
    assert dialog.recipient.text() == "Dr. Isabelle Hemsley <i.hemsley@hanau.de>"
    dialog.grab().save("/tmp/approval_request_dialog.png")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (url,) = opened
    parts = urlsplit(url)
    assert (parts.scheme, unquote(parts.path)) == ("mailto", "i.hemsley@hanau.de")
    query = parse_qs(parts.query)
    assert query["subject"] == ["Freigabe von Zitaten: Besuch in Bochum"]
    assert query["body"][0].startswith("Sehr geehrte Frau Dr. Hemsley,")
    stored = services.quotes.list_for_visit(tab._visit.id)
    assert [q.approval_state for q in stored] == [ApprovalState.SENT_FOR_APPROVAL] * 2
    assert stored[0].approval_channel == ApprovalChannel.EMAIL
    assert stored[0].approval_sent_to == "Dr. Isabelle Hemsley <i.hemsley@hanau.de>"
    (follow_up,) = services.followups.list_filtered()
    assert (follow_up.title, follow_up.due_on) == ("Freigabe der Zitate von Dr. Isabelle Hemsley", due)
    assert tab.model.index(0, APPROVAL).data() == "◔ Zur Freigabe vorgelegt"
    assert f"Antwort bis {due:%d.%m.%Y}" in tab.form.approval_state.text()


def test_a_long_letter_goes_out_as_an_eml_file(qtbot, tab, services, opened, tmp_path):
    dialog = open_by_key(qtbot, tab, Qt.Key.Key_F)
    dialog.letter.setFocus()
    qtbot.keyClick(dialog.letter, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(dialog.letter, "\n" + "Mit Grüßen aus Hanau – Łukasz. " * 60)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (url,) = opened
    assert url.startswith("file://")
    assert url.endswith(".eml")
    (eml,) = tmp_path.glob("*.eml")
    message = email.message_from_bytes(eml.read_bytes(), policy=default)
    (to,) = message["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Dr. Isabelle Hemsley", "i.hemsley@hanau.de")
    assert message["X-Unsent"] == "1"
    body = message.get_content()
    assert body.startswith("Sehr geehrte Frau Dr. Hemsley,")
    assert "Mit Grüßen aus Hanau – Łukasz." in body
    assert len(services.followups.list_filtered()) == 1


def test_an_english_letter_by_phone_records_without_opening_mail(qtbot, tab, services, opened):
    dialog = open_by_key(qtbot, tab, Qt.Key.Key_F)
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)  # English
    assert dialog.letter.toPlainText().startswith("Dear Dr Hemsley,\n")
    dialog.channel.setFocus()
    qtbot.keyClick(dialog.channel, Qt.Key.Key_Down)  # letter
    qtbot.keyClick(dialog.channel, Qt.Key.Key_Down)  # phone
    dialog.due_on.setFocus()
    dialog.due_on.selectAll()
    qtbot.keyClicks(dialog.due_on, "13.03.2026")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert opened == []
    quote = services.quotes.list_for_visit(tab._visit.id)[0]
    assert (quote.approval_channel, quote.approval_due_on) == (ApprovalChannel.PHONE, date(2026, 3, 13))


def test_mark_approved_in_other_words_shows_the_difference(qtbot, tab, services):
    dialog = open_by_key(qtbot, tab, Qt.Key.Key_G)  # freigegeben
    assert dialog.wording.toPlainText() == "„Erstens lernen wir.“"
    assert dialog.difference.text() == "Keine: wie erfasst freigegeben."
    dialog.wording.setFocus()
    qtbot.keyClick(dialog.wording, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(dialog.wording, "„Erstens lernen wir gern.“")
    assert "<u" in dialog.difference.text()
    assert "gern.“" in dialog.difference.text()
    dialog.grab().save("/tmp/approval_approve_dialog.png")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    quote = services.quotes.list_for_visit(tab._visit.id)[0]
    assert quote.approval_state == ApprovalState.APPROVED
    assert (quote.text, quote.approved_text) == ("„Erstens lernen wir.“", "„Erstens lernen wir gern.“")
    assert quote.approved_by == "Dr. Isabelle Hemsley"
    assert "Freigegebener Wortlaut:" in tab.form.approval_state.text()
    tab.grab().save("/tmp/approval_tab.png")


def test_rejected_and_internal_only_by_keys(qtbot, tab, services):
    assert not tab.approval.reject_button.isEnabled()  # nobody was asked yet
    tab.approval.internal_button.setFocus()
    qtbot.keyClick(tab.approval.internal_button, Qt.Key.Key_Space)
    quote = services.quotes.list_for_visit(tab._visit.id)[0]
    assert quote.approval_state == ApprovalState.INTERNAL_ONLY
    assert tab.model.index(0, APPROVAL).data() == "✕ Nur intern"
    assert not tab.approval.internal_button.isEnabled()


def test_the_text_form_keeps_the_approval_when_saved(qtbot, tab, services):
    qtbot.mouseClick(tab.approval.internal_button, Qt.MouseButton.LeftButton)
    tab.form.context.setFocus()
    qtbot.keyClicks(tab.form.context, "Beim Empfang")
    assert tab.save()
    quote = services.quotes.list_for_visit(tab._visit.id)[0]
    assert (quote.context, quote.approval_state) == ("Beim Empfang", ApprovalState.INTERNAL_ONLY)


def test_a_pending_approval_is_in_the_follow_ups_view_by_due_date(qtbot, demo_services, db_url, prompts):
    from datetime import datetime

    from delegation_app.operations.quote_approval import ApprovalRequest, request_approval
    from delegation_app.ui.followups.followup_table_model import DUE, TITLE, VISIT

    from ui_support import open_window

    services = demo_services
    visit = services.visits.list()[0]
    kopietz = next(q for q in services.quotes.list_for_visit(visit.id) if "Wichtig ist nicht" in q.text)
    request = ApprovalRequest("Kopietz", ApprovalChannel.LETTER, date(2025, 12, 1), date(2025, 12, 22))
    request_approval(services, [(kopietz.id, kopietz.version)], request)
    window = open_window(qtbot, services, db_url, prompts, clock=lambda: datetime(2025, 12, 15, 9, 0))
    qtbot.keyClick(window.visits.table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    view = window.followups
    qtbot.waitUntil(lambda: window.stack.currentWidget() is view)
    cells = view.model.index
    rows = [tuple(cells(r, c).data() for c in (TITLE, DUE, VISIT)) for r in range(view.model.rowCount())]
    assert ("Freigabe der Zitate von Kopietz", "22.12.2025", visit.title) in rows
