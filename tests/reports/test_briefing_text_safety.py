"""Any stored text prints: escaped markup, long words, long notes, emoji, foreign letters."""

import io
from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from delegation_app.domain import enums as e
from delegation_app.reports.briefing import render_briefing
from delegation_app.reports.options import BriefingOptions

import briefing_data as bd
from pdf_tools import flat, pages_text, pdftotext, qpdf_check

NAMES = ["Łukasz Wróbel", "Şadi Özdemir", "Ayşegül Gökçen", "Václav Dvořák", "Zoë Ó Súilleabháin"]


def test_foreign_names_print_and_extract_exactly(tmp_path):
    hosts = tuple(bd.participant(bd.person(i, *name.split(" ", 1))) for i, name in enumerate(NAMES, 1))
    pdf = render_briefing(bd.briefing(hosts=hosts), BriefingOptions(deterministic=True))
    text = flat(pdftotext(pdf))  # a long name may wrap inside its table cell
    for name in NAMES:
        assert name in text
    qpdf_check(pdf, tmp_path)


def test_markup_in_user_text_is_printed_not_interpreted():
    notes = "x<y und <b>fett?</b> – Straße <Anlage 3> bei AT&T & Co. &amp; <br/> ]]> {name}"
    data = bd.briefing(visit=bd.visit(title="<i>Titel</i> & mehr", notes=notes))
    text = flat(" ".join(pages_text(render_briefing(data))))
    assert flat(notes) in text
    assert "<i>Titel</i> & mehr" in text
    assert "AT&T;" not in text


def test_huge_note_long_word_emoji_and_empty_visit(tmp_path):
    word = "Donaudampfschifffahrtsgesellschaft" * 9  # 306 letters, no space
    note = ("Lange Notiz mit Inhalt. " * 840)[:20_000]
    data = bd.briefing(
        visit=bd.visit(notes=note + "\n" + word, summary="Emoji 🎉👍🏽 und ✓"),
        quotes=(bd.quote(1, word, "Ein Gast"),),
        agenda=(bd.agenda_item(1, word),),
    )
    pdf = render_briefing(data)
    assert len(pages_text(pdf)) >= 5
    qpdf_check(pdf, tmp_path)
    empty = render_briefing(bd.briefing())
    assert len(pages_text(empty)) == 1
    qpdf_check(empty, tmp_path)


def test_a_long_visit_is_a_tidy_multi_page_document(tmp_path):
    people = tuple(
        bd.participant(
            bd.person(i, f"Vorname{i}", f"Nachname{i}", "Referentin"),
            e.ParticipantSide.DELEGATION,
            e.ParticipantRole.MEMBER,
            i,
        )
        for i in range(40)
    )
    agenda = tuple(
        bd.agenda_item(
            i,
            f"Programmpunkt {i}",
            datetime(2026, 3, 4, 8 + i // 4, (i % 4) * 15),
            datetime(2026, 3, 4, 8 + i // 4, (i % 4) * 15 + 14),
            place="Rathaus",
        )
        for i in range(30)
    )
    quotes = tuple(
        bd.quote(i, f"Zitat Nummer {i}: " + "Gesagtes " * 20, f"Sprecher {i % 7}") for i in range(100)
    )
    pdf = render_briefing(bd.briefing(delegation=people, agenda=agenda, quotes=quotes))
    pages = pages_text(pdf)
    assert len(pages) >= 6
    # The table header is repeated on the page the delegation table continues on.
    continued = [p for p in pages if "Nachname39" in p or "Nachname20" in p]
    assert all("Funktion" in p for p in continued)
    for number, page in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in flat(page)
    qpdf_check(pdf, tmp_path)
    (tmp_path / "long.pdf").write_bytes(pdf)


def test_classification_marking_on_every_page():
    quotes = tuple(bd.quote(i, "Vertraulich " * 40, "Sprecher") for i in range(30))
    data = bd.briefing(visit=bd.visit(classification=e.Classification.VS_NFD), quotes=quotes)
    pages = pages_text(render_briefing(data, BriefingOptions(language="en")))
    assert len(pages) > 1
    assert all("VS-NUR FÜR DEN DIENSTGEBRAUCH" in page for page in pages)


text_values = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=text_values, notes=text_values, quote=text_values, name=text_values, place=text_values)
def test_any_text_gives_a_valid_pdf(title, notes, quote, name, place):
    data = bd.briefing(
        visit=bd.visit(title=title, notes=notes, place=place, sources=notes),
        hosts=(bd.participant(bd.person(1, name, name or "X", name)),),
        quotes=(bd.quote(1, quote or "x", name or "X", context=title),),
        agenda=(bd.agenda_item(1, title or "x", place=place),),
    )
    pdf = render_briefing(data)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
