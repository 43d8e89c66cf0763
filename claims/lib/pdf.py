"""Plain text of a PDF report, page by page, in reading order.

pdfminer.six (maintained, pure Python) reads the text with its layout. Many PDF writers store
Arabic in *visual* order — the glyphs of a line left to right as drawn, so every word comes out
reversed ("ةكرشلا" for "الشركة"). Such a line is put back in reading order with python-bidi's
implementation of the Unicode bidirectional algorithm (which maps visual to logical order and back).
Whether a page is visual is read off the text itself: a word cannot start with ة or ى in Arabic,
and cannot end with them when reversed, so the side that has more of them wins.
"""

from __future__ import annotations

import io
import re

from bidi import get_display

# Pages are joined with a form feed, so offsets into the joined text still tell the page.
PAGE_BREAK = "\f"
_WORD = re.compile(r"[\u0621-\u064a]+")
_FINAL_ONLY = "ةى"  # letters that end Arabic words and never start them


class PdfError(ValueError):
    """The file is not a readable PDF, or holds no text (a scan without a text layer)."""


def is_visual_order(text: str) -> bool:
    """True when the Arabic words of `text` are stored reversed (visual order)."""
    words = _WORD.findall(text)
    reversed_words = sum(1 for word in words if word[0] in _FINAL_ONLY)
    logical_words = sum(1 for word in words if word[-1] in _FINAL_ONLY)
    return reversed_words > logical_words


def reading_order(line: str) -> str:
    """A visually ordered right-to-left line in logical (reading) order."""
    return get_display(line, base_dir="R")


def pdf_pages(content: bytes, *, max_pages: int = 2000) -> list[str]:
    """The text of each page in reading order (empty string for a page without text)."""
    # Imported here: pdfminer takes ~0.15 s to import (python -X importtime) and only a PDF needs it.
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    pages = []
    try:
        for number, layout in enumerate(extract_pages(io.BytesIO(content)), 1):
            if number > max_pages:
                raise PdfError(f"the PDF has more than {max_pages} pages")
            lines = [
                line.get_text().rstrip("\n")
                for box in layout
                if isinstance(box, LTTextContainer)
                for line in box
                if hasattr(line, "get_text")
            ]
            page = "\n".join(lines).replace(PAGE_BREAK, " ")
            if is_visual_order(page):
                page = "\n".join(reading_order(line) for line in page.split("\n"))
            pages.append(page)
    except PdfError:
        raise
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as error:
        raise PdfError(f"not a readable PDF: {type(error).__name__}") from error
    if not any(page.strip() for page in pages):
        raise PdfError("the PDF holds no text (a scanned report needs OCR first)")
    return pages


def page_of(text: str, offset: int) -> int:
    """The 1-based page of an offset into pages joined with PAGE_BREAK."""
    return text.count(PAGE_BREAK, 0, offset) + 1
