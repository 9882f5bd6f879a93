"""A person's and an organisation's page: one timeline, newest first, kinds said in words."""

from datetime import date, datetime

from delegation_app.services.followups import FollowUpInput

import factories
from ui_support import open_window


def select(qtbot, view, text):
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    row = next(r for r in range(view.model.rowCount()) if text in view.model.index(r, 0).data())
    view.table.selectRow(row)
    view.tabs.setCurrentWidget(view.page)


def lines(browser) -> list[str]:
    return [line for line in browser.toPlainText().splitlines() if " · " in line]


def test_a_persons_timeline_has_four_kinds_newest_first(qtbot, demo_services, db_url, prompts):
    window = open_window(qtbot, demo_services, db_url, prompts, clock=lambda: datetime(2025, 12, 1))
    people = window.views[1][1]
    select(qtbot, people, "Temme")
    entries = lines(people.history)
    assert [line.split(" · ")[:2] for line in entries] == [
        ["Wiedervorlage", "15.12.2025"],
        ["Kontakteintrag", "14.11.2025, 10:15 Uhr"],
        ["Besuch", "13.11.2025"],
        ["Zitat", "13.11.2025"],
    ]
    assert "Hanauer Smart-City-Strategiepapier an die Stadtwerke Bochum senden" in entries[0]
    assert "mit Kopietz, Denes Kücük" in entries[1]
    assert "Gastgeber" in entries[2]
    demo_services.followups.create(FollowUpInput("Einladung zum Gegenbesuch", person_id=11,
                                                 due_on=date(2026, 2, 1)))  # fmt: skip
    qtbot.waitUntil(lambda: "Einladung zum Gegenbesuch" in lines(people.history)[0])  # the bus refreshed it


def test_an_undated_follow_up_comes_last(qtbot, services, db_url, prompts):
    person = factories.person(services, "Schmidt", "Anna")
    factories.contact_entry(
        services, [person.id], "Erstes Telefonat", occurred_at=datetime(2026, 1, 15, 10, 0)
    )
    services.followups.create(FollowUpInput("Irgendwann nachhaken", person_id=person.id))
    window = open_window(qtbot, services, db_url, prompts)
    people = window.views[1][1]
    select(qtbot, people, "Schmidt")
    assert [line.split(" · ")[0] for line in lines(people.history)] == ["Kontakteintrag", "Wiedervorlage"]
    assert "ohne Datum" in lines(people.history)[1]


def test_an_organisations_page_lists_its_people_then_its_timeline(qtbot, demo_services, db_url, prompts):
    window = open_window(qtbot, demo_services, db_url, prompts, clock=lambda: datetime(2025, 12, 1))
    organisations = window.views[2][1]
    select(qtbot, organisations, "Stadt Bochum")
    text = organisations.page.toPlainText()
    assert text.index("Kopietz, Stadtdirektor") < text.index("Kontaktchronik, neueste Einträge zuerst")
    # The timeline's lines (the "before the next visit" summary above it has lines of its own)
    kinds = [line.split(" · ")[0] for line in lines(organisations.page)]
    kinds = [kind for kind in kinds if kind in {"Wiedervorlage", "Kontakteintrag", "Besuch", "Zitat"}]
    assert kinds[:4] == ["Wiedervorlage", "Kontakteintrag", "Besuch", "Zitat"]
    assert text.index("Vor dem nächsten Besuch") < text.index("Kontaktchronik, neueste Einträge zuerst")
    assert (
        "Besuch · 13.11.2025 · Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie — Gastgeber"
        in text
    )
