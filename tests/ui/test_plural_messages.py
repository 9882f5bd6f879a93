"""Every count a user reads agrees with its number, in German and English: 1 Eintrag, 2 Einträge."""

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from delegation_app import i18n
from delegation_app.domain.enums import VisitStatus
from delegation_app.domain.errors import ValidationError
from delegation_app.services.before_visit import BriefingSummary, PersonMet, PreviousVisit
from delegation_app.services.recycle_bin import RecycledView, RestoreReport
from delegation_app.services.validation import Checker
from delegation_app.storage.backups import BackupInfo
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.organisations.before_visit_html import before_visit_html
from delegation_app.ui.records.recycle_bin_dialog import RecycleBinDialog, report_text
from delegation_app.ui.records.recycle_bin_model import RecycleBinModel
from delegation_app.ui.shell.overdue_notice import notice_text
from delegation_app.ui.shell.start_failure import restore_question

import factories

WHEN = datetime(2026, 3, 2, 10, 0)
BOTH = pytest.mark.parametrize("lang", ["de", "en"])


def entries_cell(parts: int) -> str:
    model = RecycleBinModel()
    model.set_rows([RecycledView(1, WHEN, "anna", "visit", 7, "Besuch", parts, WHEN)])
    return model.data(model.index(0, 4), Qt.ItemDataRole.DisplayRole)


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [("de", "1 Eintrag", "2 Einträge"), ("en", "1 entry", "2 entries")],
)
def test_recycle_bin_entries_column(qapp, lang, one, two):
    i18n.set_language(lang)
    assert (entries_cell(1), entries_cell(2)) == (one, two)


def test_restore_report(qapp):
    def report(n: int) -> str:
        return report_text("Besuch", RestoreReport("visit", 7, 3, left_out=n, references_not_restored=n))

    left_out = "1 Eintrag wurde nicht wiederhergestellt: Die Person oder der Datensatz, zu dem er gehört"
    assert left_out in report(1)
    assert "1 Verknüpfung wurde nicht wiederhergestellt: Die Verknüpfung verweist" in report(1)
    assert "2 Einträge wurden nicht wiederhergestellt" in report(2)
    assert "2 Verknüpfungen wurden nicht wiederhergestellt" in report(2)
    i18n.set_language("en")
    assert "1 entry was not restored: the person or record it belongs to has been deleted" in report(1)
    assert "1 link was not restored: it now points" in report(1)
    assert "2 entries were not restored" in report(2)
    assert "2 links were not restored" in report(2)


@BOTH
def test_emptying_the_recycle_bin_asks_with_the_right_number(qtbot, services, prompts, lang):
    i18n.set_language(lang)
    first = factories.person(services, "Kuhn", None)
    services.people.delete(first.id, first.version)
    dialog = RecycleBinDialog(None, services, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(dialog)
    prompts.confirm_answer = False
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    one = prompts.asked[-1][1]
    second = factories.person(services, "Zander", None)
    services.people.delete(second.id, second.version)
    dialog.reload()
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    two = prompts.asked[-1][1]
    if lang == "de":
        assert one.startswith("Den einen Eintrag im Papierkorb endgültig löschen? Danach kann er")
        assert two.startswith("Alle 2 Einträge im Papierkorb endgültig löschen?")
        assert "30 Tage lang" in dialog.findChildren(type(dialog.notice))[0].text()
    else:
        assert one.startswith("Delete the one entry in the recycle bin for good? It cannot")
        assert two.startswith("Delete all 2 entries in the recycle bin for good?")


def summary(times_met: int) -> BriefingSummary:
    visit = PreviousVisit(1, "Besuch", WHEN, None, VisitStatus.DONE, True, False)
    person = PersonMet(2, "Anna Kuhn", times_met, 1, WHEN, None, None, False)
    return BriefingSummary(3, "Stadt", (visit,), (person,), ())


def test_people_met_once_or_more():
    assert "einmal getroffen, zuletzt am 02.03.2026" in before_visit_html(summary(1))
    assert "3-mal getroffen, zuletzt am 02.03.2026" in before_visit_html(summary(3))
    i18n.set_language("en")
    assert "met once, last on 2 Mar 2026" in before_visit_html(summary(1))
    assert "met 3 times, last on 2 Mar 2026" in before_visit_html(summary(3))


def test_restoring_an_unopenable_database_names_people_and_visits():
    def question(people: int, visits: int) -> str:
        info = BackupInfo(Path("b.sqlite"), WHEN, None, {"person": people, "visit": visits})
        return restore_question(info, Path("db.sqlite"))

    assert "(1 Person, 1 Besuch)" in question(1, 1)
    assert "(2 Personen, 2 Besuche)" in question(2, 2)
    i18n.set_language("en")
    assert "(1 person, 1 visit)" in question(1, 1)
    assert "(2 people, 2 visits)" in question(2, 2)


def test_overdue_notice():
    assert notice_text(1, 2) == "1 Wiedervorlage ist überfällig, 2 Wiedervorlagen sind heute fällig."
    i18n.set_language("en")
    assert notice_text(2, 1) == "2 follow-ups are overdue, 1 follow-up is due today."


def too_long(max_length: int) -> str:
    checker = Checker()
    checker.text("title", "abc", max_length=max_length)
    with pytest.raises(ValidationError) as caught:
        checker.raise_if_any()
    return caught.value.errors["title"]


def test_text_length_limit():
    assert too_long(1) == "Höchstens 1 Zeichen erlaubt (jetzt 3)."
    assert too_long(2) == "Höchstens 2 Zeichen erlaubt (jetzt 3)."
    i18n.set_language("en")
    assert too_long(1) == "At most 1 character allowed (now 3)."
    assert too_long(2) == "At most 2 characters allowed (now 3)."
