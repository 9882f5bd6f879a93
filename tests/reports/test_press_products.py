"""The press pack and the draft press release of the demo visit: approved quotes only, in
their approved wording; a quote kept internal disappears; the draft quotes each approved
verbatim quote in „…“ followed by its speaker."""

import io
from datetime import date

import pytest
from docx import Document

from delegation_app.operations.press_products import press_draft, press_pack
from delegation_app.operations.quote_approval import mark_approved, mark_internal_only
from delegation_app.services.demo import load_demo
from delegation_app.services.press_material import unquoted

from pdf_tools import flat, found, pdftotext


@pytest.fixture
def demo(services):
    visit_id = load_demo(services)
    return services, visit_id


def quotes_of(services, visit_id):
    return services.quotes.list_for_visit(visit_id)


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_demo_press_pack_holds_every_approved_quote_and_the_press_contact(demo, tmp_path):
    services, visit_id = demo
    pack = press_pack(
        services, visit_id, fmt="pdf", language="de", today=date(2026, 3, 1), deterministic=True
    )
    assert pack.data.startswith(b"%PDF")
    assert pack.left_out == ()
    text = pdftotext(pack.data)
    for quote in quotes_of(services, visit_id):
        assert found(unquoted(quote.text), text), quote.text
    assert "Pressemappe" in text
    assert "Pressekontakt" in text
    assert "Dominik Kuhn" in flat(text)
    assert "Isabelle Hemsley, Stadträtin, Stadt Hanau" in flat(text)


def test_a_quote_moved_to_internal_only_disappears_and_is_named_as_left_out(demo):
    services, visit_id = demo
    kopietz = next(q for q in quotes_of(services, visit_id) if "Wichtig ist nicht" in q.text)
    mark_internal_only(services, kopietz.id, kopietz.version, date(2026, 3, 1))
    pack = press_pack(services, visit_id, fmt="pdf", language="en", today=date(2026, 3, 1))
    text = pdftotext(pack.data)
    assert not found("Wichtig ist nicht", text)
    assert found("Wir begreifen uns als Gruppe", text)
    assert [q.id for q in pack.left_out] == [kopietz.id]
    assert "Press pack" in text
    docx = press_pack(services, visit_id, fmt="docx", language="de")
    assert "Wichtig ist nicht" not in docx_text(docx.data)
    assert "Wir begreifen uns als Gruppe" in docx_text(docx.data)
    assert [q.id for q in docx.left_out] == [kopietz.id]
    # the print command says what it left out (the CLI on stderr, the window in the status bar)
    from delegation_app.operations.print_products import PrintRequest, render

    said = render(services, "press-pack", visit_id, PrintRequest(language="de")).left_out
    assert len(said) == 1
    assert "Kopietz" in said[0]
    assert "Wichtig ist nicht" in said[0]


def test_the_approved_wording_is_printed_not_the_captured_one(demo):
    services, visit_id = demo
    temme = next(q for q in quotes_of(services, visit_id) if "Gruppe" in q.text)
    wording = "„Wir sind eine Gruppe. Gemeinsam bewegen wir mehr.“"
    on = date(2026, 3, 1)
    mark_approved(services, temme.id, temme.version, approved_text=wording, approved_by="T", approved_on=on)
    pdf_text = pdftotext(press_pack(services, visit_id, fmt="pdf").data)
    assert found("Wir sind eine Gruppe. Gemeinsam bewegen wir mehr.", pdf_text)
    assert not found("Wir begreifen uns", pdf_text)
    draft = press_draft(services, visit_id, fmt="txt").decode()
    assert "„Wir sind eine Gruppe. Gemeinsam bewegen wir mehr“, " in draft
    assert "Wir begreifen uns" not in draft


def test_the_draft_quotes_each_approved_verbatim_quote_followed_by_its_speaker(demo):
    services, visit_id = demo
    draft = press_draft(services, visit_id, fmt="txt").decode("utf-8")
    lines = draft.split("\n")
    assert lines[0] == "ENTWURF – bitte prüfen und ergänzen"
    assert lines[2] == "Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie"
    speakers = {
        "Wir stehen in Hanau": "Stadträtin Isabelle Hemsley",
        "Wichtig ist nicht": "Stadtdirektor Kopietz",
        "Wir begreifen uns": "Geschäftsführerin Elke Temme",
        "Bochum zeigt": "Stadträtin Isabelle Hemsley",
    }
    for start, speaker in speakers.items():
        quote = next(q for q in quotes_of(services, visit_id) if start in q.text)
        words = unquoted(quote.text).rstrip(".")
        assert f"„{words}“, sagte {speaker}." in draft or f"„{words}“, betonte {speaker}." in draft
    assert "erläuterte sinngemäß: Die digitale Transformation" in draft  # a paraphrase: no quote marks
    assert "Martin Bieberle, Daniel Freimuth" in draft
    assert lines[-2].startswith("Pressekontakt: Dominik Kuhn, Telefon 06181 3000-6069")
    docx = docx_text(press_draft(services, visit_id, fmt="docx"))
    assert docx.startswith("ENTWURF – bitte prüfen und ergänzen")
    assert "„Wichtig ist nicht, was technisch möglich ist, sondern was den Menschen nützt“, " in docx


def test_the_draft_leaves_out_what_is_not_approved(demo):
    services, visit_id = demo
    kopietz = next(q for q in quotes_of(services, visit_id) if "Wichtig ist nicht" in q.text)
    mark_internal_only(services, kopietz.id, kopietz.version, date(2026, 3, 1))
    assert "Wichtig ist nicht" not in press_draft(services, visit_id, fmt="txt").decode()


@pytest.mark.parametrize(
    ("text", "words"),
    [("„Wir lernen.“", "Wir lernen."), ("»Ja«", "Ja"), ("ohne Zeichen", "ohne Zeichen"),
     ("„A“ und „B“", "„A“ und „B“")],
)  # fmt: skip
def test_unquoted_takes_only_the_marks_around_the_whole_text(text, words):
    assert unquoted(text) == words


def test_round_trip_the_reader_finds_every_approved_verbatim_quote_of_the_draft_with_its_speaker(demo):
    from delegation_app.interchange.press_reader import read_press_release
    from delegation_app.operations.print_products import PrintRequest, render

    services, visit_id = demo
    draft = render(services, "press-draft", visit_id, PrintRequest(fmt="txt")).data.decode("utf-8")
    reading = read_press_release(draft).as_json()
    assert not reading["visit"]["title"].startswith("ENTWURF")  # the draft's mark is no headline
    found_quotes = reading["quotes"]
    said = {(q["text"].rstrip("."), q["speaker"]) for q in found_quotes}
    names = {"hemsley": "Isabelle Hemsley", "kopietz": "Kopietz", "temme": "Elke Temme"}
    expected = {
        (unquoted(q.text).rstrip("."), next(n for k, n in names.items() if k in q.speaker_display.lower()))
        for q in quotes_of(services, visit_id)
        if q.kind == "verbatim"
    }
    assert expected <= said
    assert len(expected) == 6
