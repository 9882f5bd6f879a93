"""The briefing as a Word file: the same blocks as the PDF (reports/briefing_document.py) with
python-docx. Real "Heading 1/2" styles, so Word's navigation pane and a table of contents work;
real tables whose header row repeats on every page; A4 with the PDF's margins; the classification
marking and the outside copy's edition in the page header, "Seite X von Y" in the footer."""

import io
import re

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from delegation_app.reports import briefing_blocks as b
from delegation_app.reports.briefing_document import briefing_document
from delegation_app.reports.options import BriefingOptions
from delegation_app.services.briefing import BriefingData

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"left": Mm(25), "right": Mm(20), "top": Mm(28), "bottom": Mm(20)}  # as the PDF's
CONTENT_WIDTH = 210 - 25 - 20  # mm
MARKING_RED = RGBColor(0xA0, 0x00, 0x00)
SHADE = "E8EEF4"
SMALL, CELL = Pt(8.5), Pt(9)
# Characters XML 1.0 cannot hold: a Word file with one of them does not open at all.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value: str) -> str:
    return _NOT_IN_XML.sub("", value)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")  # 8 pt, as the footer's text
    properties.append(size)
    run.append(properties)
    shown = OxmlElement("w:t")
    shown.text = "1"
    run.append(shown)
    field.append(run)
    paragraph._p.append(field)


def _shade(cell_xml, colour: str) -> None:
    properties = cell_xml.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _repeat_header(table: DocxTable) -> None:
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row_properties.append(header)


def _widths(table: DocxTable, widths: list) -> None:
    """Word reads the cells' widths, LibreOffice the grid's: set both."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


class _Writer:
    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc

    def para(self, block: b.Para) -> None:
        paragraph = self.doc.add_paragraph()
        if block.label:
            lead = paragraph.add_run(_clean(block.label) + (":" if block.text else ""))
            lead.bold = True
            if block.small:
                lead.font.size = SMALL
            if not block.text:
                paragraph.paragraph_format.keep_with_next = True
                return
            paragraph.add_run(" ")
        run = paragraph.add_run(_clean(block.text))
        if block.small:
            run.font.size = SMALL

    def _cell_text(self, paragraph: Paragraph, cell: b.Cell) -> None:
        run = paragraph.add_run(_clean(cell.text))
        run.bold = cell.strong or None
        run.font.size = CELL
        if cell.note:
            note = paragraph.add_run("\n" + _clean(cell.note))
            note.font.size = Pt(8)

    def table(self, block: b.Table) -> None:
        table = self.doc.add_table(rows=1 + len(block.rows), cols=len(block.header))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        total = sum(block.widths)
        widths = [Mm(CONTENT_WIDTH * w / total) for w in block.widths]
        rows = table.rows
        for index, title in enumerate(block.header):
            cell = rows[0].cells[index]
            run = cell.paragraphs[0].add_run(_clean(title))
            run.bold, run.font.size = True, CELL
            _shade(cell._tc, SHADE)
        _repeat_header(table)
        for row, cells in zip(rows[1:], block.rows, strict=True):
            for cell, content in zip(row.cells, cells, strict=True):
                self._cell_text(cell.paragraphs[0], content)
        _widths(table, widths)
        self.doc.add_paragraph()

    def facts(self, block: b.Facts) -> None:
        table = self.doc.add_table(rows=len(block.rows), cols=2)
        table.autofit = False
        for row, (key, value) in zip(table.rows, block.rows, strict=True):
            key_cell, value_cell = row.cells
            key_run = key_cell.paragraphs[0].add_run(_clean(key))
            key_run.bold, key_run.font.size = True, CELL
            value_cell.paragraphs[0].add_run(_clean(value)).font.size = CELL
            for cell in (key_cell, value_cell):  # lines as close as the PDF's
                cell.paragraphs[0].paragraph_format.space_after = Pt(2)
                cell.paragraphs[0].paragraph_format.keep_with_next = True
        _widths(table, [Mm(32), Mm(CONTENT_WIDTH - 32)])
        self.doc.add_paragraph()

    def quote(self, block: b.Quote) -> None:
        quoted = self.doc.add_paragraph(_clean(block.text), style="Quote").paragraph_format
        quoted.left_indent, quoted.keep_with_next = Mm(6), True
        if block.source:
            quoted.space_after = Pt(0)
            source = self.doc.add_paragraph()
            source.paragraph_format.left_indent, source.paragraph_format.space_before = Mm(6), Pt(0)
            run = source.add_run(_clean(block.source))
            run.font.size, run.font.color.rgb = SMALL, RGBColor(0x55, 0x55, 0x55)

    def block(self, block: b.Block) -> None:
        if isinstance(block, b.Heading):
            self.doc.add_heading(_clean(block.text), block.level)
        elif isinstance(block, b.Para):
            self.para(block)
        elif isinstance(block, b.Bullets):
            for item in block.items:
                self.doc.add_paragraph(_clean(item), style="List Bullet")
        elif isinstance(block, b.Facts):
            self.facts(block)
        elif isinstance(block, b.Table):
            self.table(block)
        else:
            self.quote(block)


def _furniture(doc: DocxDocument, document: b.BriefingDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    header = section.header.paragraphs[0]
    if document.marking:
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = header.add_run(document.marking)
        run.bold, run.font.color.rgb = True, MARKING_RED
        header = section.header.add_paragraph()
    title = f"{document.edition} · {document.title}" if document.edition else document.title
    header.add_run(_clean(title)).font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    before, after = document.page_of.format(page="\x00").split("\x00")
    footer.add_run(_clean(document.footer) + "\t\t" + before).font.size = Pt(8)
    _field(footer, "PAGE")
    footer.add_run(after).font.size = Pt(8)
    _field(footer, "NUMPAGES")
    if document.marking:
        bottom = section.footer.add_paragraph()
        bottom.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = bottom.add_run(document.marking)
        run.bold, run.font.color.rgb = True, MARKING_RED


def render_briefing_docx(data: BriefingData, options: BriefingOptions | None = None) -> bytes:
    """The same read model and options as the PDF, Word bytes out."""
    options = options or BriefingOptions()
    document = briefing_document(data, options)
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)  # as the PDF's body text
    properties = doc.core_properties
    properties.title, properties.author = _clean(document.title), _clean(document.author)
    properties.subject, properties.language = document.subject, document.language
    _furniture(doc, document)
    writer = _Writer(doc)
    for block in document.blocks:
        writer.block(block)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
