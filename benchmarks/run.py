"""Run the scenarios of issue 7: ``python benchmarks/run.py --db PATH [--json OUT] [--repeat N]``.

Prints a table (scenario, value, unit, statistic, target, ratio, ratio target, met?) and writes
``{"scenarios": {NAME: {"value", "unit", "stat", "target", "ratio", "ratio_target"}}, "machine": …}``.
Make the database first with ``benchmarks/make_scale_db.py``. A scenario whose input is missing
(no database, no big visit in it) is skipped: one line under the table says why, and the JSON
leaves it out. Exit code 0 whether or not the targets are met (the table says which); 2 for
wrong usage.

``--scales 0.1,1,10 [--scale-dir DIR]`` instead of ``--db`` (issue 21): each scale's database
built or reused (scale_files.py), the scenarios run at each scale, each scale's table and then
the growth table (growth.py); the JSON is ``{"scales": {"0.1": {"database", "scenarios"}, …},
"growth": {"from", "to", "scenarios": {NAME: {"ratio", "growth_limit", "met", …}}}, "machine"}``.
"""

import argparse
import dataclasses
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from importlib import import_module
from pathlib import Path

from growth import growth_json, print_growth_table
from growth import number as _number
from scale_files import DEFAULT_DIR, ScaleFileError, ensure_database, parse_scales, scale_label

CHECKOUT = Path(__file__).resolve().parent.parent
# Cold processes first: the in-process scenarios warm the page cache and import everything.
SCENARIOS = (
    "cli_visits", "cli_visits_all", "first_paint", "startup", "frozen_startup", "memory", "search",
    "people_list", "open_visit", "briefing", "print_products", "import_people", "team_latency",
)  # fmt: skip
# These time code inside one Python process: a child of this one, so that a scenario far off its
# target can be stopped (--timeout) and every scenario starts from the same state.
IN_PROCESS = frozenset({"search", "people_list", "open_visit", "briefing", "print_products", "import_people"})


def isolate(env: dict[str, str], home: Path) -> None:
    """No window on screen, and the program's settings, logs and daily backups in a scratch folder."""
    env["QT_QPA_PLATFORM"] = env.get("BENCH_QT_PLATFORM", "offscreen")
    # Children run in other folders: a relative PYTHONPATH must keep meaning this checkout.
    paths = [os.path.abspath(p) for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    if (CHECKOUT / "delegation_app").is_dir():  # this checkout's program, not one installed elsewhere
        paths.insert(0, str(CHECKOUT))
        sys.path.insert(0, str(CHECKOUT))
    env["PYTHONPATH"] = os.pathsep.join(paths)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env.pop("DELEGATION_APP_DB", None)


def compile_program() -> None:
    """The program's bytecode written, as pip writes it on install: otherwise, where
    PYTHONDONTWRITEBYTECODE is set, every timed start would compile the changed modules again."""
    import compileall

    import delegation_app

    compileall.compile_dir(Path(delegation_app.__file__).parent, quiet=1)


def in_child(ctx, name: str):
    """Run one in-process scenario in a fresh process; a stopped one gets the timeout as value.
    Its results by name (search has two: its median and its slowest query)."""
    from scenarios import MissingInput, Result, timed_out

    argv = [__file__, "--db", str(ctx.db_path), "--repeat", str(ctx.repeat), "--child", name]
    proc = ctx.python(*argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=ctx.timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return {name: timed_out(name, ctx, "in-process scenario")}
    if proc.returncode:
        raise RuntimeError(f"{name} failed ({proc.returncode}): {err[-3000:]}")
    outcome = json.loads(out.strip().splitlines()[-1])
    if "skipped" in outcome:
        raise MissingInput(outcome["skipped"])
    return {key: Result(**fields) for key, fields in outcome["results"].items()}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
    except OSError:
        pass
    from PySide6 import __version__ as pyside

    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} logical CPUs, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, PySide6 {pyside}"
    )


def print_table(results: dict, skipped: dict[str, str]) -> None:
    header = ("scenario", "value", "stat", "target", "ratio", "ratio target", "met?", "round trips")
    rows = [
        (name, _number(r.value, r.unit), r.stat, _number(r.target, r.unit), _number(r.ratio),
         _number(r.ratio_target), "yes" if r.met else "NO", "–" if r.round_trips is None else r.round_trips)
        for name, r in results.items()
    ]  # fmt: skip
    widths = [max(len(str(row[i])) for row in (header, *rows)) for i in range(len(header))]
    for row in (header, tuple("-" * w for w in widths), *rows):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
    for name, r in results.items():
        if r.note:
            print(f"  {name}: {r.note}")
    reasons: dict[str, list[str]] = {}
    for name, why in skipped.items():
        reasons.setdefault(why, []).append(name)
    for why, names in reasons.items():
        print(f"  skipped {', '.join(names)}: {why}")


