"""Every PDF print product of the multi-script visit, read back in German and English: every
name and the title exactly as stored (right-to-left runs compared as test_script_fallback
explains), a character no font has reported with its record and field, and PDF/A-2b."""

import io
import re
import unicodedata

import pikepdf
import pytest

import multiscript as ms
from delegation_app.operations.print_products import PRODUCTS, PrintRequest, render
from delegation_app.reports import markup
from delegation_app.reports.script_runs import BOX
from delegation_app.services.registry import Services
from delegation_app.storage.opening import open_database

from pdf_tools import flat, pdftotext, qpdf_check

PDF_PRODUCTS = tuple(name for name, product in PRODUCTS.items() if "pdf" in product.formats)
UNTITLED = ("badges", "place-cards")  # the title is in the document's metadata only
DIRECTION_MARKS = re.compile("[\u202a-\u202e\u200e\u200f]")
FIELDS = {"de": ("Nachname", "Name", "Verantwortlich"), "en": ("Last name", "Name", "Responsible")}


def readable(pdf: bytes) -> str:
    return flat(DIRECTION_MARKS.sub("", unicodedata.normalize("NFKC", pdftotext(pdf))))


def _letters(value: str) -> str:
    return re.sub(r"[\s()]", "", value)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("multiscript")
    db, _report = open_database(f"sqlite:///{folder / 'ms.sqlite'}", backups=folder / "backups")
    services = Services.over(db)
    visit_id = ms.add_multiscript_visit(services)
    without_font = ms.add_person_without_font(services, visit_id)
    request = {
        lang: PrintRequest(language=lang, deterministic=True, issued_by="Anna Schmidt")
        for lang in ("de", "en")
    }
    yield (
        {
            (name, lang): render(services, name, visit_id, request[lang])
            for name in PDF_PRODUCTS
            for lang in request
        },
        without_font,
    )
    db.dispose()


def test_the_registry_has_the_products_the_issue_asks_for():
    assert {
        "briefing",
        "briefing-external",
        "programme",
        "participants",
        "sign-in",
        "badges",
        "place-cards",
    } <= set(PDF_PRODUCTS)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", PDF_PRODUCTS)
def test_every_name_and_the_title_print_exactly(printed, name, lang):
    pdfs, _without_font = printed
    found = readable(pdfs[name, lang].data)
    for person in ms.NAMES:
        assert person in found, person
    if name not in UNTITLED:
        assert _letters(ms.TITLE) in _letters(found)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", PDF_PRODUCTS)
def test_a_character_no_font_has_is_reported_not_dropped(printed, name, lang):
    pdfs, without_font = printed
    rendered = pdfs[name, lang]
    reported = [m for m in rendered.missing if "𠮷" in m.characters]
    assert reported, rendered.missing
    for missing in reported:  # the person, or the programme item the person is the contact of
        assert without_font in missing.record or "Abreise" in missing.record, missing
        assert missing.field in FIELDS[lang], missing
    # On the page a box stands where the character is missing; the name's other letters stay.
    assert without_font.replace("𠮷", BOX) in readable(rendered.data)


@pytest.mark.parametrize("name", PDF_PRODUCTS)
def test_every_product_is_pdf_a_2b(printed, name, tmp_path):
    pdfs, _without_font = printed
    pdf = pdfs[name, "en"].data
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert not doc.is_encrypted
        intent = doc.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFA1"
        assert intent.DestOutputProfile.N == 3
        assert intent.DestOutputProfile.read_bytes()[36:40] == b"acsp"  # an ICC profile
        meta = doc.open_metadata()
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == str(doc.docinfo.Title)
        assert ms.TITLE in meta["dc:title"]
        assert meta["dc:language"] == {"en-GB"}
        assert "/JavaScript" not in doc.Root.get("/Names", {})
        assert "/OpenAction" not in doc.Root
        for page in doc.pages:
            assert "/Group" not in page.obj
            for font in _fonts(page.obj):
                descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
                assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font.BaseFont
    qpdf_check(pdf, tmp_path)


def _fonts(resource_owner):
    """Every font a page or one of its forms uses."""
    resources = resource_owner.get("/Resources", {})
    yield from resources.get("/Font", {}).values()
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == "/Form":
            yield from _fonts(xobject)


def test_a_missing_character_is_one_box_and_the_space_after_it_stays_a_space():
    box = '<font name="fallback-notosanssymbols2">□</font>'
    assert markup.text("Essen 😀 – bitte") == f"Essen {box} – bitte"
    assert markup.name("𠮷田") == f'<nobr>{box}<font name="fallback-droidsansfallback">田</font></nobr>'
