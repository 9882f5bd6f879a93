"""FollowUpService beyond CRUD: the filtered list, marking done and undoing it, the start-up counts."""

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import event

from delegation_app.domain.errors import ConflictError, NotFoundError, ValidationError

import factories

TODAY = date(2026, 3, 10)


@pytest.fixture
def office(services):
    """Two owners, two visits, a person concerned; follow-ups created in a scrambled order."""
    anna = factories.person(services, "Schmidt", "Anna")
    ben = factories.person(services, "Özdemir", "Ben")
    kopietz = factories.person(services, "Kopietz", None)
    bochum = factories.visit(services, "Bochum")
    essen = factories.visit(services, "Essen")
    made = {}
    for title, kw in [
        ("undated", {"owner_person_id": anna.id, "visit_id": bochum.id}),
        ("later", {"owner_person_id": anna.id, "due_on": date(2026, 4, 1), "visit_id": essen.id}),
        (
            "done",
            {
                "owner_person_id": anna.id,
                "due_on": date(2026, 1, 1),
                "done_on": date(2026, 1, 2),
                "visit_id": bochum.id,
                "person_id": kopietz.id,
            },
        ),
        (
            "today",
            {"owner_person_id": ben.id, "due_on": TODAY, "visit_id": bochum.id, "person_id": kopietz.id},
        ),
        ("overdue", {"owner_person_id": anna.id, "due_on": date(2026, 3, 9), "person_id": kopietz.id}),
        ("long overdue", {"due_on": date(2025, 12, 1), "visit_id": bochum.id}),
    ]:
        made[title] = factories.follow_up(services, title, **kw)
    return (
        services,
        made,
        {"anna": anna.id, "ben": ben.id, "kopietz": kopietz.id, "bochum": bochum.id, "essen": essen.id},
    )


def titles(views):
    return [v.title for v in views]


def test_open_ones_by_due_date_undated_last_done_ones_only_on_request(office):
    services, _made, _ids = office
    assert titles(services.followups.list_filtered()) == [
        "long overdue",
        "overdue",
        "today",
        "later",
        "undated",
    ]
    assert titles(services.followups.list_filtered(include_done=True)) == [
        "long overdue",
        "overdue",
        "today",
        "later",
        "undated",
        "done",
    ]


def test_filters_by_owner_visit_and_person_combine(office):
    services, _made, ids = office
    listed = services.followups.list_filtered
    assert titles(listed(owner_person_id=ids["anna"])) == ["overdue", "later", "undated"]
    assert titles(listed(owner_person_id=ids["anna"], include_done=True))[-1] == "done"
    assert titles(listed(visit_id=ids["bochum"])) == ["long overdue", "today", "undated"]
    assert titles(listed(person_id=ids["kopietz"])) == ["overdue", "today"]
    assert titles(listed(person_id=ids["kopietz"], visit_id=ids["bochum"], include_done=True)) == [
        "today",
        "done",
    ]
    assert titles(listed(owner_person_id=ids["ben"], visit_id=ids["essen"])) == []


def test_due_before_gives_the_overdue_ones_never_done_ones(office):
    services, _made, ids = office
    listed = services.followups.list_filtered
    assert titles(listed(due_before=TODAY)) == ["long overdue", "overdue"]
    assert titles(listed(due_before=TODAY, include_done=True)) == ["long overdue", "overdue"]
    assert titles(listed(due_before=TODAY, owner_person_id=ids["anna"])) == ["overdue"]
    assert all(f.is_overdue(TODAY) for f in listed(due_before=TODAY))


def test_overdue_or_due_counts_open_ones_only(office):
    services, made, _ids = office
    assert services.followups.overdue_or_due(TODAY) == (2, 1)
    assert services.followups.overdue_or_due(date(2026, 4, 1)) == (3, 1)  # "later" due that day
    assert services.followups.overdue_or_due(date(2025, 1, 1)) == (0, 0)
    today = made["today"]
    services.followups.mark_done(today.id, today.version, TODAY)
    assert services.followups.overdue_or_due(TODAY) == (2, 0)


def test_the_list_reads_in_pages_of_the_same_order(office):
    services, _made, ids = office
    listed = services.followups.list_filtered
    whole = titles(listed(include_done=True))
    pages = [titles(listed(include_done=True, limit=4, offset=offset)) for offset in (0, 4, 8)]
    assert pages == [whole[:4], whole[4:], []]
    assert titles(listed(owner_person_id=ids["anna"], limit=2, offset=1)) == titles(
        listed(owner_person_id=ids["anna"])
    )[1:3]


