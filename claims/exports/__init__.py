"""Verdict reports: the export formats (JSON, CSV, XLSX, ClaimReview) and the printable article report.

`export_response(queryset, fmt)` is what the admin's bulk actions call; `manage.py export_verdicts`
and the report views are thin doors over `formats`, `selectors` and `report`.
"""

from claims.exports.formats import FORMATS, write_export
from claims.exports.responses import export_response

__all__ = ["FORMATS", "export_response", "write_export"]
