"""Saving over a version someone else replaced: ask, then reload or overwrite (shared by the editors)."""

from collections.abc import Callable
from typing import Any, Final, Literal, TypeVar

from PySide6.QtWidgets import QWidget

from delegation_app.domain.errors import ConflictError
from delegation_app.services.conflicts import explain
from delegation_app.storage.database import Database
from delegation_app.ui.common.conflict_dialog import ConflictChoice
from delegation_app.ui.common.prompts import Prompts

V = TypeVar("V")
RELOAD: Final = ConflictChoice.RELOAD  # the caller loads the stored version; the user's changes are dropped


def save_or_resolve(
    parent: QWidget,
    prompts: Prompts,
    db: Database,
    model: type,  # the record's table class, as the service names it
    what: str,
    data: Any,
    label_of: Callable[[str], str],
    update: Callable[[int], V],
    version: int,
) -> V | Literal[ConflictChoice.RELOAD] | None:
    """``update(version)``'s result; RELOAD; or None when nothing was saved (the form keeps its text)."""
    while True:
        try:
            return update(version)
        except ConflictError as exc:
            if exc.current is None:  # deleted meanwhile: nothing to compare or overwrite
                prompts.error(parent, exc.message)
                return None
            details = explain(db, model, exc, data)
            choice = prompts.resolve_conflict(parent, what, details, label_of)
            if choice is not ConflictChoice.OVERWRITE or details.current_version is None:  # None: deleted
                return RELOAD if choice is ConflictChoice.RELOAD else None
            version = details.current_version  # and if someone saved yet again, ask again
