"""The erasure's checks on the demo, shared by the SQLite and the PostgreSQL tests."""

import json

from sqlalchemy import select

from delegation_app.domain.models import TABLES_IN_ORDER, AuditEntry, table_of
from delegation_app.operations.erasure import erase_person
from delegation_app.operations.interchange import export_json, load_demo
from delegation_app.services.global_search import search_everything
from delegation_app.services.personal_columns import is_text

NAME = "temme"


def demo_with_temme(services):
    visit_id = load_demo(services)
    temme = services.people.find("Temme", "Elke")
    return visit_id, temme


def text_values(services):
    """Every text value of every table (the trail's JSON included), with where it stands."""
    with services.db.read() as session:
        for model in TABLES_IN_ORDER:
            table = table_of(model)
            columns = [c for c in table.columns if is_text(c)]
            for row in session.execute(select(*columns)).all() if columns else ():
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, str):
                        yield table.name, column.name, value


def left_over(services):
    return [(t, c, v) for t, c, v in text_values(services) if NAME in v.casefold()]


def check_anonymised_demo(services, tmp_path):
    """person-erase ELKE_TEMME_ID --anonymise: nothing names her, the visit keeps its shape."""
    visit_id, temme = demo_with_temme(services)
    before = services.participations.list_for_visit(visit_id)
    assert len(before) == 11
    outcome = erase_person(services, temme.id, anonymise=True, reason="Antrag nach Art. 17 von Frau Temme")
    summary = outcome.summaries[0]
    assert {m.text for m in summary.mentions} == {"Elke Temme", "Frau Temme"}
    assert left_over(services) == []
    export = tmp_path / "export.json"
    export_json(services, export)
    assert NAME not in export.read_text("utf-8").casefold()
    assert search_everything(services, "Temme") == []
    after = services.participations.list_for_visit(visit_id)
    assert len(after) == 11
    row = next(p for p in after if p.person_id == temme.id)
    assert (row.person_name, row.organisation_name) == (summary.label, "Stadtwerke Bochum Holding")
    assert summary.label == f"Teilnehmende Person {temme.id}"
    assert (row.side, row.role, row.attendance) == next(
        (p.side, p.role, p.attendance) for p in before if p.person_id == temme.id
    )
    summaries = [c.summary for c in services.contacts.list()]
    assert any("Kopietz folgt; [entfernt] wurde das Hanauer" in s for s in summaries), summaries
    spoken = [q for q in services.quotes.list_for_visit(visit_id) if q.speaker_person_id == temme.id]
    assert [q.speaker_display for q in spoken] == [summary.label]
    with services.db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "anonymise")).one()
    assert (entry.table_name, entry.record_id) == ("person", temme.id)
    assert json.loads(entry.new_values) == {"reason": "Antrag nach Art. 17 von [entfernt]"}
    return visit_id, temme, outcome


def check_erased_demo(services):
    """Erased for good: the person is gone, their quote names nobody, nothing names them."""
    visit_id, temme = demo_with_temme(services)
    quotes_before = services.quotes.list_for_visit(visit_id)
    hers = {q.id for q in quotes_before if q.speaker_person_id == temme.id}
    assert len(hers) == 1
    erase_person(services, temme.id, anonymise=False)
    assert services.people.find("Temme", "Elke") is None
    assert len(services.participations.list_for_visit(visit_id)) == 10
    quotes = services.quotes.list_for_visit(visit_id)
    assert len(quotes) == len(quotes_before)
    assert [(q.speaker_person_id, q.speaker_label) for q in quotes if q.id in hers] == [(None, None)]
    assert left_over(services) == []
    with services.db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "erase")).one()
    assert (entry.table_name, entry.record_id, entry.new_values) == ("person", temme.id, "{}")
    return visit_id, temme
