"""Names of what the access report lists: a person record's fields, the kinds of change in its
history, the kinds of rows a recycle-bin entry holds (as the report's reader knows them)."""

from delegation_app.i18n import N_, Translator

PERSON_FIELDS = {
    "title": N_("Title"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "salutation": N_("Salutation"),
    "function": N_("Function"),
    "department": N_("Department"),
    "organisation_id": N_("Organisation"),
    "email": N_("Email"),
    "notes": N_("Notes"),
    "profile": N_("Short profile"),
    "family_name_first": N_("Family name first"),
    "is_own_staff": N_("Own staff"),
    "source": N_("Source"),
    "source_note": N_("Source remark"),
    "source_date": N_("Source date"),
}
ACTIONS = {"create": N_("Created"), "update": N_("Changed"), "delete": N_("Deleted"), "merge": N_("Merged")}
PARTS = {
    "person": N_("Person record"),
    "phone_number": N_("Phone numbers"),
    "participation": N_("Participation"),
    "agenda_item": N_("Programme item"),
    "quote": N_("Quote"),
    "contact_entry": N_("Contact entry"),
    "contact_entry_person": N_("Contact entry"),
    "follow_up": N_("Follow-up"),
    "visit": N_("Visit"),
}


def field_label(field: str, t: Translator) -> str:
    return t(PERSON_FIELDS[field]) if field in PERSON_FIELDS else field


def action_label(action: str, t: Translator) -> str:
    return t(ACTIONS[action]) if action in ACTIONS else action


def part_label(table: str, t: Translator) -> str:
    return t(PARTS[table]) if table in PARTS else table
