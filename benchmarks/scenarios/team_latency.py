"""Team mode over a VPN to the town hall (issue 16): the scale data in PostgreSQL (``--pg``),
reached through ``delay_proxy`` holding each chunk 10 ms each way (20 ms round trip).

Five results: the start (database opened, main window built and its lists filled), opening the
60-person visit in the editor, a page of the people list, a search, the briefing of that visit.
Each carries ``round_trips``: the requests the program sent through the proxy during one run of
the action (the proxy counts them), since over a network their number decides the time.
"""

import statistics
import time
from collections.abc import Callable

from delay_proxy import DelayProxy
from pg_copy import ensure_copied
from sqlalchemy.engine import make_url

from scenarios import Context, Result, qt_app, result

DELAY = 0.010  # each way
SEARCHES = ("kucuk", "stra", "Müller", "lodz", "Partnerschaft", "anna schmidt")


def _through(url: str, port: int) -> str:
    return make_url(url).set(host="127.0.0.1", port=port).render_as_string(hide_password=False)


def _timed(action: Callable[[], object], repeat: int, proxy: DelayProxy) -> tuple[float, int]:
    """Median seconds over ``repeat`` runs, and the round trips of the last one."""
    times, trips = [], 0
    for _ in range(repeat):
        before = proxy.requests
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
        trips = proxy.requests - before
    return statistics.median(times), trips


def run(ctx: Context, pg_url: str) -> dict[str, Result]:
    from delegation_app.services.registry import Services
    from delegation_app.storage.opening import open_database

    ensure_copied(ctx.db_path, pg_url)
    big_visit = ctx.big_visit_id  # read from the SQLite file: the same ids were copied
    target = make_url(pg_url)
    proxy = DelayProxy(target.host or "127.0.0.1", target.port or 5432, delay=DELAY).start()
    url = _through(pg_url, proxy.port)
    try:
        results = {"team_start": _start(ctx, url, proxy)}
        db, _report = open_database(url)
        services = Services.over(db)
        try:
            results["team_open_visit"] = _open_visit(ctx, services, big_visit, proxy)
            results["team_people_page"] = _people_page(ctx, services, proxy)
            results["team_search"] = _search(ctx, services, proxy)
            results["team_briefing"] = _briefing(ctx, services, big_visit, proxy)
        finally:
            db.dispose()
    finally:
        proxy.stop()
    return results


def _start(ctx: Context, url: str, proxy: DelayProxy) -> Result:
    from delegation_app.services.registry import Services
    from delegation_app.startup import context_around
    from delegation_app.storage.opening import open_database
    from delegation_app.ui.common.prompts import Prompts
    from delegation_app.ui.shell.application import build_main_window
    from delegation_app.user_files import SettingsStore

    app = qt_app()

    def once() -> None:
        db, _report = open_database(url)
        window, _bus = build_main_window(
            context_around(Services.over(db), SettingsStore()), prompts=Prompts()
        )
        window.show()
        app.processEvents()
        window.close()
        window.deleteLater()
        app.processEvents()
        db.dispose()

    value, trips = _timed(once, ctx.repeat, proxy)
    return result(
        "team_start", value, round_trips=trips, note="open, migrations checked, window with its lists"
    )


def _open_visit(ctx: Context, services, visit_id: int, proxy: DelayProxy) -> Result:
    from delegation_app.ui.common.operation_runner import OperationRunner
    from delegation_app.ui.common.prompts import Prompts
    from delegation_app.ui.visits.visit_editor import VisitEditor

    app = qt_app()
    prompts = Prompts()
    editor = VisitEditor(services, prompts, OperationRunner(services, prompts))
    editor.resize(900, 700)
    editor.show()
    app.processEvents()

    def once() -> None:
        editor.load(visit_id)
        app.processEvents()

    once()  # statements compiled, pool filled: as for the second visit a user opens
    try:
        value, trips = _timed(once, ctx.repeat, proxy)
    finally:
        editor.close()
        editor.deleteLater()
        app.processEvents()
    return result("team_open_visit", value, round_trips=trips)


def _people_page(ctx: Context, services, proxy: DelayProxy) -> Result:
    from delegation_app.ui.common.change_bus import ChangeBus
    from delegation_app.ui.common.operation_runner import OperationRunner
    from delegation_app.ui.common.prompts import Prompts
    from delegation_app.ui.people.people_view import PeopleView

    app = qt_app()
    prompts = Prompts()
    view = PeopleView(services, ChangeBus(), prompts, OperationRunner(services, prompts))
    view.resize(1280, 760)
    view.show()
    app.processEvents()
    bar = view.table.verticalScrollBar()

    def next_page() -> None:  # dragging the scroll bar to the end loads the next page
        bar.setValue(bar.maximum())
        app.processEvents()

    try:
        value, trips = _timed(next_page, ctx.repeat, proxy)
    finally:
        view.close()
        view.deleteLater()
        app.processEvents()
    return result("team_people_page", value, round_trips=trips, note="the next page of the people list")


def _search(ctx: Context, services, proxy: DelayProxy) -> Result:
    from delegation_app.services.global_search import search_everything

    for query in SEARCHES:
        search_everything(services, query)  # compiled once, as after the first keystroke
    per_query = [
        _timed(lambda q=query: search_everything(services, q), ctx.repeat, proxy) for query in SEARCHES
    ]
    value = statistics.median(t for t, _ in per_query)
    trips = max(n for _, n in per_query)
    return result(
        "team_search", value, round_trips=trips, note="median over the queries, the most round trips"
    )


def _briefing(ctx: Context, services, visit_id: int, proxy: DelayProxy) -> Result:
    from delegation_app.reports.briefing import render_briefing
    from delegation_app.services.briefing import collect_briefing

    def once() -> None:
        render_briefing(collect_briefing(services, visit_id))

    once()  # fonts registered once per process
    value, trips = _timed(once, ctx.repeat, proxy)
    return result("team_briefing", value, round_trips=trips)
