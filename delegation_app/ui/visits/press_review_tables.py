"""The two review tables of the press release dialog: the people named (accept, name, function,
organisation, side, the record they are) and the quotations (accept, text, who said it). Each
row keeps the sentence it came from, shown under the tables for the current row."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTableWidget, QTableWidgetItem, QWidget

from delegation_app.i18n import N_, _
from delegation_app.interchange.press_matching import person_candidates
from delegation_app.interchange.press_reader import PersonProposal, QuoteProposal
from delegation_app.operations.press_import import PressPerson, PressQuote
from delegation_app.services.registry import Services
from delegation_app.ui.common.table_view import leave_on_tab

SIDES = (("delegation", N_("Delegation")), ("host", N_("Host")), (None, N_("Not at the visit")))
NEW_RECORD = -1


def _check_item(text: str, sentence: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked)
    item.setData(Qt.ItemDataRole.UserRole, sentence)
    item.setToolTip(sentence)
    return item


class _ReviewTable(QTableWidget):
    def __init__(self, headers: list[str], name: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        leave_on_tab(self)

    def accepted(self, row: int) -> bool:
        item = self.item(row, 0)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def sentence(self, row: int) -> str:
        item = self.item(row, 0)
        return str(item.data(Qt.ItemDataRole.UserRole) or "") if item else ""

    def text_at(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item else ""


class PeopleTable(_ReviewTable):
    """Columns: the name (with its accept box), function, organisation, side, record."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        headers = [_("Name"), _("Function"), _("Organisation"), _("Side"), _("Record")]
        super().__init__(headers, _("People named in the press release"), parent)
        self.services = services

    def load(self, people: list[PersonProposal]) -> None:
        self.setRowCount(0)
        for person in people:
            row = self.rowCount()
            self.insertRow(row)
            sentence = person.evidence.sentence if person.evidence else ""
            shown = " ".join(part for part in (person.title, person.name) if part)
            self.setItem(row, 0, _check_item(shown, sentence))
            self.setItem(row, 1, QTableWidgetItem(person.function or ""))
            self.setItem(row, 2, QTableWidgetItem(person.organisation or ""))
            side = QComboBox(self)
            for value, label in SIDES:
                side.addItem(_(label), value)
            side.setCurrentIndex(next(i for i, (value, _label) in enumerate(SIDES) if value == person.side))
            side.setAccessibleName(_("Side"))
            self.setCellWidget(row, 3, side)
            record = QComboBox(self)
            record.setAccessibleName(_("Record"))
            record.addItem(_("Create new"), NEW_RECORD)
            for candidate in person_candidates(self.services, person.first_name, person.last_name):
                details = ", ".join(p for p in (candidate.function, candidate.organisation_name) if p)
                label = candidate.display_name + (f" ({details})" if details else "")
                record.addItem(_("Existing: {person}").format(person=label), candidate.id)
            record.setCurrentIndex(1 if record.count() > 1 else 0)  # a match found is the likely one
            self.setCellWidget(row, 4, record)
        self.resizeColumnsToContents()

    def names(self) -> list[str]:
        return [self.text_at(row, 0) for row in range(self.rowCount())]

    def person(self, row: int) -> PressPerson:
        """The row as the user left it; the name's last word is the last name."""
        words = self.text_at(row, 0).split()
        titles = [w for w in words[:-1] if w.endswith(".")]
        names = [w for w in words if w not in titles]
        side = self.cellWidget(row, 3)
        record = self.cellWidget(row, 4)
        chosen = record.currentData() if isinstance(record, QComboBox) else NEW_RECORD
        return PressPerson(
            last_name=names[-1] if names else "",
            first_name=" ".join(names[:-1]) or None,
            title=" ".join(titles) or None,
            function=self.text_at(row, 1) or None,
            organisation=self.text_at(row, 2) or None,
            side=side.currentData() if isinstance(side, QComboBox) else None,
            existing_id=None if chosen == NEW_RECORD else int(chosen),
        )


class QuotesTable(_ReviewTable):
    """Columns: the quotation (with its accept box) and who said it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([_("Quote"), _("Said by")], _("Quotes in the press release"), parent)

    def load(self, quotes: list[QuoteProposal], people: list[PersonProposal]) -> None:
        self.setRowCount(0)
        for quote in quotes:
            row = self.rowCount()
            self.insertRow(row)
            self.setItem(row, 0, _check_item(quote.text, quote.evidence.sentence if quote.evidence else ""))
            speaker = QComboBox(self)
            speaker.setAccessibleName(_("Said by"))
            speaker.addItem(_("Nobody named"), None)
            for index, person in enumerate(people):
                speaker.addItem(person.name, index)
            if quote.speaker is not None:
                speaker.setCurrentIndex(people.index(quote.speaker) + 1)
            self.setCellWidget(row, 1, speaker)
        self.setColumnWidth(0, 520)

    def quote(self, row: int, accepted_people: dict[int, int]) -> PressQuote:
        """The row as the user left it; ``accepted_people`` maps a people row to its place among
        the people accepted (a speaker who was rejected is kept as a name only)."""
        speaker = self.cellWidget(row, 1)
        index = speaker.currentData() if isinstance(speaker, QComboBox) else None
        label = speaker.currentText() if isinstance(speaker, QComboBox) and index is not None else None
        return PressQuote(
            self.text_at(row, 0).strip('„“"»«'),
            accepted_people.get(index) if index is not None else None,
            label,
        )
