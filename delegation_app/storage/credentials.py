"""Where a team database's password lives on the PC: the operating system's credential store
(the ``keyring`` library: Windows Credential Manager, macOS Keychain, Secret Service), never a
file, the log or a URL. Where there is no store (a headless Linux), the password is asked once
per session and kept in this process's memory only."""

import contextlib
import logging

log = logging.getLogger(__name__)

SERVICE = "delegation-app"
_session: dict[str, str] = {}  # this process's memory: gone when the program ends


def keyring_usable() -> bool:
    """Whether a real credential store is there (keyring's fail backend, or a chainer with no
    backends, store nothing)."""
    import keyring  # on use: only a team database needs the store (a file's start skips ~20 ms)
    from keyring.backends import chainer, fail

    store = keyring.get_keyring()
    if isinstance(store, fail.Keyring):
        return False
    return not (isinstance(store, chainer.ChainerBackend) and not store.backends)


def stored_password(name: str) -> str | None:
    """The password for ``name`` ("user@host:port/db"): this session's, else the store's."""
    import keyring  # on use, as in keyring_usable
    from keyring.errors import KeyringError

    if name in _session:
        return _session[name]
    if not keyring_usable():
        return None
    try:
        return keyring.get_password(SERVICE, name)
    except KeyringError as exc:  # a locked or broken store: asked for instead
        log.warning("cannot read the credential store: %s", type(exc).__name__)
        return None


def remember_password(name: str, password: str) -> bool:
    """Kept for this session, and in the credential store where there is one; True when stored
    there (the next start does not ask)."""
    import keyring  # on use, as in keyring_usable
    from keyring.errors import KeyringError

    _session[name] = password
    if not keyring_usable():
        return False
    try:
        keyring.set_password(SERVICE, name, password)
    except KeyringError as exc:
        log.warning("cannot write to the credential store: %s", type(exc).__name__)
        return False
    return True


def forget_password(name: str) -> None:
    """A password the server refused: neither the session nor the store offers it again."""
    import keyring  # on use, as in keyring_usable
    from keyring.errors import KeyringError

    _session.pop(name, None)
    if keyring_usable():
        with contextlib.suppress(KeyringError):  # not stored there (PasswordDeleteError is one)
            keyring.delete_password(SERVICE, name)
