import re
from pathlib import Path

from claims.lib.sources import IncomingArticle, SourceError

FIXTURES = Path(__file__).parent / "fixtures"


def articles(items) -> list[IncomingArticle]:
    return [item for item in items if isinstance(item, IncomingArticle)]


def errors(items) -> list[SourceError]:
    return [item for item in items if isinstance(item, SourceError)]


ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
ESCAPE = re.compile(r"u[0-9A-Fa-f]{4}|uXXXX")  # \u0000, \ud800, \uXXXX as the messages quote them
# What may stay in Latin letters inside an Arabic message: formats, encodings, protocols, the tool
# named in a hint, JSON keys and literals, file extensions and the setting's name.
TECHNICAL_WORDS = frozenset(
    "json jsonl http https utf cp1256 windows iso pdf zip office docx xlsx doc xls png jpeg gif gzip nul "
    "html htm xml rss atom txt md iconv f t text title source url published null true false "
    "factcheck_max_upload_bytes".split()
)


def foreign_words(message: str, *data: str) -> list[str]:
    """The words of `message` in Latin letters that are neither technical tokens nor part of `data`
    (the input's own names and values, which a message quotes as they are)."""
    for value in data:
        message = message.replace(value, " ")
    words = LATIN_WORD.findall(message)
    return [word for word in words if word.lower() not in TECHNICAL_WORDS and not ESCAPE.fullmatch(word)]
