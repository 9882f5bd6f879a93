"""Every print product of a visit, by name: the briefing, its outside copy, the programme, the
participant list, the sign-in sheet, badges and place cards. GUI (the "Print" menu) and CLI
(``print PRODUCT VISIT_ID -o FILE``) both go through ``write_product``.

A product reads its read model in one snapshot, renders it (reportlab loads on first use), and
reports the characters no bundled font has, naming record and field, before the file is written.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from delegation_app.domain.errors import DomainError
from delegation_app.files.output import OutputWriter
from delegation_app.i18n import N_, translator
from delegation_app.reports.options import BriefingOptions
from delegation_app.services.registry import Services

# The window builds its Print menu from PRODUCTS at start; what gathers and checks a product's
# data is imported when one is printed (issue 21).
if TYPE_CHECKING:
    from delegation_app.reports.coverage import Missing
    from delegation_app.services.visit_sheets import VisitSheets


@dataclass(frozen=True)
class PrintRequest:
    fmt: str = "pdf"
    language: str = "de"
    issued_by: str = ""
    issuer_function: str = ""
    today: date | None = None
    deterministic: bool = False  # same input, same bytes (tests)
    briefing: BriefingOptions | None = None  # the briefing's sections; None: all of them
    layout: str = "two"  # place cards: "two" per A4 sheet or "one" on A4 landscape


@dataclass(frozen=True)
class Rendered:
    data: bytes
    missing: "list[Missing]" = field(default_factory=list)
    left_out: tuple[str, ...] = ()  # what the product left out on purpose, one line each (press pack)


@dataclass(frozen=True)
class Written:
    path: Path
    missing: "list[Missing]"
    left_out: tuple[str, ...] = ()


Renderer = Callable[[Services, int, PrintRequest], Rendered]


@dataclass(frozen=True)
class Product:
    name: str  # the CLI's word
    title: str  # an N_ msgid: the menu's and the dialog's name of it
    formats: tuple[str, ...]  # file endings without the dot, the first is the default
    render: Renderer


def _briefing_options(request: PrintRequest, *, external: bool) -> BriefingOptions:
    options = request.briefing or BriefingOptions()
    options = replace(options, language=request.language, deterministic=request.deterministic)
    # The outside copy: approved quotes only, no internal sections, no numbers in free text.
    return replace(options, external=True) if external else options


def _briefing(external: bool) -> Renderer:
    def render(services: Services, visit_id: int, request: PrintRequest) -> Rendered:
        from delegation_app.operations.briefing import gather_briefing  # on use
        from delegation_app.operations.print_texts import briefing_texts
        from delegation_app.reports.coverage import missing_characters

        data = gather_briefing(
            services, visit_id, today=request.today, issued_by=request.issued_by,
            issuer_function=request.issuer_function,
        )  # fmt: skip
        options = _briefing_options(request, external=external)
        if request.fmt == "docx":
            from delegation_app.interchange.briefing_docx import render_briefing_docx

            # Word picks a font for every character itself: nothing prints as an empty box there
            return Rendered(render_briefing_docx(data, options))
        from delegation_app.reports.briefing import render_briefing  # reportlab loads on first use

        missing = missing_characters(briefing_texts(data, request.language))
        # render_briefing ends with reports/finish.finish (PDF/A) itself
        return Rendered(render_briefing(data, options), missing)

    return render


def _sheets(services: Services, visit_id: int, request: PrintRequest) -> "VisitSheets":
    from delegation_app.services.visit_sheets import collect_visit_sheets  # on use

    return collect_visit_sheets(
        services, visit_id, today=request.today, issued_by=request.issued_by,
        issuer_function=request.issuer_function,
    )  # fmt: skip


def _programme(services: Services, visit_id: int, request: PrintRequest) -> Rendered:
    from delegation_app.operations.print_texts import sheet_texts  # on use
    from delegation_app.reports.coverage import missing_characters
    from delegation_app.reports.programme import render_programme

    data = _sheets(services, visit_id, request)
    missing = missing_characters(sheet_texts(data, request.language, programme=True, people=False))
    return Rendered(render_programme(data, request.language, deterministic=request.deterministic), missing)


def _people_product(kind: str) -> Renderer:
    def render(services: Services, visit_id: int, request: PrintRequest) -> Rendered:
        from delegation_app.operations.print_texts import sheet_texts  # on use
        from delegation_app.reports import badges, participants, place_cards
        from delegation_app.reports.coverage import missing_characters

        data = _sheets(services, visit_id, request)
        missing = missing_characters(sheet_texts(data, request.language, programme=False, people=True))
        lang, fixed = request.language, request.deterministic
        if kind == "participants":
            pdf = participants.render_participants(data, lang, deterministic=fixed)
        elif kind == "sign-in":
            pdf = participants.render_sign_in(data, lang, deterministic=fixed)
        elif kind == "badges":
            pdf = badges.render_badges(data, lang, deterministic=fixed)
        else:
            pdf = place_cards.render_place_cards(data, lang, deterministic=fixed, layout=request.layout)
        return Rendered(pdf, missing)

    return render


def _press_pack(services: Services, visit_id: int, request: PrintRequest) -> Rendered:
    from delegation_app.operations.press_products import press_pack

    pack = press_pack(
        services, visit_id, fmt=request.fmt, language=request.language, today=request.today,
        issued_by=request.issued_by, deterministic=request.deterministic,
    )  # fmt: skip
    t = translator(request.language)
    left_out = tuple(
        t(N_("Not in the press pack (not approved for publication): quote of {speaker}: “{start}”")).format(
            speaker=q.speaker_display, start=q.text if len(q.text) <= 60 else q.text[:57].rstrip() + "…"
        )
        for q in pack.left_out
    )
    return Rendered(pack.data, pack.missing, left_out)


def _press_draft(services: Services, visit_id: int, request: PrintRequest) -> Rendered:
    from delegation_app.operations.press_products import press_draft

    return Rendered(press_draft(services, visit_id, fmt=request.fmt, language=request.language))


PRODUCTS: dict[str, Product] = {
    p.name: p
    for p in (
        Product("briefing", N_("Briefing"), ("pdf", "docx"), _briefing(external=False)),
        Product("briefing-external", N_("Briefing, outside copy"), ("pdf", "docx"), _briefing(external=True)),
        Product("programme", N_("Visit programme"), ("pdf",), _programme),
        Product("participants", N_("List of participants"), ("pdf",), _people_product("participants")),
        Product("sign-in", N_("Sign-in sheet"), ("pdf",), _people_product("sign-in")),
        Product("badges", N_("Name badges"), ("pdf",), _people_product("badges")),
        Product("place-cards", N_("Place cards"), ("pdf",), _people_product("place-cards")),
        Product("press-pack", N_("Press pack"), ("pdf", "docx"), _press_pack),
        Product("press-draft", N_("Draft press release"), ("docx", "txt"), _press_draft),
    )
}


def product(name: str) -> Product:
    try:
        return PRODUCTS[name]
    except KeyError:
        raise DomainError(N_("There is no print product “{name}”."), name=name) from None


def render(services: Services, name: str, visit_id: int, request: PrintRequest) -> Rendered:
    """The product's bytes and the characters it could not print; NotFoundError for no such visit."""
    chosen = product(name)
    if request.fmt not in chosen.formats:
        raise DomainError(N_("This print product cannot be written as .{format}."), format=request.fmt)
    return chosen.render(services, visit_id, request)


def product_format(name: str, path: Path | str) -> str:
    """The format the file name asks for; a one-line user error for an ending the product lacks."""
    chosen = product(name)
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in chosen.formats:
        endings = ", ".join(f".{f}" for f in chosen.formats)
        raise DomainError(
            N_("“{name}” cannot be written: please give a file name ending in {endings}."),
            name=Path(path).name,
            endings=endings,
        )
    return suffix


def write_product(
    services: Services,
    name: str,
    visit_id: int,
    path: Path,
    request: PrintRequest,
    writer: OutputWriter | None = None,
) -> Written:
    """The product at ``path`` through the writer (which refuses the database, its backups, a
    folder); the path is checked before anything is read. Slow enough for a worker thread."""
    from delegation_app.operations.briefing import guarding  # on use

    output = guarding(services, writer)
    output.check(path)
    request = replace(request, fmt=product_format(name, path))
    rendered = render(services, name, visit_id, request)
    return Written(output.write(path, rendered.data), rendered.missing, rendered.left_out)
