"""The filter row of the Follow-ups view: whose (mine / all), which visit, which person, done too."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QWidget

from delegation_app.i18n import _
from delegation_app.services.registry import Services

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

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.whose = QComboBox(self)
        self.whose.addItem(_("Mine"), MINE)
        self.whose.addItem(_("All"), ALL)
        self.visit = QComboBox(self)
        self.person = QComboBox(self)
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
            combo.currentIndexChanged.connect(self.changed)
            grid.addWidget(caption, index // 2, 2 * (index % 2))
            grid.addWidget(combo, index // 2, 2 * (index % 2) + 1)
        for combo in (self.visit, self.person):  # long titles must not widen the window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        grid.addWidget(self.show_done, 1, 2, 1, 2)
        self.show_done.toggled.connect(self.changed)

    def load_choices(self, services: Services) -> None:
        refill(self.visit, _("All visits"), services.visits.choices())
        refill(self.person, _("All people"), services.people.choices())

    def mine(self) -> bool:
        return self.whose.currentData() == MINE

    def set_mine(self, mine: bool) -> None:
        self.whose.setCurrentIndex(self.whose.findData(MINE if mine else ALL))

    def reset(self) -> None:
        """Everything open: all owners, all visits, all people, no done ones."""
        for combo in (self.visit, self.person):
            combo.setCurrentIndex(0)
        self.set_mine(False)
        self.show_done.setChecked(False)
