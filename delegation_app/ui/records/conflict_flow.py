"""Saving over a version someone else replaced: ask, then reload or overwrite (shared by the editors)."""

from collections.abc import Callable
from functools import partial
from typing import Any, Final, Literal

from PySide6.QtWidgets import QWidget

from delegation_app.domain.errors import ConflictError, DomainError
from delegation_app.operations.records import RecordKind, explain_conflict, overwrite_with_mine, save_record
from delegation_app.services.conflicts import ConflictDetails
from delegation_app.services.registry import Services
from delegation_app.ui.common.conflict_dialog import ConflictChoice
from delegation_app.ui.common.operation_runner import OperationRunner, UserErrorHandler
from delegation_app.ui.common.prompts import Prompts

RELOAD: Final = ConflictChoice.RELOAD  # the caller loads the stored version; the user's changes are dropped


def save_or_resolve(
    parent: QWidget,
    prompts: Prompts,
    runner: OperationRunner,
    kind: RecordKind,
    record_id: int,
    what: str,
    data: Any,
    label_of: Callable[[str], str],
    version: int,
    *,
    on_user_error: UserErrorHandler | None = None,
    save_at: Callable[[int], Callable[[Services], Any]] | None = None,
) -> Any | Literal[ConflictChoice.RELOAD] | None:
    """The saved read model (or what ``save_at``'s operation returns); RELOAD; or None when nothing
    was saved (the form keeps its text). A refusal other than a conflict that can be compared
    (field errors, deleted meanwhile) goes to ``on_user_error``, or is shown as a message.

    ``save_at(version)`` is the operation that saves ``data`` over that version, for an action that
    writes more than the record (a contact entry with the follow-ups added while correcting it);
    by default ``save_record`` of ``kind``."""
    save: Callable[[Services], Any] = (
        save_at(version) if save_at is not None
        else partial(save_record, kind=kind, data=data, record_id=record_id, version=version)
    )  # fmt: skip
    conflicts: list[ConflictError] = []

    def refused(exc: DomainError) -> None:
        # The runner reports every refusal; a conflict with a stored version is this flow's to ask about.
        if isinstance(exc, ConflictError) and exc.current is not None:
            conflicts.append(exc)
        elif on_user_error is not None:
            on_user_error(exc)
        else:
            prompts.error(parent, exc.message)

    while True:
        saved: list[Any] = []
        conflicts.clear()
        if runner.now(parent, save, saved.append, on_user_error=refused):
            return saved[0]
        if not conflicts:  # refused otherwise, and told so
            return None
        explained: list[ConflictDetails] = []
        explain = partial(explain_conflict, kind=kind, error=conflicts[0], mine=data)
        if not runner.now(parent, explain, explained.append):
            return None
        details = explained[0]
        choice = prompts.resolve_conflict(parent, what, details, label_of)
        if choice is not ConflictChoice.OVERWRITE or details.current_version is None:  # None: deleted
            return RELOAD if choice is ConflictChoice.RELOAD else None
        # and if someone saved yet again, ask again
        if save_at is not None:
            save = save_at(details.current_version)
        else:
            save = partial(overwrite_with_mine, kind=kind, record_id=record_id, details=details, mine=data)
