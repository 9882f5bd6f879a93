"""Saving over a version someone else replaced: ask, then reload or overwrite (shared by the editors)."""

from collections.abc import Callable
from functools import partial
from typing import Any, Final, Literal

from PySide6.QtWidgets import QWidget

from delegation_app.domain.errors import ConflictError
from delegation_app.operations.records import RecordKind, explain_conflict, overwrite_with_mine, save_record
from delegation_app.services.registry import Services
from delegation_app.ui.common.conflict_dialog import ConflictChoice
from delegation_app.ui.common.prompts import Prompts

RELOAD: Final = ConflictChoice.RELOAD  # the caller loads the stored version; the user's changes are dropped


def save_or_resolve(
    parent: QWidget,
    prompts: Prompts,
    services: Services,
    kind: RecordKind,
    record_id: int,
    what: str,
    data: Any,
    label_of: Callable[[str], str],
    version: int,
) -> Any | Literal[ConflictChoice.RELOAD] | None:
    """The saved read model; RELOAD; or None when nothing was saved (the form keeps its text)."""
    save: Callable[[], Any] = partial(save_record, services, kind, data, record_id, version)
    while True:
        try:
            return save()
        except ConflictError as exc:
            if exc.current is None:  # deleted meanwhile: nothing to compare or overwrite
                prompts.error(parent, exc.message)
                return None
            details = explain_conflict(services, kind, exc, data)
            choice = prompts.resolve_conflict(parent, what, details, label_of)
            if choice is not ConflictChoice.OVERWRITE or details.current_version is None:  # None: deleted
                return RELOAD if choice is ConflictChoice.RELOAD else None
            # and if someone saved yet again, ask again
            save = partial(overwrite_with_mine, services, kind, record_id, details, data)
