"""The demo visit's briefing, read back the way a reader (or pdftotext) sees it."""

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from delegation_app.reports.briefing import render_briefing
from delegation_app.reports.options import BriefingOptions, Section
from delegation_app.services.briefing import collect_briefing
from delegation_app.services.demo import demo_document, load_demo
from delegation_app.services.people import PersonInput

from pdf_tools import flat, font_names, found, pages_text, pdftotext, qpdf_check


@pytest.fixture
def demo(services):
    visit_id = load_demo(services)
    temme = next(p for p in services.people.list() if p.last_name == "Temme")
    services.people.update(
        temme.id,
        temme.version,
        PersonInput(
            last_name="Temme",
            first_name="Elke",
            function="Geschäftsführerin",
            organisation_id=temme.organisation_id,
            email="e.temme@example.org",
        ),
    )
    return collect_briefing(services, visit_id, today=date(2026, 2, 20), issued_by="Organisationsbüro")


@pytest.fixture
def pdf(demo):
    return render_briefing(demo, BriefingOptions(deterministic=True))


def test_every_name_function_and_quote_is_in_the_text(pdf, demo):
    text = flat(" ".join(pages_text(pdf)))
    doc = demo_document()
    for p in doc["people"]:
        assert " ".join(filter(None, (p["first_name"], p["last_name"]))) in text
        if p["function"]:
            assert p["function"] in text
    for q in doc["quotes"]:
        assert found(q["text"], text), q["text"][:40]  # hyphenated at line ends
    assert "09:30–10:00 Uhr" in text
    assert "Isabelle Hemsley" in text.split("Delegationsleitung")[0]  # head of delegation listed first


def test_page_count_and_page_numbers_agree(pdf):
    pages = pages_text(pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in flat(page)
        assert "Briefing: Hanauer Delegation in Bochum" in page  # the running header


def test_bookmarks_and_metadata(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[0] == "Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie"
    for section in (
        "Besuchsprogramm",
        "Delegation",
        "Gastgeberseite",  # each side in its own table (the demo has no further guests)
        "Zitate",
        "Pressekontakt",
    ):
        assert section in titles
    meta = reader.metadata
    assert meta.title == "Briefing: Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie"
    assert meta.author == "Organisationsbüro"
    assert meta.subject == "Briefing zum Besuch"
    assert str(reader.trailer["/Root"]["/Lang"]) == "de-DE"


def test_only_the_bundled_fonts_and_a_clean_file(pdf, tmp_path):
    names = font_names(pdf)
    assert names
    assert all("NotoSans" in name for name in names), names
    qpdf_check(pdf, tmp_path)


def test_the_private_details_switch(demo):
    with_details = flat(" ".join(pages_text(render_briefing(demo, BriefingOptions(deterministic=True)))))
    assert "06181 3000-6069" in with_details
    assert "e.temme@example.org" in with_details
    outside = render_briefing(demo, BriefingOptions(private_details=False, deterministic=True))
    text = flat(" ".join(pages_text(outside)))
    assert "06181 3000-6069" not in text
    assert "e.temme@example.org" not in text
    assert "Dominik Kuhn" in text  # the press contact's name stays
    assert not re.search(r"\d{4,5} \d{3,4}-\d{2,4}", text)


def test_english_and_chosen_sections(demo):
    options = BriefingOptions(language="en", sections=frozenset({Section.AGENDA}), deterministic=True)
    pdf = render_briefing(demo, options)
    text = flat(" ".join(pages_text(pdf)))
    assert "Programme" in text
    assert "Page 1 of" in text
    assert "09:30–10:00 " in text
    assert "Uhr" not in text
    assert "Quotes" not in text
    assert "Head of delegation" not in text  # the delegation section was left out
    assert str(PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"]) == "en-GB"


def test_same_input_same_bytes(demo):
    options = BriefingOptions(deterministic=True)
    assert render_briefing(demo, options) == render_briefing(demo, options)


def test_pdftotext_reads_the_names_exactly(pdf):
    text = pdftotext(pdf)
    for name in ("Denes Kücük", "Elke Temme", "Geschäftsführerin", "Stadträtin"):
        assert name in text
