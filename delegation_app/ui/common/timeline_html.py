"""A timeline (services.timeline) as HTML for the person and organisation pages: newest first,
each entry introduced by its kind in words (Besuch, Kontakteintrag, Zitat, Wiedervorlage)."""

from collections.abc import Sequence
from datetime import datetime
from html import escape

from delegation_app.i18n import N_, _
from delegation_app.i18n.formatting import format_date, format_datetime
from delegation_app.services.timeline import TimelineEntry

KIND_WORDS = {
    "visit": N_("Visit"),
    "contact": N_("Contact entry"),
    "quote": N_("Quote"),
    "followup": N_("Follow-up"),
}


def kind_word(kind: str) -> str:
    return _(KIND_WORDS[kind]) if kind in KIND_WORDS else kind


def moment(entry: TimelineEntry) -> str:
    """Contacts with their time of day; the rest by day; undated ones say so."""
    if entry.when is None:
        return _("no date")
    if entry.kind == "contact" and isinstance(entry.when, datetime):
        return format_datetime(entry.when)
    return format_date(entry.when)


def timeline_item(entry: TimelineEntry) -> str:
    """ "Besuch · 13.11.2025 · <b>Hanauer Delegation in Bochum</b> — Gastgeber" """
    detail = f' <span style="color: #555555;">— {escape(entry.detail)}</span>' if entry.detail else ""
    return f"<b>{escape(kind_word(entry.kind))}</b> · {escape(moment(entry))} · {escape(entry.title)}{detail}"


def timeline_section(entries: Sequence[TimelineEntry]) -> str:
    title = "<h3>" + escape(_("Contact history, newest first")) + "</h3>"
    if not entries:
        return title + "<p>" + escape(_("None yet.")) + "</p>"
    return title + "<ul>" + "".join(f"<li>{timeline_item(e)}</li>" for e in entries) + "</ul>"
