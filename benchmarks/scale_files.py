"""The scale databases of ``run.py --scales``: one file per scale in a folder the user finds again,
built once with make_scale_db.py and reused while it is the one that scale makes.

Each complete build leaves a record beside the database (``scale-0.1.sqlite.json``: scale, seed,
counts), written by make_scale_db.py after its last transaction. The record lives outside the
database so that the program's own schema and ``PRAGMA user_version`` stay untouched. A file
without a record (made by an older make_scale_db.py) is recognised by its row counts.
"""

import json
import math
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from scale_spec import SEED, scaled_counts

BENCH_DIR = Path(__file__).resolve().parent
DEFAULT_DIR = BENCH_DIR / ".scales"  # git-ignored; survives reboots, unlike the temp folder
# Measured for the 10× file (issue 21): about 11 minutes and 4.9 GB; time and size grow linearly.
MINUTES_PER_SCALE = 1.1
GB_PER_SCALE = 0.49


class ScaleFileError(Exception):
    """A file is in the way or a build failed: one line for the user."""


def scale_label(scale: float) -> str:
    """``0.1``, ``1``, ``10``: the same spelling in file names, table columns and JSON keys."""
    return format(scale, "g")


def database_path(folder: Path, scale: float) -> Path:
    return folder / f"scale-{scale_label(scale)}.sqlite"


def record_path(database: Path) -> Path:
    return database.with_name(database.name + ".json")


def record(scale: float, seed: int) -> dict:
    return {"scale": scale, "seed": seed, "counts": scaled_counts(scale)}


def write_record(database: Path, scale: float, seed: int) -> None:
    """Called by make_scale_db.py once the database is complete."""
    text = json.dumps(record(scale, seed), indent=2) + "\n"
    record_path(database).write_text(text, encoding="utf-8")


def _counts(database: Path, tables) -> dict[str, int]:
    conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}
    except sqlite3.Error:
        return {}
    finally:
        conn.close()


def why_not_reusable(database: Path, scale: float) -> str | None:
    """None when ``database`` is the one ``make_scale_db.py --scale SCALE`` makes, else why not."""
    wanted = record(scale, SEED)
    side = record_path(database)
    if side.is_file():
        try:
            found = json.loads(side.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return f"its record {side.name} cannot be read"
        if found != wanted:
            return f"it was made with scale {found.get('scale')} and seed {found.get('seed')} ({side.name})"
        return None
    if _counts(database, wanted["counts"]) != wanted["counts"]:
        return "it has no record and its row counts are not those of that scale (an interrupted build?)"
    return None


def build_estimate(scale: float) -> str:
    minutes = MINUTES_PER_SCALE * scale
    size = GB_PER_SCALE * scale
    took = f"about {minutes:.0f} minutes" if minutes >= 1.5 else "under two minutes"
    disk = f"{size:.1f} GB" if size >= 1 else f"{max(size * 1000, 1):.0f} MB"
    return f"{took} and {disk} of disk"


def ensure_database(folder: Path, scale: float, env: dict[str, str]) -> Path:
    """The database for ``scale`` in ``folder``: reused when it is that scale's, else built."""
    path = database_path(folder, scale)
    if path.exists():
        why = why_not_reusable(path, scale)
        if why:
            raise ScaleFileError(f"{path} is not the scale-{scale_label(scale)} database: {why}; "
                                 "remove it or choose another --scale-dir")  # fmt: skip
        print(f"scale {scale_label(scale)}: reusing {path}", file=sys.stderr, flush=True)
        return path
    folder.mkdir(parents=True, exist_ok=True)
    people = scaled_counts(scale)["person"]
    print(
        f"scale {scale_label(scale)}: building {path} ({people:,} people; {build_estimate(scale)})",
        file=sys.stderr, flush=True,
    )  # fmt: skip
    free = shutil.disk_usage(folder).free
    if free < GB_PER_SCALE * scale * 1.1e9:
        print(f"  only {free / 1e9:.1f} GB free in {folder}", file=sys.stderr, flush=True)
    command = [sys.executable, str(BENCH_DIR / "make_scale_db.py"), str(path), "--scale", repr(scale)]
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode:
        # Ours, and incomplete: gone, so that the next run builds it again instead of refusing it.
        for leftover in (path, record_path(path), Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise ScaleFileError(f"building {path} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return path


def parse_scales(text: str) -> list[float]:
    """``0.1,1,10`` → [0.1, 1.0, 10.0], smallest first; ValueError in the user's words."""
    try:
        scales = sorted({float(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise ValueError(f"--scales takes numbers separated by commas, like 0.1,1,10; not {text!r}") from None
    if not scales or scales[0] <= 0 or not all(map(math.isfinite, scales)):
        raise ValueError(f"--scales takes positive numbers (like 0.1,1,10), not {text!r}")
    return scales
