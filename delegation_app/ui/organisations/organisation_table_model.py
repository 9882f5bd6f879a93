"""The organisations list: one row per OrganisationView; sorted and filtered in SQL by the service."""

from delegation_app.i18n import N_
from delegation_app.i18n.labels import label
from delegation_app.ui.common.record_table_model import Column, RecordTableModel


class OrganisationTableModel(RecordTableModel):
    page = 100  # as the people list
    columns = (
        Column(N_("Name"), "name", lambda o: o.name, share=3),
        Column(N_("Kind"), "kind", lambda o: label(o.kind), short=True),
        Column(N_("City"), "city", lambda o: o.city or ""),
        Column(N_("Country"), "country", lambda o: o.country or "", spare=2),
        Column(N_("Website"), "website", lambda o: o.website or "", share=2, spare=1),
    )
