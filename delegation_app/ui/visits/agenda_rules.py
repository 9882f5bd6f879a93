"""Timetable rules the agenda tab shows: times in cells, and items that clash or lie outside the visit.

Plain Python (no Qt), so the rules are easy to test and to move into the domain later.
"""

from collections.abc import Sequence
from datetime import date, datetime

from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_clock, format_date
from delegation_app.services.views import AgendaItemView, VisitView


def format_slot(value: datetime | None, day: date | None) -> str:
    """``09:30`` as in a timetable (no "Uhr" in a table column); with the date when the item is
    on another day than ``day`` (multi-day visits): ``25.02.2026 09:30``, as it is typed."""
    if value is None:
        return ""
    if day is not None and value.date() != day:
        return f"{format_date(value)} {format_clock(value)}"
    return format_clock(value)


def visit_days(visit: VisitView | None) -> tuple[date | None, date | None]:
    if visit is None or visit.starts_at is None:
        return None, None
    return visit.starts_at.date(), (visit.ends_at or visit.starts_at).date()


def _span(item: AgendaItemView) -> tuple[datetime, datetime] | None:
    if item.starts_at is None:
        return None
    return item.starts_at, item.ends_at or item.starts_at


def _overlap(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    """Touching is fine (10:00–11:00 then 11:00–12:00); two items starting together clash."""
    return a[0] == b[0] or (a[0] < b[1] and b[0] < a[1])


def problems(items: Sequence[AgendaItemView], visit: VisitView | None) -> dict[int, list[str]]:
    """Per item id, what is wrong with its times, in words (empty list: nothing)."""
    first, last = visit_days(visit)
    found: dict[int, list[str]] = {}
    spans = [(item, _span(item)) for item in items]
    for item, span in spans:
        found[item.id] = []
        if span is None:
            continue
        clashes = [other.title for other, o in spans if other.id != item.id and o and _overlap(span, o)]
        if clashes:
            found[item.id].append(_("Overlaps with: {titles}").format(titles=", ".join(clashes)))
        if first is not None and last is not None and (span[0].date() < first or span[1].date() > last):
            found[item.id].append(_("Outside the visit's dates"))
    return found
