"""What the press products' Word files share: an A4 document with the PDFs' margins, text that
XML can hold, and bytes that stay the same for the same input when asked to."""

import io
import re
from datetime import datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Mm

# Characters XML 1.0 cannot hold: a Word file with one of them does not open at all.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FIXED_TIME = datetime(2000, 1, 1)


def clean(value: str | None) -> str:
    return _NOT_IN_XML.sub("", value or "")


def a4_document(title: str, author: str, language: str) -> DocxDocument:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.top_margin, section.bottom_margin = Mm(28), Mm(20)
    core = document.core_properties
    core.title, core.author, core.language = clean(title), clean(author), language
    return document


def docx_bytes(document: DocxDocument, *, deterministic: bool = False) -> bytes:
    if deterministic:
        core = document.core_properties
        core.created = core.modified = FIXED_TIME
        core.last_modified_by = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
