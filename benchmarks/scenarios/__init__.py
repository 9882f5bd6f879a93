"""The scenarios of issue 7; each module has ``run(ctx) -> Result``.

A result names the statistic its target is about (median time, worst GUI-thread stall, peak
memory) and, where the issue names a floor or a baseline measured in the same run, the ratio
ours ÷ that floor.
"""

import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent.parent


# The targets: unit, statistic, limit for the value, limit for ours ÷ floor (None: no
# ratio target). A ratio is measured for a scenario whose issue text names a floor or baseline.
LIMITS = {
    "cli_visits": ("s", "median", 0.8, None),
    # issue 21: every visit printed (`visits --json`), the CLI's peak memory flat at any size
    "cli_visits_all": ("MB", "peak", 150.0, None),
    "startup": ("s", "median", 1.0, 2.5),
    # issue 12: the issue names the ratio; the value's limit is startup's (a picture no later than a window)
    "first_paint": ("s", "median", 1.0, 2.0),
    "memory": ("MB", "peak", 250.0, None),
    # issue 21: "search, median / slowest query ≤ 5 / ≤ 20 ms"; the slowest query's own median
    "search": ("s", "median", 0.005, 0.05),
    "search_slowest": ("s", "max", 0.020, None),
    "people_list": ("s", "max", 0.050, None),
    "open_visit": ("s", "median", 0.150, None),
    "briefing": ("s", "median", 1.0, None),
    # issue 19: every print product of the big visit, the slowest one's median
    "print_products": ("s", "max", 1.0, None),
    # issue 14: 10,000 CSV rows against 100,000 people, duplicate check included (the note: GUI stall)
    "import_people": ("s", "total", 30.0, None),
    # issue 17: the frozen bundle against the venv, both started to their first idle moment and closed
    "frozen_startup": ("s", "median", 1.5, 1.5),
    # issue 16: team mode through a proxy adding 10 ms each way (20 ms round trip)
    "team_start": ("s", "median", 2.0, None),
    "team_open_visit": ("s", "median", 0.300, None),
    "team_people_page": ("s", "median", 0.200, None),
    "team_search": ("s", "median", 0.150, None),
    "team_briefing": ("s", "median", 1.5, None),
}


def result(
    name: str, value: float, ratio: float | None = None, note: str = "", round_trips: int | None = None
) -> "Result":
    unit, stat, target, ratio_target = LIMITS[name]
    return Result(value, unit, stat, target, ratio, ratio_target, note, round_trips)


@dataclass(frozen=True)
class Result:
    value: float
    unit: str  # "s" or "MB"
    stat: str  # "median", "max" or "peak"
    target: float
    ratio: float | None = None
    ratio_target: float | None = None  # the ratio must be at most this
    note: str = ""  # printed under the table, not written to the JSON
    round_trips: int | None = None  # team scenarios: requests the client sent over the network

    @property
    def met(self) -> bool:
        ratio_ok = self.ratio_target is None or (self.ratio is not None and self.ratio <= self.ratio_target)
        return self.value <= self.target and ratio_ok

    def as_json(self) -> dict:
        """The issue's fields; ``value`` and ``target`` are always finite numbers."""
        for field_name in ("value", "target"):
            number = getattr(self, field_name)
            if isinstance(number, bool) or not isinstance(number, int | float) or not math.isfinite(number):
                raise ValueError(f"{field_name} must be a finite number, not {number!r}")
        fields = {
            "value": round(float(self.value), 6),
            "unit": self.unit,
            "stat": self.stat,
            "target": float(self.target),
            "ratio": None if self.ratio is None else round(self.ratio, 4),
            "ratio_target": self.ratio_target,
        }
        if self.round_trips is not None:
            fields["round_trips"] = self.round_trips
        return fields


class MissingInput(Exception):
    """What a scenario measures is not there (no scale database, no big visit in it): the scenario
    is skipped with this one-line note and left out of the JSON."""


def missing_database(db_path: Path | None) -> str | None:
    """Why the scale database cannot be used, or None when it is a file."""
    if db_path is None:
        return "no --db given; make the scale database with benchmarks/make_scale_db.py"
    if not db_path.is_file():
        return f"{db_path} is not a file; make it with benchmarks/make_scale_db.py"
    return None


@dataclass
class Context:
    db_path: Path
    repeat: int
    timeout: float = 300.0  # seconds one spawned process may take before it is stopped
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))

    @property
    def url(self) -> str:
        from delegation_app.storage.paths import database_url

        return database_url(self.db_path)

    @cached_property
    def services(self):
        from delegation_app.services.registry import Services
        from delegation_app.storage.opening import open_database

        db, _report = open_database(self.url)
        services = Services.over(db)
        as_after_start()
        return services

    @cached_property
    def big_visit_id(self) -> int:
        from scale_spec import BIG_VISIT_TITLE
        from sqlalchemy import select

        from delegation_app.domain.models import Visit

        with self.services.db.read() as session:
            found = session.scalar(select(Visit.id).where(Visit.title == BIG_VISIT_TITLE))
        if found is None:
            where = f"no visit titled {BIG_VISIT_TITLE!r} in {self.db_path}"
            raise MissingInput(f"{where}; make the database with make_scale_db.py")
        return found

    python_executable = sys.executable

    def python(self, *args: str, **kwargs) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, *args], env=self.env, **kwargs)


class TimedOut(Exception):
    """A process did not finish within the context's timeout: the program is far off the target."""


def timed_out(name: str, ctx: Context, what: str, floor: float | None = None) -> Result:
    """A result for a scenario that was stopped: ``value`` is the timeout, a lower bound."""
    note = f"STOPPED after {ctx.timeout:.0f} s ({what}); the value is a lower bound"
    return result(name, ctx.timeout, None if floor is None else ctx.timeout / floor, note)


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def wall_time(ctx: Context, *args: str) -> float:
    """Seconds from spawning ``python ARGS`` until it exits (successfully)."""
    return command_time(ctx, [ctx.python_executable, *args])


def command_time(ctx: Context, command: list[str]) -> float:
    """Seconds from spawning ``command`` (in the context's environment) until it exits successfully."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=ctx.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _out, err = proc.communicate(timeout=ctx.timeout)
    except subprocess.TimeoutExpired as exc:
        proc.kill()
        proc.communicate()
        raise TimedOut(" ".join(command)) from exc
    elapsed = time.perf_counter() - started
    if proc.returncode:
        raise RuntimeError(f"{command} failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    return elapsed


def qt_app():
    """The one QApplication of this process (offscreen; run.py sets the platform)."""
    from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0]])
        # The first widgets of a process load fonts and the style: part of the start, not of the
        # first action timed here.
        warm = [QTableView(), QLineEdit()]
        for widget in warm:
            widget.show()
        app.processEvents()
        for widget in warm:
            widget.close()
        as_after_start()
    return app


def as_after_start() -> None:
    """What the window does once it stands (collector.py): the in-process scenarios time actions
    in a program that has started, with its start-up objects out of the collector's sight."""
    from delegation_app.collector import freeze_start_up_objects

    freeze_start_up_objects()
