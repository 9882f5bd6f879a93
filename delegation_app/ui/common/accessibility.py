"""What a screen reader gets beyond each widget's name (README, "Barrierefreiheit").

- ``announce``: a sentence spoken without moving the focus (Qt's announcement event, which reaches
  AT-SPI on Linux as ``object:announcement`` and UI Automation on Windows as a notification).
  Used for the overdue notice, every status-bar message and a save refused for a field.
- ``AnnouncingStatusBar``: the one place status messages are announced. Python's
  ``statusBar().showMessage(…)`` comes here; the hover texts of menu entries, which Qt shows
  itself, do not, so they are not read out twice.
- ``name_clear_button``: the clear button Qt puts into a line edit has neither a name nor the
  focus; it gets a name and a tooltip with the keys that do the same (Strg+A, Entf).

Qt 6.11 cannot say more than that: no state of Qt's reaches AT-SPI as "invalid entry", and a line
edit's accessible object (Qt's own, which carries its text) has no "described by" relation. A
field's error is therefore its accessible description ("Fehler: …", see forms.FieldForm) and an
announcement when it appears.
"""

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLineEdit, QStatusBar, QToolButton, QWidget

from delegation_app.i18n import _
from delegation_app.ui.common.key_names import native


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Have a screen reader say ``text`` (polite: after what it is saying; assertive: at once,
    for an error the user must hear before going on). Nothing happens without one running."""
    if not text.strip():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


class AnnouncingStatusBar(QStatusBar):
    def showMessage(self, text: str, /, timeout: int | None = 0) -> None:
        super().showMessage(text, timeout or 0)
        announce(self, text)


def name_clear_button(edit: QLineEdit) -> QLineEdit:
    """Names the clear button of ``edit`` (``setClearButtonEnabled(True)`` first) and says the
    keys that clear the field: the button stays out of the Tab order, as in every Qt program."""
    keys = _("{select_all}, {delete}").format(select_all=native("Ctrl+A"), delete=native("Del"))
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(_("Clear"))
        button.setToolTip(_("Clear ({keys})").format(keys=keys))
    return edit
