"""Choosing an organisation by typing, and creating one in place: "„Stadt Lublin“ neu anlegen…"
opens a small dialog (name as typed, kind, city); the new organisation is then chosen."""

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from delegation_app.domain.enums import OrganisationKind
from delegation_app.i18n import _
from delegation_app.i18n.labels import label
from delegation_app.operations.records import RecordKind
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.registry import Services
from delegation_app.services.views import OrganisationView
from delegation_app.ui.common.new_record_dialog import Creating, NewRecordDialog
from delegation_app.ui.common.record_chooser import Match, RecordChooser


class NewOrganisationDialog(NewRecordDialog):
    def __init__(self, creating: Creating, typed: str, parent: QWidget | None = None) -> None:
        super().__init__(creating, RecordKind.ORGANISATION, _("New organisation"), parent)
        self.name = self.form.add("name", _("Na&me:"), QLineEdit(self))
        self.kind = self.form.add("kind", _("&Kind:"), QComboBox(self))
        for kind in OrganisationKind:
            self.kind.addItem(label(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(OrganisationKind.OTHER.value))
        self.city = self.form.add("city", _("C&ity:"), QLineEdit(self))
        self.name.setText(" ".join(typed.split()))
        self.name.setMinimumWidth(self.name.fontMetrics().averageCharWidth() * 40)
        self._data = self.to_input

    def to_input(self) -> OrganisationInput:
        return OrganisationInput(
            name=self.name.text().strip(),
            kind=self.kind.currentData(),
            city=self.city.text().strip() or None,
        )


def organisation_match(org: OrganisationView) -> Match:
    return Match(org.id, org.name, f"{org.name} — {org.city}" if org.city else org.name)


def organisation_chooser(
    services: Services,
    parent: QWidget | None = None,
    *,
    creating: Creating | None = None,
    placeholder: str | None = None,
) -> RecordChooser:
    """``creating``: offer to create an organisation that is not there yet."""

    def create(typed: str) -> None:
        dialog = NewOrganisationDialog(creating, typed, chooser) if creating else None
        if dialog is None:
            return
        dialog.created.connect(lambda org: chooser.choose(org.id, org.name))
        chooser.open_dialog(dialog)

    chooser = RecordChooser(
        lambda text: [organisation_match(o) for o in services.organisations.list(text, limit=20)],
        lambda org_id: services.organisations.get(org_id).name,
        parent,
        placeholder=_("— none —") if placeholder is None else placeholder,
        create=create if creating is not None else None,
    )
    return chooser
