"""States and kinds as enums; stored as their string values (never native DB enum types)."""

from enum import StrEnum


class OrganisationKind(StrEnum):
    CITY_ADMINISTRATION = "city_administration"
    MUNICIPAL_COMPANY = "municipal_company"
    UNIVERSITY = "university"
    MINISTRY = "ministry"
    COMPANY = "company"
    ASSOCIATION = "association"
    OTHER = "other"


class DataSource(StrEnum):
    """Where a person's data came from (data protection wants to know)."""

    UNKNOWN = "unknown"
    BUSINESS_CARD = "business_card"
    PRESS_RELEASE = "press_release"
    MEETING = "meeting"
    EMAIL = "email"
    WEBSITE = "website"
    IMPORT = "import"  # a JSON import (the note names the file)
    OTHER = "other"


class PhoneKind(StrEnum):
    OFFICE = "office"
    MOBILE = "mobile"
    FAX = "fax"
    OTHER = "other"


class VisitDirection(StrEnum):
    OUTGOING = "outgoing"  # we travel
    INCOMING = "incoming"  # we host
    ONLINE = "online"


class VisitStatus(StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    DONE = "done"
    CANCELLED = "cancelled"


class Classification(StrEnum):
    NONE = "none"
    INTERNAL = "internal"
    VS_NFD = "vs_nfd"  # "VS-NUR FÜR DEN DIENSTGEBRAUCH"


class ParticipantSide(StrEnum):
    DELEGATION = "delegation"
    HOST = "host"
    GUEST = "guest"


class ParticipantRole(StrEnum):
    HEAD_OF_DELEGATION = "head_of_delegation"
    MEMBER = "member"
    SPEAKER = "speaker"
    HOST = "host"
    INTERPRETER = "interpreter"
    PRESS = "press"
    ORGANISER = "organiser"


class Attendance(StrEnum):
    INVITED = "invited"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    ATTENDED = "attended"


class QuoteKind(StrEnum):
    VERBATIM = "verbatim"
    PARAPHRASE = "paraphrase"


class ApprovalState(StrEnum):
    CAPTURED = "captured"
    SENT_FOR_APPROVAL = "sent_for_approval"
    APPROVED = "approved"  # approved for publication
    INTERNAL_ONLY = "internal_only"
    REJECTED = "rejected"  # the speaker did not approve it for publication


class ApprovalChannel(StrEnum):
    """How an approval request went to the speaker."""

    EMAIL = "email"
    LETTER = "letter"
    PHONE = "phone"
    IN_PERSON = "in_person"


class ContactChannel(StrEnum):
    MEETING = "meeting"
    PHONE = "phone"
    EMAIL = "email"
    VIDEO = "video"
    LETTER = "letter"
