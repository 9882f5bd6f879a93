"""The filter row of the Follow-ups view: whose (mine / all), which visit, which person, done too.

The visit and the person are chosen by typing (combo boxes of 100,000 visits or people cost
a second and tens of MB at start, and again at every change)."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QWidget

from delegation_app.i18n import _
from delegation_app.services.registry import Services
from delegation_app.ui.common.record_chooser import PersonChooser, RecordChooser
from delegation_app.ui.common.visit_choice import visit_chooser

MINE, ALL = "mine", "all"


class FollowUpFilters(QWidget):
    changed = Signal()

    def __init__(self, services: Services, parent=None, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.whose = QComboBox(self)
        self.whose.addItem(_("Mine"), MINE)
        self.whose.addItem(_("All"), ALL)
        self.visit = visit_chooser(services, self, placeholder=_("All visits"), today=today)
        self.person = PersonChooser(
            lambda text: services.people.list(text, limit=20),
            lambda person_id: services.people.get(person_id).display_name,
            self,
            placeholder=_("All people"),
        )
        self.show_done = QCheckBox(_("Show &done ones too"), self)
        grid = QGridLayout(self)  # two rows: the view must fit a small window
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for index, (text, combo, name) in enumerate(
            (
                (_("&Show:"), self.whose, _("Whose follow-ups")),
                (_("V&isit:"), self.visit, _("Follow-ups of the visit")),
                (_("&Person:"), self.person, _("Follow-ups concerning the person")),
            )
        ):
            caption = QLabel(text, self)
            caption.setBuddy(combo)
            combo.setAccessibleName(name)
            if isinstance(combo, RecordChooser):
                combo.chosen_changed.connect(self.changed)
            elif isinstance(combo, QComboBox):
                combo.currentIndexChanged.connect(self.changed)
            grid.addWidget(caption, index // 2, 2 * (index % 2))
            grid.addWidget(combo, index // 2, 2 * (index % 2) + 1)
        grid.addWidget(self.show_done, 1, 2, 1, 2)
        self.show_done.toggled.connect(self.changed)

    def refresh_chosen(self) -> None:
        """The chosen visit's and person's names again: renamed, or deleted (then none) meanwhile."""
        for chooser in (self.visit, self.person):
            chosen = chooser.current_id()
            if chosen is not None and not chooser.hasFocus():  # never under the user's typing
                chooser.set_current(chosen)
                if chooser.current_id() is None:
                    self.changed.emit()

    def set_visit(self, visit_id: int | None) -> None:
        """Only this visit's follow-ups (its title shown in the field); ``changed`` when it differs."""
        if visit_id != self.visit.current_id():
            self.visit.set_current(visit_id)
            self.changed.emit()

    def mine(self) -> bool:
        return self.whose.currentData() == MINE

    def set_mine(self, mine: bool) -> None:
        self.whose.setCurrentIndex(self.whose.findData(MINE if mine else ALL))

    def reset(self) -> None:
        """Everything open: all owners, all visits, all people, no done ones; ``changed`` once."""
        self.blockSignals(True)  # one reload after all four, not one per filter
        self.visit.set_current(None)
        self.person.set_current(None)
        self.set_mine(False)
        self.show_done.setChecked(False)
        self.blockSignals(False)
        self.changed.emit()
