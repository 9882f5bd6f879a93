"""The briefing writes dates and times in its own language, whatever the window's is."""

import re
from datetime import date

import pytest

from delegation_app import i18n
from delegation_app.reports.briefing import render_briefing
from delegation_app.reports.options import BriefingOptions
from delegation_app.services.briefing import collect_briefing
from delegation_app.services.demo import load_demo

from pdf_tools import flat, pdftotext


@pytest.fixture
def demo(services):
    visit_id = load_demo(services)  # 13.11.2025, 09:30–16:00
    return collect_briefing(services, visit_id, today=date(2026, 2, 24), issued_by="Organisationsbüro")


@pytest.mark.parametrize("window", ["de", "en"])
def test_an_english_briefing_has_english_dates(demo, window):
    i18n.set_language(window)
    text = flat(pdftotext(render_briefing(demo, BriefingOptions(language="en", deterministic=True))))
    assert "13 Nov 2025" in text
    assert "24 Feb 2026 by Organisationsbüro" in text
    assert "09:30–10:00" in text
    assert not re.search(r"\d\d\.\d\d\.\d{4}|\d Uhr", text)  # no German date or time anywhere


@pytest.mark.parametrize("window", ["de", "en"])
def test_a_german_briefing_has_german_dates(demo, window):
    i18n.set_language(window)
    text = flat(pdftotext(render_briefing(demo, BriefingOptions(language="de", deterministic=True))))
    assert "13.11.2025" in text
    assert "24.02.2026 von Organisationsbüro" in text
    assert "09:30–10:00 Uhr" in text
    assert "Nov 2025" not in text
    assert "Feb 2026" not in text
