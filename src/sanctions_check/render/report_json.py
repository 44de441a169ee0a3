"""`report --format json`: the report model itself, through the one JSON writer (``report@3``)."""

from __future__ import annotations

from sanctions_check.render.report_view import ReportPage
from sanctions_check.serialise import dumps


class ReportJson:
    """The report as JSON: the report alone (how the page was asked for is not data)."""

    def text(self, view: ReportPage) -> str:
        return dumps(view.report)
