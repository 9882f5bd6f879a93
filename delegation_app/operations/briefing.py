"""The briefing of a visit: gathered in one read snapshot, written as a PDF."""

from datetime import date
from pathlib import Path

from delegation_app.reports.options import BriefingOptions
from delegation_app.services.briefing import BriefingData, collect_briefing
from delegation_app.services.registry import Services


def gather_briefing(
    services: Services,
    visit_id: int,
    *,
    today: date | None = None,
    issued_by: str | None = None,
    issuer_function: str | None = None,
) -> BriefingData:
    """Everything the briefing prints, read in one transaction (one snapshot of the data)."""
    return collect_briefing(
        services, visit_id, today=today, issued_by=issued_by, issuer_function=issuer_function
    )


def write_briefing(
    services: Services,
    visit_id: int,
    path: Path,
    options: BriefingOptions | None = None,
    *,
    today: date | None = None,
    issued_by: str | None = None,
    issuer_function: str | None = None,
) -> Path:
    """The PDF at ``path`` (replaced atomically); slow enough to belong on a worker thread."""
    from delegation_app.reports.export import export_briefing  # reportlab loads on first use

    data = gather_briefing(
        services, visit_id, today=today, issued_by=issued_by, issuer_function=issuer_function
    )
    return export_briefing(data, path, options)
