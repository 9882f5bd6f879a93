"""Unsaved edits kept as drafts when the session ends (Windows logoff or shutdown), offered
again on the next start. Plain JSON files in the data folder's ``drafts/``."""

import json
import logging
import os
from pathlib import Path
from typing import Any

from delegation_app.storage.paths import data_dir, private_folder

log = logging.getLogger(__name__)


def drafts_dir() -> Path:
    return data_dir() / "drafts"


def save_draft(name: str, content: dict[str, Any], folder: Path | None = None) -> Path:
    folder = folder or drafts_dir()
    private_folder(folder)
    path = folder / f"{name}.json"
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)  # created anew below, readable by the user only
    with open(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "w", encoding="utf-8") as fh:
        json.dump(content, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())  # the machine is about to go down
    os.replace(tmp, path)
    return path


def load_draft(name: str, folder: Path | None = None) -> dict[str, Any] | None:
    path = (folder or drafts_dir()) / f"{name}.json"
    try:
        content = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("unreadable draft %s: %s", path, exc)
        return None
    return content if isinstance(content, dict) else None


def discard_draft(name: str, folder: Path | None = None) -> None:
    ((folder or drafts_dir()) / f"{name}.json").unlink(missing_ok=True)
