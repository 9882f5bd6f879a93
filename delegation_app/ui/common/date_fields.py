"""The one date/time input of every form: typed as people type dates, or picked from a calendar.

``DateField`` is a line edit, so forms read and fill it like any other field; what it accepts is
``delegation_app.i18n.date_input`` (``24.2.26``, ``heute``, ``+7``, ``930``, ``24 Feb 2026`` …, in
both languages). A date field has a calendar button at its end; the button, Alt+Down and F4 open
the calendar, where arrows move, Enter (or a click) takes the day and Esc closes it. A mistake is
reported by ``problem_changed`` when the field is left (FieldForm shows it under the field) and
by ``value()`` when the form is saved; the text stays as typed either way, and no message box
appears.

"heute", "+7" and the default day of a time typed alone are read against the program's clock:
the main window installs the context's clock with ``use_clock`` (tests fix the day there).
"""

from collections.abc import Callable
from datetime import date, datetime, time
from enum import Enum

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

from delegation_app.i18n import _, current_language
from delegation_app.i18n.date_input import DateInputError, parse_date, parse_date_time, parse_time
from delegation_app.i18n.formatting import format_clock, format_date
from delegation_app.ui.common.key_names import native

_clock: Callable[[], datetime] = datetime.now
CALENDAR_KEYS = (
    (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
)


def use_clock(clock: Callable[[], datetime]) -> None:
    """The clock "heute" and "+7" are counted from (the application context's)."""
    global _clock
    _clock = clock


def now() -> datetime:
    return _clock()


def today() -> date:
    return _clock().date()


class Kind(Enum):
    DATE = "date"
    TIME = "time"
    DATE_TIME = "date_time"


def _calendar_icon() -> QIcon:
    """A small calendar sheet, drawn: no icon file to ship for it."""
    icon = QIcon()
    for size in (16, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        unit = size / 16
        painter.setPen(QColor("#555555"))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(QRectF(1.5 * unit, 2.5 * unit, 13 * unit, 12 * unit), unit, unit)
        painter.fillRect(QRectF(2 * unit, 3 * unit, 12 * unit, 3 * unit), QColor("#1f4e79"))
        for row in range(2):
            for column in range(3):
                painter.fillRect(
                    QRectF((4 + 3 * column) * unit, (8 + 3 * row) * unit, 2 * unit, 2 * unit),
                    QColor("#555555"),
                )
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class CalendarPopup(QFrame):
    """A month to pick a day from, below its field; closes on Esc or when a day is taken."""

    picked = Signal(date)

    def __init__(self, parent: QWidget) -> None:
        # A child of the field: a table's cell editor then keeps its focus while the popup is open.
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setAccessibleName(_("Calendar"))
        german = current_language() == "de"  # month and day names in the window's language
        self.calendar.setLocale(
            QLocale(QLocale.Language.German, QLocale.Country.Germany)
            if german
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )
        self._field: QWidget | None = None
        self.calendar.activated.connect(self._take)
        self.calendar.clicked.connect(self._take)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def open_at(self, below: QWidget, day: date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self._field = below
        self.adjustSize()
        self.move(self._place(below))
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._field is not None:  # the calendar may settle its size only once shown
            self.move(self._place(self._field))

    def _place(self, field: QWidget) -> QPoint:
        """Below the field, or above it where the screen ends below (a field low in a form)."""
        size = self.size()  # laid out by adjustSize() before
        point = field.mapToGlobal(QPoint(0, field.height()))
        screen = field.screen().availableGeometry()
        if point.y() + size.height() > screen.bottom():
            point.setY(field.mapToGlobal(QPoint(0, 0)).y() - size.height())
        point.setX(max(screen.left(), min(point.x(), screen.right() - size.width())))
        point.setY(max(screen.top(), point.y()))
        return point

    def _take(self, chosen: QDate) -> None:
        self.hide()
        self.picked.emit(date(chosen.year(), chosen.month(), chosen.day()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


class DateField(QLineEdit):
    """A date, a time, or both, typed (see the module) or, for a date, picked from a calendar.

    ``day``: for a date-and-time field, the day a time typed alone is on (default: today; a
    callable returning None asks for the date too)."""

    problem_changed = Signal(str)  # the message for the user, or "" once the text is fine

    def __init__(
        self,
        kind: Kind = Kind.DATE,
        parent: QWidget | None = None,
        *,
        day: Callable[[], date | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._day = day or today
        self._problem = ""
        self.popup: CalendarPopup | None = None
        self.calendar_action = None
        # A hint, not an example: an example date in an empty field reads as one filled in.
        self.setPlaceholderText(
            {Kind.DATE: _("DD.MM.YYYY"), Kind.TIME: _("hh:mm"), Kind.DATE_TIME: _("DD.MM.YYYY hh:mm")}[kind]
        )
        self.setToolTip(
            {
                Kind.DATE: _("Also 24.2.26, today, tomorrow, +7 (in a week)"),
                Kind.TIME: _("Also 930 or 9.30"),
                Kind.DATE_TIME: _("Also today 14:30 or 24.2.26 930"),
            }[kind]
        )
        if kind is not Kind.TIME:
            self.calendar_action = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
            tip = _("Choose from the calendar ({key})").format(key=native("Alt+Down"))
            self.calendar_action.setToolTip(tip)
            self.calendar_action.triggered.connect(self.open_calendar)
        self.editingFinished.connect(self.check)
        self.textChanged.connect(self._recheck)

    # --- values -----------------------------------------------------------------------------------
    def value(self) -> date | time | datetime | None:
        """What the text means (None when empty); raises DateInputError with the user's message."""
        if self.kind is Kind.DATE:
            return self.date_value()
        if self.kind is Kind.TIME:
            return self.time_value()
        return self.date_time_value()

    def date_value(self) -> date | None:
        return parse_date(self.text(), today())

    def time_value(self) -> time | None:
        return parse_time(self.text())

    def date_time_value(self) -> datetime | None:
        return parse_date_time(self.text(), today(), self._day())

    def set_value(self, value: date | time | datetime | None) -> None:
        """Shown the way the field reads it back, in the language of the window."""
        if value is None:
            text = ""
        elif self.kind is Kind.TIME:
            text = format_clock(value)  # type: ignore[arg-type]  # a time or a datetime
        elif self.kind is Kind.DATE or not isinstance(value, datetime):
            text = format_date(value)  # type: ignore[arg-type]
        else:
            text = f"{format_date(value)} {format_clock(value)}"
        self.setText(text)
        self.setCursorPosition(0)

    def problem(self) -> str:
        """The message for the text as it is ("" when it can be read)."""
        try:
            self.value()
        except DateInputError as exc:
            return str(exc)
        return ""

    def check(self) -> bool:
        """Say what is wrong (through ``problem_changed``); True when the text can be read."""
        self._set_problem(self.problem())
        return not self._problem

    def _recheck(self) -> None:
        if self._problem and not self.problem():  # corrected: the message goes at once
            self._set_problem("")

    def _set_problem(self, message: str) -> None:
        if message != self._problem:
            self._problem = message
            self.problem_changed.emit(message)

    # --- the calendar -----------------------------------------------------------------------------
    def open_calendar(self) -> None:
        if self.kind is Kind.TIME:
            return
        try:
            current = self.value()
        except DateInputError:
            current = None
        shown = current.date() if isinstance(current, datetime) else current
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.picked.connect(self._picked)
        self.popup.open_at(self, shown if isinstance(shown, date) else self._day() or today())

    def _picked(self, day: date) -> None:
        text = format_date(day)
        if self.kind is Kind.DATE_TIME:
            try:
                current = self.value()
            except DateInputError:
                current = None
            if isinstance(current, datetime) and current.time() != time(0, 0):
                text += " " + format_clock(current)  # the time typed stays
        self.setText(text)
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.check()

    def event(self, event: QEvent) -> bool:
        # Alt+Down may be a shortcut elsewhere (moving an agenda item); in the field it opens the calendar.
        if event.type() == QEvent.Type.ShortcutOverride and self._calendar_key(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.kind is not Kind.TIME and self._calendar_key(event):
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def _calendar_key(self, event: QEvent) -> bool:
        if self.kind is Kind.TIME or not isinstance(event, QKeyEvent):
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return any(event.key() == key and modifiers == mods for key, mods in CALENDAR_KEYS)
