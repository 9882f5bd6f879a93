"""Column values as JSON and back: one encoding for the export, the audit trail and the recycle bin."""

from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer


def to_json_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def from_json_value(column, value: Any) -> Any:
    """The column's Python value; raises ValueError/TypeError for a value of the wrong kind."""
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is not None:  # an offset would be dropped silently: refuse it instead
            raise ValueError("offset")
        return parsed
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    if isinstance(column.type, Boolean):
        if isinstance(value, bool):
            return value
        raise TypeError("not a boolean")
    if isinstance(column.type, Integer):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise TypeError("not an integer")
    enums = getattr(column.type, "enums", None)
    if enums is not None:
        if value in enums:
            return value
        raise ValueError("not a member")
    if isinstance(value, str):
        return value
    raise TypeError("not a text")
