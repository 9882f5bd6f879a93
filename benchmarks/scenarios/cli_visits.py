"""Cold CLI: ``delegation-app visits --json --since 2026-11-01 --limit 100`` on the scale database,
against ``import sqlalchemy`` (issue 21: a hundred visits printed cost the same at any size)."""

import statistics

from scenarios import Context, Result, TimedOut, result, timed_out, wall_time

ARGS = ("visits", "--json", "--since", "2026-11-01", "--limit", "100")


def run(ctx: Context) -> Result:
    ours, floor = [], []
    try:
        for _ in range(ctx.repeat):
            floor.append(wall_time(ctx, "-c", "import sqlalchemy"))
            ours.append(wall_time(ctx, "-m", "delegation_app", "--db", str(ctx.db_path), *ARGS))
    except TimedOut:
        base = statistics.median(floor)
        return timed_out("cli_visits", ctx, " ".join(ARGS), base)
    value, base = statistics.median(ours), statistics.median(floor)
    note = f"floor (import sqlalchemy): {base:.3f} s"
    return result("cli_visits", value, value / base, note)
