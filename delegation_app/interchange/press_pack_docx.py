"""The press pack as a Word file: the PDF's blocks (fact box, summary, approved quotes, press
contact) with real heading styles and a real table, for the press office to edit further."""

from docx.document import Document as DocxDocument
from docx.shared import Pt

from delegation_app.i18n import N_, translator
from delegation_app.i18n.formatting import format_date_range
from delegation_app.interchange.docx_basics import a4_document, clean, docx_bytes
from delegation_app.services.press_material import PressMaterial


def _people(people) -> str:
    return ", ".join(f"{p.person_name} ({p.function})" if p.function else p.person_name for p in people)


def fact_rows(material: PressMaterial, language: str) -> list[tuple[str, str]]:
    """(label, value) of the fact box, as the PDF has them."""
    t, v = translator(language), material.visit
    rows = []
    if material.delegation:
        rows.append((t(N_("Delegation")), _people(material.delegation)))
    if material.hosts or material.guests:
        rows.append((t(N_("Host side")), _people((*material.hosts, *material.guests))))
    organisations = [x for x in (v.guest_organisation_name, v.host_organisation_name) if x]
    if organisations:
        rows.append((t(N_("Organisations")), " · ".join(organisations)))
    when = format_date_range(v.starts_at, v.ends_at, language)
    if when:
        rows.append((t(N_("When")), when))
    where = ", ".join(x for x in (v.place, (v.address or "").replace("\n", ", ")) if x)
    if where:
        rows.append((t(N_("Where")), where))
    if v.topics:
        rows.append((t(N_("Topics")), v.topics))
    return rows


def _facts(document: DocxDocument, rows: list[tuple[str, str]]) -> None:
    if not rows:
        return
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = clean(label), clean(value)
        for run in cells[0].paragraphs[0].runs:
            run.bold = True


def render_press_pack_docx(
    material: PressMaterial, language: str = "de", *, issued_by: str = "", deterministic: bool = False
) -> bytes:
    t = translator(language)
    title = t(N_("Press pack")) + f": {material.visit.title}"
    document = a4_document(title, issued_by, language)
    document.add_heading(clean(material.visit.title), level=0)
    _facts(document, fact_rows(material, language))
    if material.visit.summary:
        document.add_heading(t(N_("Summary")), level=1)
        for line in material.visit.summary.split("\n"):
            document.add_paragraph(clean(line))
    if material.quotes:
        document.add_heading(t(N_("Quotes")), level=1)
        for q in material.quotes:
            paraphrase = t(N_("paraphrase"))
            words = f"„{q.words}“" if q.verbatim else f"{q.words} ({paraphrase})"
            quote = document.add_paragraph()
            quote.add_run(clean(words)).italic = True
            who = ", ".join([q.speaker] + [x for x in (q.function, q.organisation) if x])
            meta = document.add_paragraph()
            meta.add_run(clean(who)).font.size = Pt(9)
    person = material.press_contact
    if person is not None:
        document.add_heading(t(N_("Press contact")), level=1)
        contact = document.add_paragraph()
        contact.add_run(clean(person.display_name)).bold = True
        lines = [x for x in (person.function, person.organisation_name) if x]
        phone, mail = t(N_("Phone")), t(N_("Email"))
        lines += [f"{phone} {ph.display}" for ph in person.phones]
        lines += [f"{mail} {person.email}"] if person.email else []
        for line in lines:
            contact.add_run("\n" + clean(line))
    return docx_bytes(document, deterministic=deterministic)
