"""Start to a usable main window on the scale database, against a bare PySide6 window (the floor)."""

import statistics
import subprocess
import time

from scenarios import BENCH_DIR, Context, Result

TIMEOUT_S = 300


def time_to_ready(ctx: Context, script: str, *args: str) -> tuple[float, dict[str, float]]:
    """Seconds from spawn to the child's ``ready`` line, and the other numbers it printed."""
    started = time.time()
    proc = ctx.python(
        str(BENCH_DIR / "child" / script), *args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    numbers: dict[str, float] = {}
    try:
        for line in proc.stdout:
            key, _sep, value = line.strip().partition(" ")
            if key in ("ready", "rss"):
                numbers[key] = float(value)
            if "rss" in numbers:
                break
    finally:
        proc.kill()
        _out, err = proc.communicate(timeout=TIMEOUT_S)
    if "rss" not in numbers:
        raise RuntimeError(f"{script} did not report (exit {proc.returncode}): {err[-2000:]}")
    return numbers["ready"] - started, numbers


def run(ctx: Context) -> Result:
    ours, floor = [], []
    for _ in range(ctx.repeat):  # interleaved: a disturbance hits both alike
        floor.append(time_to_ready(ctx, "launch_floor.py")[0])
        ours.append(time_to_ready(ctx, "launch_app.py", "--db", str(ctx.db_path))[0])
    value, base = statistics.median(ours), statistics.median(floor)
    note = f"floor (bare QMainWindow): {base:.3f} s"
    return Result(value, "s", "median", 1.0, value / base, 2.5, note=note)
