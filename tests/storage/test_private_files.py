"""What the program writes about people is readable by the user only (POSIX: files 0600, its
folders 0700); on Windows the per-user profile's ACL does that (README, "Your data")."""

import stat

from delegation_app.services.backups import backup_now
from delegation_app.storage.drafts import save_draft
from delegation_app.storage.opening import open_database
from delegation_app.storage.paths import backup_dir, data_dir
from delegation_app.storage.settings import Settings, save_settings, settings_path


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_its_backups_drafts_and_settings_are_the_users_alone():
    db, _ = open_database(f"sqlite:///{data_dir() / 'delegation.sqlite'}")
    try:
        backup = backup_now(db)
    finally:
        db.dispose()
    assert mode(data_dir()) == 0o700
    assert mode(data_dir() / "delegation.sqlite") == 0o600
    assert mode(backup_dir()) == 0o700
    assert mode(backup) == 0o600
    draft = save_draft("visit", {"summary": "Gespräch mit Frau Temme"})
    assert mode(draft) == 0o600
    assert mode(draft.parent) == 0o700
    save_settings(Settings())
    assert mode(settings_path()) == 0o600
    assert mode(settings_path().parent) == 0o700


def test_an_existing_open_folder_is_closed_to_others():
    data_dir().mkdir(parents=True, mode=0o755)
    data_dir().chmod(0o755)  # as an earlier version left it
    save_draft("visit", {})
    assert mode(data_dir()) == 0o700
