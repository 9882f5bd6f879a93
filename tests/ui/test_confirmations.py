"""Confirmations as users read them: a whole sentence that starts with a capital letter, and buttons
that say what they do ("Löschen", "Entfernen", "Wiederherstellen", "Abbrechen"), never Ja/Nein.

The real Prompts build the boxes; only ``answer()`` (the exec) is replaced, by one that reads the box
and clicks the button a test names."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from delegation_app import i18n
from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.people.people_view import PeopleView
from delegation_app.ui.visits.agenda_tab import AgendaTab
from delegation_app.ui.visits.participant_table_model import NAME
from delegation_app.ui.visits.participants_tab import ParticipantsTab

import factories
from ui_support import FakePrompts


class BoxPrompts(FakePrompts):
    """The program's own confirmation boxes; remembers each one and clicks ``self.click``."""

    confirm_delete = Prompts.confirm_delete
    confirm_action = Prompts.confirm_action
    restore_draft = Prompts.restore_draft

    def __init__(self) -> None:
        super().__init__()
        self.boxes: list[dict] = []
        self.click = "Abbrechen"

    def answer(self, box: QMessageBox):
        buttons = {b.text(): b for b in box.buttons()}
        self.boxes.append({"title": box.windowTitle(), "text": box.text(), "buttons": list(buttons),
                           "default": box.defaultButton().text()})  # fmt: skip
        return buttons.get(self.click)


@pytest.fixture
def prompts():
    return BoxPrompts()


@pytest.mark.parametrize(
    ("lang", "question", "afterwards", "buttons"),
    [
        (
            "de",
            "Möchten Sie den Besuch „Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie“ löschen?",
            "Der Besuch kommt in den Papierkorb (Menü Bearbeiten) und kann dort 30 Tage lang "
            "wiederhergestellt werden.",
            ["Löschen", "Abbrechen"],
        ),
        (
            "en",
            "Delete the visit “Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie”?",
            "The visit goes to the recycle bin (Edit menu) and can be restored from there for 30 days.",
            ["Delete", "Cancel"],
        ),
    ],
)
def test_deleting_a_visit_asks_a_whole_sentence(
    qtbot, window, demo_services, prompts, lang, question, afterwards, buttons
):
    i18n.set_language(lang)
    window.visits.delete_current()
    box = prompts.boxes[-1]
    assert box["text"].startswith(question + "\n\n")
    assert box["text"].endswith("\n\n" + afterwards)
    assert box["buttons"] == buttons
    assert box["default"] == buttons[1]  # Enter alone does not delete
    assert len(demo_services.visits.list()) == 1  # Cancel kept it
    prompts.click = buttons[0]
    window.visits.delete_current()
    assert demo_services.visits.list() == []


@pytest.mark.parametrize(
    ("lang", "question", "buttons"),
    [
        ("de", "Möchten Sie Denes Kücük aus diesem Besuch entfernen?", ["Entfernen", "Abbrechen"]),
        ("en", "Remove Denes Kücük from this visit?", ["Remove", "Cancel"]),
    ],
)
def test_a_participant_is_removed_from_the_visit_not_deleted(
    qtbot, services, prompts, lang, question, buttons
):
    i18n.set_language(lang)
    visit = factories.visit(services)
    factories.participation(services, visit.id, factories.person(services).id)
    tab = ParticipantsTab(services, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(tab)
    tab.load(services.visits.get(visit.id))
    tab.table.setCurrentIndex(tab.model.index(0, NAME))
    tab.remove_current()
    assert prompts.boxes[-1]["text"] == question
    assert prompts.boxes[-1]["title"] == buttons[0]
    assert prompts.boxes[-1]["buttons"] == buttons
    assert len(services.participations.list_for_visit(visit.id)) == 1
    prompts.click = buttons[0]
    tab.remove_current()
    assert services.participations.list_for_visit(visit.id) == []


@pytest.mark.parametrize(
    ("lang", "question", "buttons"),
    [
        ("de", "Möchten Sie den Programmpunkt „Empfang im Rathaus“ löschen?", ["Löschen", "Abbrechen"]),
        ("en", "Delete the programme item “Empfang im Rathaus”?", ["Delete", "Cancel"]),
    ],
)
def test_deleting_a_programme_item_asks_a_whole_sentence(qtbot, services, prompts, lang, question, buttons):
    from delegation_app.services.agenda import AgendaItemInput

    i18n.set_language(lang)
    visit = factories.visit(services)
    services.agenda.create(AgendaItemInput(visit_id=visit.id, title="Empfang im Rathaus"))
    tab = AgendaTab(services, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(tab)
    tab.load(services.visits.get(visit.id))
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    tab.delete_current()
    assert prompts.boxes[-1]["text"] == question
    assert prompts.boxes[-1]["buttons"] == buttons


@pytest.mark.parametrize(
    ("lang", "start", "buttons"),
    [
        ("de", "Möchten Sie die Person „Denes Kücük“ löschen?", ["Löschen", "Abbrechen"]),
        ("en", "Delete the person “Denes Kücük”?", ["Delete", "Cancel"]),
    ],
)
def test_deleting_a_person_names_the_person_and_the_recycle_bin(
    qtbot, services, prompts, lang, start, buttons
):
    i18n.set_language(lang)
    factories.person(services)
    bus = ChangeBus()
    services.db.add_listener(bus.on_commit)
    people = PeopleView(services, bus, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(people)
    qtbot.waitUntil(lambda: people.model.rowCount() == 1)
    people.table.selectRow(0)
    people.delete_current()
    text = prompts.boxes[-1]["text"]
    assert text.startswith(start)
    bin_sentence = {"de": "Die Person kommt in den Papierkorb", "en": "The person goes to the recycle"}[lang]
    assert bin_sentence in text
    assert prompts.boxes[-1]["buttons"] == buttons


@pytest.mark.parametrize(
    ("lang", "buttons"), [("de", ["Wiederherstellen", "Verwerfen"]), ("en", ["Restore", "Discard"])]
)
def test_the_draft_of_the_last_session_is_restored_or_discarded(qtbot, prompts, lang, buttons):
    i18n.set_language(lang)
    prompts.click = buttons[0]
    assert prompts.restore_draft(None)
    box = prompts.boxes[-1]
    assert box["buttons"] == buttons
    ending = "Möchten Sie sie jetzt wiederherstellen?" if lang == "de" else "Do you want to restore them now?"
    assert box["text"].endswith(ending)
    assert "Sie wurden" not in box["text"]  # reads as "you were kept"
    prompts.click = buttons[1]
    assert not prompts.restore_draft(None)


def test_escape_answers_cancel(qtbot):
    """The box as the program shows it: Escape is Cancel, and Cancel deletes nothing."""

    class Escaping(Prompts):
        def answer(self, box):
            box.show()
            qtbot.waitExposed(box)
            qtbot.keyClick(box, Qt.Key.Key_Escape)
            return box.clickedButton()

    assert not Escaping().confirm_delete(None, "Möchten Sie den Besuch „X“ löschen?", {})

