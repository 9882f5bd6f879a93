"""The last step of every PDF product: document information and archival form (PDF/A-2b).

reportlab writes PDF 1.4 with embedded fonts but no output intent and no XMP metadata. ``finish``
adds what PDF/A-2b asks for: an sRGB output intent with its ICC profile, XMP metadata naming the
part and conformance, title, author, language, creator tool and dates (the Info dictionary kept
equal), PDF 1.7, a document ID derived from the content. It removes what PDF/A forbids and
reportlab might leave (transparency groups on pages, JavaScript, an OpenAction script).
Tagged PDF (PDF/UA) is out of reach: reportlab writes no structure tree.

The output is deterministic for deterministic input: the dates come from the Info dictionary
(fixed in reportlab's invariant mode) and the ID from the content.
"""

import io
from dataclasses import dataclass
from datetime import datetime
from functools import cache

import pikepdf
from pikepdf.models.metadata import decode_pdf_date

from delegation_app import __version__

SRGB = "sRGB IEC61966-2.1"


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    author: str  # the user's name from the profile; "" when not set
    language: str  # "de" or "en"
    subject: str = ""


def finish(pdf: bytes, info: DocumentInfo) -> bytes:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        created = _info_date(doc, "/CreationDate")
        modified = _info_date(doc, "/ModDate") or created
        _strip_forbidden(doc)
        doc.Root.Lang = pikepdf.String(_language_tag(info.language))
        doc.Root.OutputIntents = pikepdf.Array([_output_intent(doc)])
        doc.Root.MarkInfo = pikepdf.Dictionary(Marked=False)
        creator = str(doc.docinfo.get("/Creator") or f"Delegation visits {__version__}")
        with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
            meta["dc:title"] = info.title
            meta["dc:creator"] = [info.author] if info.author else []
            meta["dc:language"] = [_language_tag(info.language)]
            if info.subject:
                meta["dc:description"] = info.subject
            meta["xmp:CreatorTool"] = creator
            meta["pdf:Producer"] = f"ReportLab, pikepdf {pikepdf.__version__}"
            if created:
                meta["xmp:CreateDate"] = created.isoformat()
                meta["xmp:ModifyDate"] = (modified or created).isoformat()
                meta["xmp:MetadataDate"] = (modified or created).isoformat()
        if not info.author and "/Author" in doc.docinfo:
            del doc.docinfo["/Author"]
        out = io.BytesIO()
        doc.save(out, force_version="1.7", deterministic_id=True, fix_metadata_version=False)
    return out.getvalue()


def _strip_forbidden(doc: pikepdf.Pdf) -> None:
    for page in doc.pages:
        if "/Group" in page.obj:
            del page.obj["/Group"]
    for key in ("/OpenAction", "/AA"):
        if key in doc.Root:
            del doc.Root[key]
    names = doc.Root.get("/Names")
    if names is not None and "/JavaScript" in names:
        del names["/JavaScript"]


def _output_intent(doc: pikepdf.Pdf) -> pikepdf.Dictionary:
    profile = pikepdf.Stream(doc, _srgb_profile())
    profile["/N"] = 3
    return pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier=pikepdf.String(SRGB),
        Info=pikepdf.String(SRGB),
        RegistryName=pikepdf.String("http://www.color.org"),
        DestOutputProfile=doc.make_indirect(profile),
    )


@cache
def _srgb_profile() -> bytes:
    from PIL import ImageCms

    return bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())


def _language_tag(language: str) -> str:
    return {"de": "de-DE", "en": "en-GB"}.get(language[:2].lower(), language)


def _info_date(doc: pikepdf.Pdf, key: str) -> datetime | None:
    value = doc.docinfo.get(key)
    if value is None:
        return None
    try:
        return decode_pdf_date(str(value))
    except ValueError:
        return None


