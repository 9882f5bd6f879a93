"""The access report (Art. 15 GDPR) as JSON: the same read model as the PDF, machine-readable.

Values as stored (ISO dates, enum values), names unescaped (UTF-8); field names in English.
"""

import json
from dataclasses import asdict
from datetime import date, datetime
from enum import Enum
from typing import Any

from delegation_app.services.person_report import PersonDataReport

FORMAT = "delegation-app-person-report"


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def person_report_document(report: PersonDataReport) -> dict[str, Any]:
    data = asdict(report)
    person = data.pop("person")
    document: dict[str, Any] = _plain(
        {
            "format": FORMAT,
            "version": 1,
            "created_on": data.pop("created_on"),
            "controller": data.pop("letterhead"),
            "person": person,
            "source": {
                "source": person["source"],
                "note": person["source_note"],
                "date": person["source_date"],
            },
            **data,
        }
    )
    return document


def render_person_report_json(report: PersonDataReport) -> str:
    return json.dumps(person_report_document(report), ensure_ascii=False, indent=1) + "\n"
