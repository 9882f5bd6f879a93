"""The "before the next visit" summary on an organisation's page: earlier visits, the people met
(and whether their function changed since), and what is still open."""

from html import escape

from delegation_app.i18n import _, ngettext
from delegation_app.i18n.formatting import format_date
from delegation_app.services.before_visit import BriefingSummary
from delegation_app.ui.people.person_history import section, when


def before_visit_html(summary: BriefingSummary) -> str:
    if not summary.previous_visits:
        return ""
    visits = [f"{escape(when(v.starts_at, v.ends_at))} · {escape(v.title)}" for v in summary.previous_visits]
    people = []
    for p in summary.people_met:
        line = escape(p.name) + (f", {escape(p.current_function)}" if p.current_function else "")
        line += " — " + escape(
            ngettext("met once, last on {date}", "met {count} times, last on {date}", p.times_met).format(
                count=p.times_met, date=format_date(p.last_met_at)
            )
        )
        if p.function_changed:  # in words: the reader must not miss it
            line += " — <b>" + escape(
                _("function changed: then {then}").format(then=p.function_at_latest_visit)
            )
            line += "</b>"
        people.append(line)
    open_items = [
        escape(f.title)
        + (" — " + escape(_("due on {date}").format(date=format_date(f.due_on))) if f.due_on else "")
        + (" — " + escape(f.owner_name) if f.owner_name else "")
        for f in summary.open_followups
    ]
    return (
        "<h3>" + escape(_("Before the next visit")) + "</h3>"
        + section(_("Earlier visits"), visits)
        + section(_("People met"), people)
        + section(_("Still open"), open_items)
    )
