"""Write a briefing to a file: render the read model, hand the bytes to the output writer, and
say which stored characters no bundled font could print."""

from dataclasses import dataclass
from pathlib import Path

from delegation_app.files.output import OutputWriter
from delegation_app.reports.briefing import render_briefing
from delegation_app.reports.briefing_fields import briefing_text_fields
from delegation_app.reports.coverage import Missing, missing_characters
from delegation_app.reports.options import BriefingOptions
from delegation_app.services.briefing import BriefingData


@dataclass(frozen=True)
class Written:
    path: Path
    missing: tuple[Missing, ...] = ()  # fields with characters printed as empty boxes


def export_briefing(
    data: BriefingData, path: Path, options: BriefingOptions | None, writer: OutputWriter
) -> Written:
    """``data`` comes from one snapshot (operations.briefing.gather_briefing); the writer refuses
    the database, a folder or a device as the target and replaces the file atomically."""
    language = options.language if options else "de"
    missing = tuple(missing_characters(briefing_text_fields(data, language)))
    return Written(writer.write(path, render_briefing(data, options)), missing)
