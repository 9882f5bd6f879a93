"""The outside copy: what leaves the office, read back with pdftotext."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from delegation_app.domain import enums as e
from delegation_app.reports.briefing import render_briefing
from delegation_app.reports.masking import MASK, mask_contacts
from delegation_app.reports.options import BriefingOptions

import briefing_data as bd
from pdf_tools import flat, pages_text, pdftotext

SECRETS = (
    "Das Budget ist knapp",  # an internal-only quote
    "0234 910-1234",  # a phone number in the visit's notes
    "0171 2345678",  # ... in an approved quote
    "protokoll@bochum.de",  # an e-mail address in the summary
    "Dolmetscher früher buchen",  # a lesson learned
    "Dank für die Einladung",  # talking points
    "Gastgeschenk",  # protocol notes
    "Gegenbesuch in Lublin",  # relationship history
    "Dankschreiben",  # an open follow-up
    "Maria Berger",  # ... and its owner
    "Spricht kein Polnisch",  # a person's notes
    "+48 12 345 67 89",  # people's numbers
    "a.nowak@lublin.eu",
    "0234 910-5555",  # a number in the logistics
)


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_outside_copy_holds_nothing_internal(language):
    options = BriefingOptions(language=language, external=True, deterministic=True)
    pdf = render_briefing(bd.rich_briefing(), options)
    text = flat(pdftotext(pdf))
    for secret in SECRETS:
        assert secret not in text, secret
    assert "Lublin und Bochum verbindet viel." in text  # the approved quote stays
    assert "Rufen Sie mich an: […]." in text  # ... with its number masked
    assert "Treffpunkt 9:15 Uhr am Haupteingang." in text  # logistics stay for the guests
    assert "Jan Kowalski" in text
    assert "Oberbürgermeisterin" in text
    edition = "Fassung für Externe" if language == "de" else "Version for external readers"
    pages = pages_text(pdf)
    assert len(pages) > 1
    assert all(edition in page for page in pages)


def test_the_internal_copy_holds_all_of_it():
    text = flat(pdftotext(render_briefing(bd.rich_briefing(), BriefingOptions(deterministic=True))))
    for secret in SECRETS:
        assert secret in text, secret
    assert "Fassung für Externe" not in text


def test_only_approved_quotes_whatever_else_their_state():
    states = list(e.ApprovalState)
    quotes = tuple(
        bd.quote(i, f"Zitat im Zustand {s.value}", "Gast", approval_state=s) for i, s in enumerate(states)
    )
    text = flat(pdftotext(render_briefing(bd.briefing(quotes=quotes), BriefingOptions(external=True))))
    assert [s for s in states if f"Zustand {s.value}" in text] == [e.ApprovalState.APPROVED]


@pytest.mark.parametrize(
    ("typed", "masked"),
    [
        ("Ruf an: 0234 910-1234 oder +48 12 345 67 89.", "Ruf an: […] oder […]."),
        ("Mail an a.b@stadt-bochum.de bitte", "Mail an […] bitte"),
        ("Tel. (0 61 81) 3000-6069", "Tel. […]"),
        ("Tel 06181/3000 6069, Fax +49 (0)6181 295-0", "Tel […], Fax […]"),
        ("0049 234 9101234", "[…]"),
    ],
)
def test_numbers_and_addresses_in_text_are_masked(typed, masked):
    assert mask_contacts(typed) == masked


@pytest.mark.parametrize(
    "kept",
    [
        "Am 24.02.2026 um 14:30 Uhr",
        "Jahr 2025-2026, 10.000.000 Euro, 120 000 Einwohner",
        "Raum 3.017, Zimmer 12, Bus 344",
        "ISBN fehlt; Aktenzeichen 32-1",
        "",
    ],
)
def test_dates_amounts_and_rooms_are_not_numbers_to_mask(kept):
    assert mask_contacts(kept) == kept


def test_the_cli_short_form_still_means_no_phones_of_people():
    options = BriefingOptions(private_details=False, deterministic=True)
    text = flat(pdftotext(render_briefing(bd.rich_briefing(), options)))
    assert "+48 12 345 67 89" not in text
    assert "a.nowak@lublin.eu" not in text
    assert "Dolmetscher früher buchen" in text  # --no-private alone is not the outside copy


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_masking_takes_any_text(text):
    masked = mask_contacts(text + " x@y.de")
    assert "x@y.de" not in masked
    assert masked.endswith(MASK)


def test_numbers_written_with_symbols_dashes_or_other_digits_are_masked_too():
    summary = "☎ +49 (0) 30 – 1234 5678, ‎٠١٧١٢٣٤٥٦٧٨"
    data = bd.briefing(visit=bd.visit(summary=summary, logistics="📞 0800 1234567"))
    text = flat(pdftotext(render_briefing(data, BriefingOptions(external=True))))
    for digits in ("1234 5678", "1234567", "٥٦٧٨"):
        assert digits not in text
