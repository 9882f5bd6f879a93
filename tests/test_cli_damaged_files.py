"""`delegation-app --db FILE visits` on a damaged database or a file that is no database at all:
exit 1, one line that says so, no traceback, and the file's bytes exactly as they were."""

import hashlib
import sqlite3

import pytest

from test_cli import assert_one_line_error, run


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damaged_database(path):
    """The demo database with bytes overwritten in the middle of every page (the header stays)."""
    run("--db", path, "demo", check_rc=0)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    for start in range(0, len(data), page_size):
        middle = start + page_size // 2
        data[middle : middle + 256] = b"\xa5" * 256
    path.write_bytes(bytes(data))


def text_file(path):
    path.write_text("Teilnehmerliste Bochum\nDenes Kücük, Stadt Bochum\n" * 200, "utf-8")


def pdf_file(path):
    path.write_bytes(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        + b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" * 100
        + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


@pytest.mark.parametrize("make", [damaged_database, text_file, pdf_file], ids=["damaged", "text", "pdf"])
def test_visits_on_a_broken_file_exits_1_in_one_line_and_leaves_it_untouched(tmp_path, make):
    path = tmp_path / "delegation.sqlite"
    make(path)
    before = digest(path)
    assert_one_line_error(run("--db", path, "visits"), 1, "beschädigt")
    assert digest(path) == before
    assert_one_line_error(run("--db", path, "--lang", "en", "visits", "--json"), 1, "damaged")
    assert digest(path) == before
