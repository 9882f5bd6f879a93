"""Field-level checks at the service boundary; every problem is collected, then raised at once."""

import unicodedata
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar
from zoneinfo import available_timezones

from sqlmodel import Session, SQLModel

from delegation_app.domain.errors import ValidationError
from delegation_app.domain.models import table_of
from delegation_app.domain.phones import Phone, PhoneError, parse_phone
from delegation_app.domain.textrules import MAX_LONG_TEXT, has_forbidden_control, has_lone_surrogate
from delegation_app.i18n import _, ngettext
from delegation_app.i18n.formatting import format_count

E = TypeVar("E", bound=StrEnum)


MAX_ID = 2**63 - 1  # SQLite INTEGER; larger Python ints raise OverflowError in the driver
MAX_POSITION = 2**31 - 1  # PostgreSQL INTEGER


def is_record_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_ID


@cache
def _zone_names() -> frozenset[str]:
    # IANA names only: the system's zone folder also holds "localtime" and friends.
    return frozenset(available_timezones()) - {"localtime", "posixrules", "Factory"}


def column_length(model: type[SQLModel], field: str) -> int:
    """VARCHAR(n) gives n; free text (TEXT) gets MAX_LONG_TEXT, so no paste can swamp the briefing."""
    return getattr(table_of(model).c[field].type, "length", None) or MAX_LONG_TEXT


class Checker:
    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def text(
        self,
        field: str,
        value: Any,
        *,
        required: bool = False,
        max_length: int | None = None,
        multiline: bool = False,
    ) -> str | None:
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(field, _("Please enter text."))
            return None
        text = value.replace("\r\n", "\n").replace("\r", "\n")  # Windows line ends
        # Checked before whitespace is trimmed: a control character counts wherever it stands.
        if has_lone_surrogate(text):
            self.fail(field, _("Contains invalid characters; please retype the text."))
            return None
        if has_forbidden_control(text):
            self.fail(field, _("Contains invisible control characters; please retype the text."))
            return None
        text = text.strip()
        if not multiline:
            text = " ".join(text.split())
        if all(c.isspace() or unicodedata.category(c) == "Cf" for c in text):  # "\u200b" looks empty
            text = ""
        if not text:
            if required:
                self.fail(field, _("This field is required."))
            return None
        if max_length is not None and len(text) > max_length:
            self.fail(
                field,
                ngettext(
                    "At most {max} character allowed (now {count}).",
                    "At most {max} characters allowed (now {count}).",
                    max_length,
                ).format(max=format_count(max_length), count=format_count(len(text))),
            )
            return None
        return text

    def model_text(
        self,
        model: type[SQLModel],
        field: str,
        value: Any,
        *,
        required: bool = False,
        multiline: bool = False,
    ) -> str | None:
        return self.text(
            field, value, required=required, max_length=column_length(model, field), multiline=multiline
        )

    def enum(self, field: str, value: Any, enum_cls: type[E]) -> E | None:
        try:
            return enum_cls(value)
        except ValueError:
            self.fail(field, _("Please choose one of the offered values."))
            return None

    def email(self, field: str, value: Any) -> str | None:
        text = self.text(field, value, max_length=254)
        if text is None:
            return None
        # Imported here: its tables cost 20 ms at every start, and only an email typed needs them.
        from email_validator import EmailNotValidError, validate_email

        try:
            return validate_email(text, check_deliverability=False).normalized
        except EmailNotValidError:
            self.fail(field, _("This is not a valid email address (example: name@stadt.de)."))
            return None

    def phone(self, field: str, value: Any) -> Phone | None:
        text = self.text(field, value, max_length=40)
        if text is None:
            return None
        try:
            return parse_phone(text)
        except PhoneError:
            self.fail(field, _("This is not a valid phone number (example: 06181 3000-6069)."))
            return None

    def timezone(self, field: str, value: Any) -> str | None:
        text = self.text(field, value, required=True, max_length=64)
        if text is not None and text not in _zone_names():
            self.fail(field, _("This time zone is unknown. Please choose one from the list."))
            return None
        return text

    def position(self, field: str, value: Any) -> int | None:
        number = self.typed(field, value, int)
        if number is not None and not 0 <= number <= MAX_POSITION:
            self.fail(field, _("Please enter a valid value."))
            return None
        return number

    def typed(self, field: str, value: Any, kind: type, *, required: bool = False) -> Any:
        """A date, datetime or int given as such (forms convert text before calling services)."""
        if value is None:
            if required:
                self.fail(field, _("This field is required."))
            return None
        if kind is date and isinstance(value, datetime):
            value = value.date()
        if kind is datetime and isinstance(value, datetime) and value.tzinfo is not None:
            self.fail(field, _("Please enter the local time without a time zone."))
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.fail(field, _("Please enter a valid value."))
            return None
        return value

    def order(self, start_field: str, start: Any, end_field: str, end: Any) -> None:
        if start is not None and end is not None and end < start:
            self.fail(end_field, _("The end must not be before the start."))

    def exists(
        self, session: Session, field: str, model: type[SQLModel], record_id: Any, *, required: bool = False
    ) -> int | None:
        if record_id is None:
            if required:
                self.fail(field, _("Please choose one."))
            return None
        if not is_record_id(record_id) or session.get(model, record_id) is None:
            self.fail(field, _("The selected record does not exist (any more)."))
            return None
        return record_id

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
