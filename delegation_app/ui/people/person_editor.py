"""The person form: name, function, organisation, contact details, where the data came from.

Phones: one office and one mobile line; numbers are shown back per DIN 5008 after saving
("06181 3000-6069"). Further numbers a person has (fax, a second line) are kept unchanged.
"""

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from delegation_app.domain.enums import DataSource, PhoneKind
from delegation_app.i18n import _
from delegation_app.i18n.labels import label
from delegation_app.operations.records import RecordKind
from delegation_app.services.base import Choices
from delegation_app.services.people import PersonInput, PhoneInput
from delegation_app.services.registry import Services
from delegation_app.services.views import PersonView
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.people.people_record_editor import RecordEditor, text_of

NO_ORGANISATION = 0  # the combo's data for "— none —"
PHONE_EXAMPLE = "06181 3000-6069"


class PersonEditor(RecordEditor):
    def __init__(self, services: Services, prompts: Prompts, runner: OperationRunner, parent=None) -> None:
        self.services = services
        self.new_title = _("New person")
        self.save_text = _("&Save person")
        self.nothing_text = _("Select a person in the list, or create a new one.")
        self._extra_phones: list[PhoneInput] = []
        self._source_date: date | None = None
        self._organisations: Choices | None = None  # the list the combo box shows
        super().__init__(services, services.people, RecordKind.PERSON, prompts, runner, parent)

    def _build(self) -> None:
        page, add = self.form_page, self.form.add

        def line(field: str, text: str) -> QLineEdit:
            return self._watch(add(field, text, QLineEdit(page)))

        self.title_edit = line("title", _("&Title:"))
        self.first_name = line("first_name", _("F&irst name:"))
        self.last_name = line("last_name", _("&Last name:"))
        # Salutation and Department go without Alt+letter: rarely typed, and the form, the view and
        # the menus use up the letters (in German too). Tab from the field above reaches them.
        self.salutation = line("salutation", _("Salutation:"))
        self.function = line("function", _("F&unction:"))
        self.department = line("department", _("Department:"))
        self.organisation = self._watch(add("organisation_id", _("Or&ganisation:"), QComboBox(page)))
        self.email = line("email", _("E&mail:"))
        self.email.setPlaceholderText("name@stadt.de")
        self.office_phone = line("phone_office", _("Office &phone:"))
        self.mobile_phone = line("phone_mobile", _("Mo&bile phone:"))
        self.office_phone.setPlaceholderText(PHONE_EXAMPLE)
        self.mobile_phone.setPlaceholderText("0171 2345678")
        self.own_staff = self._watch(add("is_own_staff", _("O&wn staff:"), QCheckBox(page)))
        self.source = self._watch(add("source", _("Sou&rce:"), QComboBox(page)))
        for source in DataSource:
            self.source.addItem(label(source), source.value)
        self.source_note = line("source_note", _("Source remar&k:"))
        self.notes = self._watch(add("notes", _("N&otes:"), QPlainTextEdit(page)))
        self.first_input = self.title_edit

    def refresh_choices(self) -> None:
        choices = self.services.organisations.choices()
        if choices is self._organisations:  # unchanged: refilling 5,000 names costs ~20 ms a click
            return
        self._organisations = choices
        chosen = self.organisation.currentData() or NO_ORGANISATION
        self.organisation.blockSignals(True)
        self.organisation.clear()
        self.organisation.addItem(_("— none —"), NO_ORGANISATION)
        for name, org_id in choices:
            self.organisation.addItem(name, org_id)
        self.organisation.setCurrentIndex(max(self.organisation.findData(chosen), 0))
        self.organisation.blockSignals(False)

    def _fill(self, person: PersonView | None) -> None:
        def put(edit: QLineEdit, value: str | None) -> None:
            edit.setText(value or "")

        put(self.title_edit, person.title if person else None)
        put(self.first_name, person.first_name if person else None)
        put(self.last_name, person.last_name if person else None)
        put(self.salutation, person.salutation if person else None)
        put(self.function, person.function if person else None)
        put(self.department, person.department if person else None)
        put(self.email, person.email if person else None)
        put(self.source_note, person.source_note if person else None)
        org = person.organisation_id if person and person.organisation_id else NO_ORGANISATION
        self.organisation.setCurrentIndex(max(self.organisation.findData(org), 0))
        self.own_staff.setChecked(bool(person and person.is_own_staff))
        source = person.source if person else DataSource.UNKNOWN
        self.source.setCurrentIndex(self.source.findData(source.value))
        self.notes.setPlainText((person and person.notes) or "")
        self._source_date = person.source_date if person else None
        # The first office and the first mobile number go into the form; any others are kept.
        office = mobile = None
        self._extra_phones = []
        for phone in person.phones if person else ():
            if phone.kind == PhoneKind.OFFICE and office is None:
                office = phone.display
            elif phone.kind == PhoneKind.MOBILE and mobile is None:
                mobile = phone.display
            else:
                self._extra_phones.append(PhoneInput(phone.display, phone.kind))
        put(self.office_phone, office)
        put(self.mobile_phone, mobile)

    def _phones(self) -> list[tuple[str, PhoneInput]]:
        """(form field, phone) in the order they are saved."""
        typed = [
            ("phone_office", text_of(self.office_phone), PhoneKind.OFFICE),
            ("phone_mobile", text_of(self.mobile_phone), PhoneKind.MOBILE),
        ]
        phones = [(field, PhoneInput(number, kind)) for field, number, kind in typed if number]
        return phones + [("phone_office", phone) for phone in self._extra_phones]

    def to_input(self) -> PersonInput:
        return PersonInput(
            title=text_of(self.title_edit),
            first_name=text_of(self.first_name),
            last_name=self.last_name.text().strip(),
            salutation=text_of(self.salutation),
            function=text_of(self.function),
            department=text_of(self.department),
            organisation_id=self.organisation.currentData() or None,
            email=text_of(self.email),
            phones=[phone for _field, phone in self._phones()],
            notes=self.notes.toPlainText().strip() or None,
            is_own_staff=self.own_staff.isChecked(),
            source=self.source.currentData(),
            source_note=text_of(self.source_note),
            source_date=self._source_date,
        )

    def _field_errors(self, errors: dict[str, str]) -> dict[str, str]:
        """ "phones.1" → the line it was typed in (office or mobile)."""
        fields = [field for field, _phone in self._phones()]
        mapped: dict[str, str] = {}
        for key, message in errors.items():
            if key == "phones" or key.startswith("phones."):
                index = key.partition(".")[2]
                key = fields[int(index)] if index.isdigit() and int(index) < len(fields) else "phone_office"
            mapped.setdefault(key, message)
        return mapped

    def title_of(self, person: PersonView) -> str:
        return person.display_name

    def what(self) -> str:
        if self.record is None:
            return _("The new person")
        return _("The person “{name}”").format(name=self.record.display_name)
