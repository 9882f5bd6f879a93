"""Import files that are not what they claim: too large, too deep, not UTF-8, with a BOM.

Each is refused with one line in the user's language and writes nothing, or (the BOM a Windows
editor adds) imported like any other export.
"""

import json
import pathlib
import subprocess
import sys

import pytest

from delegation_app import i18n
from delegation_app.domain.errors import InvalidFileError
from delegation_app.interchange import json_file as interchange
from delegation_app.interchange.json_file import MAX_IMPORT_BYTES, export_json, import_json
from delegation_app.services.registry import Services
from delegation_app.storage.jsonio import export_data
from delegation_app.storage.opening import open_database

import factories as f


@pytest.fixture
def target(tmp_path):
    db, _report = open_database(f"sqlite:///{tmp_path / 'target.sqlite'}", backups=tmp_path / "b")
    yield Services.over(db)
    db.dispose()


@pytest.fixture
def dump(services, tmp_path):
    visit = f.visit(services, notes="Grüße aus Bochum\nzweite Zeile")
    f.agenda_item(services, visit.id)
    path = tmp_path / "dump.json"
    export_json(services.db, path)
    return path


def is_empty(services) -> bool:
    with services.db.read() as session:
        return not any(export_data(session).values())


def refusal(target, path) -> str:
    with pytest.raises(InvalidFileError) as info:
        import_json(target.db, path)
    message = info.value.message
    assert "\n" not in message
    assert len(message) < 400
    assert is_empty(target)
    return message


def oversized(tmp_path) -> pathlib.Path:
    """A sparse file one byte over the limit: no disk space used, nothing worth reading."""
    path = tmp_path / "huge.json"
    with open(path, "wb") as fh:
        fh.truncate(MAX_IMPORT_BYTES + 1)
    return path


def test_a_file_over_the_limit_is_refused_before_it_is_opened(target, tmp_path, monkeypatch):
    path = oversized(tmp_path)

    def never(*args, **kwargs):
        raise AssertionError("the oversized file was opened")

    monkeypatch.setattr(pathlib.Path, "open", never)
    monkeypatch.setattr(interchange.json, "loads", never)
    message = refusal(target, path)
    assert "1024 MB" in message
    assert "höchstens" in message
    i18n.set_language("en")
    with pytest.raises(InvalidFileError, match=r"at most 1024 MB\. Nothing was imported\."):
        import_json(target.db, path)


def test_the_limit_leaves_room_for_a_large_office():
    # Measured: 100,000 people, 300,000 contact entries, 3,000 visits with their parts: 356 MB.
    assert 356 * 2**20 * 2 < MAX_IMPORT_BYTES <= 2**30


def test_the_command_line_refuses_an_oversized_file_in_one_line(tmp_path, db_path):
    huge = oversized(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "delegation_app", "--db", str(db_path), "import-json", str(huge)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "höchstens 1024 MB" in result.stderr


def test_a_byte_order_mark_is_accepted(target, dump, tmp_path):
    with_bom = tmp_path / "bom.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + dump.read_bytes())
    import_json(target.db, with_bom)
    assert target.visits.list()[0].notes == "Grüße aus Bochum\nzweite Zeile"


@pytest.mark.parametrize(
    ("damage", "fragment"),
    [
        (lambda raw: raw.replace("Grüße".encode(), b"Gr\xfc\xdfe"), "kein UTF-8"),  # Latin-1 bytes
        (lambda raw: raw.replace(b"Bochum", b"Boch\xed\xa0\x80um"), "kein UTF-8"),  # encoded surrogate
        (lambda raw: raw[: len(raw) // 2], "kein gültiges JSON"),  # cut off
        (lambda raw: b"[" * 100_000 + b"]" * 100_000, "zu tief verschachtelt"),
        (lambda raw: raw.replace(b'"version": 1,', b'"version": 1' + b"0" * 5000 + b","), "zu lange Zahl"),
        (lambda raw: raw.replace("Grüße".encode(), b"\\u0000Gr\\u00fc\\u00dfe"), "Ungültiger Wert"),
        (lambda raw: raw.replace("Grüße".encode(), b"\\ud800"), "Ungültiger Wert"),
    ],
)  # fmt: skip
def test_damaged_files_are_refused_in_one_line(target, dump, tmp_path, damage, fragment):
    bad = tmp_path / "bad.json"
    bad.write_bytes(damage(dump.read_bytes()))
    assert fragment in refusal(target, bad)


def nested(depth: int):
    value = 1
    for _level in range(depth):
        value = {"a": [value]}
    return value


@pytest.mark.parametrize(
    ("value", "shown"),
    [("Zeile\n" * 10_000, "'Zeile\\nZeile"), (nested(200), "{'a': [{...}]}"), (10**4000, "1000000")],
    ids=["long text", "nested", "long number"],
)
def test_messages_show_a_value_shortened_and_in_english_on_request(target, dump, tmp_path, value, shown):
    document = json.loads(dump.read_text("utf-8"))
    document["data"]["visit"][0]["title"] = value
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), "utf-8")
    i18n.set_language("en")
    message = refusal(target, bad)
    assert message.startswith(f"Invalid value in table visit, row 1, field title: {shown}")
