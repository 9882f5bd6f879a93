"""The visit's own fields as a form: typed German dates and times, field errors in place.

Host, guest and press contact are chosen by typing (ui/common/record_chooser.py): a combo box of
100,000 people took a second to fill and 50 MB to hold, and its type-ahead chose "Stadt Bochum"
for "Stadt Lublin". An organisation that is not there yet is created in place."""

from collections.abc import Sequence
from datetime import datetime, time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from delegation_app.domain.enums import Classification, VisitDirection, VisitStatus
from delegation_app.domain.models import DEFAULT_TIMEZONE
from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_date
from delegation_app.i18n.labels import label
from delegation_app.i18n.time_zones import zone_choices
from delegation_app.services.views import VisitView
from delegation_app.services.visits import VisitInput
from delegation_app.ui.common.date_fields import parse_date, parse_time
from delegation_app.ui.common.forms import FieldForm
from delegation_app.ui.common.new_record_dialog import Creating
from delegation_app.ui.common.organisation_choice import organisation_chooser
from delegation_app.ui.common.record_chooser import PersonChooser, RecordChooser

# The kinds of input the form holds (a RecordChooser is a QLineEdit too).
FormInput = QLineEdit | QPlainTextEdit | QComboBox


def _combo(parent: QWidget, items: Sequence[tuple[str, object]]) -> QComboBox:
    combo = QComboBox(parent)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _plain(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


class VisitForm(QWidget):
    changed = Signal()

    def __init__(self, services, parent=None, *, creating: Creating | None = None) -> None:
        """``services``: where host, guest and press contact are searched; ``creating``: offer to
        create a missing organisation in place."""
        super().__init__(parent)
        people = services.people
        layout = QFormLayout(self)
        self.form = FieldForm(layout)
        add = self.form.add
        self.title = add("title", _("&Title:"), QLineEdit(self))
        self.direction = add(
            "direction", _("Kind of v&isit:"), _combo(self, [(label(d), d) for d in VisitDirection])
        )
        self.status = add("status", _("St&atus:"), _combo(self, [(label(s), s) for s in VisitStatus]))
        self.host = add(
            "host_organisation_id", _("H&ost:"), organisation_chooser(services, self, creating=creating)
        )
        self.guest = add(
            "guest_organisation_id", _("&Guest:"), organisation_chooser(services, self, creating=creating)
        )
        self.place = add("place", _("P&lace:"), QLineEdit(self))
        self.address = add("address", _("Addre&ss:"), _plain(self, 3))
        day, clock = _("DD.MM.YYYY"), _("hh:mm")  # hints; an example date reads as one filled in
        self.start_date = add("starts_at", _("From (&date):"), QLineEdit(self, placeholderText=day))
        self.start_time = add("starts_time", _("From (ti&me):"), QLineEdit(self, placeholderText=clock))
        self.end_date = add("ends_at", _("&Until (date):"), QLineEdit(self, placeholderText=day))
        # The only label without Alt+letter: the form and the menus use up the letters (in German
        # too), and Tab from the date just above reaches it.
        self.end_time = add("ends_time", _("Until (time):"), QLineEdit(self, placeholderText=clock))
        # A choice of named zones, not an IANA id to type (the id is what is stored).
        self.timezone = add("timezone", _("Time &zone:"), _combo(self, zone_choices()))
        self.timezone.setCurrentIndex(self.timezone.findData(DEFAULT_TIMEZONE))
        self.classification = add(
            "classification", _("&Classification:"), _combo(self, [(label(c), c) for c in Classification])
        )
        self.topics = add("topics", _("&Key topics:"), QLineEdit(self))
        self.purpose = add("purpose", _("&Purpose:"), _plain(self, 3))
        self.summary = add("summary", _("Summar&y:"), _plain(self, 4))
        self.press_contact = add(
            "press_contact_id",
            _("Press co&ntact:"),
            PersonChooser(
                lambda text: people.list(text, limit=20),
                lambda person_id: people.get(person_id).display_name,
                self,
                placeholder=_("— none —"),
            ),
        )
        self.sources = add("sources", _("Sou&rces:"), _plain(self, 2))
        self._loading = False
        choosers = (self.host, self.guest, self.press_contact)
        for widget in self.findChildren(QLineEdit):
            if widget not in choosers:  # their search text is no change; their choice is
                widget.textChanged.connect(self._touched)
        for chooser in choosers:
            chooser.chosen_changed.connect(self._touched)
        for plain in self.findChildren(QPlainTextEdit):
            plain.textChanged.connect(self._touched)
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self._touched)

    def _touched(self) -> None:
        if not self._loading:
            self.changed.emit()

    def load(self, visit: VisitView | None) -> None:
        self._loading = True
        self.form.clear_errors()
        v = visit
        self.title.setText(v.title if v else "")
        for combo, value in (
            (self.direction, v.direction if v else VisitDirection.OUTGOING),
            (self.status, v.status if v else VisitStatus.PLANNED),
            (self.classification, v.classification if v else Classification.NONE),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.host.set_current(
            v.host_organisation_id if v else None, (v.host_organisation_name or "") if v else ""
        )
        self.guest.set_current(
            v.guest_organisation_id if v else None, (v.guest_organisation_name or "") if v else ""
        )
        self.press_contact.set_current(
            v.press_contact_id if v else None, (v.press_contact_name or "") if v else ""
        )
        self.place.setText((v.place if v else None) or "")
        self.address.setPlainText((v.address if v else None) or "")
        start, end = (v.starts_at, v.ends_at) if v else (None, None)
        self.start_date.setText(format_date(start))
        self.start_time.setText(start.strftime("%H:%M") if start else "")
        self.end_date.setText(format_date(end))
        self.end_time.setText(end.strftime("%H:%M") if end else "")
        self._show_zone(v.timezone if v else DEFAULT_TIMEZONE)
        self.topics.setText((v.topics if v else None) or "")
        self.purpose.setPlainText((v.purpose if v else None) or "")
        self.summary.setPlainText((v.summary if v else None) or "")
        self.sources.setPlainText((v.sources if v else None) or "")
        for edit in self.findChildren(QLineEdit):
            edit.setCursorPosition(0)  # show a long title from its beginning
        self._loading = False

    def _show_zone(self, zone_id: str) -> None:
        """Choose ``zone_id``; one outside the list (stored earlier, imported) joins the choices."""
        if self.timezone.findData(zone_id) < 0:
            self.timezone.clear()
            for text, data in zone_choices(zone_id):
                self.timezone.addItem(text, data)
        self.timezone.setCurrentIndex(self.timezone.findData(zone_id))

    def _moment(self, date_edit: QLineEdit, time_edit: QLineEdit, errors: dict[str, str], key: str):
        try:
            day = parse_date(date_edit.text())
        except (ValueError, TypeError):
            errors[key] = _("Please enter the date as DD.MM.YYYY, e.g. 24.02.2026.")
            return None
        try:
            at = parse_time(time_edit.text())
        except (ValueError, TypeError):
            errors[key.replace("_at", "_time")] = _("Please enter the time as HH:MM, e.g. 09:30.")
            return None
        if day is None:
            if at is not None:
                errors[key] = _("Please enter the date as well.")
            return None
        return datetime.combine(day, at or time(0, 0))

    def to_input(self, notes: str | None, lessons: str | None) -> tuple[VisitInput | None, dict[str, str]]:
        """The form as a service input, or the typing errors the service would not understand."""
        errors: dict[str, str] = {}
        starts = self._moment(self.start_date, self.start_time, errors, "starts_at")
        ends = self._moment(self.end_date, self.end_time, errors, "ends_at")
        if errors:
            return None, errors
        return VisitInput(
            title=self.title.text(),
            direction=self.direction.currentData(),
            status=self.status.currentData(),
            host_organisation_id=self.host.currentData(),
            guest_organisation_id=self.guest.currentData(),
            place=self.place.text(),
            address=self.address.toPlainText(),
            starts_at=starts,
            ends_at=ends,
            timezone=self.timezone.currentData(),
            purpose=self.purpose.toPlainText(),
            topics=self.topics.text(),
            summary=self.summary.toPlainText(),
            lessons_learned=lessons,
            notes=notes,
            press_contact_id=self.press_contact.currentData(),
            classification=self.classification.currentData(),
            sources=self.sources.toPlainText(),
        ), {}

    def _inputs(self) -> dict[str, FormInput]:
        names = (
            "title",
            "direction",
            "status",
            "host",
            "guest",
            "place",
            "address",
            "start_date",
            "start_time",
            "end_date",
            "end_time",
            "timezone",
            "classification",
            "topics",
            "purpose",
            "summary",
            "press_contact",
            "sources",
        )
        return {name: getattr(self, name) for name in names}

    def snapshot(self) -> dict[str, object]:
        """Everything typed, as plain JSON values (a draft survives a logoff)."""
        values: dict[str, object] = {}
        for name, widget in self._inputs().items():
            if isinstance(widget, RecordChooser):
                values[name] = widget.current_id()
            elif isinstance(widget, QComboBox):
                data = widget.currentData()
                values[name] = data.value if hasattr(data, "value") else data
            elif isinstance(widget, QPlainTextEdit):
                values[name] = widget.toPlainText()
            else:
                values[name] = widget.text()
        return values

    def restore(self, values: dict[str, object]) -> None:
        for name, widget in self._inputs().items():
            if name not in values:
                continue
            value = values[name]
            if isinstance(widget, RecordChooser):
                widget.set_current(value if isinstance(value, int) and not isinstance(value, bool) else None)
            elif isinstance(widget, QComboBox):
                index = next(
                    (
                        i
                        for i in range(widget.count())
                        if getattr(widget.itemData(i), "value", widget.itemData(i)) == value
                    ),
                    -1,
                )
                if index >= 0:
                    widget.setCurrentIndex(index)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value or ""))
            else:
                widget.setText(str(value or ""))

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        return self.form.show_errors(errors)