def test_a_page_carries_its_visits_titles_read_in_the_same_statement(office):
    """The list's "Visit" column needs no lookup per row, nor every visit's title held in memory."""
    services, made, ids = office
    statements = []
    counted = lambda *args: statements.append(args[2])  # noqa: E731 - (conn, cursor, statement, …)
    event.listen(services.db.engine, "before_cursor_execute", counted)
    try:
        page = services.followups.list_filtered(include_done=True, limit=4)
    finally:
        event.remove(services.db.engine, "before_cursor_execute", counted)
    assert {f.title: f.visit_title for f in page} == {
        "long overdue": "Bochum", "overdue": None, "today": "Bochum", "later": "Essen",
    }  # fmt: skip
    (page_statement,) = [s for s in statements if "follow_up" in s]  # the owners' names are one more
    # The visits are looked up for the page's rows, after it is cut, not for every follow-up sorted.
    assert page_statement.index("LIMIT") < page_statement.index("LEFT OUTER JOIN visit")
    assert services.followups.get(made["later"].id).visit_title == "Essen"
    services.visits.delete(ids["essen"], services.visits.get(ids["essen"]).version, confirmed=True)
    assert services.followups.get(made["later"].id).visit_title is None


def test_visits_to_choose_from_typing_upcoming_first_then_the_latest(services):
    for title, day in (("Bochum 2024", date(2024, 5, 2)), ("Bochum 2026", date(2026, 5, 2)),
                       ("Essen 2025", date(2025, 6, 1)), ("Lublin 2027", date(2027, 1, 1))):  # fmt: skip
        factories.visit(services, title, starts_at=datetime.combine(day, datetime.min.time()), ends_at=None)
    choose = services.visits.choices_matching
    upcoming_then_latest = ["Bochum 2026", "Lublin 2027", "Essen 2025", "Bochum 2024"]
    assert [v.title for v in choose(today=TODAY)] == upcoming_then_latest
    assert [v.title for v in choose("boch", today=TODAY)] == ["Bochum 2026", "Bochum 2024"]
    assert [v.title for v in choose(today=TODAY, limit=2)] == ["Bochum 2026", "Lublin 2027"]
    (found,) = choose("lublin", today=TODAY)
    assert (found.starts_at, found.ends_at) == (datetime(2027, 1, 1), None)


def test_mark_done_and_undo_go_through_the_write_path(office):
    services, made, _ids = office
    before = made["overdue"]
    changes = []
    services.db.add_listener(changes.extend)

    done = services.followups.mark_done(before.id, before.version, on=TODAY)

    assert (done.done_on, done.version) == (TODAY, before.version + 1)
    assert services.followups.get(before.id) == done
    assert "overdue" not in titles(services.followups.list_filtered())
    assert titles(services.followups.list_filtered(include_done=True))[-2:] == ["done", "overdue"]
    assert [(c.action, c.table, c.record_id, c.old, c.new) for c in changes] == [
        ("update", "follow_up", before.id, {"done_on": None}, {"done_on": TODAY})
    ]

    reopened = services.followups.reopen(done.id, done.version)

    assert (reopened.done_on, reopened.version) == (None, before.version + 2)
    assert titles(services.followups.list_filtered())[:2] == ["long overdue", "overdue"]
    assert replace(reopened, version=before.version) == before  # nothing else changed
    assert (changes[-1].old, changes[-1].new) == ({"done_on": TODAY}, {"done_on": None})


def test_mark_done_with_a_stale_version_is_a_conflict_and_writes_nothing(office):
    services, made, _ids = office
    item = made["later"]
    services.followups.mark_done(item.id, item.version, TODAY)
    with pytest.raises(ConflictError):
        services.followups.mark_done(item.id, item.version, date(2026, 3, 11))
    with pytest.raises(ConflictError):
        services.followups.reopen(item.id, item.version)
    assert services.followups.get(item.id).done_on == TODAY


def test_mark_done_refuses_a_missing_record_or_a_non_date(office):
    services, made, _ids = office
    with pytest.raises(NotFoundError):
        services.followups.mark_done(factories.NO_SUCH_ID, 1, TODAY)
    with pytest.raises(NotFoundError):
        services.followups.reopen(factories.NO_SUCH_ID, 1)
    item = made["later"]
    for bad in (None, "2026-03-10", 20260310):
        with pytest.raises(ValidationError) as info:
            services.followups.mark_done(item.id, item.version, bad)
        assert set(info.value.errors) == {"done_on"}
    assert services.followups.get(item.id) == item
    # A datetime counts as its day, like everywhere else dates are taken.
    assert services.followups.mark_done(item.id, item.version, datetime(2026, 3, 10, 17, 5)).done_on == TODAY


def test_list_open_linked_by_visit_or_person(office):
    services, _made, ids = office
    linked = services.followups.list_open_linked
    assert titles(linked(visit_ids=[ids["essen"]])) == ["later"]
    assert titles(linked(person_ids=[ids["kopietz"]])) == ["overdue", "today"]
    assert titles(linked(visit_ids=[ids["essen"]], person_ids=[ids["kopietz"]])) == [
        "overdue",
        "today",
        "later",
    ]
    assert linked() == []
