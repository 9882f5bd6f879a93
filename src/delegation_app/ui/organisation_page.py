"""An organisation's page: its people and the visits where it is host or guest (newest first)."""

from html import escape

from PySide6.QtWidgets import QTextBrowser

from delegation_app.domain.enums import ParticipantSide
from delegation_app.i18n import _
from delegation_app.i18n.labels import label
from delegation_app.services.history import OrganisationHistory
from delegation_app.ui.person_history import section, when


def organisation_html(name: str, history: OrganisationHistory) -> str:
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
    return f"<h2>{escape(name)}</h2>" + section(_("People"), people) + section(_("Visits"), visits)


class OrganisationPage(QTextBrowser):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(_("People and visits"))

    def show_message(self, text: str) -> None:
        self.setHtml(f"<p>{escape(text)}</p>")

    def show_page(self, name: str, history: OrganisationHistory) -> None:
        self.setHtml(organisation_html(name, history))
