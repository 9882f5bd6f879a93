"""``delegation-app --self-test``: does this installation work? One line per check, exit 0 only when
every check passed. Run by the build, the installer's CI and IT after a rollout.

It works in a temporary folder (DELEGATION_APP_HOME, see storage/paths.py) set before anything
reads the user's folders, so a self-test never touches the user's data, settings or log. The window
check lives in ui/shell/self_test_window.py (Qt stays out of here); app.py runs both.
"""

import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from delegation_app.i18n import _, ngettext

if TYPE_CHECKING:
    from delegation_app.context import AppContext
    from delegation_app.user_files import SettingsStore


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    detail: str  # what was found, or what went wrong


def line(result: CheckResult) -> str:
    mark = _("ok") if result.passed else _("FAILED")
    return f"[{mark}] {result.name}: {result.detail}"


def run_check(name: str, check: Callable[[], str]) -> CheckResult:
    """A check returns what it found; any exception is a failure, told in one line."""
    started = time.perf_counter()
    try:
        detail = check()
    except Exception as exc:  # a self-test reports every failure; it never shows a traceback
        return CheckResult(name, False, f"{type(exc).__name__}: {exc}")
    return CheckResult(name, True, f"{detail} ({(time.perf_counter() - started) * 1000:.0f} ms)")


@contextmanager
def temporary_home() -> Iterator[Path]:
    """The user folders redirected to a temporary folder for the duration; removed afterwards."""
    from delegation_app.storage.paths import HOME_ENV_VAR

    before = os.environ.get(HOME_ENV_VAR)
    with tempfile.TemporaryDirectory(prefix="delegation-app-self-test-") as folder:
        os.environ[HOME_ENV_VAR] = folder
        try:
            yield Path(folder)
        finally:
            if before is None:
                os.environ.pop(HOME_ENV_VAR, None)
            else:
                os.environ[HOME_ENV_VAR] = before


def check_fonts() -> str:
    from delegation_app.reports.fonts import register_fonts
    from delegation_app.resource_files import resource

    fonts = sorted(resource("fonts").glob("*.tt[fc]"))
    if not fonts:
        raise FileNotFoundError(_("no fonts in {folder}").format(folder=resource("fonts")))
    register_fonts()
    found = ngettext("{count} font in {folder}", "{count} fonts in {folder}", len(fonts))
    return found.format(count=len(fonts), folder=resource("fonts"))


def check_translations() -> str:
    from delegation_app.i18n import SUPPORTED, translator

    german = translator("de")("Visits")
    if german == "Visits":
        raise LookupError(_("the German catalogue does not translate"))
    return _("languages {languages}; “Visits” → “{german}”").format(
        languages=", ".join(SUPPORTED), german=german
    )


def open_demo(settings: "SettingsStore", home: Path) -> "AppContext":
    """A temporary database, created through the migrations and filled with the demo visit."""
    from delegation_app.startup import ContextOpener, Startup
    from delegation_app.storage.paths import database_url

    start = Startup(url=database_url(home / "self-test.sqlite"), language="de", demo=True)
    return ContextOpener(settings).open(start)


def check_migrations(context: "AppContext") -> str:
    from delegation_app.storage.migrate import MIGRATIONS_DIR, head_revision

    scripts = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("[!_]*.py"))
    head = head_revision()
    if not scripts or head is None:
        raise FileNotFoundError(_("no migrations in {folder}").format(folder=MIGRATIONS_DIR))
    found = ngettext(
        "{count} migration, database at {head}", "{count} migrations, database at {head}", len(scripts)
    )
    return found.format(count=len(scripts), head=head)


def check_demo(context: "AppContext") -> str:
    visits = context.services.visits.list()
    people = context.services.people.list(limit=50)
    if not visits or not people:
        raise LookupError(_("the demo visit did not load"))
    return ngettext("{count} visit with its people", "{count} visits with their people", len(visits)).format(
        count=len(visits)
    )


def check_print_products(context: "AppContext") -> str:
    """Every print product of the demo visit in every format it writes, in German and English
    (rendered in memory: nothing is written)."""
    from delegation_app.operations.print_products import PRODUCTS, PrintRequest, render

    visit_id = context.services.visits.list()[0].id
    total = 0
    for name, product in PRODUCTS.items():
        for fmt in product.formats:
            for language in ("de", "en"):
                data = render(context.services, name, visit_id, PrintRequest(fmt=fmt, language=language)).data
                if fmt == "pdf" and not data.startswith(b"%PDF"):
                    raise ValueError(_("{product} is not a PDF").format(product=name))
                if not data:
                    raise ValueError(_("{product} ({format}) is empty").format(product=name, format=fmt))
                total += 1
    return ngettext(
        "{count} file of {products} products", "{count} files of {products} products", total
    ).format(count=total, products=len(PRODUCTS))


def headless_checks(context: "AppContext") -> list[CheckResult]:
    return [
        run_check(_("Migrations"), lambda: check_migrations(context)),
        run_check(_("Demo data"), lambda: check_demo(context)),
        run_check(_("Print products"), lambda: check_print_products(context)),
    ]
