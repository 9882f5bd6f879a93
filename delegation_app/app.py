"""The entry and composition root of ``delegation-app``, ``delegation-app-gui`` and
``python -m delegation_app``: arguments → settings, logging, language → the commands (cli.py) or
the window (ui/shell/application.py).

Nothing here imports Qt at module level: ``delegation-app visits`` must start without it.
"""

import sys

from delegation_app.cli import build_parser, early_language, run_command
from delegation_app.i18n import _, set_language
from delegation_app.logs import configure_logging, install_excepthook
from delegation_app.startup import ContextOpener, Startup
from delegation_app.storage.paths import database_url, demo_db_path
from delegation_app.user_files import SettingsStore


def prepare_start(
    db: str | None, demo: bool, lang: str | None, settings: SettingsStore, verbose: bool = False
) -> Startup:
    """Set up logging and language, and decide which database to open."""
    configure_logging(verbose)
    language = lang or settings.get().language
    set_language(language)
    # --db, else $DELEGATION_APP_DB, else the user data folder; --demo has a file of its own.
    url = database_url(demo_db_path() if demo else db)
    return Startup(url=url, language=language, demo=demo, verbose=verbose)


def run_gui(start: Startup, opener: ContextOpener) -> int:
    from delegation_app.ui.shell.application import run  # Qt is imported only on this path

    return run(start, opener)


def main(argv: list[str] | None = None) -> int:
    install_excepthook()
    argv = sys.argv[1:] if argv is None else list(argv)
    settings = SettingsStore()
    set_language(early_language(argv) or settings.get().language)  # for --help and usage errors
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with 2 on usage errors
    if args.demo and args.db is not None:
        parser.error(_("--demo and --db cannot be used together"))
    start = prepare_start(args.db, args.demo, args.lang, settings, args.verbose)
    opener = ContextOpener(settings)
    if args.command in (None, "gui"):
        return run_gui(start, opener)
    return run_command(args, start, opener)


if __name__ == "__main__":
    sys.exit(main())
