"""Helpers for the service validation tests: what is in the database, and "rejected, nothing written"."""

import pytest
from sqlalchemy import func, select

from delegation_app.domain.errors import ValidationError
from delegation_app.domain.models import TABLES_IN_ORDER


@pytest.fixture
def row_counts(services):
    """A function returning {table name: number of rows} for every table."""

    def count() -> dict[str, int]:
        with services.db.read() as session:
            return {
                model.__tablename__: session.scalar(select(func.count()).select_from(model))
                for model in TABLES_IN_ORDER
            }

    return count


@pytest.fixture
def table_rows(services):
    """A function returning every row of every table, so changed values show up too."""

    def rows() -> dict[str, list[tuple]]:
        with services.db.read() as session:
            result = {}
            for model in TABLES_IN_ORDER:
                table = model.__table__
                query = select(table).order_by(*table.primary_key.columns)
                result[table.name] = [tuple(row) for row in session.execute(query)]
            return result

    return rows


@pytest.fixture
def rejected(row_counts, table_rows):
    """rejected(call, *fields): call must raise ValidationError naming exactly these fields and
    write nothing at all; returns the errors."""

    def check(call, *fields: str) -> dict[str, str]:
        counts_before, rows_before = row_counts(), table_rows()
        with pytest.raises(ValidationError) as info:
            call()
        assert row_counts() == counts_before
        assert table_rows() == rows_before
        assert set(info.value.errors) == set(fields), info.value.errors
        assert all(info.value.errors.values()), "every field error needs a message"
        return info.value.errors

    return check
