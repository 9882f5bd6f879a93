"""Write a briefing to a file: render the read model, replace the file atomically."""

import os
import tempfile
from pathlib import Path

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.reports.briefing import render_briefing
from delegation_app.reports.options import BriefingOptions
from delegation_app.services.briefing import BriefingData


def export_briefing(data: BriefingData, path: Path, options: BriefingOptions | None = None) -> Path:
    """``data`` comes from one snapshot (operations.briefing.gather_briefing)."""
    pdf = render_briefing(data, options)
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(pdf)
        os.replace(tmp, path)
    except OSError as exc:
        # On Windows an open PDF viewer locks the file: say so in words.
        refused = _(
            "The file {path} cannot be written. Is it open in another program, or is the folder missing?"
        )
        raise DomainError(refused.format(path=path)).because(exc) from exc
    return path
