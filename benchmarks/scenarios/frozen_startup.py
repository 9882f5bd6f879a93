"""The frozen bundle's start (``dist/delegation-app/delegation-app``, made by packaging/build.py)
against the same start from the virtual environment: each runs ``--db SCALE --quit-when-ready``,
timed from spawn to exit (the window shown, its first idle moment, closed)."""

import statistics

from scenarios import BENCH_DIR, Context, MissingInput, Result, TimedOut, command_time, result, timed_out

BUNDLE = BENCH_DIR.parent / "dist" / "delegation-app" / "delegation-app"


def run(ctx: Context) -> Result:
    if not BUNDLE.is_file():
        raise MissingInput(f"no frozen bundle at {BUNDLE}; make it with python packaging/build.py")
    args = ["--db", str(ctx.db_path), "--quit-when-ready"]
    frozen, venv = [], []
    try:
        for _ in range(ctx.repeat):  # interleaved: a disturbance hits both alike
            venv.append(command_time(ctx, [ctx.python_executable, "-m", "delegation_app", *args]))
            frozen.append(command_time(ctx, [str(BUNDLE), *args]))
    except TimedOut:
        return timed_out("frozen_startup", ctx, "the frozen window did not show")
    value, base = statistics.median(frozen), statistics.median(venv)
    return result("frozen_startup", value, value / base, f"venv start to first idle and exit: {base:.3f} s")
