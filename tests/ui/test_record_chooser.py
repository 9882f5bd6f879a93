"""Choosing a person by typing: matches in a popup, Enter chooses, typing alone chooses nobody."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from delegation_app.services.people import PersonInput
from delegation_app.ui.common.record_chooser import PersonChooser


def chooser_over(qtbot, services):
    parent = QWidget()
    qtbot.addWidget(parent)
    chooser = PersonChooser(
        lambda text: services.people.list(text, limit=20),
        lambda person_id: services.people.get(person_id).display_name,
        parent,
    )
    label = QLabel("&Person:", parent)
    label.setBuddy(chooser)
    parent.show()
    chosen = []
    chooser.chosen_changed.connect(chosen.append)
    chooser.keep_alive = parent  # the test holds the chooser only; its window must live as long
    return chooser, chosen


def test_enter_right_after_typing_chooses_the_only_match(qtbot, services):
    kucuk = services.people.create(PersonInput(last_name="Küçük", first_name="Deniz"))
    services.people.create(PersonInput(last_name="Kuhn", first_name="Dominik"))
    chooser, chosen = chooser_over(qtbot, services)
    chooser.setFocus()
    qtbot.keyClicks(chooser, "kucuk")  # folded: finds Küçük
    qtbot.keyClick(chooser, Qt.Key.Key_Return)  # before the pause after typing ended
    assert chooser.current_id() == kucuk.id
    assert chooser.text() == "Deniz Küçük"
    assert chosen == [kucuk.id]


def test_several_matches_stay_open_and_down_enter_chooses(qtbot, services):
    services.people.create(PersonInput(last_name="Kuhn", first_name="Dominik"))
    kuhne = services.people.create(PersonInput(last_name="Kuhne", first_name="Anna"))
    chooser, chosen = chooser_over(qtbot, services)
    chooser.setFocus()
    qtbot.keyClicks(chooser, "kuh")
    qtbot.keyClick(chooser, Qt.Key.Key_Return)
    popup = chooser.completer_.popup()
    assert popup.isVisible()
    assert chooser.current_id() is None
    assert chooser.text() == "kuh"  # nothing typed is lost
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert chooser.current_id() == kuhne.id
    assert chosen == [kuhne.id]


def test_a_person_deleted_meanwhile_shows_as_nobody(qtbot, services):
    gone = services.people.create(PersonInput(last_name="Weg"))
    services.people.delete(gone.id, gone.version, confirmed=True)
    chooser, chosen = chooser_over(qtbot, services)
    chooser.set_current(gone.id)
    assert chooser.current_id() is None
    assert chooser.text() == ""
    assert chosen == []  # set by the program: no signal
