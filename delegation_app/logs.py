"""Logging to a file in the user's log folder, and an excepthook that never loses a crash."""

import logging
import logging.handlers
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from delegation_app.domain.errors import scrubbed
from delegation_app.i18n import _
from delegation_app.storage.paths import log_dir, private_folder

log = logging.getLogger("delegation_app")
LOG_FILE_NAME = "delegation-app.log"
_log_file: Path | None = None
_handlers: list[logging.Handler] = []


def log_file() -> Path | None:
    return _log_file


def tell_failure(message: str, detail: str, *, verbose: bool, command: str) -> None:
    """A command's failure: one sentence on stderr; the technical ``detail`` (the driver's English)
    only in the log file, and with ``-v`` where that file is, for whoever helps."""
    print(f"delegation-app: {message}", file=sys.stderr)
    if detail:
        log.info("command %s failed: %s", command, scrubbed(detail))  # no personal data
    if detail and verbose and _log_file is not None:
        where = _("The details are in the log file {path}.").format(path=_log_file)
        print(f"delegation-app: {where}", file=sys.stderr)


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The log (and each file a rollover starts) readable by the user only: a failure's details
    can name the database file and what the user was doing."""

    def _open(self):
        stream = super()._open()
        if os.name == "posix":
            os.chmod(self.baseFilename, 0o600)
        return stream


class _OneLineFormatter(logging.Formatter):
    """Tracebacks go to the log file; the terminal gets the message alone."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info = record.exc_text = record.stack_info = None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


def shutdown_logging() -> None:
    """Detach and close the handlers configure_logging added."""
    global _log_file
    root = logging.getLogger()
    for handler in _handlers:
        root.removeHandler(handler)
        handler.close()
    _handlers.clear()
    _log_file = None


def configure_logging(verbose: bool = False) -> Path | None:
    """File log at INFO (DEBUG with verbose); a console handler only for warnings."""
    global _log_file
    shutdown_logging()  # configuring twice must not duplicate output
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        folder = private_folder(log_dir())
        handler = _PrivateRotatingFileHandler(
            folder / LOG_FILE_NAME, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        _handlers.append(handler)
        _log_file = folder / LOG_FILE_NAME
    except OSError as exc:  # a read-only profile must not stop the program
        print(f"delegation-app: cannot write log file: {exc}", file=sys.stderr)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(
        (logging.Formatter if verbose else _OneLineFormatter)("delegation-app: %(levelname)s: %(message)s")
    )
    root.addHandler(console)
    _handlers.append(console)
    return _log_file


CrashReporter = Callable[[str], None]


def install_excepthook(report: CrashReporter | None = None) -> None:
    """Log every uncaught exception with its traceback; ``report`` shows it to the user."""

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.critical("uncaught exception\n%s", text)
        if report is not None:
            try:
                report(text)
            except Exception:  # the reporter itself failed; the log has it
                log.exception("crash reporter failed")
        else:
            sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook
