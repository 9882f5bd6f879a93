"""The press work's print products of a visit: the press pack (PDF or Word, German or English)
and the draft press release (Word or plain text, German). Both read the visit in one snapshot
(services.press_material) and never contain a quote that is not approved for publication: the
press pack still renders and names the quotes it left out, so the window and the command line
can list them."""

from dataclasses import dataclass, field
from datetime import date

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import N_, translator
from delegation_app.reports.coverage import Missing, TextField, missing_characters
from delegation_app.services.press_material import PressMaterial, collect_press_material
from delegation_app.services.registry import Services
from delegation_app.services.views import QuoteView


@dataclass(frozen=True)
class PressPack:
    data: bytes
    left_out: tuple[QuoteView, ...]  # not approved, rejected or internal only: not in ``data``
    missing: list[Missing] = field(default_factory=list)  # characters no bundled font has (PDF)


def press_texts(material: PressMaterial, language: str) -> list[TextField]:
    """Every stored text the press pack prints, named by record and field."""
    t, v = translator(language), material.visit
    found: list[tuple[str, str, str | None]] = [
        (v.title, N_("Title"), v.title), (v.title, N_("Place"), v.place), (v.title, N_("Address"), v.address),
        (v.title, N_("Topics"), v.topics), (v.title, N_("Summary"), v.summary),
    ]  # fmt: skip
    for p in (*material.delegation, *material.hosts, *material.guests):
        found += [(p.person_name, N_("Name"), p.person_name), (p.person_name, N_("Function"), p.function)]
    for q in material.quotes:
        found += [(q.speaker, N_("Quote"), q.words), (q.speaker, N_("Organisation"), q.organisation)]
    contact = material.press_contact
    if contact is not None:
        found += [(contact.display_name, N_("Name"), contact.display_name)]
    return [TextField(record, t(label), value) for record, label, value in found if value]


def press_pack(
    services: Services, visit_id: int, *, fmt: str = "pdf", language: str = "de", today: date | None = None,
    issued_by: str = "", deterministic: bool = False,
) -> PressPack:  # fmt: skip
    material = collect_press_material(services, visit_id, today=today)
    if fmt == "pdf":
        from delegation_app.reports.press_pack import render_press_pack  # reportlab loads on first use

        data = render_press_pack(material, language, issued_by=issued_by, deterministic=deterministic)
        return PressPack(data, material.left_out, missing_characters(press_texts(material, language)))
    if fmt == "docx":
        from delegation_app.interchange.press_pack_docx import render_press_pack_docx

        data = render_press_pack_docx(material, language, issued_by=issued_by, deterministic=deterministic)
        return PressPack(data, material.left_out)
    raise DomainError(N_("This print product cannot be written as .{format}."), format=fmt)


def press_draft(services: Services, visit_id: int, *, fmt: str = "docx", language: str = "de") -> bytes:
    """The German draft press release (``language`` is accepted for the print command's sake)."""
    from delegation_app.interchange import press_draft as draft

    material = collect_press_material(services, visit_id)
    if fmt == "txt":
        return draft.render_draft_text(material)
    if fmt == "docx":
        return draft.render_draft_docx(material)
    raise DomainError(N_("This print product cannot be written as .{format}."), format=fmt)
