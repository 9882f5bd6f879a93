"""Start to a usable main window on the scale database, against a bare PySide6 window (the floor)."""

import statistics
import subprocess
import threading
import time

from scenarios import BENCH_DIR, Context, Result, TimedOut, result, timed_out


def _peak_rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            line = next(line for line in status if line.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024
    except (OSError, StopIteration):
        return 0.0


def time_to_ready(ctx: Context, script: str, *args: str) -> tuple[float, dict[str, float]]:
    """Seconds from spawn to the child's ``ready`` line, and the other numbers it printed."""
    started = time.time()
    proc = ctx.python(
        str(BENCH_DIR / "child" / script), *args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    numbers: dict[str, float] = {}
    peak_mb: list[float] = []

    def stop() -> None:  # ends the read loop below (EOF); the memory used so far is still worth knowing
        peak_mb.append(_peak_rss_mb(proc.pid))
        proc.kill()

    watchdog = threading.Timer(ctx.timeout, stop)
    watchdog.start()
    try:
        for line in proc.stdout:
            key, _sep, value = line.strip().partition(" ")
            if key in ("ready", "rss"):
                numbers[key] = float(value)
            if "rss" in numbers:
                break
    finally:
        watchdog.cancel()
        proc.kill()
        _out, err = proc.communicate()
    if "rss" not in numbers and peak_mb:
        raise TimedOut(script, peak_mb[0])
    if "rss" not in numbers:
        raise RuntimeError(f"{script} did not report (exit {proc.returncode}): {err[-2000:]}")
    return numbers["ready"] - started, numbers


def run(ctx: Context) -> Result:
    ours, floor = [], []
    try:
        for _ in range(ctx.repeat):  # interleaved: a disturbance hits both alike
            floor.append(time_to_ready(ctx, "launch_floor.py")[0])
            ours.append(time_to_ready(ctx, "launch_app.py", "--db", str(ctx.db_path))[0])
    except TimedOut:
        base = statistics.median(floor)
        return timed_out("startup", ctx, "the window did not show", base)
    value, base = statistics.median(ours), statistics.median(floor)
    note = f"floor (bare QMainWindow): {base:.3f} s"
    return result("startup", value, value / base, note)
