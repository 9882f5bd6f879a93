"""The command line as a user runs it: a real process, exit codes, one-line errors."""

import json
import subprocess
import sys

import pytest

TITLE = "Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie"


def run(*args, check_rc=None):
    result = subprocess.run(
        [sys.executable, "-m", "delegation_app", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if check_rc is not None:
        assert result.returncode == check_rc, result.stderr
    return result


def assert_one_line_error(result, rc, *fragments):
    assert result.returncode == rc
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_demo_then_visits_lists_the_bochum_visit(db_path):
    first = run("--db", db_path, "demo", check_rc=0)
    assert "Demo-Besuch hinzugefügt" in first.stdout
    again = run("--db", db_path, "demo", check_rc=0)
    assert "bereits" in again.stdout
    table = run("--db", db_path, "visits", check_rc=0).stdout
    assert TITLE in table
    assert "13.11.2025, 09:30 Uhr" in table
    assert "Erledigt" in table
    assert table.count(TITLE) == 1


def test_visits_as_json(db_path):
    run("--db", db_path, "demo", check_rc=0)
    rows = json.loads(run("--db", db_path, "visits", "--json", check_rc=0).stdout)
    assert len(rows) == 1
    assert {"id", "title", "starts_at", "ends_at", "status"} <= set(rows[0])
    assert rows[0]["title"] == TITLE
    assert rows[0]["starts_at"] == "2025-11-13T09:30:00"
    assert rows[0]["status"] == "done"


def test_english_on_request(db_path):
    run("--db", db_path, "demo", check_rc=0)
    table = run("--db", db_path, "--lang", "en", "visits", check_rc=0).stdout
    assert table.splitlines()[0].split() == ["ID", "Start", "End", "Status", "Title"]
    assert "13 Nov 2025, 09:30" in table  # English dates in English
    assert "Uhr" not in table
    assert "13.11.2025" not in table


def test_environment_variable_selects_the_database(db_path, monkeypatch):
    monkeypatch.setenv("DELEGATION_APP_DB", str(db_path))
    run("demo", check_rc=0)
    assert db_path.exists()
    assert TITLE in run("visits", check_rc=0).stdout


def test_demo_flag_uses_a_separate_database(db_path, user_dirs):
    assert TITLE in run("--demo", "visits", check_rc=0).stdout
    assert (user_dirs / "xdg_data_home" / "delegation-app" / "demo.sqlite").exists()
    assert not (user_dirs / "xdg_data_home" / "delegation-app" / "delegation.sqlite").exists()


def test_export_and_import_round_trip(db_path, tmp_path):
    run("--db", db_path, "demo", check_rc=0)
    dump = tmp_path / "dump.json"
    assert "Datensätze" in run("--db", db_path, "export-json", dump, check_rc=0).stdout
    target = tmp_path / "copy.sqlite"
    run("--db", target, "import-json", dump, check_rc=0)
    assert TITLE in run("--db", target, "visits", check_rc=0).stdout
    assert_one_line_error(run("--db", target, "import-json", dump), 1, "bereits Datensätze")
    run("--db", target, "import-json", "--merge", dump, check_rc=0)
    assert run("--db", target, "visits").stdout.count(TITLE) == 2


@pytest.mark.parametrize(
    "args",
    [
        ["no-such-command"],
        ["--demo", "--db", "x.sqlite", "visits"],
        ["import-json"],
        ["--lang", "fr", "visits"],
        ["visits", "--colour"],
    ],
)
def test_usage_errors_exit_2(args, db_path):
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "usage:" in result.stderr


def test_user_errors_exit_1_with_one_line(db_path, tmp_path):
    assert_one_line_error(
        run("--db", db_path, "import-json", tmp_path / "missing.json"), 1, "existiert nicht"
    )
    bad = tmp_path / "bad.json"
    bad.write_text("{ nope", "utf-8")
    assert_one_line_error(run("--db", db_path, "import-json", bad), 1, "kein gültiges JSON")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"\x00garbage" * 1000)
    assert_one_line_error(run("--db", garbage, "visits"), 1, "beschädigt")
    assert_one_line_error(run("--db", db_path, "export-json", tmp_path / "no-dir" / "x.json"), 1, "no-dir")


def test_headless_commands_do_not_import_qt(db_path):
    code = (
        "import sys; from delegation_app.app import main; "
        f"rc = main(['--db', {str(db_path)!r}, 'visits', '--json']); "
        "assert rc == 0, rc; "
        "loaded = [m for m in sys.modules if m.startswith('PySide6')]; "
        "assert not loaded, loaded"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_version():
    from delegation_app import __version__

    assert run("--version", check_rc=0).stdout.strip() == f"delegation-app {__version__}"


def test_briefing_command(db_path, tmp_path):
    run("--db", db_path, "demo", check_rc=0)
    out = tmp_path / "briefing.pdf"
    result = run("--db", db_path, "briefing", "1", "-o", out, "--no-private", "--sections", "agenda,press",
                 check_rc=0)  # fmt: skip
    assert "Briefing nach" in result.stdout
    assert out.read_bytes().startswith(b"%PDF")
    assert_one_line_error(run("--db", db_path, "briefing", "99", "-o", out), 1, "keinen Besuch mit der ID 99")
    assert run("--db", db_path, "briefing", "1", "-o", out, "--sections", "menu").returncode == 2
    assert run("--db", db_path, "briefing", "one", "-o", out).returncode == 2


def test_briefing_names_who_created_it_under_either_option(db_path, tmp_path):
    from pdf_tools import flat, pdftotext

    run("--db", db_path, "demo", check_rc=0)
    for option, name in (("--created-by", "Protokollabteilung"), ("--issued-by", "Büro OB")):
        out = tmp_path / f"{name}.pdf"
        run("--db", db_path, "briefing", "1", "-o", out, option, name, check_rc=0)
        assert "Erstellt am" in flat(pdftotext(out.read_bytes()))
        assert f"von {name}" in flat(pdftotext(out.read_bytes()))


def test_briefing_names_the_profile_not_the_login(db_path, tmp_path):
    import getpass
    import io
    from dataclasses import replace

    from pypdf import PdfReader

    from delegation_app.user_files import SettingsStore

    from pdf_tools import flat, pdftotext

    store = SettingsStore()  # the test's own config folder, as the command reads it
    settings = store.get()
    profile = replace(settings.profile, name="Anna Schmidt", function="Referentin")
    store.save(replace(settings, profile=profile))
    run("--db", db_path, "demo", check_rc=0)
    out = tmp_path / "briefing.pdf"
    run("--db", db_path, "briefing", "1", "-o", out, check_rc=0)
    text = flat(pdftotext(out.read_bytes()))
    assert "von Anna Schmidt, Referentin" in text
    assert f"von {getpass.getuser()}" not in text
    assert PdfReader(io.BytesIO(out.read_bytes())).metadata.author == "Anna Schmidt"
    run("--db", db_path, "briefing", "1", "-o", out, "--created-by", "Büro OB", check_rc=0)  # overrides
    assert PdfReader(io.BytesIO(out.read_bytes())).metadata.author == "Büro OB"


def test_backup_change_restore_from_the_command_line(db_path, tmp_path):
    run("--db", db_path, "demo", check_rc=0)
    dest = tmp_path / "sicherung.sqlite"
    assert "Sicherung nach" in run("--db", db_path, "backup", dest, check_rc=0).stdout
    before = tmp_path / "before.json"
    run("--db", db_path, "export-json", before, check_rc=0)
    run("--db", db_path, "briefing", "1", "-o", tmp_path / "x.pdf", check_rc=0)  # reads only
    conn = __import__("sqlite3").connect(db_path)
    conn.execute("DELETE FROM quote")
    conn.commit()
    conn.close()
    result = run("--db", db_path, "restore", dest, check_rc=0)
    assert "ist wiederhergestellt" in result.stdout
    after = tmp_path / "after.json"
    run("--db", db_path, "export-json", after, check_rc=0)
    assert json.loads(after.read_text("utf-8"))["data"] == json.loads(before.read_text("utf-8"))["data"]
    assert_one_line_error(run("--db", db_path, "backup", dest), 1, "gibt es schon")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"\x00garbage" * 100)
    assert_one_line_error(run("--db", db_path, "restore", garbage), 1, "keine verwendbare Sicherung")


def test_search_finds_contact_summaries_and_follow_up_titles(db_path):
    run("--db", db_path, "demo", check_rc=0)
    hits = json.loads(run("--db", db_path, "search", "strategiepapier", "--json", check_rc=0).stdout)
    assert {h["kind"] for h in hits} == {"contact", "followup"}
    titles = {h["title"] for h in hits}
    assert "Hanauer Smart-City-Strategiepapier an die Stadtwerke Bochum senden" in titles
    table = run("--db", db_path, "search", "kucuk", check_rc=0).stdout
    assert "Person" in table
    assert "Denes Kücük" in table
    assert "Nichts gefunden." in run("--db", db_path, "search", "Zeppelin", check_rc=0).stdout


def test_briefing_format_follows_the_suffix(db_path, tmp_path):
    from docx import Document

    run("--db", db_path, "demo", check_rc=0)
    word = tmp_path / "Briefing.DOCX"
    run("--db", db_path, "briefing", "1", "-o", word, "--external", check_rc=0)
    headings = [p.text for p in Document(str(word)).paragraphs if p.style.name == "Heading 1"]
    assert "Besuchsprogramm" in headings
    assert "Notizen" not in headings  # the outside copy
    text = tmp_path / "briefing.txt"
    assert_one_line_error(run("--db", db_path, "briefing", "1", "-o", text), 1, "als .pdf oder .docx")
    assert not text.exists()
