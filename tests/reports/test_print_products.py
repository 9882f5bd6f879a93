"""Every print product of a visit, rendered from a real database and read back: the names, the
programme by day, nothing internal, badge boxes and place cards measured in the PDF."""

import io

import pikepdf
import pytest
from pypdf import PdfReader

import print_visit as pv
from delegation_app.domain.enums import Classification
from delegation_app.operations.print_products import PRODUCTS, PrintRequest, render
from delegation_app.reports.badges import HEIGHT, WIDTH
from delegation_app.services.registry import Services
from delegation_app.storage.opening import open_database

from pdf_tools import flat, font_names, pdftotext

MM = 72 / 25.4
SHEETS = ("programme", "participants", "sign-in", "badges", "place-cards")
NAMED = ("participants", "sign-in", "badges", "place-cards", "briefing", "briefing-external")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Every product in both languages, rendered once for the module's tests."""
    folder = tmp_path_factory.mktemp("print")
    db, _report = open_database(f"sqlite:///{folder / 'print.sqlite'}", backups=folder / "backups")
    services = Services.over(db)
    visit_id = pv.build(services)
    pdfs = {
        (name, lang): render(services, name, visit_id, PrintRequest(language=lang, deterministic=True))
        for name, product in PRODUCTS.items()
        if "pdf" in product.formats  # the draft press release is Word or text only
        for lang in ("de", "en")
    }
    phone = services.people.get_many([p.person_id for p in services.participations.list_for_visit(visit_id)])
    numbers = [ph.display for person in phone for ph in person.phones]
    yield pdfs, numbers
    db.dispose()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_product_prints_every_name_and_the_declined_only_on_the_list(printed, lang):
    pdfs, _numbers = printed
    for name in NAMED:
        text = flat(pdftotext(pdfs[name, lang].data))
        for person in pv.ATTENDING:
            assert person in text, (name, person)
        assert (pv.DECLINED in text) == (name in ("participants", "briefing", "briefing-external")), name
        assert pdfs[name, lang].missing == []
    listing = flat(pdftotext(pdfs["participants", lang].data))
    declined_heading = {"de": "Abgesagt", "en": "Declined"}[lang]
    assert listing.index(declined_heading) < listing.index(pv.DECLINED)


def test_the_programme_has_dated_days_times_places_and_whom_to_call_but_no_notes(printed):
    pdfs, numbers = printed
    german = flat(pdftotext(pdfs["programme", "de"].data))
    for expected in ("Dienstag, 24.02.2026", "Mittwoch, 25.02.2026", "14:30–15:30 Uhr", "Ratssaal",
                     "Empfang im Rathaus", "Łukasz Żółkiewski", numbers[0], pv.TITLE):  # fmt: skip
        assert expected in german, expected
    assert german.index("Dienstag, 24.02.2026") < german.index("Empfang im Rathaus")
    assert german.index("Empfang im Rathaus") < german.index("Mittwoch, 25.02.2026")
    assert german.index("Mittwoch, 25.02.2026") < german.index("Besichtigung Stadtwerke")
    assert pv.INTERNAL_NOTE not in german
    english = flat(pdftotext(pdfs["programme", "en"].data))
    assert "Tuesday, 24 Feb 2026" in english
    assert "Wednesday, 25 Feb 2026" in english
    assert "Uhr" not in english
    assert pv.INTERNAL_NOTE not in english


def test_the_outside_copy_leaves_the_private_numbers_out(printed):
    pdfs, numbers = printed
    assert numbers[0] not in flat(pdftotext(pdfs["briefing-external", "de"].data))


def test_every_product_embeds_its_fonts_and_has_a_title(printed):
    pdfs, _numbers = printed
    for (name, lang), rendered in pdfs.items():
        fonts = font_names(rendered.data)
        assert fonts, name
        assert all("Noto" in f for f in fonts), name
        reader = PdfReader(io.BytesIO(rendered.data))
        assert pv.TITLE in (reader.metadata.title or ""), (name, lang)


