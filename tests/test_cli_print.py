"""``print PRODUCT VISIT_ID -o FILE`` as a user runs it; ``briefing`` is its short form."""


from test_cli import assert_one_line_error, run

from pdf_tools import flat, pdftotext


def test_print_writes_each_product_and_says_so(db_path, tmp_path):
    run("--db", db_path, "demo", check_rc=0)
    out = tmp_path / "schilder.pdf"
    result = run("--db", db_path, "print", "badges", "1", "-o", out, check_rc=0)
    assert result.stdout.strip() == f"Namensschilder nach {out} geschrieben."
    assert "Isabelle Hemsley" in flat(pdftotext(out.read_bytes()))
    english = tmp_path / "programme.pdf"
    run("--db", db_path, "print", "programme", "1", "-o", english, "--language", "en", check_rc=0)
    assert "Thursday, 13 Nov 2025" in flat(pdftotext(english.read_bytes()))


def test_print_refuses_what_it_cannot_do_in_one_line(db_path, tmp_path):
    run("--db", db_path, "demo", check_rc=0)
    unknown = run("--db", db_path, "print", "poster", "1", "-o", tmp_path / "x.pdf")
    assert unknown.returncode == 2
    assert "poster" in unknown.stderr
    assert "badges" in unknown.stderr
    assert_one_line_error(run("--db", db_path, "print", "badges", "1", "-o", tmp_path / "x.docx"), 1, ".pdf")
    assert not (tmp_path / "x.docx").exists()
    assert_one_line_error(run("--db", db_path, "print", "sign-in", "99", "-o", tmp_path / "x.pdf"), 1, "99")


def test_briefing_is_the_short_form_of_print_briefing(db_path, tmp_path):
    run("--db", db_path, "demo", check_rc=0)
    short, long = tmp_path / "short.pdf", tmp_path / "long.pdf"
    run("--db", db_path, "briefing", "1", "-o", short, check_rc=0)
    run("--db", db_path, "print", "briefing", "1", "-o", long, check_rc=0)
    assert flat(pdftotext(short.read_bytes())) == flat(pdftotext(long.read_bytes()))


def test_a_character_no_font_has_is_named_on_stderr_and_the_file_is_written(db_path, tmp_path):
    from delegation_app.services.people import PersonInput
    from delegation_app.services.registry import Services
    from delegation_app.storage.opening import open_database

    run("--db", db_path, "demo", check_rc=0)
    db, _report = open_database(f"sqlite:///{db_path}", backups=tmp_path / "backups")
    services = Services.over(db)
    person = services.participations.list_for_visit(1)[0].person_id
    current = services.people.get(person)
    services.people.update(
        person, current.version, PersonInput(last_name="Hemsley\U00010000", first_name="Isabelle")
    )
    db.dispose()
    out = tmp_path / "badges.pdf"
    result = run("--db", db_path, "print", "badges", "1", "-o", out, check_rc=0)
    lines = [line for line in result.stderr.splitlines() if "\U00010000" in line]
    assert len(lines) == 1
    assert "Nachname" in lines[0]
    assert out.read_bytes().startswith(b"%PDF")
