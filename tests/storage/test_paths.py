from pathlib import Path

from delegation_app.storage import paths


def test_default_database_lives_in_the_user_data_folder(user_dirs):
    url = paths.database_url(None)
    assert url == f"sqlite:///{user_dirs / 'xdg_data_home' / 'delegation-app' / 'delegation.sqlite'}"


def test_environment_variable_overrides_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.DB_ENV_VAR, str(tmp_path / "team.sqlite"))
    assert paths.database_url(None) == f"sqlite:///{tmp_path / 'team.sqlite'}"


def test_explicit_path_wins_and_is_made_absolute(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.DB_ENV_VAR, str(tmp_path / "team.sqlite"))
    monkeypatch.chdir(tmp_path)
    assert paths.database_url("mine.sqlite") == f"sqlite:///{tmp_path / 'mine.sqlite'}"


def test_urls_pass_through_and_only_sqlite_files_have_a_path():
    url = "postgresql+psycopg2://office@db.example/delegations"
    assert paths.database_url(url) == url
    assert paths.sqlite_path(url) is None
    assert paths.sqlite_path("sqlite:///:memory:") is None
    assert paths.sqlite_path("sqlite:////data/x.sqlite") == Path("/data/x.sqlite")


def test_unusual_characters_in_paths_survive(tmp_path):
    odd = tmp_path / "Ablage?alt" / "50%A" / "Besuche.sqlite"
    url = paths.database_url(str(odd))
    assert paths.sqlite_path(url) == odd
