"""An organisation's page: its people, then its timeline (visits as host or guest or through its
people, their contacts, quotes and follow-ups; newest first), or, without one, its visits."""

from collections.abc import Sequence
from html import escape

from PySide6.QtWidgets import QTextBrowser

from delegation_app.domain.enums import ParticipantSide
from delegation_app.i18n import _
from delegation_app.i18n.labels import label
from delegation_app.services.before_visit import BriefingSummary
from delegation_app.services.history import OrganisationHistory
from delegation_app.services.timeline import TimelineEntry
from delegation_app.ui.common.timeline_html import timeline_section
from delegation_app.ui.organisations.before_visit_html import before_visit_html
from delegation_app.ui.people.person_history import section, when


def organisation_html(
    name: str,
    history: OrganisationHistory,
    timeline: Sequence[TimelineEntry] | None = None,
    summary: BriefingSummary | None = None,
) -> str:
    people = [
        escape(m.name) + "".join(f", {escape(extra)}" for extra in (m.function, m.email) if extra)
        for m in history.people
    ]
    visits = []
    for v in history.visits:
        sides = [label(ParticipantSide.HOST)] * v.as_host + [label(ParticipantSide.GUEST)] * v.as_guest
        visits.append(
            f"{escape(when(v.starts_at, v.ends_at))} · <b>{escape(v.title)}</b> — "
            f"{escape(' / '.join(sides))} · {escape(label(v.status))}"
        )
    rest = timeline_section(timeline) if timeline is not None else section(_("Visits"), visits)
    before = before_visit_html(summary) if summary is not None else ""
    return f"<h2>{escape(name)}</h2>" + before + section(_("People"), people) + rest


class OrganisationPage(QTextBrowser):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(_("People and visits"))

    def show_message(self, text: str) -> None:
        self.setHtml(f"<p>{escape(text)}</p>")

    def show_page(
        self,
        name: str,
        history: OrganisationHistory,
        timeline: Sequence[TimelineEntry] | None = None,
        summary: BriefingSummary | None = None,
    ) -> None:
        self.setHtml(organisation_html(name, history, timeline, summary))
