"""The organisations list: one row per OrganisationView; sorted and filtered in SQL by the service."""

from delegation_app.i18n import N_
from delegation_app.i18n.labels import label
from delegation_app.services.views import OrganisationView
from delegation_app.ui.common.people_record_model import Column, RecordTableModel


class OrganisationTableModel(RecordTableModel):
    columns = (
        Column(N_("Name"), "name", lambda o: o.name),
        Column(N_("Kind"), "kind", lambda o: label(o.kind)),
        Column(N_("City"), "city", lambda o: o.city or ""),
        Column(N_("Country"), "country", lambda o: o.country or ""),
        Column(N_("Website"), "website", lambda o: o.website or ""),
    )

    def organisation_at(self, row: int) -> OrganisationView | None:
        return self.record_at(row)
