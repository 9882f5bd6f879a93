"""Credential stores for the tests: the real keyring API over a dict (this process) or over a
JSON file a child process is pointed to by ``PYTHON_KEYRING_BACKEND`` and ``TEST_KEYRING_FILE``."""

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class FileKeyring(KeyringBackend):
    """Read-only: what the test put in the file before starting the child."""

    priority = 1  # type: ignore[assignment]

    def _stored(self) -> dict:
        return json.loads(Path(os.environ["TEST_KEYRING_FILE"]).read_text("utf-8"))

    def get_password(self, service, username):
        return self._stored().get(f"{service} {username}")

    def set_password(self, service, username, password):
        raise NotImplementedError

    def delete_password(self, service, username):
        raise PasswordDeleteError(username)
