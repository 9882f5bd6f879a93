"""Every character prints, or the user is told: the multi-script visit's briefing read back.

Right-to-left names are compared after NFKC (pdftotext gives Arabic presentation forms and
ligatures such as ﷲ) with the direction marks pdftotext adds (U+202A–U+202E) removed; they
then come out in reading order, exactly as stored. Where neutral characters (parentheses,
spaces) stand next to a right-to-left run, pdftotext places them by its own bidi algorithm
("Tel Aviv ( )תל אביב und"): the title is compared without parentheses and spaces as well.
The pages themselves were looked at (pdfshot): "(תל אביב)" prints as typed.
"""

import io
import re
import subprocess
import sys
import unicodedata
from datetime import date

import pikepdf
import pytest

import multiscript as ms
from delegation_app.reports.briefing import render_briefing
from delegation_app.reports.briefing_fields import briefing_text_fields
from delegation_app.reports.coverage import TextField, missing_characters
from delegation_app.reports.markup import name, plain, text
from delegation_app.reports.options import BriefingOptions
from delegation_app.services.briefing import collect_briefing

import briefing_data as bd
from pdf_tools import flat, font_names, pdftotext, qpdf_check

DIRECTION_MARKS = re.compile("[\u202a-\u202e\u200e\u200f]")


def readable(pdf: bytes) -> str:
    return flat(DIRECTION_MARKS.sub("", unicodedata.normalize("NFKC", pdftotext(pdf))))


def _letters(value: str) -> str:
    return re.sub(r"[\s()]", "", value)


@pytest.fixture
def data(services):
    visit_id = ms.add_multiscript_visit(services)
    return collect_briefing(services, visit_id, today=date(2026, 4, 20), issued_by="Anna Schmidt")


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_name_quote_and_the_title_print(data, language, tmp_path):
    pdf = render_briefing(data, BriefingOptions(language=language, deterministic=True))
    found = readable(pdf)
    for name_ in ms.NAMES:
        assert name_ in found, name_
    assert _letters(ms.TITLE) in _letters(found)
    for quote, _speaker in ms.QUOTES:
        assert quote.rstrip("。.") in found, quote
    # The running header (drawn on the canvas) carries the title as well, on every page.
    for page in pdftotext(pdf).split("\f")[:-1]:
        header = DIRECTION_MARKS.sub("", unicodedata.normalize("NFKC", page.splitlines()[0]))
        assert "Kairo, 北京" in header
        assert "תל אביב" in header
    fonts = {n.split("+")[-1] for n in font_names(pdf)}
    assert {"NotoSansArabic-Bold", "NotoSansHebrew-Bold", "DroidSansFallback"} <= fonts  # bold names
    qpdf_check(pdf, tmp_path)


def test_right_to_left_words_keep_their_letters_and_reverse_their_order():
    markup = plain("Treffen mit محمد عبد الله in Kairo")
    assert markup == 'Treffen mit <font name="fallback-notosansarabic">الله عبد محمد </font>in Kairo'
    assert name("דוד כהן") == '<nobr><font name="fallback-notosanshebrew">כהן דוד</font></nobr>'
    assert text("a < b\n王小明") == 'a &lt; b<br/><font name="fallback-droidsansfallback">王小明</font>'


def test_a_character_no_font_has_is_reported_with_record_and_field(data):
    missing = missing_characters(briefing_text_fields(data, "de"))
    assert [(m.record, m.field, m.characters) for m in missing] == [
        (f"Besuch „{ms.TITLE}“", "Notizen", ms.NO_FONT)
    ]
    private_use = missing_characters([TextField("Person X", "Notizen", "a\ue000 b \u200d\ufe0f")])
    assert [m.characters for m in private_use] == ["\ue000"]  # joiners and selectors are invisible


def test_the_cli_names_the_field_on_stderr_and_writes_the_pdf(db_path, tmp_path):
    from delegation_app.services.registry import Services
    from delegation_app.storage.opening import open_database

    db, _report = open_database(f"sqlite:///{db_path}", backups=tmp_path / "backups")
    visit_id = ms.add_multiscript_visit(Services.over(db))
    db.dispose()
    out = tmp_path / "b.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "delegation_app", "--db", db_path, "briefing", str(visit_id), "-o", out],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Notizen" in lines[0]
    assert "U+1F600" in lines[0]
    assert out.read_bytes().startswith(b"%PDF")


def test_a_long_organisation_name_wraps_at_words_and_hyphens():
    organisation = (
        "Stadtverwaltung der Stadt und des Landkreises Musterhausen, Amt für internationale "
        "Beziehungen, Städtepartnerschaften und Protokollangelegenheiten sowie Repräsentation "
        "und Öffentlichkeitsarbeit"
    )
    assert len(organisation) >= 170
    hosts = (bd.participant(bd.person(1, "Jürgen", "Müller-Lüdenscheidt", organisation_name=organisation)),)
    pdf = render_briefing(bd.briefing(hosts=hosts), BriefingOptions(deterministic=True))
    lines = [line.strip() for line in pdftotext(pdf).splitlines() if line.strip()]
    words = set(organisation.replace(",", "").split())
    cell = [line for line in lines if all(part.rstrip("-") in organisation for part in line.split())]
    assert len(cell) <= 12, cell
    for line in cell:  # a line ends at a word's end or with a hyphen, never mid-word
        last = line.replace(",", "").split()[-1]
        assert last in words or last.endswith("-"), line
    assert "Jürgen Müller-Lüdenscheidt" in flat(pdftotext(pdf))  # a name is never hyphenated


def test_the_briefing_is_pdf_a_2b(data, tmp_path):
    pdf = render_briefing(data, BriefingOptions(deterministic=True))
    assert pdf == render_briefing(data, BriefingOptions(deterministic=True))  # deterministic
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert doc.pdf_version >= "1.4"
        assert not doc.is_encrypted
        intent = doc.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFA1"
        profile = intent.DestOutputProfile
        assert profile.N == 3
        assert profile.read_bytes()[36:40] == b"acsp"
        meta = doc.open_metadata()
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == str(doc.docinfo.Title) == f"Briefing: {ms.TITLE}"
        assert meta["dc:creator"] == ["Anna Schmidt"]
        assert meta["dc:language"] == {"de-DE"}
        assert "/JavaScript" not in doc.Root.get("/Names", {})
        assert "/OpenAction" not in doc.Root
        for page in doc.pages:
            assert "/Group" not in page.obj
            for font in page.Resources.Font.values():
                descriptor = font.FontDescriptor
                assert "/FontFile2" in descriptor, font.BaseFont  # embedded
    qpdf_check(pdf, tmp_path)
