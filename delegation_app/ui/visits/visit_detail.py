"""Read-only overview of one visit: what the GUI issue turns into the full editor."""

from html import escape

from PySide6.QtWidgets import QTextBrowser

from delegation_app.domain.enums import ParticipantSide
from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_date_range, format_time_range
from delegation_app.i18n.labels import label
from delegation_app.services.views import AgendaItemView, ParticipationView, QuoteView, VisitView


def _section(title: str, body: str) -> str:
    return f"<h3>{escape(title)}</h3>{body}" if body else ""


def _paragraphs(text: str | None) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in (text or "").splitlines() if line.strip())


def visit_html(
    visit: VisitView,
    participants: list[ParticipationView],
    agenda: list[AgendaItemView],
    quotes: list[QuoteView],
) -> str:
    facts = [
        (_("Date"), format_date_range(visit.starts_at, visit.ends_at)),
        (_("Host"), visit.host_organisation_name or ""),
        (_("Guest"), visit.guest_organisation_name or ""),
        (_("Place"), visit.place or ""),
        (_("Status"), label(visit.status)),
        (_("Press contact"), visit.press_contact_name or ""),
    ]
    rows = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in facts if v)
    groups: dict[ParticipantSide, list[str]] = {}
    for p in participants:  # already head of delegation first, then by side and order
        entry = escape(p.person_name) + (f", {escape(p.function)}" if p.function else "")
        groups.setdefault(p.side, []).append(f"<li>{entry} — {escape(label(p.role))}</li>")
    people = "".join(
        f"<h4>{escape(label(side))}</h4><ul>{''.join(items)}</ul>" for side, items in groups.items()
    )
    times = "".join(
        f"<tr><td>{escape(format_time_range(a.starts_at, a.ends_at))}</td><td>{escape(a.title)}</td></tr>"
        for a in agenda
    )
    said = "".join(
        f"<blockquote>{escape(q.text)}<br/><i>— {escape(q.speaker_display)}</i></blockquote>" for q in quotes
    )
    return (
        f"<h2>{escape(visit.title)}</h2><table>{rows}</table>"
        + _section(_("Purpose"), _paragraphs(visit.purpose))
        + _section(_("Programme"), f"<table>{times}</table>" if times else "")
        + _section(_("Participants"), people)
        + _section(_("Quotes"), said)
        + _section(_("Lessons learned"), _paragraphs(visit.lessons_learned))
        + _section(_("Notes"), _paragraphs(visit.notes))
    )


class VisitDetail(QTextBrowser):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(_("Visit details"))
        self.show_nothing()

    def show_nothing(self) -> None:
        self.setHtml("<p>" + escape(_("Select a visit to see its details.")) + "</p>")

    def show_visit(self, visit, participants, agenda, quotes) -> None:
        self.setHtml(visit_html(visit, participants, agenda, quotes))
