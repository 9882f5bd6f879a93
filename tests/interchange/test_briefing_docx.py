"""The Word briefing: read back with python-docx, and opened by a real client (LibreOffice)."""

import dataclasses
import io
import shutil
import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delegation_app.domain import enums as e
from delegation_app.interchange.briefing_docx import render_briefing_docx
from delegation_app.reports.briefing import render_briefing
from delegation_app.reports.briefing_blocks import Heading
from delegation_app.reports.briefing_document import briefing_document
from delegation_app.reports.options import BriefingOptions

import briefing_data as bd
from pdf_tools import flat, pdftotext

STYLES = {0: "Title", 1: "Heading 1", 2: "Heading 2"}


def rich():
    data = bd.rich_briefing()
    return dataclasses.replace(
        data, visit=dataclasses.replace(data.visit, classification=e.Classification.VS_NFD)
    )


def read(docx: bytes):
    return Document(io.BytesIO(docx))


@pytest.mark.parametrize("options", [BriefingOptions(), BriefingOptions(language="en", external=True)])
def test_headings_are_real_word_headings_in_the_pdfs_order(options):
    data = rich()
    expected = [
        (STYLES[b.level], b.text) for b in briefing_document(data, options).blocks if isinstance(b, Heading)
    ]
    doc = read(render_briefing_docx(data, options))
    found = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name in STYLES.values()]
    assert found == expected
    assert (
        "Heading 2",
        "Dienstag, 24.02.2026" if options.language == "de" else "Tuesday, 24 February 2026",
    ) in found


def test_tables_repeat_their_header_row_and_hold_the_people():
    doc = read(render_briefing_docx(rich(), BriefingOptions()))
    people = [t for t in doc.tables if t.rows[0].cells[0].text == "Name" and len(t.columns) > 2]
    assert len(people) == 3  # delegation, host side, further guests
    for table in people:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    delegation = [[c.text for c in row.cells] for row in people[0].rows]
    assert delegation[0] == ["Name", "Funktion", "Organisation", "Teilnahmestatus", "Kontaktdaten"]
    assert delegation[1][0] == "Herr Jan Kowalski"
    assert delegation[1][4] == "+48 12 345 67 89"
    assert [[c.text for c in row.cells] for row in people[2].rows][1][0] == "王小明"


def test_page_marking_edition_and_a4():
    doc = read(render_briefing_docx(rich(), BriefingOptions(external=True)))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 25
    header = "\n".join(p.text for p in section.header.paragraphs)
    assert "VS-NUR FÜR DEN DIENSTGEBRAUCH" in header
    assert "Fassung für Externe · Briefing: Delegation aus Lublin" in header
    footer = section.footer._element.xml
    assert 'w:instr="PAGE"' in footer
    assert 'w:instr="NUMPAGES"' in footer
    assert "VS-NUR FÜR DEN DIENSTGEBRAUCH" in "\n".join(p.text for p in section.footer.paragraphs)
    assert doc.core_properties.title == "Briefing: Delegation aus Lublin"


def test_the_outside_copy_in_word_holds_nothing_internal():
    doc = read(render_briefing_docx(rich(), BriefingOptions(external=True)))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    text = "\n".join([*(p.text for p in doc.paragraphs), *cells])
    for secret in ("Das Budget ist knapp", "0234 910-1234", "protokoll@bochum.de", "Dolmetscher", "+48 12"):
        assert secret not in text
    assert "„Rufen Sie mich an: […].“" in text


def test_text_xml_cannot_hold_is_left_out_not_a_broken_file():
    data = bd.briefing(visit=bd.visit(title="Titel\x00\x07mit Steuerzeichen", notes="a\x0bb\ufffe"))
    doc = read(render_briefing_docx(data))
    assert doc.paragraphs[0].text == "Titelmit Steuerzeichen"


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is needed (.ci/run installs it)")
def test_libreoffice_opens_it_with_the_pdfs_sections_and_names(tmp_path):
    files = {}
    for name, options in (("de", BriefingOptions()), ("en", BriefingOptions(language="en", external=True))):
        (tmp_path / f"{name}.docx").write_bytes(render_briefing_docx(rich(), options))
        files[name] = options
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "out"), str(tmp_path / "de.docx"), str(tmp_path / "en.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    for name, options in files.items():
        word = flat(pdftotext((tmp_path / "out" / f"{name}.pdf").read_bytes()))
        pdf = flat(pdftotext(render_briefing(rich(), options)))
        titles = [b.text for b in briefing_document(rich(), options).blocks if isinstance(b, Heading)]
        names = ["Jan Kowalski", "Anna Nowak", "Piotr Zieliński", "Elke Temme", "Dominik Kuhn"]
        for expected in [*titles, *names]:
            assert expected in word, (name, expected)
            assert expected in pdf or expected == "王小明", (name, expected)
        edition = "Seite 1 von" if name == "de" else "Page 1 of"
        assert edition in word  # the footer's page fields were filled in


text_values = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=text_values, notes=text_values, name=text_values)
def test_any_text_gives_a_word_file_that_opens(title, notes, name):
    data = bd.briefing(
        visit=bd.visit(title=title, notes=notes, talking_points=notes, logistics=title),
        hosts=(bd.participant(bd.person(1, name, name or "X", name, notes=notes, salutation=name)),),
        quotes=(bd.quote(1, notes or "x", name or "X", context=title),),
    )
    for options in (BriefingOptions(), BriefingOptions(external=True)):
        assert read(render_briefing_docx(data, options)).paragraphs
