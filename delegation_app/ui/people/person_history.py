"""A person's page (the contact timeline): one timeline of visits, contact entries, quotes and follow-ups,
newest first (services.timeline); ``show_history`` still shows the older sectioned page."""

from collections.abc import Sequence
from html import escape

from PySide6.QtWidgets import QTextBrowser

from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_date, format_date_range, format_datetime
from delegation_app.i18n.labels import label
from delegation_app.services.history import PersonHistory
from delegation_app.services.timeline import TimelineEntry
from delegation_app.ui.common.timeline_html import timeline_section


def section(title: str, items: list[str], *, listed: bool = True) -> str:
    if not items:
        return f"<h3>{escape(title)}</h3><p>" + escape(_("None yet.")) + "</p>"
    body = "".join(f"<li>{item}</li>" for item in items) if listed else "".join(items)
    return f"<h3>{escape(title)}</h3>" + (f"<ul>{body}</ul>" if listed else body)


def when(start, end=None) -> str:
    return format_date_range(start, end) or _("no date")


def history_html(name: str, history: PersonHistory) -> str:
    visits = []
    for v in history.visits:
        roles = (label(v.side), label(v.role), label(v.attendance), v.function_at_visit)
        visits.append(
            f"{escape(when(v.starts_at, v.ends_at))} · <b>{escape(v.title)}</b> — "
            + escape(" · ".join(part for part in roles if part))
        )
    quotes = [
        f"<blockquote>{escape(q.text)}<br/><i>{escape(format_date(q.said_on) or when(q.visit_starts_at))}"
        f" · {escape(q.visit_title)}</i></blockquote>"
        for q in history.quotes
    ]
    contacts = []
    for c in history.contacts:
        details = [_("with {names}").format(names=", ".join(c.others))] if c.others else []
        details += [c.visit_title] if c.visit_title else []
        extra = f" <i>({escape('; '.join(details))})</i>" if details else ""
        moment = format_datetime(c.occurred_at)
        contacts.append(f"{escape(moment)} · {escape(label(c.channel))}: {escape(c.summary)}{extra}")
    return (
        f"<h2>{escape(name)}</h2>"
        + section(_("Visits"), visits)
        + section(_("Quotes"), quotes, listed=False)
        + section(_("Contact entries"), contacts)
    )


class PersonHistoryView(QTextBrowser):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(_("Contact history"))

    def show_message(self, text: str) -> None:
        self.setHtml(f"<p>{escape(text)}</p>")

    def show_history(self, name: str, history: PersonHistory) -> None:
        self.setHtml(history_html(name, history))

    def show_timeline(self, name: str, entries: Sequence[TimelineEntry], profile: str | None = None) -> None:
        """The name, the short profile (what to know before meeting them), then the timeline."""
        about = ""
        if profile:
            lines = "<br/>".join(escape(line) for line in profile.splitlines())
            heading = escape(_("Short profile"))
            about = f"<h3>{heading}</h3><p>{lines}</p>"
        self.setHtml(f"<h2>{escape(name)}</h2>" + about + timeline_section(entries))
