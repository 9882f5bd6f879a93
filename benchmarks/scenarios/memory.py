"""Peak memory of the program with the scale database open and every view shown once."""

from scenarios import Context, Result
from scenarios.startup import time_to_ready


def run(ctx: Context) -> Result:
    peaks = [
        time_to_ready(ctx, "launch_app.py", "--visit-views", "--db", str(ctx.db_path))[1]["rss"]
        for _ in range(max(1, ctx.repeat // 2))
    ]
    return Result(max(peaks), "MB", "peak", 250.0)
