"""The one way slow work (PDF, import, export) leaves the GUI thread.

One worker thread: exports run one at a time (reportlab's fonts are not shared between
documents) and database writes stay one at a time. Results and errors come back as signals,
delivered in the GUI thread.
"""

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from delegation_app.domain.errors import DomainError


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # handed to the GUI thread, never lost
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


class Background(QObject):
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_user_error: Callable[[DomainError], None],
    ) -> None:
        """``work`` runs on the worker thread; a DomainError goes to ``on_user_error``, any
        other exception to the excepthook (log file and crash dialog)."""
        relay = _Relay(self)
        self._running.add(relay)

        def finish() -> None:
            self._running.discard(relay)
            relay.deleteLater()
            if not self._running:
                self.busy_changed.emit(False)

        def done(result: Any) -> None:
            finish()
            on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if isinstance(exc, DomainError):
                on_user_error(exc)
            else:
                sys.excepthook(type(exc), exc, exc.__traceback__)

        relay.done.connect(done)
        relay.failed.connect(failed)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(work, relay))

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)
