"""The user's own files beside the database: the preferences (``settings.json``) and drafts of
unsaved edits. Each sits behind one small object, so settings are read once per start and a
preference saved in one place is what every other part sees next."""

from dataclasses import replace
from pathlib import Path
from typing import Any

from delegation_app.storage import drafts
from delegation_app.storage.settings import Settings, load_settings, save_settings


class SettingsStore:
    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._current = load_settings(path)  # the one read of the file per start

    def get(self) -> Settings:
        # A copy: Settings is a mutable dataclass, and a caller changing it must not change ours.
        current = self._current
        return replace(current, profile=replace(current.profile), retention_days=dict(current.retention_days))

    def save(self, new: Settings) -> None:
        checked = replace(new).valid()
        save_settings(checked, self._path)
        self._current = checked

    def second_backup_folder(self) -> Path | None:
        folder = self._current.second_backup_folder
        return Path(folder) if folder else None


class DraftStore:
    """Unsaved edits kept when the session ends (Windows logoff), offered at the next start."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def save(self, name: str, content: dict[str, Any]) -> Path:
        return drafts.save_draft(name, content, self.folder)

    def load(self, name: str) -> dict[str, Any] | None:
        return drafts.load_draft(name, self.folder)

    def discard(self, name: str) -> None:
        drafts.discard_draft(name, self.folder)
