"""Briefing PDF of the big visit: collect the read model and render it, as the export does."""

from delegation_app.reports.briefing import render_briefing
from delegation_app.services.briefing import collect_briefing
from scenarios import Context, Result, median_time, result


def run(ctx: Context) -> Result:
    services, visit_id = ctx.services, ctx.big_visit_id

    def once() -> None:
        render_briefing(collect_briefing(services, visit_id))

    once()  # the fonts are registered once per process, as in the program
    return result("briefing", median_time(once, ctx.repeat))
