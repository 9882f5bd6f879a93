"""Every file a command writes goes through the output writer: never over the database the
command opened, never a folder or a device, and replaced atomically (issue 13, defect 2)."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from test_cli import assert_one_line_error, run


@pytest.fixture
def demo_db(tmp_path):
    path = tmp_path / "o.sqlite"
    run("--db", path, "demo", check_rc=0)
    return path


def visit_count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM visit").fetchone()[0]


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_briefing_over_the_open_database_is_refused(demo_db, suffix):
    target = f"{demo_db}{suffix}"
    result = run("--db", demo_db, "briefing", "1", "-o", target)
    assert_one_line_error(result, 1, "Datenbank des Programms")
    assert demo_db.read_bytes()[:16] == b"SQLite format 3\0"
    assert visit_count(demo_db) == 1


def test_export_json_over_the_open_database_is_refused(demo_db, tmp_path):
    # The paths as the user typed them, relative to the folder they are in.
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-m", "delegation_app", "--db", "o.sqlite", "export-json", "o.sqlite"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert_one_line_error(result, 1, "Datenbank des Programms")
    assert visit_count(demo_db) == 1


def test_export_json_into_the_backups_folder_is_refused(demo_db, user_dirs):
    backups = user_dirs / "xdg_data_home" / "delegation-app" / "backups"
    backups.mkdir(parents=True, exist_ok=True)
    result = run("--db", demo_db, "export-json", backups / "x.json")
    assert_one_line_error(result, 1, "Sicherungsordner")
    assert not (backups / "x.json").exists()


def test_export_json_to_a_device_is_refused(demo_db, tmp_path):
    # As root, export-json /dev/null replaced the device node with a regular file. Asked through a
    # link, so that a program that still does so replaces the link, never the machine's /dev/null.
    device = tmp_path / "null.json"
    device.symlink_to("/dev/null")
    result = run("--db", demo_db, "export-json", device)
    assert_one_line_error(result, 1, "keine gewöhnliche Datei")
    assert device.is_symlink()
    assert Path("/dev/null").is_char_device()


def test_export_json_to_a_named_pipe_is_refused_without_blocking(demo_db, tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result = run("--db", demo_db, "export-json", fifo)
    assert_one_line_error(result, 1, "keine gewöhnliche Datei")


def test_export_json_to_a_folder_is_refused(demo_db, tmp_path):
    result = run("--db", demo_db, "export-json", tmp_path)
    assert_one_line_error(result, 1, "ist ein Ordner")
    result = run("--db", demo_db, "briefing", "1", "-o", tmp_path)
    assert_one_line_error(result, 1, "ist ein Ordner")


def test_an_existing_export_is_replaced_whole_and_readable_by_the_user_only(demo_db, tmp_path):
    target = tmp_path / "export.json"
    target.write_text("old content that is longer than nothing", encoding="utf-8")
    run("--db", demo_db, "export-json", target, check_rc=0)
    assert json.loads(target.read_text(encoding="utf-8"))["meta"]["counts"]["visit"] == 1
    assert target.stat().st_mode & 0o777 == 0o600
    pdf = tmp_path / "b.pdf"
    run("--db", demo_db, "briefing", "1", "-o", pdf, check_rc=0)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temp left


ALLOWED = {
    # The writer itself, and the program's own internal files (settings, drafts, backups, the
    # database file created at first start), which no user names and the writer would refuse.
    "files/output.py",
    "storage/settings.py",
    "storage/drafts.py",
    "storage/backups.py",
    "storage/opening.py",
}
FILE_WRITING = (
    ".write_bytes(",
    "mkstemp(",
    "NamedTemporaryFile(",
    "os.replace(",
    "os.rename(",
    "shutil.copy",
    "shutil.move",
    "os.fdopen(",
    '"w")',
    '"wb")',
    '"a")',
    '"w",',
    '"wb",',
    "'w'",
    "O_CREAT",
)


def test_no_module_writes_a_file_past_the_output_writer():
    """A future export (a report, a CSV) must use ctx.output: a plain write would reopen every
    hole the writer closes (over the database, a device, a half-written file)."""
    package = Path(__file__).resolve().parents[1] / "delegation_app"
    found = []
    for module in sorted(package.rglob("*.py")):
        name = module.relative_to(package).as_posix()
        if name in ALLOWED:
            continue
        for number, line in enumerate(module.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if "os.devnull" in code:  # the CLI silencing stdout after a broken pipe
                continue
            if any(call in code for call in FILE_WRITING) or (
                ".write_text(" in code and "writer" not in code and "output" not in code
            ):
                found.append(f"{name}:{number}: {line.strip()}")
    assert found == []


def test_the_source_check_catches_a_plain_write(tmp_path):
    """The check above is only worth something if it sees the usual ways of writing a file."""
    for line in ("Path(p).write_bytes(pdf)", 'with open(p, "w") as fh:', "fd, tmp = tempfile.mkstemp()"):
        assert any(call in line for call in FILE_WRITING)
