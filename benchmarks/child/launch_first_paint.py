"""The program's real start (``delegation-app-gui --db PATH``) up to its first painted window.

The start window (ui/shell/start_window.py) is painted before the database layer is imported:
this reports the moment it is on screen, then stops (the rest of the start is ``startup``'s).
"""

import os
import sys
import time

from first_idle import peak_rss_mb

from delegation_app import app as composition
from delegation_app.ui.shell import start_window


def main() -> int:
    real_paint = start_window.paint_start_window

    def paint_and_report(language: str):
        window = real_paint(language)  # shown, and its paint events processed
        print(f"ready {time.time():.6f}", flush=True)
        print(f"rss {peak_rss_mb():.1f}", flush=True)
        os._exit(0)  # the database is not opened: this scenario ends at the first picture
        return window

    start_window.paint_start_window = paint_and_report
    return composition.main(sys.argv[1:])


sys.exit(main())
