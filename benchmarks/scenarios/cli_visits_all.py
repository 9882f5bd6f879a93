"""Every visit through the CLI: ``delegation-app visits --json`` (output to /dev/null) on the scale
database; the value is the process's peak memory, which must not grow with the visits printed
(issue 21), the wall time goes into the note."""

import os
import statistics
import subprocess
import threading
import time

from scenarios import Context, Result, result


def _peak_and_time(ctx: Context) -> tuple[float, float, bool]:
    """(peak RSS in MB, seconds, stopped?) of one run; wait4 gives the child's own peak."""
    command = [ctx.python_executable, "-m", "delegation_app", "--db", str(ctx.db_path), "visits", "--json"]
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=ctx.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stopper = threading.Timer(ctx.timeout, proc.kill)
    stopper.start()
    try:
        assert proc.stderr is not None
        err = proc.stderr.read()
        _pid, status, usage = os.wait4(proc.pid, 0)
    finally:
        stopper.cancel()
        proc.stderr.close()  # type: ignore[union-attr]
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    stopped = proc.returncode == -9 and elapsed >= ctx.timeout
    if proc.returncode and not stopped:
        raise RuntimeError(f"{command} failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    return usage.ru_maxrss / 1024, elapsed, stopped  # Linux counts ru_maxrss in KiB


def run(ctx: Context) -> Result:
    runs = [_peak_and_time(ctx) for _ in range(ctx.repeat)]
    peak = max(r[0] for r in runs)
    seconds = statistics.median(r[1] for r in runs)
    if any(r[2] for r in runs):
        note = f"STOPPED after {ctx.timeout:.0f} s (visits --json); peak RSS until then"
    else:
        note = f"wall time (median): {seconds:.2f} s"
    return result("cli_visits_all", peak, note=note)
