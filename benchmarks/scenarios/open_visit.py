"""Opening the big visit (60 participants, 40 agenda items, 150 quotes) in the visit editor."""

from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.visits.visit_editor import VisitEditor
from scenarios import Context, Result, median_time, qt_app, result


def run(ctx: Context) -> Result:
    app = qt_app()
    prompts = Prompts()
    editor = VisitEditor(ctx.services, prompts, OperationRunner(ctx.services, prompts))
    editor.resize(900, 700)
    editor.show()
    app.processEvents()

    def once() -> None:
        editor.load(ctx.big_visit_id)
        app.processEvents()  # the tabs' tables paint

    try:
        return result("open_visit", median_time(once, ctx.repeat))
    finally:
        editor.close()
        editor.deleteLater()
        app.processEvents()
