"""The person form: name, function, organisation, contact details, where the data came from.

Phones: one office and one mobile line; numbers are shown back per DIN 5008 after saving
("06181 3000-6069"). Further numbers a person has (fax, a second line) are kept unchanged.
"""

from datetime import date
from functools import partial
from typing import cast

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from delegation_app.domain.enums import DataSource, PhoneKind
from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.i18n.labels import label
from delegation_app.operations.erasure import ErasureOutcome
from delegation_app.operations.records import RecordKind
from delegation_app.services.erasure import ErasurePlan, plan_erasure
from delegation_app.services.people import PersonInput, PhoneInput
from delegation_app.services.registry import Services
from delegation_app.services.views import PersonView
from delegation_app.ui.common.new_record_dialog import Creating
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.organisation_choice import organisation_chooser
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.people.erasure_dialog import ErasureDialog, left_in_file
from delegation_app.ui.people.people_record_editor import EDIT, RecordEditor, text_of


class PersonEditor(RecordEditor):
    def __init__(self, services: Services, prompts: Prompts, runner: OperationRunner, parent=None) -> None:
        self.services = services
        self.new_title = _("New person")
        self.save_text = _("&Save person")
        self.nothing_text = _("Select a person in the list, or create a new one.")
        self._extra_phones: list[PhoneInput] = []
        self._source_date: date | None = None
        super().__init__(services, services.people, RecordKind.PERSON, prompts, runner, parent)
        self._add_erasure_buttons()

    def _add_erasure_buttons(self) -> None:
        """Art. 17: apart from Delete (to the recycle bin) in the list; each asks in a dialog first."""
        self.anonymise_button = QPushButton(_("Anonymise…"), self)
        self.erase_button = QPushButton(_("Delete for good (Art. 17)…"), self)
        self.erasure_dialog: ErasureDialog | None = None
        row = QHBoxLayout()
        row.addStretch(1)
        for button, anonymise in ((self.anonymise_button, True), (self.erase_button, False)):
            button.clicked.connect(partial(self.ask_erasure, anonymise))
            button.setEnabled(False)
            row.addWidget(button)
        cast(QVBoxLayout, self.layout()).addLayout(row)

    def _show(self, mode: str, record) -> None:
        super()._show(mode, record)
        self._erasure_buttons_on(mode == EDIT)

    def _erasure_buttons_on(self, on: bool) -> None:
        for button in getattr(self, "erase_button", None), getattr(self, "anonymise_button", None):
            if button is not None:
                button.setEnabled(on)

    def ask_erasure(self, anonymise: bool) -> None:
        """What goes is gathered on the worker: finding every mention reads all free text and
        the change history (seconds on a large database); then the question."""
        if self.record is None or not self.maybe_leave():
            return
        person_id = self.record.id
        self._erasure_buttons_on(False)  # one click, one question
        planned = partial(plan_erasure, person_id=person_id, anonymise=anonymise)
        self.runner.in_background(
            self, planned, partial(self._ask, person_id), on_user_error=partial(self._not_planned, person_id)
        )

    def _shows(self, person_id: int) -> bool:
        return self.mode == EDIT and self.record is not None and self.record.id == person_id

    def _ask(self, person_id: int, plan: ErasurePlan) -> None:
        if not self._shows(person_id):
            return  # another person was chosen meanwhile: no question about one not shown
        self._erasure_buttons_on(True)
        self.erasure_dialog = ErasureDialog(plan, self.runner, self._erased, parent=self)
        self.erasure_dialog.open()  # not exec(): tests and screen readers reach it the same way

    def _erased(self, outcome: ErasureOutcome) -> None:
        notice = left_in_file(outcome)
        if notice:
            self.prompts.inform(self, notice)

    def _not_planned(self, person_id: int, exc: DomainError) -> None:  # deleted by someone else meanwhile
        self._erasure_buttons_on(self._shows(person_id))
        self.prompts.error(self, exc.message)

    def _build(self) -> None:
        page, add = self.form_page, self.form.add

        def line(field: str, text: str) -> QLineEdit:
            return self._watch(add(field, text, QLineEdit(page)))

        self.title_edit = line("title", _("&Title:"))
        self.first_name = line("first_name", _("F&irst name:"))
        self.last_name = line("last_name", _("&Last name:"))
        # Without Alt+letter, as Salutation below. Sorting stays by the family name either way.
        self.family_first = self._watch(add("family_name_first", _("Family name first:"), QCheckBox(page)))
        self.family_first.setToolTip(
            _("The family name before the given name, as Chinese, Vietnamese or Hungarian names are "
              "written: 王小明, Orbán Viktor")
        )
        # Salutation and Department go without Alt+letter: rarely typed, and the form, the view and
        # the menus use up the letters (in German too). Tab from the field above reaches them.
        self.salutation = line("salutation", _("Salutation:"))
        self.function = line("function", _("F&unction:"))
        self.department = line("department", _("Department:"))
        # Chosen by typing; one not there yet is created in place (issue 12).
        creating = Creating(self.services, self.runner, self.prompts)
        chooser = organisation_chooser(self.services, page, creating=creating)
        self.organisation = self._watch(add("organisation_id", _("Or&ganisation:"), chooser))
        self.email = line("email", _("E&mail:"))
        self.office_phone = line("phone_office", _("Office &phone:"))
        self.mobile_phone = line("phone_mobile", _("Mo&bile phone:"))
        # A hint, not a number that reads as someone's (an empty form must not look filled in)
        self.office_phone.setPlaceholderText(_("With area code"))
        self.mobile_phone.setPlaceholderText(_("With area code"))
        self.own_staff = self._watch(add("is_own_staff", _("O&wn staff:"), QCheckBox(page)))
        self.source = self._watch(add("source", _("Sou&rce:"), QComboBox(page)))
        for source in DataSource:
            self.source.addItem(label(source), source.value)
        self.source_note = line("source_note", _("Source remar&k:"))
        self.notes = self._watch(add("notes", _("N&otes:"), QPlainTextEdit(page)))
        self.profile = self._watch(add("profile", _("Short profile:"), QPlainTextEdit(page)))
        self.profile.setPlaceholderText(_("Career, responsibilities, what to know before meeting"))
        self.first_input = self.title_edit

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
        self.organisation.set_current(
            person.organisation_id if person else None, (person.organisation_name or "") if person else ""
        )
        self.own_staff.setChecked(bool(person and person.is_own_staff))
        source = person.source if person else DataSource.UNKNOWN
        self.source.setCurrentIndex(self.source.findData(source.value))
        self.notes.setPlainText((person and person.notes) or "")
        self.profile.setPlainText((person and person.profile) or "")
        self.family_first.setChecked(bool(person and person.family_name_first))
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
            organisation_id=self.organisation.current_id(),
            email=text_of(self.email),
            phones=[phone for _field, phone in self._phones()],
            notes=self.notes.toPlainText().strip() or None,
            profile=self.profile.toPlainText().strip() or None,
            family_name_first=self.family_first.isChecked(),
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
