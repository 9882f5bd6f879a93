"""Team mode: what colleagues save shows up in this window without F5.

The database's change feed (``context.database.change_feed()``) listens on a connection of its
own; its socket is watched here in the event loop, so nothing polls and nothing blocks. What it
hears goes onto the ChangeBus like this window's own saves, marked remote and with the name of
who saved. A lost connection (a server restart, a VPN that went down) is shown in the status bar
and retried with growing pauses; connecting happens on a thread of its own, as an unreachable
server takes seconds to give up. After a reconnect every view reloads: a notification is only a
hint, and the ones sent while the connection was down are lost.
"""

import logging
import threading

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from delegation_app.context import ChangeFeed
from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.ui.common.change_bus import ChangeBus

log = logging.getLogger(__name__)
RETRY_SECONDS = (1, 2, 5, 5, 10, 10, 30)  # then every 30 s


class LiveRefresh(QObject):
    state_changed = Signal(str)  # what the status bar says; "" while connected
    _attempted = Signal(object)  # from the connecting thread: the socket, or the DomainError

    def __init__(self, feed: ChangeFeed, bus: ChangeBus, status_bar: QStatusBar | None = None) -> None:
        super().__init__(status_bar)
        self.feed, self.bus = feed, bus
        self._notifier: QSocketNotifier | None = None
        self._failures = 0
        self._stopped = False
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._connect)
        self._attempted.connect(self._after_attempt)
        self.label = QLabel(status_bar)
        self.label.hide()
        if status_bar is not None:
            status_bar.addPermanentWidget(self.label)
        self.state_changed.connect(self._show_state)

    @property
    def connected(self) -> bool:
        return self._notifier is not None

    def start(self) -> None:
        self._connect()

    def stop(self) -> None:
        self._stopped = True
        self._retry.stop()
        self._drop_notifier()
        self.feed.close()

    def _connect(self) -> None:
        if self._stopped:
            return
        threading.Thread(target=self._attempt, name="change-feed-connect", daemon=True).start()

    def _attempt(self) -> None:
        try:
            outcome: object = self.feed.connect()
        except DomainError as exc:
            outcome = exc
        try:
            self._attempted.emit(outcome)
        except RuntimeError:  # the window closed meanwhile
            self.feed.close()

    def _after_attempt(self, outcome: object) -> None:
        if self._stopped:
            self.feed.close()
            return
        if isinstance(outcome, DomainError):
            log.info("change feed: %s", outcome.for_log())
            self._lost()
            return
        assert isinstance(outcome, int)
        self._notifier = QSocketNotifier(outcome, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        reconnected = self._failures > 0
        self._failures = 0
        self.state_changed.emit("")
        if reconnected:  # what was saved meanwhile is unknown: every view reloads
            log.info("change feed: reconnected")
            self.bus.on_commit(self.feed.everything())

    def _readable(self) -> None:
        try:
            changes = self.feed.receive()
        except DomainError as exc:
            log.info("change feed: %s", exc.for_log())
            self._lost()
            return
        if changes:
            self.bus.on_commit(changes)

    def _lost(self) -> None:
        self._drop_notifier()
        seconds = RETRY_SECONDS[min(self._failures, len(RETRY_SECONDS) - 1)]
        self._failures += 1
        self.state_changed.emit(
            _("Connection to the team database interrupted – retrying in {seconds} s …").format(
                seconds=seconds
            )
        )
        self._retry.start(seconds * 1000)

    def _drop_notifier(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None

    def _show_state(self, text: str) -> None:
        self.label.setText(text)
        self.label.setVisible(bool(text))
