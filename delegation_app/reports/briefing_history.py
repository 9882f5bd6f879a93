"""The briefing's relationship history: per organisation of the visit its earlier visits, the
people met there and the promises made (open and kept), from services/before_visit.py."""

from datetime import date

from delegation_app.i18n import N_, Translator, translator
from delegation_app.i18n.formatting import format_date, format_date_range
from delegation_app.reports.briefing_blocks import Block, Bullets, Heading, Para
from delegation_app.services.briefing import RelationshipHistory

PEOPLE_MET_SHOWN = 30  # of one organisation; the rest as "and N more"
PROMISES_SHOWN = 10  # open ones (the next due first), and as many kept ones (the latest first)


def _more(t: Translator, items: list[str], total: int) -> list[str]:
    more = total - len(items)
    if more > 0:
        items.append(t.ngettext("and {count} more", "and {count} more", more).format(count=more))
    return items


def history_blocks(history: tuple[RelationshipHistory, ...], lang: str) -> list[Block]:
    t = translator(lang)
    if not history:
        return []
    blocks: list[Block] = [Heading(1, t(N_("Relationship history")))]
    for entry in history:
        s = entry.summary
        blocks.append(Heading(2, s.organisation_name))
        if s.previous_visits:
            blocks.append(Para("", label=t(N_("Earlier visits"))))
            visits = [
                f"{format_date_range(v.starts_at, v.ends_at, lang)}: {v.title}".lstrip(": ")
                for v in s.previous_visits
            ]
            blocks.append(Bullets(tuple(visits)))
        if s.people_met:
            met = [
                f"{p.name} ({p.function_at_latest_visit}, {p.times_met}×)"
                if p.function_at_latest_visit
                else f"{p.name} ({p.times_met}×)"
                for p in s.people_met[:PEOPLE_MET_SHOWN]
            ]
            blocks.append(Para("; ".join(_more(t, met, len(s.people_met))), label=t(N_("People met"))))
        open_ones = [
            t(N_("{title} (open, due {date})")).format(title=f.title, date=format_date(f.due_on, lang))
            if f.due_on
            else t(N_("{title} (open)")).format(title=f.title)
            for f in s.open_followups[:PROMISES_SHOWN]
        ]
        latest = sorted(entry.kept, key=lambda f: f.done_on or date.min, reverse=True)
        kept = [
            t(N_("{title} (kept, done {date})")).format(title=f.title, date=format_date(f.done_on, lang))
            for f in latest[:PROMISES_SHOWN]
        ]
        promises = _more(t, open_ones, len(s.open_followups)) + _more(t, kept, len(entry.kept))
        if promises:
            blocks.append(Para("", label=t(N_("Promises"))))
            blocks.append(Bullets(tuple(promises)))
    return blocks
