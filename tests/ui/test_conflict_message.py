"""A conflict in the window names the record as users see it ("Der Programmpunkt „…“"), never by
its internal number."""

import pytest

from delegation_app import i18n
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.visits.agenda_tab import AgendaTab

import factories


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "de",
            "Der Programmpunkt „Empfang im Rathaus“ wurde inzwischen von jemand anderem geändert. "
            "Laden Sie die andere Fassung neu oder überschreiben Sie sie mit Ihrer.",
        ),
        (
            "en",
            "The programme item “Empfang im Rathaus” was changed by someone else in the meantime. "
            "Reload it to see the other version, or overwrite it with yours.",
        ),
    ],
)
def test_a_conflict_names_the_programme_item_not_its_number(qtbot, services, prompts, lang, sentence):
    from delegation_app.services.agenda import AgendaItemInput

    i18n.set_language(lang)
    visit = factories.visit(services)
    first = factories.agenda_item(services, visit.id, "Empfang im Rathaus")
    factories.agenda_item(services, visit.id, "Stadtrundgang")
    tab = AgendaTab(services, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(tab)
    tab.load(services.visits.get(visit.id))
    changed = AgendaItemInput(visit_id=visit.id, title="Empfang im Rathaus", notes="mit Presse")
    services.agenda.update(first.id, first.version, changed)  # a colleague's save
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    tab.move_current(1)  # the tab still holds the version before the colleague's save
    assert prompts.messages("error") == [sentence]
    assert str(first.id) not in sentence
