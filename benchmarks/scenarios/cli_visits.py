"""Cold CLI: ``delegation-app visits --json`` on the scale database, against ``import sqlalchemy``."""

import statistics

from scenarios import Context, Result, wall_time


def run(ctx: Context) -> Result:
    ours, floor = [], []
    for _ in range(ctx.repeat):
        floor.append(wall_time(ctx, "-c", "import sqlalchemy"))
        ours.append(wall_time(ctx, "-m", "delegation_app", "--db", str(ctx.db_path), "visits", "--json"))
    value, base = statistics.median(ours), statistics.median(floor)
    note = f"floor (import sqlalchemy): {base:.3f} s"
    return Result(value, "s", "median", 0.8, value / base, None, note=note)
