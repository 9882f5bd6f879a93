"""The composition root: arguments → logging, language, database, services → CLI or main window.

Nothing here imports Qt at module level: ``delegation-app visits`` must start without it.
"""

import logging
import sys
from dataclasses import dataclass

from delegation_app.i18n import set_language
from delegation_app.logs import configure_logging, install_excepthook
from delegation_app.services.registry import Services
from delegation_app.storage.opening import open_database
from delegation_app.storage.paths import database_url, demo_db_path
from delegation_app.storage.settings import load_settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Startup:
    url: str
    language: str
    demo: bool = False
    verbose: bool = False
    read_only: bool = False  # chosen in the start-up failure dialog: look, but never write


def startup(db: str | None, demo: bool, lang: str | None, verbose: bool = False) -> Startup:
    """Set up logging and language, and decide which database to open."""
    configure_logging(verbose)
    settings = load_settings()
    language = lang or settings.language
    set_language(language)
    # --db, else $DELEGATION_APP_DB, else the user data folder; --demo has a file of its own.
    url = database_url(demo_db_path() if demo else db)
    return Startup(url=url, language=language, demo=demo, verbose=verbose)


def open_services(start: Startup) -> Services:
    """Migrate (with backup) and open; the demo database is filled on first use."""
    db, report = open_database(start.url, read_only=start.read_only)
    if report.from_revision != report.to_revision:
        log.info("database %s migrated %s → %s (backup: %s)", start.url, report.from_revision,
                 report.to_revision, report.backup)  # fmt: skip
    services = Services.over(db)
    if start.demo and not start.read_only:
        from delegation_app.services.demo import load_demo  # only the demo needs its data files

        load_demo(services)
    return services


def run_gui(start: Startup) -> int:
    from delegation_app.ui.shell.application import run  # Qt is imported only on this path

    return run(start, open_services)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the windowed launcher (``delegation-app-gui``); same options as the CLI."""
    install_excepthook()
    from delegation_app.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
