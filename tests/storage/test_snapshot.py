"""Database.snapshot(): the reads of one use case see one state of the data, even while another
program saves in between (the briefing's guarantee, now kept by storage for any service read)."""

from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.registry import Services
from delegation_app.storage.opening import open_database


def test_reads_inside_a_snapshot_see_one_state_while_another_program_saves(services, db_url, tmp_path):
    created = services.organisations.create(OrganisationInput(name="Stadt Bochum"))
    colleague_db, _ = open_database(db_url, backups=tmp_path / "other-backups")
    colleague = Services.over(colleague_db)
    try:
        with services.db.snapshot():
            first = services.organisations.get(created.id)
            colleague.organisations.update(created.id, created.version, OrganisationInput(name="Stadt Hanau"))
            again = services.organisations.get(created.id)
            listed = [o.name for o in services.organisations.list()]
        after = services.organisations.get(created.id)
    finally:
        colleague_db.dispose()
    assert first.name == again.name == "Stadt Bochum"
    assert listed == ["Stadt Bochum"]
    assert after.name == "Stadt Hanau"  # the snapshot ends with the use case


def test_a_snapshot_inside_a_write_joins_the_write(services):
    with services.db.write():
        made = services.organisations.create(OrganisationInput(name="Stadt Lublin"))
        with services.db.snapshot():
            assert services.organisations.get(made.id).name == "Stadt Lublin"  # sees its own rows
