"""A valid export file with one value made hostile: import keeps it exactly, or refuses the file.

Accepted: the data reads back through every service, and export → import → export gives the same
data. Refused: an InvalidFileError in one line, and the database stays empty.
"""

import json
import reprlib
from datetime import date

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import String, delete

from delegation_app.domain.errors import InvalidFileError
from delegation_app.domain.models import TABLES_IN_ORDER
from delegation_app.domain.textrules import MAX_LONG_TEXT, has_forbidden_control, has_lone_surrogate
from delegation_app.interchange.json_file import import_json
from delegation_app.services.briefing import collect_briefing
from delegation_app.services.people import PhoneInput
from delegation_app.services.registry import Services
from delegation_app.storage.jsonio import TRAIL_TABLES, export_data
from delegation_app.storage.opening import open_database
from hostile_text import ANY_CHAR, hostile_text

import factories as f

COLUMNS = {model.__tablename__: model.__table__.c for model in TABLES_IN_ORDER}
GARBAGE = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.sampled_from([0, -1, 2**31 - 1, 2**31, 2**63, 10**30]),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(ANY_CHAR, max_size=20),
        st.sampled_from(["2026-02-24", "2026-02-24T09:30:00", "2026-02-24T09:30:00+01:00",
                         "2026-02-24T09:30:00Z", "0001-01-01T00:00:00", "9999-12-31", "24.02.2026",
                         "done", "DE", "+4961813000", "Europe/Berlin", "", " "]),
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)  # fmt: skip
HOSTILE = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def base_document(services):
    """An export with a row in every table, made through the services."""
    org = f.organisation(services, city="Bochum", country="DE", notes="Partnerstadt")
    person = f.person(services, organisation_id=org.id, email="d.kucuk@bochum.de",
                      phones=[PhoneInput("06181 3000-6069")], function="Referent")  # fmt: skip
    visit = f.visit(services, host_organisation_id=org.id, notes="Zeile 1\nZeile 2")
    f.participation(services, visit.id, person.id, function_at_visit="Referent")
    item = f.agenda_item(services, visit.id, responsible_person_id=person.id)
    f.quote(services, visit.id, speaker_person_id=person.id, agenda_item_id=item.id)
    entry = f.contact_entry(services, [person.id], visit_id=visit.id)
    f.follow_up(services, owner_person_id=person.id, contact_entry_id=entry.id, due_on=date(2026, 3, 2))
    gone = f.organisation(services, "Stadtwerke Hanau")  # the recycle bin and the trail have rows too
    services.organisations.delete(gone.id, gone.version)
    with services.db.read() as session:
        data = export_data(session)
    assert all(data.values())
    return {"format": "delegation-app", "version": 1, "meta": {}, "data": data}


@pytest.fixture
def target(tmp_path):
    db, _report = open_database(f"sqlite:///{tmp_path / 'target.sqlite'}", backups=tmp_path / "b")
    yield Services.over(db)
    db.dispose()


def exported(services) -> dict:
    with services.db.read() as session:
        return export_data(session)


def wipe(services) -> None:
    with services.db.write() as session:
        for model in reversed(TABLES_IN_ORDER):
            session.execute(delete(model.__table__))


def write(path, document) -> None:
    # ASCII escapes: a lone surrogate can only reach the file as "\ud800".
    path.write_text(json.dumps(document, ensure_ascii=True), "ascii")


def read_everything(services) -> None:
    """Every record through the services and read models, as the GUI and the briefing read them."""
    for name in ("organisations", "people", "visits", "participations", "agenda", "quotes", "contacts",
                 "followups"):  # fmt: skip
        service = getattr(services, name)
        for view in service.list():
            service.get(view.id)
    for visit in services.visits.list():
        collect_briefing(services, visit.id, today=date(2026, 1, 1), issued_by="Test")


def attempt_import(target, path, *, merge=False):
    """None when the import was accepted, else the refusal's message."""
    try:
        import_json(target.db, path, merge=merge)
    except InvalidFileError as exc:
        return exc.message
    return None


def assert_refused_cleanly(target, message, value) -> None:
    assert "\n" not in message, message
    assert "\r" not in message, message
    assert len(message) < 600, message
    assert not any(exported(target).values()), f"a refused file left records behind: {reprlib.repr(value)}"


def round_trip(target, tmp_path) -> dict:
    """The imported data, after checking it reads back and survives export → import → export."""
    read_everything(target)
    first = exported(target)
    wipe(target)
    write(tmp_path / "again.json", {"format": "delegation-app", "version": 1, "data": first})
    import_json(target.db, tmp_path / "again.json")
    assert exported(target) == first
    return first


@st.composite
def mutation(draw, document):
    table = draw(st.sampled_from(sorted(document["data"])))
    column = draw(st.sampled_from([*sorted(COLUMNS[table].keys()), "extra_field"]))
    how = draw(st.sampled_from(["text", "garbage", "drop"]))
    if how == "text":
        limit = getattr(COLUMNS[table][column].type, "length", None) if column in COLUMNS[table] else None
        value = draw(hostile_text(limit or MAX_LONG_TEXT))
    else:
        value = draw(GARBAGE)
    return table, column, how, value


@HOSTILE
@given(data=st.data())
def test_a_hostile_value_is_imported_exactly_or_the_file_is_refused(base_document, target, tmp_path, data):
    table, column, how, value = data.draw(mutation(base_document))
    write(tmp_path / "hostile.json", hostile_copy(base_document, table, column, how, value))
    message = attempt_import(target, tmp_path / "hostile.json")
    event("refused" if message is not None else "imported")
    if message is not None:
        assert_refused_cleanly(target, message, value)
        return
    try:
        first = round_trip(target, tmp_path)
    finally:
        wipe(target)  # the next example imports into an empty database again
    assert column != "extra_field" or how == "drop", "an unknown field was accepted"
    if how != "drop" and isinstance(value, str) and isinstance(COLUMNS[table][column].type, String):
        assert first[table][0][column] == value, "text is stored exactly as the file has it"
        assert not has_lone_surrogate(value)
        assert not has_forbidden_control(value)


def hostile_copy(base_document, table, column, how, value) -> dict:
    document = json.loads(json.dumps(base_document))
    row = document["data"][table][0]
    if how == "drop":
        row.pop(column, None)
    else:
        row[column] = value
    return document


@settings(HOSTILE, max_examples=40)
@given(data=st.data())
def test_a_hostile_merge_adds_everything_or_changes_nothing(base_document, target, tmp_path, data):
    table, column, how, value = data.draw(mutation(base_document))
    write(tmp_path / "base.json", base_document)
    import_json(target.db, tmp_path / "base.json")
    try:
        before = exported(target)
        write(tmp_path / "hostile.json", hostile_copy(base_document, table, column, how, value))
        message = attempt_import(target, tmp_path / "hostile.json", merge=True)
        if message is not None:
            assert "\n" not in message
            assert exported(target) == before, "a refused merge changed the database"
            return
        read_everything(target)
        after = exported(target)
        for name, rows in before.items():
            assert after[name][: len(rows)] == rows, f"a merge changed existing rows of {name}"
            if name not in TRAIL_TABLES:  # a merge leaves the file's trail out (docs/json-format.md)
                assert len(after[name]) == 2 * len(rows)
        assert len(after["recycled_record"]) == len(before["recycled_record"])
        merged = sum(len(rows) for name, rows in before.items() if name not in TRAIL_TABLES)
        assert len(after["audit_entry"]) == len(before["audit_entry"]) + merged  # one entry per new row
    finally:
        wipe(target)
