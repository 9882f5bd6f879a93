"""Organisations: the searchable, sortable list, the form, and the page of its people and visits.

Keys (see people_record_view): Ctrl+Shift+N or Ins (in the list) new organisation; Enter or
double-click edit; Del delete; Ctrl+S saves, Esc cancels (also the buttons, German Alt+S / Alt+H);
Ctrl+Tab or Ctrl+PgDown switch between the form and the page (ui/common/keyboard); Ctrl+Shift+M
(or the list's context menu, or Edit → Merge) merges the two rows selected.
"""

from functools import partial

from delegation_app.i18n import _
from delegation_app.operations.merging import merge_organisations
from delegation_app.services.before_visit import before_next_visit
from delegation_app.services.history import organisation_history
from delegation_app.services.organisation_merge import plan_organisation_merge
from delegation_app.services.registry import Services
from delegation_app.services.timeline import organisation_timeline
from delegation_app.services.views import OrganisationView
from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.organisations.organisation_editor import OrganisationEditor
from delegation_app.ui.organisations.organisation_page import OrganisationPage
from delegation_app.ui.organisations.organisation_table_model import OrganisationTableModel
from delegation_app.ui.people.merge_dialog import Merger, Planner
from delegation_app.ui.people.people_record_view import RecordView


class OrganisationsView(RecordView):
    page: OrganisationPage  # what __init__ passes to RecordView as its page
    tables = frozenset({
        "organisation", "person", "visit",
        # issue 5: what the timeline shows
        "participation", "contact_entry", "contact_entry_person", "quote", "follow_up",
    })  # fmt: skip

    def __init__(
        self, services: Services, bus: ChangeBus, prompts: Prompts, runner: OperationRunner, parent=None
    ) -> None:
        self.services = services
        # Search and Edit go without Alt+letter, like in the people view: Ctrl+F, Enter, double click.
        texts = {
            "search": _("Search organisations:"),
            "placeholder": _("Name or city…"),
            "table": _("Organisations"),
            "new": _("&New organisation"),
            "edit": _("Edit organisation"),
            "delete": _("&Delete organisation…"),
            "merge": _("Merge organisations…"),
            "data_tab": _("D&ata"),
            "page_tab": _("&People and visits"),
        }
        super().__init__(
            services.organisations,
            bus,
            prompts,
            OrganisationTableModel(),
            OrganisationEditor(services, prompts, runner),
            OrganisationPage(),
            texts,
            parent,
        )

    def show_page(self, org: OrganisationView) -> None:
        self.page.show_page(  # issue 5: with the timeline instead of the list of visits
            org.name,
            organisation_history(self.services, org.id),
            organisation_timeline(self.services, org.id),
            before_next_visit(self.services, org.id),
        )

    def delete_question(self, org: OrganisationView) -> tuple[str, str]:
        return (
            _("Delete the organisation “{name}”?").format(name=org.name),
            _(
                "The organisation goes to the recycle bin (Edit menu) and can be restored from there "
                "for 30 days."
            ),
        )

    def merge_functions(self) -> tuple[Planner, Merger]:
        return plan_organisation_merge, partial(merge_organisations)  # the dialog adds the arguments
