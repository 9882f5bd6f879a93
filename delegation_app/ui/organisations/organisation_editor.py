"""The organisation form: name, kind, city, country, website, notes."""

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from delegation_app.domain.enums import OrganisationKind
from delegation_app.i18n import _
from delegation_app.i18n.labels import label
from delegation_app.operations.records import RecordKind
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.registry import Services
from delegation_app.services.views import OrganisationView
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.people.people_record_editor import RecordEditor, text_of


class OrganisationEditor(RecordEditor):
    def __init__(self, services: Services, prompts: Prompts, runner: OperationRunner, parent=None) -> None:
        self.new_title = _("New organisation")
        self.save_text = _("&Save organisation")
        self.nothing_text = _("Select an organisation in the list, or create a new one.")
        super().__init__(services, services.organisations, RecordKind.ORGANISATION, prompts, runner, parent)

    def _build(self) -> None:
        page, add = self.form_page, self.form.add
        self.name = self._watch(add("name", _("Na&me:"), QLineEdit(page)))
        self.kind = self._watch(add("kind", _("&Kind:"), QComboBox(page)))
        for kind in OrganisationKind:
            self.kind.addItem(label(kind), kind.value)
        self.city = self._watch(add("city", _("C&ity:"), QLineEdit(page)))
        self.country = self._watch(add("country", _("Co&untry:"), QLineEdit(page)))
        self.country.setPlaceholderText(_("Two-letter code"))
        self.website = self._watch(add("website", _("&Website:"), QLineEdit(page)))
        self.notes = self._watch(add("notes", _("N&otes:"), QPlainTextEdit(page)))
        self.first_input = self.name

    def _fill(self, org: OrganisationView | None) -> None:
        self.name.setText(org.name if org else "")
        kind = org.kind if org else OrganisationKind.OTHER
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.city.setText((org and org.city) or "")
        self.country.setText((org and org.country) or "")
        self.website.setText((org and org.website) or "")
        self.notes.setPlainText((org and org.notes) or "")

    def to_input(self) -> OrganisationInput:
        return OrganisationInput(
            name=self.name.text().strip(),
            kind=self.kind.currentData(),
            city=text_of(self.city),
            country=text_of(self.country),
            website=text_of(self.website),
            notes=self.notes.toPlainText().strip() or None,
        )

    def title_of(self, org: OrganisationView) -> str:
        return org.name

    def what(self) -> str:
        if self.record is None:
            return _("The new organisation")
        return _("The organisation “{name}”").format(name=self.record.name)
