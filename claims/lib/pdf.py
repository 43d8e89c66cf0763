"""Plain text of a PDF report, page by page, through pypdf (a maintained pure-Python reader)."""

from __future__ import annotations

import io

# Pages are joined with a form feed, so offsets into the joined text still tell the page.
PAGE_BREAK = "\f"


class PdfError(ValueError):
    """The file is not a readable PDF, or holds no text (a scan without a text layer)."""


def pdf_pages(content: bytes, *, max_pages: int = 2000) -> list[str]:
    """The text of each page (empty string for a page without text)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise PdfError("the PDF is encrypted")
        pages = []
        for number, page in enumerate(reader.pages, 1):
            if number > max_pages:
                raise PdfError(f"the PDF has more than {max_pages} pages")
            pages.append((page.extract_text() or "").replace(PAGE_BREAK, " "))
    except PdfError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise PdfError(f"not a readable PDF: {type(error).__name__}") from error
    if not any(page.strip() for page in pages):
        raise PdfError("the PDF holds no text (a scanned report needs OCR first)")
    return pages


def page_of(text: str, offset: int) -> int:
    """The 1-based page of an offset into pages joined with PAGE_BREAK."""
    return text.count(PAGE_BREAK, 0, offset) + 1
