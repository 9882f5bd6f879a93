"""The Quotes tab: the list, the form, and unsaved edits, driven as a user would."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from delegation_app.domain.enums import ApprovalState, QuoteKind
from delegation_app.services.briefing import collect_briefing
from delegation_app.services.erasure import erase_people
from delegation_app.services.history import person_history
from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Choice
from delegation_app.ui.visits.quote_table_model import APPROVAL, SAID_ON, SPEAKER, TEXT, QuoteTableModel
from delegation_app.ui.visits.quotes_tab import QuotesTab

import factories
from ui_support import type_text

RETURN = Qt.Key.Key_Return
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
WICHTIG = "„Wichtig ist nicht, was technisch möglich ist“"


def asked(prompts, question) -> list:
    return [answer for q, answer in prompts.asked if q == question]


@pytest.fixture
def visit(services):
    return factories.visit(services)  # 24.02.2026


@pytest.fixture
def hemsley(services, visit):
    person = factories.person(services, last_name="Hemsley", first_name="Isabelle")
    factories.participation(services, visit.id, person.id, role="head_of_delegation")
    return person


@pytest.fixture
def tab(qtbot, services, prompts, visit):
    widget = QuotesTab(services, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)  # shortcuts fire only in the active window
    widget.load(services.visits.get(visit.id))
    return widget


def stored(services, visit):
    return services.quotes.list_for_visit(visit.id)


def popup_rows(chooser) -> list[str]:
    model = chooser.completer_.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_paste_a_quote_with_german_quotation_marks(qtbot, tab, services, visit, hemsley):
    tab.table.setFocus()  # the key works where the focus is: in the tab
    qtbot.waitUntil(tab.table.hasFocus)
    qtbot.keyClick(tab.table, Qt.Key.Key_A, CTRL_SHIFT)  # new quote: the speaker field first
    qtbot.waitUntil(tab.form.speaker.hasFocus)
    qtbot.keyClick(tab.form.speaker, Qt.Key.Key_Down)  # the empty field lists the participants
    assert popup_rows(tab.form.speaker) == ["Isabelle Hemsley"]
    qtbot.keyClick(tab.form.speaker.popup(), RETURN)
    assert tab.form.speaker.text() == "Isabelle Hemsley"
    qtbot.keyClick(tab.form.speaker, Qt.Key.Key_Tab)
    assert tab.form.text.hasFocus()
    QGuiApplication.clipboard().setText(WICHTIG)
    qtbot.keyClick(tab.form.text, Qt.Key.Key_V, CTRL)
    assert tab.has_unsaved_changes()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    (quote,) = stored(services, visit)
    assert quote.text == WICHTIG
    assert quote.speaker_person_id == hemsley.id
    assert quote.speaker_label is None
    assert (quote.said_on, quote.kind, quote.approval_state) == (date(2026, 2, 24), QuoteKind.VERBATIM,
                                                                  ApprovalState.CAPTURED)  # fmt: skip
    assert not tab.has_unsaved_changes()
    assert [tab.model.index(0, c).data() for c in (SPEAKER, TEXT, SAID_ON)] == [
        "Isabelle Hemsley", WICHTIG, "24.02.2026"]  # fmt: skip
    assert tab.model.index(0, APPROVAL).data() == "○ Erfasst"


def test_the_speaker_is_chosen_by_typing_part_of_the_name_participants_first(
    qtbot, tab, services, visit, hemsley
):
    factories.person(services, first_name="Anna", last_name="Hemberger")  # not at this visit
    tab.new_quote()
    type_text(tab.form.speaker, "hem")
    qtbot.keyClick(tab.form.speaker, RETURN)  # two matches: nothing chosen yet, the list opens
    assert popup_rows(tab.form.speaker) == [
        "Isabelle Hemsley", "Anna Hemberger", "„hem“ neu anlegen …"]  # fmt: skip
    assert tab.form.speaker_id() is None
    qtbot.keyClick(tab.form.speaker.popup(), RETURN)  # the participant, highlighted first
    assert tab.form.speaker.text() == "Isabelle Hemsley"
    qtbot.keyClick(tab.form.speaker, Qt.Key.Key_Tab)
    assert tab.form.text.hasFocus()
    qtbot.keyClicks(tab.form.text, "Wir freuen uns.")
    assert tab.save()
    (quote,) = stored(services, visit)
    assert (quote.speaker_person_id, quote.speaker_label) == (hemsley.id, None)


def test_somebody_else_is_found_too(qtbot, tab, services, visit, hemsley):
    other = factories.person(services, first_name="Anna", last_name="Hemberger")
    tab.new_quote()
    type_text(tab.form.speaker, "Hemberger")
    qtbot.keyClick(tab.form.speaker, RETURN)  # the only match
    assert tab.form.speaker_id() == other.id
    tab.form.text.setFocus()
    qtbot.keyClicks(tab.form.text, "Gern.")
    assert tab.save()
    assert stored(services, visit)[0].speaker_person_id == other.id


def test_a_new_speaker_is_created_in_place_with_an_organisation(qtbot, tab, services, visit, hemsley):
    tab.new_quote()
    type_text(tab.form.speaker, "Łukasz Żółkiewski")
    qtbot.keyClick(tab.form.speaker, RETURN)
    assert popup_rows(tab.form.speaker) == ["„Łukasz Żółkiewski“ neu anlegen …"]
    qtbot.keyClick(tab.form.speaker.popup(), RETURN)
    dialog = tab.form.speaker.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert (dialog.first_name.text(), dialog.last_name.text()) == ("Łukasz", "Żółkiewski")
    organisation = dialog.organisation
    qtbot.waitUntil(organisation.hasFocus)
    type_text(organisation, "Miasto Lublin")
    qtbot.keyClick(organisation, RETURN)
    qtbot.keyClick(organisation.popup(), RETURN)  # "„Miasto Lublin“ neu anlegen …"
    org_dialog = organisation.dialog
    qtbot.waitUntil(org_dialog.isVisible)
    qtbot.keyClick(org_dialog.name, RETURN)
    qtbot.waitUntil(lambda: not org_dialog.isVisible())
    dialog.function.setFocus()
    type_text(dialog.function, "Stadtpräsident")
    qtbot.keyClick(dialog.function, RETURN)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert tab.form.speaker.text() == "Łukasz Żółkiewski"
    tab.form.text.setFocus()
    type_text(tab.form.text, "„Dziękujemy.“")
    assert tab.save()
    (quote,) = stored(services, visit)
    person = services.people.get(quote.speaker_person_id)
    assert (person.first_name, person.last_name, person.organisation_name, person.function) == (
        "Łukasz", "Żółkiewski", "Miasto Lublin", "Stadtpräsident")  # fmt: skip
    assert quote.speaker_label is None
    assert tab.model.index(0, SPEAKER).data() == "Łukasz Żółkiewski"
    # A person record, not a typed name: the briefing prints it, the access report and erasure find it.
    assert [q.speaker_display for q in collect_briefing(services, visit.id).quotes] == ["Łukasz Żółkiewski"]
    assert [q.quote_id for q in person_history(services, person.id).quotes] == [quote.id]
    erase_people(services, [person.id], anonymise=False)
    erased = services.quotes.get(quote.id)
    assert (erased.speaker_person_id, erased.speaker_label, erased.text) == (None, None, "„Dziękujemy.“")


def test_a_name_typed_but_not_chosen_is_not_saved(qtbot, tab, services, visit, hemsley, prompts):
    tab.new_quote()
    qtbot.keyClicks(tab.form.speaker, "Pressesprecher der Stadt")
    tab.form.text.setFocus()  # leaving the field: nothing was chosen, the field says so
    assert tab.form.speaker.text() == ""
    qtbot.keyClicks(tab.form.text, "Wir freuen uns.")
    assert not tab.save()
    assert tab.form.form.error_label("speaker_label").isVisibleTo(tab)
    assert "anlegen" in tab.form.form.error_label("speaker_label").text()
    assert stored(services, visit) == []
    assert tab.form.text.toPlainText() == "Wir freuen uns."
    assert asked(prompts, "error") == []


def test_an_old_quote_with_only_a_name_shows_it_and_keeps_it(qtbot, tab, services, visit, hemsley):
    quote = factories.quote(services, visit.id)  # "Oberbürgermeister", no person record
    tab.refresh()
    tab.table.setCurrentIndex(tab.model.index(0, TEXT))
    speaker = tab.form.speaker
    assert speaker.text() == "Oberbürgermeister"
    assert speaker.font().italic()  # not a person record: it looks different and says so
    assert "Oberbürgermeister" in speaker.toolTip()
    tab.form.context.setFocus()
    qtbot.keyClicks(tab.form.context, "Beim Empfang")
    assert tab.save()
    saved = services.quotes.get(quote.id)
    assert (saved.speaker_person_id, saved.speaker_label, saved.context) == (
        None, "Oberbürgermeister", "Beim Empfang")  # fmt: skip

    speaker.setFocus()
    qtbot.keyClicks(speaker, "x")  # typed but not chosen: leaving puts the name back
    tab.form.context.setFocus()
    assert speaker.text() == "Oberbürgermeister"
    assert not tab.has_unsaved_changes()

    speaker.setFocus()
    qtbot.keyClick(speaker, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(speaker, "Hemsley")
    qtbot.keyClick(speaker, RETURN)  # choosing a person replaces the name
    assert not speaker.font().italic()
    assert tab.save()
    saved = services.quotes.get(quote.id)
    assert (saved.speaker_person_id, saved.speaker_label) == (hemsley.id, None)
    assert tab.model.index(0, SPEAKER).data() == "Isabelle Hemsley"


def test_errors_appear_at_their_fields_and_nothing_is_saved(qtbot, tab, services, visit, prompts):
    tab.new_quote()
    tab.form.said_on.setFocus()
    qtbot.keyClick(tab.form.said_on, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(tab.form.said_on, "31.02.2026")
    assert not tab.save()
    assert tab.form.form.error_label("said_on").isVisibleTo(tab)
    qtbot.keyClick(tab.form.said_on, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(tab.form.said_on, "25.02.2026")
    assert not tab.save()
    for field in ("speaker_label", "text"):
        assert tab.form.form.error_label(field).isVisibleTo(tab), field
    assert not tab.form.form.error_label("said_on").isVisibleTo(tab)
    assert stored(services, visit) == []
    assert asked(prompts, "error") == []


def test_choosing_another_quote_with_unsaved_edits_asks(qtbot, tab, services, visit, prompts):
    first = factories.quote(services, visit.id, text="„Erstens.“")
    factories.quote(services, visit.id, text="„Zweitens.“")
    tab.refresh()
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, TEXT))
    assert tab.form.text.toPlainText() == "„Erstens.“"
    tab.form.text.setFocus()
    qtbot.keyClick(tab.form.text, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(tab.form.text, " Und mehr.")
    assert tab.has_unsaved_changes()

    prompts.choice = Choice.CANCEL
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    assert tab.current_quote().id == first.id  # still on the quote being edited
    assert tab.form.text.toPlainText() == "„Erstens.“ Und mehr."

    prompts.choice = Choice.SAVE
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    assert tab.form.text.toPlainText() == "„Zweitens.“"
    assert services.quotes.get(first.id).text == "„Erstens.“ Und mehr."

    qtbot.keyClicks(tab.form.context, "Beim Empfang")
    prompts.choice = Choice.DISCARD
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Up)
    assert tab.form.text.toPlainText() == "„Erstens.“ Und mehr."
    assert [q.context for q in stored(services, visit)] == [None, None]
    assert len(asked(prompts, "save_discard_cancel")) == 3


def test_kind_approval_and_date_are_saved(qtbot, tab, services, visit):
    quote = factories.quote(services, visit.id)
    tab.refresh()
    tab.table.setCurrentIndex(tab.model.index(0, TEXT))
    tab.form.kind.setFocus()
    qtbot.keyClick(tab.form.kind, Qt.Key.Key_Down)  # paraphrase
    assert tab.save()
    # The approval is no choice in the form any more (issue 15): the workflow's buttons set it.
    tab.approval.internal_button.setFocus()
    qtbot.keyClick(tab.approval.internal_button, Qt.Key.Key_Space)
    saved = services.quotes.get(quote.id)
    assert (saved.kind, saved.approval_state, saved.version) == (QuoteKind.PARAPHRASE,
                                                                  ApprovalState.INTERNAL_ONLY, 3)  # fmt: skip
    assert saved.text == quote.text
    assert saved.speaker_label == "Oberbürgermeister"
    assert tab.model.index(0, APPROVAL).data() == "✕ Nur intern"


def test_a_stale_quote_is_refused_and_the_text_kept(qtbot, tab, services, visit, prompts):
    quote = factories.quote(services, visit.id)
    tab.refresh()
    tab.table.setCurrentIndex(tab.model.index(0, TEXT))
    tab.form.context.setFocus()
    qtbot.keyClicks(tab.form.context, "Beim Empfang")
    data = tab.form.to_input(visit.id, quote)
    services.quotes.update(quote.id, quote.version, data)  # a colleague saves first
    tab.refresh()  # the change signal; the form keeps the unsaved edits
    assert tab.form.context.text() == "Beim Empfang"
    assert not tab.save()
    assert "geändert" in asked(prompts, "error")[0]
    qtbot.mouseClick(tab.discard_button, Qt.MouseButton.LeftButton)
    assert not tab.has_unsaved_changes()
    assert tab.save()


def test_delete_asks_first(qtbot, tab, services, visit, prompts):
    factories.quote(services, visit.id)
    tab.refresh()
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, TEXT))
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert len(stored(services, visit)) == 1
    prompts.confirm = True
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert stored(services, visit) == []
    assert "Oberbürgermeister" in asked(prompts, "confirm_delete")[0][0]
    assert tab.form.text.toPlainText() == ""
    assert not tab.has_unsaved_changes()


def test_a_new_visit_shows_the_hint_and_disables_everything(qtbot, services, prompts):
    widget = QuotesTab(services, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(widget)
    widget.load(None)
    assert not widget.hint.isHidden()
    assert not any(w.isEnabled() for w in (widget.table, widget.form, widget.new_button,
                                           widget.save_button, widget.delete_button))  # fmt: skip
    assert not widget.has_unsaved_changes()
    assert widget.save()


def test_model_passes_qt_model_tester(qtmodeltester, services, visit, hemsley):
    factories.quote(services, visit.id, speaker_person_id=hemsley.id, text="„Kurz.“")
    factories.quote(services, visit.id, text="„" + "Sehr lang " * 20 + "“", said_on=date(2026, 2, 24))
    model = QuoteTableModel()
    model.set_quotes(services.quotes.list_for_visit(visit.id))
    qtmodeltester.check(model, force_py=True)
    assert model.index(1, TEXT).data().endswith("…")
    assert model.index(1, TEXT).data(Qt.ItemDataRole.ToolTipRole).startswith("„Sehr lang Sehr lang")


def test_everything_works_with_the_change_signal_wired(qtbot, tab, services, visit, hemsley, prompts):
    bus = ChangeBus()
    services.db.add_listener(bus.on_commit)
    bus.changed.connect(lambda _changes: tab.refresh())
    tab.new_quote()
    qtbot.keyClick(tab.form.speaker, Qt.Key.Key_Down)
    qtbot.keyClick(tab.form.speaker.popup(), RETURN)
    tab.form.text.setFocus()
    qtbot.keyClicks(tab.form.text, "Erstens.")
    assert tab.save()
    assert tab.current_quote().text == "Erstens."  # the new quote is selected
    tab.new_quote()
    qtbot.keyClicks(tab.form.speaker, "Isabelle")
    qtbot.keyClick(tab.form.speaker, RETURN)
    tab.form.text.setFocus()
    qtbot.keyClicks(tab.form.text, "Zweitens.")
    assert tab.save()
    assert [q.text for q in stored(services, visit)] == ["Erstens.", "Zweitens."]
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Up)
    assert tab.form.text.toPlainText() == "Erstens."
    services.db.remove_listener(bus.on_commit)
    assert asked(prompts, "error") == []
