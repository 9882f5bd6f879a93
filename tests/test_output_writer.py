"""The one writer for output files: refuses what must not be replaced, replaces atomically."""

import os
import stat
import sys

import pytest

from delegation_app.files.output import OutputRefused, OutputWriter
from delegation_app.i18n import set_language


@pytest.fixture(autouse=True)
def english():
    set_language("en")  # the matches below read the English messages; the last test reads German


@pytest.fixture
def db_file(tmp_path):
    db = tmp_path / "delegation.sqlite"
    db.write_bytes(b"SQLite format 3\0 the real data")
    return db


@pytest.fixture
def writer(db_file, tmp_path):
    backups = tmp_path / "backups"
    backups.mkdir()
    return OutputWriter(protected_files=[db_file], protected_folders=[backups])


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_the_database_and_its_companions_are_refused_and_untouched(writer, db_file, suffix):
    target = db_file.with_name(db_file.name + suffix)
    with pytest.raises(OutputRefused, match="database"):
        writer.write(target, b"%PDF-1.4")
    assert db_file.read_bytes() == b"SQLite format 3\0 the real data"


def test_a_path_reaching_the_database_another_way_is_refused(writer, db_file, tmp_path):
    (tmp_path / "sub").mkdir()
    with pytest.raises(OutputRefused):
        writer.write(tmp_path / "sub" / ".." / db_file.name, b"x")
    link = tmp_path / "link.pdf"
    link.symlink_to(db_file)
    with pytest.raises(OutputRefused):
        writer.write(link, b"x")
    assert db_file.read_bytes().startswith(b"SQLite")


def test_backups_folder_folder_and_missing_folder_are_refused(writer, tmp_path):
    with pytest.raises(OutputRefused, match="backups"):
        writer.write(tmp_path / "backups" / "a.json", b"{}")
    with pytest.raises(OutputRefused, match="folder"):
        writer.write(tmp_path, b"{}")
    with pytest.raises(OutputRefused, match="does not exist"):
        writer.write(tmp_path / "nowhere" / "a.pdf", b"x")
    with pytest.raises(OutputRefused):
        writer.write("  ", b"x")


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes are a POSIX file kind")
def test_a_special_file_is_refused_not_replaced(writer, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputRefused, match="not an ordinary file"):
        writer.write(fifo, b"x")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_an_existing_file_is_replaced_whole_and_private(writer, tmp_path):
    target = tmp_path / "briefing.pdf"
    target.write_bytes(b"old " * 1000)
    writer.write(target, b"new")
    assert target.read_bytes() == b"new"
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary(writer, tmp_path):
    target = tmp_path / "export.json"
    target.write_text("the good export")
    def render_and_fail():
        with writer.open_text(target) as fh:
            fh.write("half of a new")
            raise RuntimeError("the renderer failed")

    with pytest.raises(RuntimeError):
        render_and_fail()
    assert target.read_text() == "the good export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "delegation.sqlite", "export.json"]


def test_text_is_utf8_with_newlines_as_given(writer, tmp_path):
    target = tmp_path / "a.json"
    writer.write_text(target, "Łukasz Żółkiewski\n")
    assert target.read_bytes() == "Łukasz Żółkiewski\n".encode()


def test_protecting_adds_to_what_is_protected(tmp_path):
    other = tmp_path / "other.sqlite"
    writer = OutputWriter().protecting(files=[other])
    with pytest.raises(OutputRefused):
        writer.write(other, b"x")
    writer.write(tmp_path / "fine.pdf", b"x")


def test_the_message_is_one_line_in_german(writer, tmp_path):
    set_language("de")
    with pytest.raises(OutputRefused) as refused:
        writer.write(tmp_path, b"x")
    assert "Ordner" in refused.value.message
    assert "\n" not in refused.value.message
