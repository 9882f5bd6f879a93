"""Names in the hand-outs' narrow columns: a name wraps at its spaces and is never hyphenated
while each part fits the column; a part wider than the column breaks at its own hyphen, else at
a syllable with a hyphen, never cut mid-word without one."""

from datetime import datetime

import pytest

from delegation_app.domain import enums as e
from delegation_app.operations.print_products import PrintRequest, render
from delegation_app.reports.hyphenation import hyphenate, hyphenating

import factories as f
from pdf_tools import pages_text

NAMES = {
    # first name, last name: the lines the participant list's name column shows (bold, 42 mm)
    ("Jürgen", "Müller-Lüdenscheidt"): ["Jürgen", "Müller-Lüdenscheidt"],
    ("Maximilian Alexander von", "Hohenzollern-Sigmaringen"): [
        "Maximilian Alexander von", "Hohenzollern-", "Sigmaringen",
    ],
}  # fmt: skip
TOO_LONG = ("Jo", "Stadtverordnetenvorstehervertretung")  # no own hyphen, wider than any column


@pytest.fixture
def visit_id(services):
    visit = f.visit(services, title="Besuch")
    for position, (first, last) in enumerate((*NAMES, TOO_LONG)):
        person = f.person(services, last_name=last, first_name=first, function="Beigeordnete")
        f.participation(
            services, visit.id, person.id, side=e.ParticipantSide.DELEGATION, role=e.ParticipantRole.MEMBER,
            attendance=e.Attendance.CONFIRMED, position=position,
        )  # fmt: skip
        f.agenda_item(
            services, visit.id, title=f"Punkt {position}", starts_at=datetime(2026, 2, 24, 9 + position),
            responsible_person_id=person.id,
        )  # fmt: skip
    return visit.id


def _lines(pdf: bytes) -> list[str]:
    """The text's lines as drawn (pdftotext would join "Hohenzollern-" and "Sigmaringen")."""
    return [line.strip() for page in pages_text(pdf) for line in page.splitlines() if line.strip()]


def test_a_name_breaks_at_its_spaces_then_its_own_hyphen(services, visit_id):
    lines = _lines(render(services, "participants", visit_id, PrintRequest(deterministic=True)).data)
    for expected in NAMES.values():
        start = lines.index(expected[0])
        assert lines[start : start + len(expected)] == expected


@pytest.mark.parametrize("product", ["participants", "sign-in", "programme", "briefing"])
def test_a_part_wider_than_the_column_is_hyphenated_not_cut(services, visit_id, product):
    lines = _lines(render(services, product, visit_id, PrintRequest(deterministic=True)).data)
    name = " ".join(TOO_LONG)
    starts = [i for i, line in enumerate(lines) if line.startswith("Jo Stadt")]
    assert starts, lines
    for start in starts:  # the briefing prints the name twice (people and programme)
        pieces = [lines[start]]
        while "".join(p.removesuffix("-") for p in pieces) != name:
            assert pieces[-1].endswith("-"), pieces  # every break inside the name has its hyphen
            pieces.append(lines[start + len(pieces)])
            assert len(pieces) <= 4, pieces


def test_a_compound_offers_its_own_hyphens_first():
    with hyphenating("de"):
        splits = list(hyphenate("Hohenzollern-Sigmaringen"))
    assert splits[0] == ("Hohenzollern-", "Sigmaringen")
    assert ("Hohenzollern-Sigma", "ringen") in splits  # a syllable when the first part is too wide
