"""Running a user action (``delegation_app.operations``) from a widget, after Anki's
CollectionOp/QueryOp: the widget names the operation and what to do with its result; the runner
decides the thread, shows a refusal in words and leaves the form alone. ``MainWindow`` builds
one, with its prompts and its worker, and hands it to every view, editor and dialog that writes.

- ``now`` runs on the GUI thread. For the single-record saves and deletes of the editors and tabs
  (a visit, a person, a quote, an agenda cell, a follow-up ticked done) and the recycle bin's and
  history's buttons: the dialog or editor needs the answer before it goes on — the saved values
  in the form or the errors under their fields, the row selected again, the report of what came
  back — and each is one short transaction of a few statements.
- ``in_background`` runs on the window's worker (``Background``). For what can take seconds,
  above all over a network to PostgreSQL: a briefing (one read snapshot plus the PDF), a JSON
  import or export.

Either way a ``DomainError`` (a refusal, a conflict, a full disk) goes to ``on_user_error`` or is
shown as today's message, and what the user typed stays where it is: the runner never touches
the form. Other exceptions are bugs and reach the excepthook. An operation is one transaction,
and ``Database`` tells its listeners once per commit, so the ChangeBus broadcasts "changed" once
per operation, after the commit (queued to the GUI thread when the commit ran on the worker).
"""

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from functools import partial
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from delegation_app.domain.errors import DomainError
from delegation_app.services.registry import Services
from delegation_app.ui.common.background import Background
from delegation_app.ui.common.prompts import Prompts

log = logging.getLogger(__name__)
T = TypeVar("T")


class Refused(Enum):
    """What ``outcome`` returns when the operation was refused (the user has been told why)."""

    REFUSED = "refused"


REFUSED = Refused.REFUSED
UserErrorHandler = Callable[[DomainError], None]


class OperationRunner:
    def __init__(self, services: Services, prompts: Prompts, background: Background | None = None) -> None:
        self.services, self.prompts, self.background = services, prompts, background

    def _shown(self, parent: QWidget, on_user_error: UserErrorHandler | None) -> UserErrorHandler:
        show = on_user_error or (lambda exc: self.prompts.error(parent, exc.message, exc.detail))

        def shown(exc: DomainError) -> None:
            if exc.detail:  # the technical cause, for whoever helps; the user reads the sentence
                log.info("%s", exc.for_log())  # no personal data: the template, not the message
            show(exc)

        return shown

    def now(
        self,
        parent: QWidget,
        operation: Callable[[Services], T],
        on_success: Callable[[T], Any] | None = None,
        *,
        on_user_error: UserErrorHandler | None = None,
    ) -> bool:
        """True when the operation was done (and ``on_success`` had its result)."""
        try:
            with self.counting(_name_of(operation)):
                result = operation(self.services)
        except DomainError as exc:
            self._shown(parent, on_user_error)(exc)
            return False
        if on_success is not None:
            on_success(result)
        return True

    @contextmanager
    def counting(self, action: str) -> Iterator[None]:
        """A debug log line with the statements ``action`` sent: over a network to PostgreSQL each
        is a round trip, and their number, not the SQL, decides how fast the action feels."""
        before, started = self.services.statement_count(), time.perf_counter()
        try:
            yield
        finally:
            statements = self.services.statement_count() - before
            log.debug(
                "%s: %d statements, %.0f ms", action, statements, (time.perf_counter() - started) * 1000
            )

    def outcome(
        self,
        parent: QWidget,
        operation: Callable[[Services], T],
        *,
        on_user_error: UserErrorHandler | None = None,
    ) -> "T | Refused":
        """``now``, for callers that go on with the result: the result, or ``REFUSED`` once the user
        has been told why (a result may itself be None: a delete)."""
        done: list[T] = []
        return done[0] if self.now(parent, operation, done.append, on_user_error=on_user_error) else REFUSED

    def in_background(
        self,
        parent: QWidget,
        operation: Callable[[Services], T],
        on_success: Callable[[T], Any],
        *,
        on_user_error: UserErrorHandler | None = None,
    ) -> None:
        """``on_success`` runs in the GUI thread once the worker is done; without a worker (a
        dialog opened on its own) the operation runs at once."""
        if self.background is None:
            self.now(parent, operation, on_success, on_user_error=on_user_error)
            return
        services = self.services

        def counted() -> T:
            with self.counting(_name_of(operation)):
                return operation(services)

        self.background.run(counted, on_success, self._shown(parent, on_user_error))


def _name_of(operation: Callable[..., object]) -> str:
    """``save_record(kind=…)``: the operation's name for the log (no values: they may be personal)."""
    function = operation.func if isinstance(operation, partial) else operation
    name = getattr(function, "__name__", type(function).__name__)
    kind = operation.keywords.get("kind") if isinstance(operation, partial) else None
    return f"{name}({kind})" if kind is not None else name
