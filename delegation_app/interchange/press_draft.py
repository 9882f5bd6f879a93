"""A draft press release from a visit, in German and in the form the city's press offices
publish (resources/demo/press-release-hanau-bochum.txt): headline, a lead saying who went where
for what, the body from the summary and the topics, the approved quotes woven in with their
speaker („…“, betonte Stadträtin Isabelle Hemsley.), paraphrases as reported speech, the
delegation named, the press contact at the end. It is a starting point and says so on its first
line. Only quotes approved for publication are in the read model, so only they can appear.

Always German (a press release of a German city); the attribution is the pattern the press
release reader (read-press) recognises, so a draft read back gives its quotes with speakers.
"""

from collections.abc import Sequence

from docx.shared import Pt

from delegation_app.domain.enums import ParticipantRole, VisitDirection
from delegation_app.i18n.formatting import format_date
from delegation_app.interchange.docx_basics import a4_document, clean, docx_bytes
from delegation_app.services.press_material import PressMaterial, PressQuote
from delegation_app.services.views import ParticipationView

DRAFT_LINE = "ENTWURF – bitte prüfen und ergänzen"
VERBS = ("sagte", "betonte")


def _listed(names: Sequence[str]) -> str:
    """„A, B und C“."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " und " + names[-1]


def _titled(function: str | None, person: str) -> str:
    return f"{function} {person}" if function else person


def _head(m: PressMaterial) -> ParticipationView | None:
    heads = [p for p in m.delegation if p.role == ParticipantRole.HEAD_OF_DELEGATION]
    return heads[0] if heads else (m.delegation[0] if m.delegation else None)


def lead(m: PressMaterial) -> str:
    v = m.visit
    head = _head(m)
    around = f" um {_titled(head.function, head.person_name)}" if head else ""
    day = f" am {format_date(v.starts_at, 'de')}" if v.starts_at else ""
    topics = f" über {v.topics}" if v.topics else ""
    if v.direction == VisitDirection.INCOMING:
        guest = f" der {v.guest_organisation_name}" if v.guest_organisation_name else ""
        host = v.host_organisation_name or "Die Stadt"
        place = f" in {v.place}" if v.place else ""
        about = f" Im Mittelpunkt des Austauschs standen {v.topics}." if v.topics else ""
        return f"{host} empfing{day}{place} eine Delegation{guest}{around}.{about}"
    guest = f" der {v.guest_organisation_name}" if v.guest_organisation_name else ""
    where = f" in {v.place}" if v.place else ""
    host = f" bei der {v.host_organisation_name}" if v.host_organisation_name else ""
    return f"Eine Delegation{guest}{around} informierte sich{day}{where}{host}{topics}."


def quote_sentence(q: PressQuote, index: int) -> str:
    """„…“, betonte Stadträtin Isabelle Hemsley. – the quote's own closing full stop goes, as
    German sets it before the comma of the attribution; a question or exclamation mark stays."""
    if not q.verbatim:
        return f"{_titled(q.function, q.speaker)} erläuterte sinngemäß: {q.words}"
    words = q.words.rstrip()
    if words.endswith("."):
        words = words[:-1]
    return f"„{words}“, {VERBS[index % len(VERBS)]} {_titled(q.function, q.speaker)}."


def delegation_sentence(m: PressMaterial) -> str:
    head = _head(m)
    others = [p.person_name for p in m.delegation if head is None or p.id != head.id]
    if not others:
        return ""
    return f"Der Delegation gehörten außerdem {_listed(others)} an."


def contact_line(m: PressMaterial) -> str:
    person = m.press_contact
    if person is None:
        return "Pressekontakt: [bitte ergänzen]"
    parts = [person.display_name]
    parts += [f"Telefon {ph.display}" for ph in person.phones[:1]]
    parts += [f"E-Mail {person.email}"] if person.email else []
    return "Pressekontakt: " + ", ".join(parts) + "."


def draft_paragraphs(m: PressMaterial) -> list[str]:
    """The draft as paragraphs: the draft line, the headline, then the text."""
    body = [lead(m)]
    if m.visit.summary:
        body += [line.strip() for line in m.visit.summary.split("\n") if line.strip()]
    spoken = [quote_sentence(q, i) for i, q in enumerate(m.quotes)]
    if spoken:
        body.append(" ".join(spoken))
    if m.visit.lessons_learned:
        lessons = [line.strip().rstrip(".") for line in m.visit.lessons_learned.split("\n") if line.strip()]
        body.append("Als Erkenntnisse nahm die Delegation mit: " + "; ".join(lessons) + ".")
    named = delegation_sentence(m)
    if named:
        body.append(named)
    body.append(contact_line(m))
    return [DRAFT_LINE, m.visit.title, *body]


def render_draft_text(m: PressMaterial) -> bytes:
    return ("\n\n".join(draft_paragraphs(m)) + "\n").encode("utf-8")


def render_draft_docx(m: PressMaterial, *, deterministic: bool = False) -> bytes:
    draft, headline, *body = draft_paragraphs(m)
    document = a4_document(f"Pressemitteilung (Entwurf): {m.visit.title}", "", "de")
    marker = document.add_paragraph()
    run = marker.add_run(draft)
    run.bold, run.font.size = True, Pt(10)
    document.add_heading(clean(headline), level=1)
    for paragraph in body:
        document.add_paragraph(clean(paragraph))
    return docx_bytes(document, deterministic=deterministic)
