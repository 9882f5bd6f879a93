"""The one "data changed" signal every view listens to; fed by Database after each commit."""

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from delegation_app.domain.changes import Change
from delegation_app.i18n import _


class ChangeBus(QObject):
    # Emitted in the GUI thread (queued when the commit happened on a worker thread).
    changed = Signal(object)  # tuple of domain.changes.Change

    def on_commit(self, changes: Sequence[Change]) -> None:
        if changes:
            self.changed.emit(tuple(changes))

    @staticmethod
    def tables(changes: Sequence[Change]) -> set[str]:
        return {c.table for c in changes}

    @staticmethod
    def changed_by(changes: Sequence[Change], table: str, record_id: object) -> str | None:
        """Who at another workplace changed this record (team mode), for an editor being typed in
        that must not reload; None when nobody else did."""
        users = sorted(
            {str(c.extra.get("user") or "?") for c in changes
             if c.extra.get("remote") and c.table == table and c.record_id in (record_id, None)}
        )  # fmt: skip
        return ", ".join(users) or None


def changed_by_text(users: str) -> str:
    return _("Changed by {user} meanwhile – not saved yet").format(user=users)


def conflict_hint() -> str:
    return _("Saving shows both versions and asks which one to keep; nothing you typed is lost.")
