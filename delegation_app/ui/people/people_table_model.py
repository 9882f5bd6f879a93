"""The people list: one row per PersonView; sorted and filtered by PersonService in SQL."""

from delegation_app.domain import person_names
from delegation_app.i18n import N_, _
from delegation_app.services.views import PersonView
from delegation_app.ui.common.record_table_model import Column, RecordTableModel


def list_name(person: PersonView) -> str:
    """ "Schmidt, Dr. Anna": the last name first, as the list is sorted by it (DIN 5007); a
    family-name-first name as it is written ("王小明")."""
    return person_names.list_name(person.title, person.first_name, person.last_name, person.family_name_first)


def first_phone(person: PersonView) -> str:
    return person.phones[0].display if person.phones else ""


class PersonTableModel(RecordTableModel):
    # Enough rows for a tall window and some scrolling; a page of people as read models costs
    # ~0.06 ms a row (ORM objects), so 200 rows took 12 ms of every sort, search and fetchMore.
    page = 100
    columns = (
        Column(N_("Name"), "name", list_name, share=2),
        Column(N_("Function"), "function", lambda p: p.function or ""),
        Column(N_("Organisation"), "organisation", lambda p: p.organisation_name or "", share=2),
        Column(N_("Email"), "email", lambda p: p.email or "", share=2, spare=1),
        Column(N_("Phone"), "phone", first_phone, short=True, spare=2),
        # In words, never only a mark: "Ja" or nothing.
        Column(N_("Own staff"), "own_staff", lambda p: _("Yes") if p.is_own_staff else "", short=True),
    )
