"""The one "data changed" signal every view listens to; fed by Database after each commit."""

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from delegation_app.domain.changes import Change


class ChangeBus(QObject):
    # Emitted in the GUI thread (queued when the commit happened on a worker thread).
    changed = Signal(object)  # tuple of domain.changes.Change

    def on_commit(self, changes: Sequence[Change]) -> None:
        if changes:
            self.changed.emit(tuple(changes))

    @staticmethod
    def tables(changes: Sequence[Change]) -> set[str]:
        return {c.table for c in changes}
