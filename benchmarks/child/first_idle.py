"""Report the moment a shown main window has been through the event loop once.

The parent spawns the script and reads one line ``ready <unix time>``; the start time is
that minus the parent's spawn time. The parent kills the child afterwards, so nothing here
waits for housekeeping (the daily backup) to finish.
"""

import resource
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def _shown_window() -> QMainWindow | None:
    return next(
        (
            w
            for w in QApplication.topLevelWidgets()
            # the start window stands in while the database opens: the start ends with the real one
            if isinstance(w, QMainWindow) and w.isVisible() and type(w).__name__ != "StartWindow"
        ),
        None,
    )


def arm(then: Callable[[QMainWindow], None] | None = None) -> None:
    """Call with a QApplication in place, before its event loop starts."""

    def check() -> None:
        window = _shown_window()
        if window is None:  # the event loop started before the window was shown
            QTimer.singleShot(0, check)
            return
        QApplication.processEvents()  # the paint and expose events the show posted
        print(f"ready {time.time():.6f}", flush=True)
        if then is not None:
            then(window)
        print(f"rss {peak_rss_mb():.1f}", flush=True)
        sys.stdout.flush()

    QTimer.singleShot(0, check)


def peak_rss_mb() -> float:
    """Peak resident set size of this process (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
