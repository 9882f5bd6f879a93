"""The programme of a briefing: one table per day under a dated heading ("Dienstag, 24.02.2026")."""

from collections.abc import Callable
from datetime import date
from itertools import groupby

from delegation_app.i18n import N_, translator
from delegation_app.i18n.formatting import format_day_heading, format_time_range
from delegation_app.reports.briefing_blocks import Block, Cell, Heading, Table
from delegation_app.services.views import AgendaItemView

WIDTHS = (27, 57, 30, 30)  # "09:30–10:00 Uhr" on one line


def _day(item: AgendaItemView) -> date | None:
    return item.starts_at.date() if item.starts_at else None


def programme_blocks(
    agenda: tuple[AgendaItemView, ...], lang: str, free: Callable[[str | None], str]
) -> list[Block]:
    """Items keep their order; a day heading wherever the day changes. Undated items (no time
    set yet) come under "Not yet scheduled" when the programme has dated ones."""
    t = translator(lang)
    header = (t(N_("Time")), t(N_("Programme item")), t(N_("Place")), t(N_("Responsible")))
    dated = any(item.starts_at for item in agenda)
    blocks: list[Block] = []
    for day, items in groupby(agenda, key=_day):
        if day is not None:
            blocks.append(Heading(2, format_day_heading(day, lang)))
        elif dated:
            blocks.append(Heading(2, t(N_("Not yet scheduled"))))
        rows = tuple(
            (
                Cell(format_time_range(a.starts_at, a.ends_at, lang)),
                Cell(free(a.title), note=free(a.notes)),
                Cell(free(a.place)),
                Cell(a.responsible_person_name or ""),
            )
            for a in items
        )
        blocks.append(Table(header, rows, WIDTHS))
    return blocks
