"""Peak memory of the program with the scale database open and every view shown once."""

from scenarios import Context, Result, TimedOut, result
from scenarios.startup import time_to_ready


def run(ctx: Context) -> Result:
    try:
        peaks = [
            time_to_ready(ctx, "launch_app.py", "--visit-views", "--db", str(ctx.db_path))[1]["rss"]
            for _ in range(max(1, ctx.repeat // 2))
        ]
    except TimedOut as exc:
        peak = exc.args[1] if len(exc.args) > 1 else 0.0
        note = f"STOPPED after {ctx.timeout:.0f} s before the window showed; peak RSS until then"
        return result("memory", peak, note=note)
    return result("memory", max(peaks))
