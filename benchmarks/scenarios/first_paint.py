"""Start to the first painted main window (menus, navigation, "Loading…") on the scale database,
against a bare PySide6 window shown and painted in the same process setup (the floor)."""

import statistics

from scenarios import Context, Result, TimedOut, result, timed_out
from scenarios.startup import time_to_ready


def run(ctx: Context) -> Result:
    ours, floor = [], []
    try:
        for _ in range(ctx.repeat):  # interleaved: a disturbance hits both alike
            floor.append(time_to_ready(ctx, "launch_floor.py")[0])
            ours.append(time_to_ready(ctx, "launch_first_paint.py", "--db", str(ctx.db_path))[0])
    except TimedOut:
        return timed_out("first_paint", ctx, "no window was painted", statistics.median(floor))
    value, base = statistics.median(ours), statistics.median(floor)
    return result("first_paint", value, value / base, f"floor (bare QMainWindow): {base:.3f} s")
