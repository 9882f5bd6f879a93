"""What the audit trail's and the recycle bin's JSON texts must look like to be read back.

An imported file could hold any text there; the history view and a restore read it, so import
refuses what they could not use (docs/json-format.md).
"""

import json
from typing import Any

from delegation_app.domain.models import TABLES_IN_ORDER, table_of
from delegation_app.storage.values import from_json_value

_TABLES = {table_of(m).name: table_of(m) for m in TABLES_IN_ORDER}


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _row_fits(table_name: Any, values: Any) -> bool:
    table = _TABLES.get(table_name) if isinstance(table_name, str) else None
    if table is None or not isinstance(values, dict) or not set(values) <= set(table.c.keys()):
        return False
    try:
        for key, value in values.items():
            from_json_value(table.c[key], value)
    except (TypeError, ValueError):
        return False
    return True


def is_values_object(text: str) -> bool:
    """``old_values`` / ``new_values``: an object of column values (any table's: checked loosely)."""
    data = _loads(text)
    return isinstance(data, dict) and all(isinstance(k, str) for k in data)


def is_row_list(text: str) -> bool:
    """``rows``: a list of [table, {column: value}]."""
    data = _loads(text)
    return isinstance(data, list) and all(
        isinstance(item, list) and len(item) == 2 and _row_fits(*item) for item in data
    )


def is_detached_list(text: str) -> bool:
    """``detached``: a list of [table, record id, {old values}, {new values}]."""
    data = _loads(text)
    return isinstance(data, list) and all(
        isinstance(item, list) and len(item) == 4 and type(item[1]) is int
        and _row_fits(item[0], item[2]) and _row_fits(item[0], item[3])
        for item in data
    )  # fmt: skip
