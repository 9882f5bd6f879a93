"""The one writer for every file a command or dialog writes.

A user typing ``-o`` or choosing a file in a dialog can point at anything: the open database, its
``-wal`` file, a backup, a folder, ``/dev/null``. Each of those is refused with one sentence before a
byte is written. An accepted file is written to a temporary file in the same folder and renamed over
the target, so a crash, a full disk or a PDF viewer holding the old file never leaves a truncated
file behind; the new file is readable by the user only (the data are personal).
"""

import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import N_

# SQLite's companions of a database file: writing over one of them damages the database too.
COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")


class OutputRefused(DomainError):
    """The chosen output path cannot or must not be written; the message says why in one line."""


def _same(a: Path, b: Path) -> bool:
    return os.path.normcase(str(a)) == os.path.normcase(str(b))


def _resolved(path: Path) -> Path:
    # strict=False: the target usually does not exist yet; symlinks on the way are followed.
    return Path(os.path.abspath(path)).resolve(strict=False)


class OutputWriter:
    """Built once by the composition root with the files and folders no output may replace."""

    def __init__(self, protected_files: Iterable[Path] = (), protected_folders: Iterable[Path] = ()) -> None:
        self._files = [_resolved(Path(f"{p}{s}")) for p in protected_files for s in COMPANION_SUFFIXES]
        self._folders = [_resolved(Path(p)) for p in protected_folders]

    def protecting(self, files: Iterable[Path] = (), folders: Iterable[Path] = ()) -> "OutputWriter":
        """A writer that also protects these (e.g. the database a command opened with ``--db``)."""
        writer = OutputWriter()
        added = [_resolved(Path(f"{p}{s}")) for p in files for s in COMPANION_SUFFIXES]
        writer._files = [*self._files, *added]
        writer._folders = [*self._folders, *(_resolved(Path(p)) for p in folders)]
        return writer

    def check(self, target: Path | str) -> Path:
        """The path as it will be written; raises OutputRefused for a path no output may take."""
        path = Path(target)
        if not str(target).strip():
            raise OutputRefused(N_("Please give a file name for the output."))
        if path.is_dir():
            raise OutputRefused(N_("“{path}” is a folder. Please give a file name."), path=path)
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            raise OutputRefused(
                N_("“{path}” is not an ordinary file. Please choose another file name."), path=path
            )
        real = _resolved(path)
        if any(_same(real, protected) for protected in self._files):
            raise OutputRefused(
                N_("“{path}” is the program's database. Please choose another file name."), path=path
            )
        if any(_same(real, folder) or folder in real.parents for folder in self._folders):
            raise OutputRefused(
                N_("“{path}” lies in the program's own folder for backups. Please choose another folder."),
                path=path,
            )
        if not real.parent.is_dir():
            raise OutputRefused(N_("The folder “{folder}” does not exist."), folder=path.parent)
        return path

    def write(self, target: Path | str, data: bytes) -> Path:
        with self.open_binary(target) as fh:
            fh.write(data)
        return Path(target)

    def write_text(self, target: Path | str, text: str) -> Path:
        with self.open_text(target) as fh:
            fh.write(text)
        return Path(target)

    def open_binary(self, target: Path | str) -> AbstractContextManager[IO[bytes]]:
        """``with writer.open_binary(path) as fh: …`` — the target is replaced only when the block
        ends without an error; otherwise it stays as it was and the temporary file is removed."""
        return _replacing(self.check(target), "wb")

    def open_text(self, target: Path | str) -> AbstractContextManager[IO[str]]:
        """As open_binary, for UTF-8 text (newlines written as given)."""
        return _replacing(self.check(target), "w")


@contextmanager
def _replacing(path: Path, mode: str) -> Iterator[IO[Any]]:
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    try:
        text = "b" not in mode
        fh: IO[Any] = os.fdopen(fd, mode, encoding="utf-8", newline="") if text else os.fdopen(fd, mode)
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, OutputRefused):
            raise _cannot_write(path, exc) from exc
        raise


def _cannot_write(path: Path, exc: OSError) -> OutputRefused:
    if isinstance(exc, PermissionError) and sys.platform == "win32" and path.exists():
        # Windows refuses to replace a file another program holds open (Word, a PDF viewer).
        template = N_("“{path}” is open in another program. Please close it there and try again.")
    elif isinstance(exc, PermissionError):
        template = N_("You may not write to “{path}”. Please choose another folder.")
    elif exc.errno == 28:  # ENOSPC
        template = N_("The disk is full; “{path}” was not written.")
    else:
        template = N_("“{path}” cannot be written. Please choose another file name or folder.")
    return OutputRefused(template, path=path).because(exc)
