"""Write a briefing to a file: render the read model, hand the bytes to the output writer."""

from pathlib import Path

from delegation_app.files.output import OutputWriter
from delegation_app.reports.briefing import render_briefing
from delegation_app.reports.options import BriefingOptions
from delegation_app.services.briefing import BriefingData


def export_briefing(
    data: BriefingData, path: Path, options: BriefingOptions | None, writer: OutputWriter
) -> Path:
    """``data`` comes from one snapshot (operations.briefing.gather_briefing); the writer refuses
    the database, a folder or a device as the target and replaces the file atomically."""
    return writer.write(path, render_briefing(data, options))