def test_the_lists_have_page_numbers_and_a_bookmark_per_section(printed):
    pdfs, _numbers = printed
    for name in ("programme", "participants", "sign-in"):
        text = flat(pdftotext(pdfs[name, "de"].data))
        assert "Seite 1 von 1" in text, name
        outline = [item.title for item in PdfReader(io.BytesIO(pdfs[name, "de"].data)).outline]
        assert outline[0] == pv.TITLE
    days = [item.title for item in PdfReader(io.BytesIO(pdfs["programme", "de"].data)).outline]
    assert days[1:] == ["Dienstag, 24.02.2026", "Mittwoch, 25.02.2026"]
    sides = [item.title for item in PdfReader(io.BytesIO(pdfs["participants", "de"].data)).outline]
    assert sides[1:] == ["Delegation", "Gastgeberseite", "Weitere Gäste", "Abgesagt"]


def _stroked_rectangles(pdf: bytes) -> list[tuple[float, float, float, float]]:
    """(x, y, width, height) of every rectangle drawn on the first page (no transformations)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        found = []
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "re":
                found.append(tuple(float(v) for v in operands))
    return found


def test_badge_boxes_are_90_by_54_mm_ten_to_a_sheet_centred(printed):
    pdfs, _numbers = printed
    boxes = [r for r in _stroked_rectangles(pdfs["badges", "de"].data) if r[3] > 40 * MM]
    assert len(boxes) == len(pv.ATTENDING)  # one per person who takes part: five of ten places
    for _x, _y, width, height in boxes:
        assert width == pytest.approx(90 * MM, abs=0.01)
        assert height == pytest.approx(54 * MM, abs=0.01)
    assert (pytest.approx(90 * MM), pytest.approx(54 * MM)) == (WIDTH, HEIGHT)
    page_width, page_height = 210 * MM, 297 * MM
    left = min(x for x, *_ in boxes)
    top = max(y + h for _x, y, _w, h in boxes)
    assert left == pytest.approx((page_width - 180 * MM) / 2, abs=0.01)
    assert top == pytest.approx(page_height - (page_height - 270 * MM) / 2, abs=0.01)


def _name_draws(pdf: bytes, name: str) -> list[tuple[float, float, float]]:
    """(a, d, y) of the text matrix × CTM of every draw of a text containing ``name``'s last word."""
    found = []
    word = name.split()[-1]

    def visit(text, cm, tm, _font, _size):
        if word in text:
            a = tm[0] * cm[0] + tm[1] * cm[2]
            d = tm[2] * cm[1] + tm[3] * cm[3]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((round(a, 3), round(d, 3), y))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return found


def test_place_card_names_read_upright_from_both_sides_of_the_table(printed):
    pdfs, _numbers = printed
    first = next(iter(pv.ATTENDING))  # the first card of the first sheet: the upper one
    draws = _name_draws(pdfs["place-cards", "de"].data, first)
    assert len(draws) == 2, draws
    upright = [d for d in draws if d[0] > 0 and d[1] > 0]
    turned = [d for d in draws if d[0] < 0 and d[1] < 0]
    assert len(upright) == 1, draws
    assert len(turned) == 1, draws  # one turned by 180°, not mirrored
    card_bottom = 2 * ((297 - 260) / 3) * MM + 130 * MM
    fold = card_bottom + 65 * MM
    assert card_bottom < upright[0][2] < fold  # the lower half: upright on the sheet
    assert fold < turned[0][2] < fold + 65 * MM  # the upper half: upside down until folded


def test_the_classification_marking_is_on_every_page_of_every_product(tmp_path):
    db, _report = open_database(f"sqlite:///{tmp_path / 'vs.sqlite'}", backups=tmp_path / "backups")
    services = Services.over(db)
    visit_id = pv.build(services, classification=Classification.VS_NFD)
    try:
        for name in SHEETS:
            pdf = render(services, name, visit_id, PrintRequest(deterministic=True)).data
            for page in PdfReader(io.BytesIO(pdf)).pages:
                assert "VS-NUR FÜR DEN DIENSTGEBRAUCH" in page.extract_text(), name
    finally:
        db.dispose()
