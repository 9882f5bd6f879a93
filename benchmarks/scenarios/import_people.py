"""Importing people (issue 14): a German Excel CSV of 10,000 rows (benchmarks/import_input.py)
against the scale database's 100,000 people, as the window does it: File → Import people…
reads and checks the file on the worker (duplicate check included), then "Import" writes on the
worker. The value is the time from opening the file until the import is written; the note
gives the longest GUI-thread stall meanwhile (target 100 ms), measured by a 5 ms timer.

The import writes, so it runs on a copy of the database. A smaller database (make_scale_db.py
--small) gets a tenth of its people as rows.
"""

import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from scenarios import BENCH_DIR, Context, Result, qt_app, result

STALL_TARGET = 0.100


def _rows_for(db_path: Path) -> int:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        conn.close()
    return min(10_000, max(50, people // 10))


def run(ctx: Context) -> Result:
    sys.path.insert(0, str(BENCH_DIR))
    from import_input import make_csv
    from PySide6.QtCore import QElapsedTimer, QTimer

    from delegation_app.services.registry import Services
    from delegation_app.storage.opening import open_database
    from delegation_app.storage.paths import database_url
    from delegation_app.ui.common.background import Background
    from delegation_app.ui.common.operation_runner import OperationRunner
    from delegation_app.ui.common.prompts import Prompts
    from delegation_app.ui.people.people_import_dialog import PeopleImportDialog

    app = qt_app()
    with tempfile.TemporaryDirectory(prefix="import-bench-") as folder:
        copy = Path(folder) / "scale.sqlite"
        shutil.copyfile(ctx.db_path, copy)
        rows = _rows_for(copy)
        csv_path = make_csv(copy, Path(folder) / "Gaesteliste.csv", rows=rows)
        db, _report = open_database(database_url(copy), backups=Path(folder) / "backups")
        services = Services.over(db)
        background = Background()
        runner = OperationRunner(services, Prompts(), background)
        clock = QElapsedTimer()
        worst = [0]
        ticker = QTimer()
        ticker.setInterval(5)

        def tick() -> None:
            worst[0] = max(worst[0], clock.restart())

        ticker.timeout.connect(tick)
        started = time.perf_counter()
        clock.start()
        ticker.start()
        dialog = PeopleImportDialog(None, services, runner, background, csv_path, date(2026, 2, 24))
        dialog.show()
        done: list[object] = []
        dialog.imported.connect(done.append)
        while dialog.plan is None or dialog.working:
            app.processEvents()
            time.sleep(0.001)
        planned = time.perf_counter() - started
        dialog.start_import()
        while not done:
            app.processEvents()
            time.sleep(0.001)
        elapsed = time.perf_counter() - started
        ticker.stop()
        background.wait()
        dialog.close()
        db.dispose()
    stall = worst[0] / 1000
    note = (
        f"{rows} rows; read and checked in {planned:.1f} s; longest GUI-thread stall "
        f"{stall * 1000:.0f} ms (target {STALL_TARGET * 1000:.0f} ms)"
    )
    return result("import_people", elapsed, note=note)
