"""The entry and composition root of ``delegation-app``, ``delegation-app-gui`` and
``python -m delegation_app``: arguments → settings, logging, language → the commands (cli.py) or
the window (ui/shell/application.py).

Nothing here imports Qt at module level: ``delegation-app visits`` must start without it. Nor the
database layer (cli, startup): a window start paints its first picture before importing it.
"""

import sys
from typing import TYPE_CHECKING

from delegation_app.collector import freeze_before_exit, freeze_start_up_objects, hold_during_start
from delegation_app.i18n import SUPPORTED, _, ngettext, set_language
from delegation_app.logs import configure_logging, install_excepthook
from delegation_app.user_files import SettingsStore

if TYPE_CHECKING:
    from pathlib import Path

    from delegation_app.startup import ContextOpener, Startup

WINDOW_COMMANDS = (None, "gui")


def early_language(argv: list[str]) -> str | None:
    """The language ``--lang`` names, known before argparse runs (for --help and usage errors)."""
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        elif arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        else:
            continue
        if value in SUPPORTED:
            return value
    return None


def opens_window(argv: list[str]) -> bool:
    """Whether these arguments open the window (no command, or ``gui``), told without argparse:
    a usage error or --help goes on to argparse, which says what is wrong."""
    command = None
    words = iter(argv)
    for word in words:
        if word in ("--db", "--lang"):
            next(words, None)
        elif word.startswith("-"):
            if word not in ("--demo", "-v", "--verbose", "--quit-when-ready") and not word.startswith(
                ("--db=", "--lang=")
            ):
                return False  # --help, --version, or something argparse must explain
        elif command is None:
            command = word
        else:
            return False
    return command in WINDOW_COMMANDS


def prepare_start(
    db: str | None, demo: bool, lang: str | None, settings: SettingsStore, verbose: bool = False
) -> "Startup":
    """Set up logging and language, and decide which database to open."""
    from delegation_app.startup import Startup, chosen_database

    configure_logging(verbose)
    language = lang or settings.get().language
    set_language(language)
    # --db, else $DELEGATION_APP_DB, else the database chosen in the window (the team database
    # or a file), else the user data folder; --demo has a file of its own.
    url, team = chosen_database(db, demo, settings.get())
    return Startup(url=url, language=language, demo=demo, verbose=verbose, team=team)


def run_gui(start: "Startup", opener: "ContextOpener", shell=None, quit_when_ready: bool = False) -> int:
    from delegation_app.ui.shell.application import run  # Qt is imported only on this path

    return run(start, opener, shell, quit_when_ready=quit_when_ready)


def paint_first(language: str):
    """The start window, painted (ui/shell/start_window.py): Qt and i18n only, nothing of the database."""
    from delegation_app.ui.shell.start_window import paint_start_window

    return paint_start_window(language)


def run_self_test(argv: list[str], settings: SettingsStore, home: "Path") -> int:
    """``--self-test``: every check on one line, in the temporary ``home``; 0 only when all passed."""
    from delegation_app import self_test as checks

    configure_logging(False)
    set_language(early_language(argv) or "de")
    results = [
        checks.run_check(_("Fonts"), checks.check_fonts),
        checks.run_check(_("Translations"), checks.check_translations),
    ]
    opened: list = []
    results.append(checks.run_check(_("Database"), lambda: _open_into(opened, settings, home)))
    if opened:
        from delegation_app.ui.shell import self_test_window as window

        window.prefer_offscreen_without_display()
        window.keep_qt_settings_in(str(home / "qt"))
        results += checks.headless_checks(opened[0])
        results.append(checks.run_check(_("Qt translations"), window.check_qt_translations))
        results.append(checks.run_check(_("Main window"), lambda: window.check_main_window(opened[0])))
        opened[0].database.dispose()
    for result in results:
        print(checks.line(result), flush=True)
    failed = [r for r in results if not r.passed]
    if failed:
        told = ngettext("Self-test failed: {count} check.", "Self-test failed: {count} checks.", len(failed))
        print(told.format(count=len(failed)))
    else:
        print(_("Self-test passed."))
    return 0 if not failed else 1


def _open_into(opened: list, settings: SettingsStore, home: "Path") -> str:
    from delegation_app.self_test import open_demo

    opened.append(open_demo(settings, home))
    return _("temporary database with the demo visit in {folder}").format(folder=home)


def main(argv: list[str] | None = None) -> int:
    hold_during_start()  # collector.py: the start's objects all live; the command or window resumes it
    install_excepthook()
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        if "--self-test" in argv:  # before anything reads the user's folders: all of them go to a temp folder
            from delegation_app.self_test import temporary_home

            freeze_start_up_objects()  # renders every print product: collections go on throughout
            with temporary_home() as home:
                return _main(argv, home)
        return _main(argv, None)
    finally:
        freeze_before_exit()


def _main(argv: list[str], self_test_home: "Path | None") -> int:
    settings = SettingsStore()
    if self_test_home is not None:
        return run_self_test(argv, settings, self_test_home)
    set_language(early_language(argv) or settings.get().language)  # for --help and usage errors
    window = opens_window(argv)
    shell = paint_first(early_language(argv) or settings.get().language) if window else None
    # A window start parses the common options only: the commands' modules (cli.py) stay unloaded.
    from delegation_app.cli_options import window_parser

    if window:
        parser = window_parser()
    else:
        from delegation_app.cli import build_parser

        parser = build_parser()
    args = parser.parse_args(argv)  # exits with 2 on usage errors
    if args.demo and args.db is not None:
        parser.error(_("--demo and --db cannot be used together"))
    if args.command in WINDOW_COMMANDS:
        return _open_window(args, settings, shell)
    from delegation_app import cli_press

    if args.command in cli_press.WITHOUT_DATABASE:  # reads a file, prints: no database at all
        freeze_start_up_objects()
        return cli_press.run_without_database(args)
    from delegation_app.cli import run_command
    from delegation_app.startup import ContextOpener  # the database layer: after the first paint

    start = prepare_start(args.db, args.demo, args.lang, settings, args.verbose)
    freeze_start_up_objects()
    return run_command(args, start, ContextOpener(settings))


def _open_window(args, settings: SettingsStore, shell) -> int:
    from delegation_app.startup import ContextOpener  # the database layer: after the first paint

    start = prepare_start(args.db, args.demo, args.lang, settings, args.verbose)
    opener = ContextOpener(settings)
    if args.quit_when_ready:
        return run_gui(start, opener, shell, quit_when_ready=True)
    return run_gui(start, opener, shell)


if __name__ == "__main__":
    sys.exit(main())
