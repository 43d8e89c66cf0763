"""Arabic quantity and claim extraction: text in, dataclasses out. No Django imports here."""

from claims.extraction.engine import extract, extract_quantities
from claims.extraction.normalize import normalize
from claims.extraction.types import ClaimSpan, Extraction, Quantity

__all__ = [
    "ClaimSpan",
    "Extraction",
    "Quantity",
    "extract",
    "extract_quantities",
    "normalize",
]
