"""Briefing 2.0's content, read back with pdftotext: dated programme days, a table per side with
who declined apart, salutations and notes, profiles, talking points, protocol, logistics, history,
and an English version in English formats throughout."""

import re

import pytest

from delegation_app.reports.briefing import render_briefing
from delegation_app.reports.briefing_blocks import Heading, Table
from delegation_app.reports.briefing_document import briefing_document, text_blocks
from delegation_app.reports.briefing_people import person_name
from delegation_app.reports.options import BriefingOptions

import briefing_data as bd
from pdf_tools import flat, pdftotext


@pytest.fixture(scope="module")
def german() -> str:
    return flat(pdftotext(render_briefing(bd.rich_briefing(), BriefingOptions(deterministic=True))))


@pytest.fixture(scope="module")
def english() -> str:
    options = BriefingOptions(language="en", deterministic=True)
    return flat(pdftotext(render_briefing(bd.rich_briefing(), options)))


def headings(options: BriefingOptions, level: int) -> list[str]:
    blocks = briefing_document(bd.rich_briefing(), options).blocks
    return [b.text for b in blocks if isinstance(b, Heading) and b.level == level]


def test_every_day_of_the_programme_has_its_dated_heading(german, english):
    assert headings(BriefingOptions(), 2)[:3] == [
        "Dienstag, 24.02.2026",
        "Mittwoch, 25.02.2026",
        "Donnerstag, 26.02.2026",
    ]
    # Day 2's first item follows its own heading, not day 1's evening.
    assert (
        german.index("18:50–19:35 Uhr") < german.index("Mittwoch, 25.02.2026") < german.index("08:00–08:45")
    )
    assert "Tuesday, 24 February 2026" in english
    assert "Thursday, 26 February 2026" in english


def test_each_side_has_its_own_table_and_who_declined_is_listed_apart(german):
    sections = headings(BriefingOptions(), 1)
    assert [s for s in sections if s in ("Delegation", "Gastgeberseite", "Weitere Gäste")] == [
        "Delegation",
        "Gastgeberseite",
        "Weitere Gäste",
    ]
    delegation = german[german.index("Delegation Name") : german.index("Gastgeberseite")]
    assert "Herr Jan Kowalski" in delegation  # with the salutation
    assert "Delegationsleitung" in delegation
    assert "Teilnahmestatus" in delegation
    assert "Zugesagt" in delegation
    assert "+48 12 345 67 89" in delegation  # the delegation has a contact column too
    assert "Abgesagt: Piotr Zieliński, Kämmerer" in delegation
    assert delegation.count("Piotr Zieliński") == 1  # not also in the table
    assert "Spricht kein Polnisch." in german  # a person's notes, in the internal copy


def test_profiles_talking_points_protocol_logistics_and_history(german):
    for title in ("Kurzprofile", "Sprechzettel", "Protokollhinweise", "Logistik", "Bisherige Beziehungen"):
        assert title in headings(BriefingOptions(), 1)
    assert "Seit 2014 Stadtpräsident; zuvor Abgeordneter im Sejm." in german
    assert "• Dank für die Einladung" in german
    assert "Gastgeschenk: Bildband." in german
    assert "Treffpunkt 9:15 Uhr am Haupteingang." in german
    assert "06.05.2024 – 08.05.2024: Gegenbesuch in Lublin" in german
    assert "Jan Kowalski (Stadtpräsident, 2×)" in german
    assert "Fotos an Lublin schicken (offen, fällig am 01.03.2026)" in german
    assert "Partnerschaftsvertrag übersenden (eingehalten, erledigt am 01.06.2024)" in german


def test_the_english_version_is_english_throughout(english):
    assert "Host side" in english
    assert "Further guests" in english
    assert "Short profiles" in english
    assert "Declined: Piotr Zieliński" in english
    assert "+49 6181 3000-6069" in english  # international, not "06181 3000-6069"
    assert "06181" not in english
    assert "Photos" not in english  # user text stays as typed
    assert "(open, due 1 Mar 2026)" in english
    assert not re.search(r"\d\d\.\d\d\.\d{4}|\d Uhr\b", english.replace("9:15 Uhr am", ""))


def test_family_name_first_and_salutations():
    guest = bd.person(1, "小明", "王", family_name_first=True)
    assert person_name(guest) == "王小明"
    assert person_name(bd.person(2, "Minh", "Nguyễn", family_name_first=True)) == "Nguyễn Minh"
    assert person_name(bd.person(3, "Anna", "Schmidt", title="Dr.", display_name="Dr. Anna Schmidt")) == (
        "Dr. Anna Schmidt"
    )


def test_free_text_becomes_paragraphs_and_bullet_lists():
    blocks = text_blocks("Vorweg.\n- eins\n• zwei\n\nDanach\nweiter.")
    assert [type(b).__name__ for b in blocks] == ["Para", "Bullets", "Para"]
    assert blocks[1].items == ("eins", "zwei")
    assert blocks[2].text == "Danach\nweiter."


def test_a_table_per_day_and_per_side_in_the_document_model():
    tables = [
        b for b in briefing_document(bd.rich_briefing(), BriefingOptions()).blocks if isinstance(b, Table)
    ]
    assert [len(t.rows) for t in tables[:3]] == [2, 1, 1]  # the programme's three days
    assert tables[3].header[-1] == "Kontaktdaten"


def test_headings_stay_with_what_follows():
    """Nothing but a heading at the foot of a page: the "Zitate" heading used to strand there."""
    quotes = tuple(bd.quote(i, "Gesagtes " * 30, f"Sprecher {i}") for i in range(12))
    filler = "\n".join("Zeile" for _ in range(50))
    for lines in range(0, 50, 7):
        visit = bd.visit(notes=None, summary="\n".join(filler.splitlines()[:lines]))
        text = pdftotext(render_briefing(bd.briefing(visit=visit, quotes=quotes)))
        for page in text.split("\f"):
            body = [line for line in page.splitlines() if line.strip() and "Seite" not in line]
            assert not body or body[-1].strip() not in ("Zitate", "Sprecher 0"), lines
