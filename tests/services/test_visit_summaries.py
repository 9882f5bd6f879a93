"""The command line's visit list: the same visits, in the same order, as the service's list."""

from datetime import datetime

from delegation_app.services.visit_summaries import visit_summaries

import factories


def test_summaries_match_the_full_list(services):
    bochum = factories.organisation(services, "Stadt Bochum")
    hanau = factories.organisation(services, "Stadt Hanau")
    factories.visit(
        services,
        title="Später",
        starts_at=datetime(2026, 5, 1, 9, 0),
        ends_at=None,
        host_organisation_id=bochum.id,
        guest_organisation_id=hanau.id,
        place="Bochum",
    )
    factories.visit(services, title="Idee", starts_at=None, ends_at=None)
    factories.visit(
        services, title="Früher", starts_at=datetime(2026, 2, 24, 9, 30), host_organisation_id=hanau.id
    )
    full = services.visits.list()
    summaries = visit_summaries(services.db)
    assert [s.id for s in summaries] == [v.id for v in full]
    assert [(s.title, s.host, s.guest, s.place, s.status, s.direction) for s in summaries] == [
        (v.title, v.host_organisation_name, v.guest_organisation_name, v.place, v.status, v.direction)
        for v in full
    ]
    assert [s.title for s in summaries] == ["Früher", "Später", "Idee"]
