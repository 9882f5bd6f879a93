"""The approval request as an e-mail: the letter (German or English, the salutation from the
person record), then either a ``mailto:`` link the user's mail program opens, or, when the text is
too long for a link (mail programs cut long ones), an ``.eml`` file that opens there as a draft.

No Qt here: the window opens what this builds.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from email.policy import SMTP
from urllib.parse import quote

from delegation_app.i18n import N_, translator
from delegation_app.i18n.formatting import format_date
from delegation_app.services.press_material import unquoted
from delegation_app.services.views import PersonView, QuoteView

# Windows' ShellExecute and several mail programs cut a mailto: link at about 2,000 characters.
MAILTO_LIMIT = 1800
_FEMALE = ("frau", "ms", "mrs", "miss")
_MALE = ("herr", "mr")


@dataclass(frozen=True)
class ApprovalMail:
    to: str  # the address alone ("" when the person record has none)
    recipient: str  # name and address as recorded: "Dr. Isabelle Hemsley <i.hemsley@hanau.de>"
    subject: str
    body: str


def salutation(person: PersonView | None, name: str, language: str) -> str:
    """„Sehr geehrte Frau Dr. Hemsley,“ / "Dear Dr Hemsley," from the record's salutation and title;
    a salutation written out in full ("Liebe Isabelle") is used as it is."""
    given = (person.salutation or "").strip() if person else ""
    title = f"{person.title} " if person and person.title else ""
    last = person.last_name if person else name
    word = given.lower().rstrip(".")
    if given and word not in _FEMALE + _MALE:
        return given if given.endswith(",") else f"{given},"
    if language == "de":
        if word in _FEMALE:
            return f"Sehr geehrte Frau {title}{last},"
        if word in _MALE:
            return f"Sehr geehrter Herr {title}{last},"
        return f"Guten Tag {name},"
    if word in _FEMALE:
        return f"Dear Ms {title}{last},".replace("Ms Dr. ", "Dr ")
    if word in _MALE:
        return f"Dear Mr {title}{last},".replace("Mr Dr. ", "Dr ")
    return f"Dear {name},"


def compose(
    person: PersonView | None, speaker: str, quotes: Sequence[QuoteView], *, visit_title: str,
    visit_day: date | None, due_on: date | None, language: str, sender: str = "", sender_function: str = "",
) -> ApprovalMail:  # fmt: skip
    """The request letter for one speaker's quotes of a visit."""
    t = translator(language)
    listed = "\n\n".join(f"{n}. „{unquoted(q.text)}“" for n, q in enumerate(quotes, 1))
    lines = [salutation(person, speaker, language), ""]
    if visit_day is not None:
        intro = t(N_("Thank you for the visit “{visit}” on {day}.")).format(
            visit=visit_title, day=format_date(visit_day, language)
        )
    else:
        intro = t(N_("Thank you for the visit “{visit}”.")).format(visit=visit_title)
    lines += [
        intro + " " + t(N_("We would like to quote you in our press release as follows:")),
        "",
        listed,
        "",
        t(N_("May we publish these quotes in this wording? Please send us any changes you would like.")),
    ]
    if due_on is not None:
        lines.append(
            t(N_("We would be grateful for your answer by {day}.")).format(day=format_date(due_on, language))
        )
    lines += ["", t(N_("Kind regards"))]
    lines += [x for x in (sender, sender_function) if x]
    to = person.email if person and person.email else ""
    recipient = f"{speaker} <{to}>" if to else speaker
    subject = t(N_("Approval of quotes: {visit}")).format(visit=visit_title)
    return ApprovalMail(to, recipient, subject, "\n".join(lines))


def mailto_url(mail: ApprovalMail) -> str | None:
    """The ``mailto:`` link, or None when it would be too long for a mail program to take whole."""
    url = f"mailto:{quote(mail.to, safe='@')}?subject={quote(mail.subject)}&body={quote(mail.body)}"
    return url if len(url) <= MAILTO_LIMIT else None


def eml_bytes(mail: ApprovalMail, sender: str = "") -> bytes:
    """An unsent message (``X-Unsent: 1``: Outlook and Thunderbird open it as a draft), UTF-8."""
    message = EmailMessage(policy=SMTP)
    if mail.to:
        message["To"] = mail.recipient
    if sender:
        message["From"] = sender
    message["Subject"] = mail.subject
    message["X-Unsent"] = "1"
    message.set_content(mail.body, charset="utf-8")
    return message.as_bytes()
