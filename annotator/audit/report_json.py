"""The audit as JSON: format `annotator.audit.v1`, keys sorted, floats rounded (stable output).

See docs/audit.md for every key.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from annotator.audit.report import FORMAT, AuditReport
from annotator.safe_text import inert_json

DIGITS = 6


def _plain(value: Any) -> Any:
    """Dataclasses, tuples and floats as JSON values; floats rounded so runs compare equal."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, DIGITS)
    return value


def report_dict(report: AuditReport) -> dict[str, Any]:
    data: dict[str, Any] = _plain(report)
    data["format"] = FORMAT
    data["chain"]["ok"] = report.chain.ok
    for article, profile in zip(data["articles"], report.articles, strict=True):
        article["cites_anonymous"] = profile.cites_anonymous
    return data


def report_json(report: AuditReport) -> str:
    text = json.dumps(report_dict(report), sort_keys=True, indent=2, ensure_ascii=False)
    return inert_json(text) + "\n"
