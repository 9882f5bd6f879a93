"""Choosing a visit by typing: title words search the visits (20 matches, title and dates listed);
Down in the empty field lists the upcoming visits, then the most recent ones. Replaces combo boxes
of every visit (100,000 titles held per field, reloaded at every change, and unusable to scroll)."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt

from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_date_range
from delegation_app.services.registry import Services
from delegation_app.services.visits import VisitChoice
from delegation_app.ui.common.record_chooser import Match, RecordChooser

MATCHES = 20  # as many as a popup under a field can sensibly show


def visit_match(visit: VisitChoice) -> Match:
    dates = format_date_range(visit.starts_at, visit.ends_at)
    return Match(visit.id, visit.title, f"{visit.title} — {dates}" if dates else visit.title)


def visit_chooser(
    services: Services,
    parent=None,
    *,
    placeholder: str,
    today: Callable[[], date] = date.today,
) -> RecordChooser:
    """``placeholder`` says what the empty field means ("All visits", "(no visit)");
    ``today`` decides which visits are upcoming."""
    chooser = RecordChooser(
        lambda text: [
            visit_match(visit)
            for visit in services.visits.choices_matching(text, today=today(), limit=MATCHES)
        ],
        lambda visit_id: services.visits.get(visit_id).title,
        parent,
        placeholder=placeholder,
        browse=True,
    )
    chooser.setToolTip(_("Type part of a title; the Down arrow lists the upcoming and the latest visits"))
    # A long title is shortened in its middle: its dates, which tell same-named visits apart, stay.
    chooser.popup().setTextElideMode(Qt.TextElideMode.ElideMiddle)
    return chooser
