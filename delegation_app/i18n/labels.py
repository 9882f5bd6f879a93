"""Human names of enum members, in the current language."""

from collections.abc import Callable
from enum import StrEnum

from delegation_app.domain import enums as e
from delegation_app.i18n import N_, Translator, translator

_LABELS: dict[StrEnum, str] = {
    e.OrganisationKind.CITY_ADMINISTRATION: N_("City administration"),
    e.OrganisationKind.MUNICIPAL_COMPANY: N_("Municipal company"),
    e.OrganisationKind.UNIVERSITY: N_("University"),
    e.OrganisationKind.MINISTRY: N_("Ministry"),
    e.OrganisationKind.COMPANY: N_("Company"),
    e.OrganisationKind.ASSOCIATION: N_("Association"),
    e.OrganisationKind.OTHER: N_("Other"),
    e.DataSource.UNKNOWN: N_("Unknown"),
    e.DataSource.BUSINESS_CARD: N_("Business card"),
    e.DataSource.PRESS_RELEASE: N_("Press release"),
    e.DataSource.MEETING: N_("Meeting"),
    e.DataSource.EMAIL: N_("Email"),
    e.DataSource.WEBSITE: N_("Website"),
    e.DataSource.IMPORT: N_("Import"),
    e.DataSource.OTHER: N_("Other"),
    e.PhoneKind.OFFICE: N_("Office"),
    e.PhoneKind.MOBILE: N_("Mobile"),
    e.PhoneKind.FAX: N_("Fax"),
    e.PhoneKind.OTHER: N_("Other"),
    e.VisitDirection.OUTGOING: N_("Delegation trip"),
    e.VisitDirection.INCOMING: N_("Hosting a delegation"),
    e.VisitDirection.ONLINE: N_("Online"),
    e.VisitStatus.IDEA: N_("Idea"),
    e.VisitStatus.PLANNED: N_("Planned"),
    e.VisitStatus.DONE: N_("Done"),
    e.VisitStatus.CANCELLED: N_("Cancelled"),
    e.Classification.NONE: N_("None"),
    e.Classification.INTERNAL: N_("Internal"),
    e.Classification.VS_NFD: N_("VS-NUR FÜR DEN DIENSTGEBRAUCH"),
    e.ParticipantSide.DELEGATION: N_("Delegation"),
    e.ParticipantSide.GUEST: N_("Guest"),
    e.ParticipantRole.HEAD_OF_DELEGATION: N_("Head of delegation"),
    e.ParticipantRole.MEMBER: N_("Member"),
    e.ParticipantRole.SPEAKER: N_("Speaker"),
    e.ParticipantRole.INTERPRETER: N_("Interpreter"),
    e.ParticipantRole.PRESS: N_("Press"),
    e.ParticipantRole.ORGANISER: N_("Organiser"),
    e.Attendance.INVITED: N_("Invited"),
    e.Attendance.DECLINED: N_("Declined"),
    e.Attendance.ATTENDED: N_("Attended"),
    e.QuoteKind.VERBATIM: N_("Verbatim"),
    e.QuoteKind.PARAPHRASE: N_("Paraphrase"),
    e.ApprovalState.CAPTURED: N_("Captured"),
    e.ApprovalState.SENT_FOR_APPROVAL: N_("Sent for approval"),
    e.ApprovalState.APPROVED: N_("Approved for publication"),
    e.ApprovalState.INTERNAL_ONLY: N_("Internal only"),
    e.ApprovalState.REJECTED: N_("Rejected"),
    e.ApprovalChannel.EMAIL: N_("Email"),
    e.ApprovalChannel.LETTER: N_("Letter"),
    e.ApprovalChannel.PHONE: N_("Phone"),
    e.ApprovalChannel.IN_PERSON: N_("In person"),
    e.ContactChannel.MEETING: N_("Meeting"),
    e.ContactChannel.PHONE: N_("Phone"),
    e.ContactChannel.EMAIL: N_("Email"),
    e.ContactChannel.VIDEO: N_("Video call"),
    e.ContactChannel.LETTER: N_("Letter"),
}

# One English word, two meanings, two German words: these labels carry a gettext context. They are
# pgettext calls (so the extractor finds word and context), run only when the label is shown. Keyed
# by class and member: StrEnum members of different enums with the same value compare equal.
_IN_CONTEXT: dict[tuple[type, StrEnum], Callable[[Translator], str]] = {
    (e.VisitStatus, e.VisitStatus.CONFIRMED): lambda t: t.pgettext("visit status", "Confirmed"),
    (e.Attendance, e.Attendance.CONFIRMED): lambda t: t.pgettext("attendance", "Confirmed"),
    # The host side of a visit (Gastgeberseite) and a person's role as host (Gastgeber/-in);
    # a plain "Host" is the host organisation.
    (e.ParticipantSide, e.ParticipantSide.HOST): lambda t: t.pgettext("participant side", "Host"),
    (e.ParticipantRole, e.ParticipantRole.HOST): lambda t: t.pgettext("participant role", "Host"),
}


def label(member: StrEnum, lang: str | None = None) -> str:
    t = translator(lang)
    in_context = _IN_CONTEXT.get((type(member), member))
    return in_context(t) if in_context else t(_LABELS[member])
