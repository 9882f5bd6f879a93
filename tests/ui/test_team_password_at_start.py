"""The team database without a stored password (a headless Linux, a first start): the window
asks once, opens, and the credential store keeps it (issue 16)."""

from delegation_app.startup import ContextOpener, Startup
from delegation_app.storage import credentials
from delegation_app.storage.migrate import upgrade_database
from delegation_app.ui.shell.application import create_application, start_window
from delegation_app.user_files import SettingsStore
from team_support import memory_keyring, team_server  # noqa: F401 - fixtures

from ui_support import FakePrompts


class PasswordPrompts(FakePrompts):
    def __init__(self, answers: list[str | None]) -> None:
        super().__init__()
        self.answers, self.asked = list(answers), []

    def team_password(self, parent, problem: str) -> str | None:
        self.asked.append(problem)
        return self.answers.pop(0)


def test_the_window_asks_for_the_password_once_and_opens(qtbot, team_server, memory_keyring):  # noqa: F811
    upgrade_database(team_server.url, password=team_server.password)
    create_application("de")
    prompts = PasswordPrompts(["falsch-Geheim", team_server.password])
    start = Startup(url=team_server.url, language="de", team=True)
    built = start_window(start, ContextOpener(SettingsStore()), prompts)
    assert built is not None
    window, _bus = built
    qtbot.addWidget(window)
    assert prompts.asked[0] == ""  # no password known yet: just asked, no error first
    assert "Passwort" in prompts.asked[1]  # the wrong one is named as such
    name = team_server.team.credential_name()
    assert memory_keyring.get_password(credentials.SERVICE, name) == team_server.password
    window.background.wait()
    window.context.database.dispose()


def test_quitting_at_the_password_question_opens_nothing(qtbot, team_server, memory_keyring):  # noqa: F811
    upgrade_database(team_server.url, password=team_server.password)
    create_application("de")
    start = Startup(url=team_server.url, language="de", team=True)
    assert start_window(start, ContextOpener(SettingsStore()), PasswordPrompts([None])) is None
