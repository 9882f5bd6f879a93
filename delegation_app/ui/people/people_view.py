"""People: the searchable, sortable list, the person form and the person's history.

Keys (see people_record_view): Ctrl+Shift+N or Ins (in the list) new person; Enter or
double-click edit; Del delete; Ctrl+S saves, Esc cancels (also the buttons, German Alt+S / Alt+H);
Ctrl+Tab or Ctrl+PgDown switch between the form and the page (ui/common/keyboard); Ctrl+Shift+M
(or the list's context menu, or Edit → Merge) merges the two rows selected.
"""

from functools import partial

from delegation_app.i18n import _
from delegation_app.operations.merging import merge_people
from delegation_app.services.person_merge import plan_person_merge
from delegation_app.services.registry import Services
from delegation_app.services.timeline import person_timeline
from delegation_app.services.views import PersonView
from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.people.merge_dialog import Merger, Planner
from delegation_app.ui.people.people_record_view import RecordView
from delegation_app.ui.people.people_table_model import PersonTableModel
from delegation_app.ui.people.person_editor import PersonEditor
from delegation_app.ui.people.person_page import PersonPage
from delegation_app.ui.people.person_report_export import PersonReportExport


class PeopleView(RecordView):
    page: PersonPage  # what __init__ passes to RecordView as its page
    tables = frozenset({
        "person", "phone_number", "organisation", "participation", "quote", "visit",
        "contact_entry", "contact_entry_person", "follow_up",  # issue 5: follow-ups are in the timeline
    })  # fmt: skip

    def __init__(
        self,
        services: Services,
        bus: ChangeBus,
        prompts: Prompts,
        runner: OperationRunner,
        parent=None,
        *,
        report: PersonReportExport | None = None,  # the access report; without it, no button
    ) -> None:
        self.services, self.report = services, report
        # Search and Edit go without Alt+letter: the form and the menus use up the letters (in German
        # too); Ctrl+F reaches the search, Enter or a double click edits.
        texts = {
            "search": _("Search people:"),
            "placeholder": _("Name, organisation, function or email…"),
            "table": _("People"),
            "new": _("&New person"),
            "edit": _("Edit person"),
            "delete": _("&Delete person…"),
            "merge": _("Merge people…"),
            "data_tab": _("D&ata"),
            "page_tab": _("Contact histor&y"),
        }
        super().__init__(
            services.people,
            bus,
            prompts,
            PersonTableModel(),
            PersonEditor(services, prompts, runner),
            PersonPage(with_report=report is not None),
            texts,
            parent,
        )
        self.history = self.page.timeline
        self.page.report_requested.connect(self.write_report)

    def show_page(self, person: PersonView) -> None:
        # issue 5: the timeline of visits, contacts, quotes and follow-ups, newest first
        entries = person_timeline(self.services, person.id)
        self.page.show_timeline(person.display_name, entries, person.profile)

    def delete_question(self, person: PersonView) -> tuple[str, str]:
        return (
            _("Delete the person “{name}”?").format(name=person.display_name),
            _("The person goes to the recycle bin (Edit menu) and can be restored from there for 30 days."),
        )

    def merge_functions(self) -> tuple[Planner, Merger]:
        return plan_person_merge, partial(merge_people)  # the dialog adds the arguments

    def write_report(self) -> None:
        """Auskunft (Art. 15): everything stored about the person shown, to a file."""
        if self.report is not None and self.editor.record is not None and self.editor.record_id:
            self.report.start(self.editor.record, self)

    def new_person(self) -> None:
        self.new_record()
