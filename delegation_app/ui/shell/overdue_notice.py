"""The notice at start: how many follow-ups are overdue or due today; a click opens them.

A yellow box under the navigation (not a modal box, and it takes no room from the views, whatever
the window's size): it says the numbers in words, with a warning sign, and stays until the user
opens the follow-ups or hides it. It updates itself when follow-ups change, and goes when nothing
is overdue or due any more. A screen reader hears it when it appears and whenever its numbers
change (an announcement: the focus stays where it is).
"""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout

from delegation_app.i18n import _, ngettext
from delegation_app.i18n.formatting import format_count
from delegation_app.services.registry import Services
from delegation_app.ui.common.accessibility import announce
from delegation_app.ui.common.change_bus import ChangeBus

# The palette's tooltip colours: light yellow on the usual palette, the theme's own in high
# contrast (a fixed yellow under the theme's white text could not be read).
STYLE = (
    "OverdueNotice { background: palette(tooltip-base); border: 1px solid palette(mid); border-radius: 3px; }"
    " OverdueNotice > QLabel { color: palette(tooltip-text); }"
)


def notice_text(overdue: int, due_today: int) -> str:
    parts = []
    if overdue:
        parts.append(
            ngettext("{n} follow-up is overdue", "{n} follow-ups are overdue", overdue).format(
                n=format_count(overdue)
            )
        )
    if due_today:
        parts.append(
            ngettext("{n} follow-up is due today", "{n} follow-ups are due today", due_today).format(
                n=format_count(due_today)
            )
        )
    return ", ".join(parts) + "."


class OverdueNotice(QFrame):
    open_requested = Signal()

    def __init__(
        self, services: Services, bus: ChangeBus, clock: Callable[[], datetime], parent=None
    ) -> None:
        super().__init__(parent)
        self.services, self.clock = services, clock
        self.setAccessibleName(_("Follow-ups due"))
        self.setStyleSheet(STYLE)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.open_button = QPushButton(_("Show them"), self)
        self.open_button.setToolTip(_("Open the follow-ups"))
        self.open_button.clicked.connect(self._open)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setToolTip(_("Hide this notice"))
        self.close_button.setAccessibleName(_("Hide this notice"))
        self.close_button.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button, 1)
        buttons.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.text)
        column.addLayout(buttons)
        self.counts = (0, 0)
        self._said = ""  # the text last announced: a change is said again, a repeat is not
        self.hide()
        bus.changed.connect(self._changed)

    def check(self) -> None:
        """Count again; show the notice when something is overdue or due today."""
        self.counts = self.services.followups.overdue_or_due(self.clock().date())
        if any(self.counts):
            self.text.setText("⚠ " + notice_text(*self.counts))  # a sign as well as the colour
        self.setVisible(any(self.counts))
        self._announce_when_seen()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._announce_when_seen()

    def _announce_when_seen(self) -> None:
        """Said once it is on screen (at start the window is not shown yet when it is counted),
        after the events of the window's appearance, so a screen reader says it after the title."""
        text = notice_text(*self.counts) if any(self.counts) else ""
        if text and text != self._said and self.isVisible():
            self._said = text
            QTimer.singleShot(0, self, lambda: announce(self, text))
        elif not text:
            self._said = ""

    def _changed(self, changes) -> None:
        if not self.isHidden() and "follow_up" in ChangeBus.tables(changes):
            self.check()  # marked done elsewhere: the numbers follow, or the notice goes

    def _open(self) -> None:
        self.hide()
        self.open_requested.emit()
