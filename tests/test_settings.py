"""The preferences file: typed, validated on load, unknown or broken values never stop the program."""

import json

import pytest

from delegation_app.storage.settings import Settings, load_settings, save_settings, settings_path


def test_defaults_without_a_file():
    assert load_settings() == Settings(language="de", own_person_id=None)


def test_round_trip_keeps_language_and_own_person(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(language="en", own_person_id=7), path)
    assert load_settings(path) == Settings(language="en", own_person_id=7)
    stored = json.loads(path.read_text("utf-8"))
    assert stored["language"] == "en"
    assert stored["own_person_id"] == 7
    assert stored["second_backup_folder"] is None


def test_the_profile_round_trips_and_nonsense_is_ignored(tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings()
    settings.profile.name, settings.profile.office_address = " Anna Schmidt ", "Am Markt 14–18\n63450 Hanau"
    save_settings(settings.valid(), path)
    profile = load_settings(path).profile
    assert (profile.name, profile.office_address) == ("Anna Schmidt", "Am Markt 14–18\n63450 Hanau")
    path.write_text(json.dumps({"profile": {"name": 7, "email": "a@hanau.de", "unknown": 1}}), "utf-8")
    profile = load_settings(path).profile
    assert (profile.name, profile.email) == ("", "a@hanau.de")
    path.write_text(json.dumps({"profile": ["not", "a", "profile"]}), "utf-8")
    assert load_settings(path).profile.name == ""


def test_the_second_backup_folder_round_trips_and_nonsense_is_ignored(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(second_backup_folder="/media/usb/sicherung"), path)
    assert load_settings(path).second_backup_folder == "/media/usb/sicherung"
    for value in (7, "", "  ", ["/x"]):
        path.write_text(json.dumps({"second_backup_folder": value}), "utf-8")
        assert load_settings(path).second_backup_folder is None


def test_default_path_is_in_the_user_config_folder():
    save_settings(Settings(own_person_id=3))
    assert settings_path().is_file()
    assert load_settings().own_person_id == 3


@pytest.mark.parametrize("value", ["7", 0, -1, True, 1.5, [7], {"id": 7}])
def test_an_invalid_own_person_id_is_ignored(tmp_path, value):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "en", "own_person_id": value}), "utf-8")
    assert load_settings(path) == Settings(language="en", own_person_id=None)


@pytest.mark.parametrize("text", ["{", "[1, 2]", '"de"', ""])
def test_an_unreadable_file_gives_the_defaults(tmp_path, text):
    path = tmp_path / "settings.json"
    path.write_text(text, "utf-8")
    assert load_settings(path) == Settings()


def test_unknown_keys_and_a_bad_language_are_ignored(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "fr", "theme": "dark", "own_person_id": 2}), "utf-8")
    assert load_settings(path) == Settings(language="de", own_person_id=2)
