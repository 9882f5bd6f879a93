"""The options every start takes (``--db``, ``--demo``, ``--lang``, ``-v`` …), apart from the
commands: a window start parses with ``window_parser`` and so imports none of the commands'
modules (cli.py and its cli_* modules, each with what its commands need; issue 21)."""

import argparse

from delegation_app.i18n import SUPPORTED, _

PROG = "delegation-app"


def new_parser() -> argparse.ArgumentParser:
    """The parser with the options of every start; the caller adds the commands."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_(
            "Plan delegation visits, log contact entries, print briefings. "
            "Without a command: open the window."
        ),
    )
    parser.add_argument("--version", action=_Version)
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=_("database file or SQLAlchemy URL (default: $DELEGATION_APP_DB, else the user data folder)"),
    )
    parser.add_argument(
        "--demo", action="store_true", help=_("use the separate demo database (filled on first use)")
    )
    parser.add_argument("--lang", choices=SUPPORTED, help=_("language of the program (default: German)"))
    parser.add_argument("-v", "--verbose", action="store_true", help=_("log more detail"))
    parser.add_argument(  # handled in app.py before anything else (it must not touch the user's files)
        "--self-test",
        action="store_true",
        help=_("check this installation in a temporary folder (fonts, translations, database, window)"),
    )
    # Benchmark aid, hidden from --help: the window closes at its first idle moment (frozen_startup).
    parser.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)
    return parser


class _Version(argparse._VersionAction):
    """argparse's --version, with the number looked up when asked for (delegation_app/__init__.py)."""

    def __call__(self, parser, namespace, values, option_string=None):
        from delegation_app import __version__

        self.version = f"%(prog)s {__version__}"
        super().__call__(parser, namespace, values, option_string)


def add_window_command(commands) -> None:
    commands.add_parser("gui", help=_("open the window (the default)"))


def window_parser() -> argparse.ArgumentParser:
    """Enough for the arguments app.opens_window accepts (no command, or ``gui``); anything else
    goes to cli.build_parser, which knows every command and explains a usage error."""
    parser = new_parser()
    add_window_command(parser.add_subparsers(dest="command", metavar="COMMAND"))
    return parser