def as_results(name: str, outcome) -> dict:
    """A scenario returns one Result or several by name (team_latency, search)."""
    return outcome if isinstance(outcome, dict) else {name: outcome}


def run_scenarios(ctx, names, pg: str | None, no_database: str | None) -> tuple[dict, dict[str, str]]:
    """Every scenario of ``names`` on the context's database: results by name, and why the
    skipped ones were skipped (all of them, with ``no_database`` as the reason, when it is set)."""
    from scenarios import MissingInput

    results: dict = {}
    skipped: dict[str, str] = {}
    for name in names:
        started = time.perf_counter()
        try:
            if no_database:  # every scenario runs on the scale database
                raise MissingInput(no_database)
            if name == "team_latency":  # five results: team_start, team_open_visit, …
                if not pg:
                    raise MissingInput("no --pg URL given (a PostgreSQL database the scale data may fill)")
                results.update(import_module("scenarios.team_latency").run(ctx, pg))
            elif name in IN_PROCESS:
                results.update(in_child(ctx, name))
            else:
                results.update(as_results(name, import_module(f"scenarios.{name}").run(ctx)))
        except MissingInput as exc:
            skipped[name] = str(exc)
            continue
        print(f"{name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return results, skipped


def run_scales(args) -> int:
    """``--scales``: each scale's database built or reused, the scenarios run on one after the
    other, each scale's table, then the growth table."""
    from scenarios import Context

    try:
        databases = {scale: ensure_database(args.scale_dir, scale, dict(os.environ)) for scale in args.scales}
    except ScaleFileError as exc:
        print(f"run.py: {exc}", file=sys.stderr)
        return 2
    per_scale = {}
    for scale, path in databases.items():
        print(f"scale {scale_label(scale)}: {path}", file=sys.stderr, flush=True)
        ctx = Context(db_path=path.resolve(), repeat=args.repeat, timeout=args.timeout)
        results, skipped = run_scenarios(ctx, args.only or SCENARIOS, args.pg, None)
        print(f"\nscale {scale_label(scale)} ({path})")
        print_table(results, skipped)
        per_scale[scale] = results
    print_growth_table(per_scale)
    if args.json:
        report = {
            "scales": {
                scale_label(scale): {
                    "database": str(databases[scale]),
                    "scenarios": {n: r.as_json() for n, r in results.items()},
                }
                for scale, results in per_scale.items()
            },
            "growth": growth_json(per_scale),
            "machine": machine(),
        }
        write_json(args.json, report)
    return 0


def write_json(path: Path, report: dict) -> None:
    text = json.dumps(report, indent=2, ensure_ascii=False, allow_nan=False)
    path.write_text(text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--db", type=Path, help="the scale database (make_scale_db.py); without it every scenario is skipped"
    )
    source.add_argument(
        "--scales",
        help="run at these scales (like 0.1,1,10: 10,000 / 100,000 / 1,000,000 people), building or reusing "
        "each scale's database, and print the growth table",
    )
    parser.add_argument(
        "--scale-dir", type=Path, default=DEFAULT_DIR,
        help=f"where --scales keeps its databases (default {DEFAULT_DIR})",
    )  # fmt: skip
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--repeat", type=int, default=5, help="runs per scenario (default 5)")
    parser.add_argument("--only", nargs="+", choices=SCENARIOS, help="run only these scenarios")
    parser.add_argument(
        "--timeout", type=float, default=300.0, help="stop a process after this many seconds (default 300)"
    )
    parser.add_argument(
        "--pg", help="a PostgreSQL database (URL) for the team scenarios; the scale data is copied into it"
    )
    parser.add_argument("--child", choices=sorted(IN_PROCESS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.scales:
        try:
            args.scales = parse_scales(args.scales)
        except ValueError as exc:
            parser.error(str(exc))
    with tempfile.TemporaryDirectory(prefix="delegation-bench-") as home:
        isolate(os.environ, Path(home))  # this process and every child
        from scenarios import Context, MissingInput, missing_database

        no_database = missing_database(args.db)
        ctx = Context(db_path=(args.db or Path()).resolve(), repeat=args.repeat, timeout=args.timeout)
        if args.child:
            try:
                if no_database:
                    raise MissingInput(no_database)
                found = as_results(args.child, import_module(f"scenarios.{args.child}").run(ctx))
                outcome = {"results": {key: dataclasses.asdict(r) for key, r in found.items()}}
            except MissingInput as exc:
                outcome = {"skipped": str(exc)}
            print(json.dumps(outcome))
            return 0
        compile_program()
        if args.scales:
            return run_scales(args)
        results, skipped = run_scenarios(ctx, args.only or SCENARIOS, args.pg, no_database)
    print_table(results, skipped)
    if args.json:
        report = {"scenarios": {n: r.as_json() for n, r in results.items()}, "machine": machine()}
        write_json(args.json, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
