"""``delegation-app read-press FILE [--json]``: what the press reader proposes for a release.

It opens no database (app.py runs it before choosing one): the file is read and the proposals
printed, as JSON in the shape docs/press-reader.md describes, or as a short summary.
"""

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from delegation_app.i18n import _

if TYPE_CHECKING:  # imported when a press release is read: `visits` starts without it
    from delegation_app.interchange.press_reader import PressReading

log = logging.getLogger(__name__)
COMMAND = "read-press"
# Commands app.py runs before any database is chosen or opened.
WITHOUT_DATABASE = frozenset({COMMAND})


def add_commands(commands) -> None:
    read = commands.add_parser(
        COMMAND, help=_("read a German press release and print the visit, people and quotes it names")
    )
    read.add_argument("file", type=Path, metavar="FILE")
    read.add_argument("--json", action="store_true", help=_("print JSON instead of a summary"))


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # releases saved by Windows editors


def _summary(reading: "PressReading") -> str:
    visit = reading.visit
    lines = [_("Visit: {title}").format(title=visit.title)]
    if visit.starts_on:
        lines.append(_("Date: {date}").format(date=".".join(reversed(visit.starts_on.split("-")))))
    if visit.place:
        lines.append(_("Place: {place}").format(place=visit.place))
    if reading.organisations:
        lines.append(_("Organisations: {names}").format(names=", ".join(reading.organisations)))
    lines.append(_("People:"))
    for person in reading.people:
        details = ", ".join(part for part in (person.function, person.organisation) if part)
        lines.append(f"  {person.name}" + (f" ({details})" if details else ""))
    lines.append(_("Quotes:"))
    for quote in reading.quotes:
        speaker = quote.speaker.name if quote.speaker else _("unknown speaker")
        lines.append(f"  {speaker}: „{quote.text}“")
    return "\n".join(lines)


def run_without_database(args: argparse.Namespace) -> int:
    try:
        text = _read_text(args.file)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(
            "delegation-app: " + _("Cannot read {file}: {reason}").format(file=args.file, reason=reason),
            file=sys.stderr,
        )
        return 1
    from delegation_app.interchange.press_reader import read_press_release

    try:
        reading = read_press_release(text)
        print(json.dumps(reading.as_json(), ensure_ascii=False, indent=2) if args.json else _summary(reading))
    except BrokenPipeError:  # `read-press FILE | head`: the reader has had enough
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stop Python's flush at exit from failing
    except Exception as exc:  # a bug in the reader: one line here, the traceback in the log
        log.exception("read-press failed")
        unexpected = _("An unexpected error occurred. Your saved data is safe.")
        print(f"delegation-app: {unexpected} ({exc!r})", file=sys.stderr)
        return 1
    return 0
