"""Pressemitteilung einlesen …: the user pastes a press release, "Auswerten" reads it (the
press reader, no database), the proposals are reviewed — visit fields, the people (each accepted
or not, edited in place, matched to a stored record or created), the quotations with who said
them, each with the sentence it came from — and "Besuch anlegen" writes it all in one operation.

Keys: Ctrl+Return evaluates in the paste area; Tab walks the fields and tables; Space ticks a
row's accept box; Ctrl+S (or the button) creates the visit; Esc closes without writing.
"""

from datetime import date
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from delegation_app.i18n import _, ngettext
from delegation_app.i18n.date_input import DateInputError
from delegation_app.interchange.press_reader import PressReading, read_press_release
from delegation_app.operations.press_import import PressImport, PressPerson, import_press_release
from delegation_app.services.registry import Services
from delegation_app.services.views import VisitView
from delegation_app.ui.common.date_fields import DateField, today
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.visits.press_review_tables import PeopleTable, QuotesTable


class PressReleaseDialog(QDialog):
    created = Signal(int)  # the new visit's id

    def __init__(self, services: Services, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.reading: PressReading | None = None
        self.setWindowTitle(_("Read in a press release"))
        self.resize(1100, 760)
        self.paste = QPlainTextEdit(self)
        self.paste.setAccessibleName(_("Press release text"))
        self.paste.setPlaceholderText(_("Paste the text of a German press release here."))
        paste_label = QLabel(_("&Press release:"), self)
        paste_label.setBuddy(self.paste)
        self.evaluate_button = QPushButton(_("&Evaluate"), self)
        self.evaluate_button.setToolTip(_("Ctrl+Return"))
        self.evaluate_button.clicked.connect(self.evaluate)
        QShortcut(
            QKeySequence("Ctrl+Return"), self.paste, self.evaluate, context=Qt.ShortcutContext.WidgetShortcut
        )
        self.title = QLineEdit(self)
        self.starts_on = DateField(parent=self)
        self.place = QLineEdit(self)
        self.host = QLineEdit(self)
        self.guest = QLineEdit(self)
        form = QFormLayout()
        form.addRow(_("&Title:"), self.title)
        form.addRow(_("&Date:"), self.starts_on)
        form.addRow(_("P&lace:"), self.place)
        form.addRow(_("&Host organisation:"), self.host)
        form.addRow(_("&Guest organisation:"), self.guest)
        self.people = PeopleTable(services, self)
        self.quotes = QuotesTable(self)
        self.source = QLabel(
            self, wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.source.setAccessibleName(_("Where it stands in the release"))
        self.people.currentCellChanged.connect(lambda row, *_a: self._show_source(self.people.sentence(row)))
        self.quotes.currentCellChanged.connect(lambda row, *_a: self._show_source(self.quotes.sentence(row)))
        self.review = QWidget(self)
        review = QVBoxLayout(self.review)
        review.setContentsMargins(0, 0, 0, 0)
        review.addLayout(form)
        people_label = QLabel(
            _("Peo&ple named (tick those to take over; pick the record each one is):"), self
        )
        people_label.setBuddy(self.people)
        review.addWidget(people_label)
        review.addWidget(self.people, 2)
        quotes_label = QLabel(_("&Quotes (tick those to take over; they are saved as “captured”):"), self)
        quotes_label.setBuddy(self.quotes)
        review.addWidget(quotes_label)
        review.addWidget(self.quotes, 2)
        review.addWidget(self.source)
        self.review.setEnabled(False)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(paste_label)
        top_layout.addWidget(self.paste)
        top_layout.addWidget(self.evaluate_button, 0, Qt.AlignmentFlag.AlignLeft)
        splitter = self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.review)
        splitter.setSizes([360, 400])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.addButton(
            _("&Create visit"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setEnabled(False)
        self.create_button.setToolTip(_("Ctrl+S"))
        self.buttons.accepted.connect(self.create_visit)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.create_visit)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.buttons)

    def _show_source(self, sentence: str) -> None:
        self.source.setText(_("From the release: {sentence}").format(sentence=sentence) if sentence else "")

    def evaluate(self) -> None:
        text = self.paste.toPlainText()
        if not text.strip():
            self._show_source(_("Paste a press release first."))
            return
        reading = self.reading = read_press_release(text)
        visit = reading.visit
        self.title.setText(visit.title)
        self.starts_on.set_value(date.fromisoformat(visit.starts_on) if visit.starts_on else None)
        self.place.setText(visit.place or "")
        self.host.setText(visit.host or "")
        self.guest.setText(visit.guest or "")
        self.people.load(reading.people)
        self.quotes.load(reading.quotes, reading.people)
        self.review.setEnabled(True)
        self.splitter.setSizes([120, max(400, self.splitter.height() - 120)])  # room for the review
        self.create_button.setEnabled(True)
        people, quotes = len(reading.people), len(reading.quotes)
        found = ngettext("Found: {count} person,", "Found: {count} people,", people).format(count=people)
        checked = ngettext(
            "{count} quote. Check each proposal before you create the visit.",
            "{count} quotes. Check each proposal before you create the visit.",
            quotes,
        ).format(count=quotes)
        self.source.setText(f"{found} {checked}")
        self.title.setFocus()

    def collected(self) -> PressImport:
        """What the user accepted, as edited; raises DateInputError for an unreadable date."""
        starts_on = self.starts_on.date_value()
        accepted: dict[int, int] = {}
        people: list[PressPerson] = []
        for row in range(self.people.rowCount()):
            if self.people.accepted(row):
                accepted[row] = len(people)
                people.append(self.people.person(row))
        quotes = [
            self.quotes.quote(row, accepted)
            for row in range(self.quotes.rowCount())
            if self.quotes.accepted(row)
        ]
        return PressImport(
            title=self.title.text().strip(),
            release_text=self.paste.toPlainText(),
            starts_on=starts_on,
            place=self.place.text().strip() or None,
            host=self.host.text().strip() or None,
            guest=self.guest.text().strip() or None,
            people=people,
            quotes=quotes,
            received_on=today(),
        )

    def create_visit(self) -> None:
        if self.reading is None:
            return
        try:
            data = self.collected()
        except DateInputError as exc:
            self._show_source(str(exc))
            self.starts_on.setFocus()
            return
        self.runner.now(self, partial(import_press_release, data=data), self._created)

    def _created(self, visit: VisitView) -> None:
        self.created.emit(visit.id)
        self.accept()
