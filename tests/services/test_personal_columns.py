"""Every text column of every table is classified for the erasure, and the erasure covers each."""

from sqlalchemy import column, update
from sqlmodel import SQLModel

import erasure_cases
from delegation_app.operations.erasure import anonymise_people
from delegation_app.services.personal_columns import RULES, Treatment, text_columns
from delegation_app.storage.search import INDEX_TABLES


def test_every_text_column_is_classified():
    live = text_columns(list(SQLModel.metadata.sorted_tables))
    classified = {(table, column) for table, columns in RULES.items() for column in columns}
    assert live - classified == set(), "classify these in services/personal_columns.py"
    assert classified - live == set(), "these are no longer in the tables"


def test_the_search_index_is_not_a_table_of_the_models():
    # The index is rebuilt from the tables (optimize after an erasure), not classified here.
    live = {table.name for table in SQLModel.metadata.sorted_tables}
    assert not live & set(INDEX_TABLES.values())


SEARCHED = (Treatment.MENTIONS, Treatment.OWN_AND_MENTIONS, Treatment.BELONGS)


def test_the_name_in_every_text_column_is_gone_after_anonymising(services):
    """Her name written into every column a user or an import can fill, in every table."""
    _visit, temme = erasure_cases.demo_with_temme(services)
    with services.db.write() as session:
        for table in SQLModel.metadata.sorted_tables:
            if table.name in ("audit_entry", "recycled_record"):
                continue
            rules = RULES.get(table.name, {})
            everywhere = {c: "Frau Temme" for c, rule in rules.items() if rule.treatment in SEARCHED}
            if everywhere:
                session.execute(update(table).values(**everywhere))
        # Another person's name is theirs: her own name columns are filled in her row only.
        own = {c: "Temme" for c, rule in RULES["person"].items() if rule.treatment is Treatment.OWN}
        own["email"] = "elke.temme@example.org"
        session.execute(
            update(SQLModel.metadata.tables["person"]).where(column("id") == temme.id).values(**own)
        )
    assert len(erasure_cases.left_over(services)) > 30
    anonymise_people(services, [temme.id])
    assert erasure_cases.left_over(services) == []
