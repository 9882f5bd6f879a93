"""The filter row of the Follow-ups view: whose (mine / all), which visit, which person, done too.

The person is chosen by typing (a combo box of 100,000 people cost a second at start)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QWidget

from delegation_app.i18n import _
from delegation_app.services.registry import Services
from delegation_app.ui.common.record_chooser import PersonChooser

MINE, ALL = "mine", "all"


def refill(combo: QComboBox, first: str, items: list[tuple[str, int]]) -> None:
    """Replace the entries after ``first`` (meaning "any"), keeping the chosen one if it is still there."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(first, None)
    for text, record_id in items:
        combo.addItem(text, record_id)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)
    if combo.currentData() != chosen:
        combo.currentIndexChanged.emit(combo.currentIndex())


class FollowUpFilters(QWidget):
    changed = Signal()

    def __init__(self, services: Services, parent=None) -> None:
        super().__init__(parent)
        self.visit_titles: dict[int, str] = {}
        self.whose = QComboBox(self)
        self.whose.addItem(_("Mine"), MINE)
        self.whose.addItem(_("All"), ALL)
        self.visit = QComboBox(self)
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
            if isinstance(combo, PersonChooser):
                combo.chosen_changed.connect(self.changed)
            elif isinstance(combo, QComboBox):
                combo.currentIndexChanged.connect(self.changed)
            grid.addWidget(caption, index // 2, 2 * (index % 2))
            grid.addWidget(combo, index // 2, 2 * (index % 2) + 1)
        # long titles must not widen the window
        self.visit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.visit.setMinimumContentsLength(14)
        grid.addWidget(self.show_done, 1, 2, 1, 2)
        self.show_done.toggled.connect(self.changed)

    def load_choices(self, services: Services) -> None:
        visits = services.visits.choices()
        refill(self.visit, _("All visits"), visits)
        self.visit_titles = {visit_id: title for title, visit_id in visits}  # for the list's column
        chosen = self.person.current_id()
        if chosen is not None and not self.person.hasFocus():  # never under the user's typing
            self.person.set_current(chosen)  # renamed, or deleted (then nobody) meanwhile
            if self.person.current_id() is None:
                self.changed.emit()

    def mine(self) -> bool:
        return self.whose.currentData() == MINE

    def set_mine(self, mine: bool) -> None:
        self.whose.setCurrentIndex(self.whose.findData(MINE if mine else ALL))

    def reset(self) -> None:
        """Everything open: all owners, all visits, all people, no done ones; ``changed`` once."""
        self.blockSignals(True)  # one reload after all four, not one per filter
        self.visit.setCurrentIndex(0)
        self.person.set_current(None)
        self.set_mine(False)
        self.show_done.setChecked(False)
        self.blockSignals(False)
        self.changed.emit()
