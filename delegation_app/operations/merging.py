"""Merging duplicates: the kept record takes over what refers to the other one, the other one goes
to the recycle bin (restoring it from there undoes the merge). One transaction each; the import's
"merge into" rows call these inside its own transaction. The plans the dialog shows are reads:
``services.person_merge.plan_person_merge`` and ``services.organisation_merge.plan_organisation_merge``."""

from collections.abc import Mapping

from delegation_app.services import organisation_merge, person_merge
from delegation_app.services.registry import Services
from delegation_app.services.views import OrganisationView, PersonView


def merge_people(
    services: Services,
    keep_id: int,
    other_id: int,
    choices: Mapping[str, str] | None = None,
    *,
    versions: tuple[int, int] | None = None,
) -> PersonView:
    """``choices``: field → "keep" | "other" for the fields in which they differ (the others: the
    kept person's value, or the other's where the kept one's is empty). ``versions``: the
    versions (keep, other) the user saw; a record changed since raises ConflictError."""
    with services.db.write():
        person_merge.merge_people(services, keep_id, other_id, choices, versions)
        return services.people.get(keep_id)


def merge_organisations(
    services: Services,
    keep_id: int,
    other_id: int,
    choices: Mapping[str, str] | None = None,
    *,
    versions: tuple[int, int] | None = None,
) -> OrganisationView:
    """As merge_people, for organisations (their people and visits move)."""
    with services.db.write():
        organisation_merge.merge_organisations(services, keep_id, other_id, choices, versions)
        return services.organisations.get(keep_id)
