"""Readers that turn what an editor gives us into `IncomingArticle` records (interfaces.md §3).

Files (text, Markdown, HTML, JSONL, JSON, RSS/Atom), folders of them, Django uploads and http(s)
URLs. Nothing here raises for bad input: every problem comes back as a `SourceError` among the
articles, so one broken file or line never stops the others. Callers (the `ingest` command, the
admin upload form, the API) report the errors and ingest the rest.

Every message is built, in the language then active, when the problem is found: the door that
reads (a request, a command) has already chosen the language (docs/ingestion.md, "Languages").

Text must be UTF-8. Other encodings are refused with the byte offset of the first bad byte rather
than guessed: a wrong guess would corrupt every figure the workbench checks. HTML and feeds may
declare their own charset (HTTP header, <meta charset>, XML declaration); a declaration is not a guess.
"""

import codecs
import dataclasses
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import trafilatura
from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from trafilatura.settings import set_date_params

from claims.lib import http, validation

TEXT_SUFFIXES = frozenset({"", ".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
SUPPORTED_SUFFIXES = ".txt .md .html .htm .jsonl .json .xml .rss .atom"

TITLE_MAX_CHARS = 500  # Article.title max_length

HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_CONTENT_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
XML_CONTENT_TYPES = frozenset({"application/xml", "text/xml"})
USER_AGENT = "factcheck-workbench/1.0 (+https://github.com/; article ingestion)"

# Leading bytes of files editors upload by mistake, so the error can say what the file is.
BINARY_SIGNATURES = {
    b"%PDF-": gettext_lazy("a PDF document"),
    b"PK\x03\x04": gettext_lazy("a ZIP archive or Office document (.docx, .xlsx)"),
    b"\xd0\xcf\x11\xe0": gettext_lazy("an old Office document (.doc, .xls)"),
    b"\x89PNG": gettext_lazy("a PNG image"),
    b"\xff\xd8\xff": gettext_lazy("a JPEG image"),
    b"GIF8": gettext_lazy("a GIF image"),
    b"\x1f\x8b": gettext_lazy("a gzip archive"),
}

# The kind of a JSON value a record or file holds where another kind was expected.
JSON_TYPES = {
    dict: pgettext_lazy("kind of JSON value", "an object"),
    list: pgettext_lazy("kind of JSON value", "a list"),
    str: pgettext_lazy("kind of JSON value", "a string"),
    bool: pgettext_lazy("kind of JSON value", "true/false"),
    type(None): pgettext_lazy("kind of JSON value", "null"),
}
JSON_NUMBER = pgettext_lazy("kind of JSON value", "a number")

# An article field that cannot be stored, and why (validation.text_problem).
FIELD_PROBLEMS = {
    "title": gettext_lazy("the title %(problem)s"),
    "text": gettext_lazy("the text %(problem)s"),
    "source": gettext_lazy("the source %(problem)s"),
}

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]")
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


@dataclass(frozen=True)
class IncomingArticle:
    title: str
    text: str
    source: str
    url: str | None = None
    language: str = "ar"
    published_at: datetime | None = None


@dataclass(frozen=True)
class SourceError:
    """One input that could not be read: the file (or URL), the line when there is one, and why."""

    source: str
    line: int | None = None
    message: str = ""

    def __str__(self):
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


class _Rejected(Exception):
    """Internal: why one file, line or entry is refused; turned into a SourceError by its reader."""


Item = IncomingArticle | SourceError


def read_path(path: str | os.PathLike) -> Iterator[Item]:
    """Articles from a file, or from every file under a folder (recursive, sorted, hidden files skipped)."""
    root = Path(path)
    if root.is_file():
        yield from _read_file(root, source=root.name)
    elif root.is_dir():
        files = _visible_files(root)
        if not files:
            yield SourceError(source=str(path), message=_("no files to read in folder: %(path)s") % {"path": path})
        for file in files:
            yield from _read_file(file, source=file.relative_to(root).as_posix())
    else:
        yield SourceError(source=str(path), message=_("no such file or folder: %(path)s") % {"path": path})


def read_upload(uploaded_file) -> list[Item]:
    """Articles from a Django UploadedFile (admin form, API); same rules as files, chosen by extension."""
    name = os.path.basename(uploaded_file.name or "upload")
    limit = settings.FACTCHECK_MAX_UPLOAD_BYTES
    if uploaded_file.size is not None and uploaded_file.size > limit:
        return [SourceError(source=name, message=_too_large(uploaded_file.size, limit))]
    data = b"".join(uploaded_file.chunks())
    return list(_read_data(data, suffix=Path(name).suffix.lower(), source=name, origin=name))


def read_url(url: str, *, timeout: float | None = None) -> list[Item]:
    """One article from a web page, or one per entry if the URL serves an RSS/Atom feed."""
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return [SourceError(source=url, message=_("only http:// and https:// URLs can be read"))]
    limit = settings.FACTCHECK_MAX_UPLOAD_BYTES
    headers = {"User-Agent": USER_AGENT, "Accept-Language": "ar, en;q=0.5"}
    try:
        response = http.fetch(url, headers=headers, timeout=timeout, max_bytes=limit)
    except http.ResponseTooLarge:
        return [SourceError(source=url, message=_too_large(limit + 1, limit, exact=False))]
    except http.FetchError as exc:  # one text for refused addresses and network failures alike
        return [SourceError(source=url, message=str(exc))]
    if response.status >= 400:
        answer = f"{response.status} {response.reason}".strip()
        return [SourceError(source=url, message=_("the server answered HTTP %(status)s") % {"status": answer})]
    final_url, body = response.url, response.content
    content_type, charset = response.content_type, response.charset

    if len(body) > limit:
        return [SourceError(source=url, message=_too_large(len(body), limit, exact=False))]
    if not body.strip():
        return [SourceError(source=url, message=_("the server sent an empty response"))]
    if content_type in FEED_CONTENT_TYPES or (
        content_type in XML_CONTENT_TYPES | HTML_CONTENT_TYPES and _looks_like_feed(body)
    ):
        return list(_guarded(_feed_entries(body, source=url, origin=url), origin=url))
    if content_type in HTML_CONTENT_TYPES:
        return list(_guarded(_html_page(body, source=url, url=final_url, charset=charset), origin=url))
    if content_type == "text/plain":
        return list(_guarded(_text_file(body, source=url, url=final_url), origin=url))
    unsupported = _("unsupported content type %(type)s (expected an HTML page or an RSS/Atom feed)")
    return [SourceError(source=url, message=unsupported % {"type": content_type})]


class SourceRefused(ValueError):
    """What a door was given is not one readable article; the message says why."""


def posted_article(
    *, text: str = "", url: str | None = None, title: str = "", source: str = "", door: str
) -> IncomingArticle:
    """The one article a door (the API, the admin's add form) was given: its text as posted, or else
    the page at `url`, fetched now (the pipeline needs the text's hash). The door's title and source
    win over the page's; `door` is the source when nothing else names one. An empty title is left
    for the ingest service (title_from_text). Raises SourceRefused."""
    if text.strip():
        return IncomingArticle(title=title, text=text, source=source or url or door, url=url)
    page = _one_article(read_url(url), feed=_("This URL serves a feed: post its entries one by one."))
    return dataclasses.replace(page, title=title or page.title, source=source or url, url=page.url or url)


def uploaded_article(uploaded_file, *, title: str = "", source: str = "") -> IncomingArticle:
    """The one article of an uploaded file (read as `read_upload` reads it); the door's title and
    source win over the file's. Raises SourceRefused."""
    page = _one_article(read_upload(uploaded_file), feed=_("the file holds several articles: upload them one by one"))
    return dataclasses.replace(page, title=title or page.title, source=source or page.source)


def page_text(data: bytes, *, charset: str | None) -> str:
    """A fetched HTML page as text, decoded as every page is: UTF-8 unless the page declares its
    charset (HTTP header, then <meta>), never a guessed encoding. Raises SourceRefused."""
    try:
        return _decode_html(_checked(data), charset)
    except _Rejected as error:
        raise SourceRefused(str(error)) from None


def _one_article(items: list[Item], *, feed: str) -> IncomingArticle:
    found = [item for item in items if isinstance(item, IncomingArticle)]
    if len(items) != 1 or len(found) != 1:
        separator = pgettext("between the reasons an input was refused", "; ")
        reason = separator.join(item.message for item in items if isinstance(item, SourceError))
        raise SourceRefused(reason or feed)
    return found[0]


def _looks_like_feed(body: bytes) -> bool:
    """Some servers send feeds as text/html or plain XML: look at the root element."""
    head = body[:2048].removeprefix(codecs.BOM_UTF8).lstrip()
    return bool(FEED_ROOT.match(head) or (head.startswith(b"<?xml") and FEED_ROOT.search(head)))


# --- files ----------------------------------------------------------------------------------------------


def _visible_files(root: Path) -> list[Path]:
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )


def _read_file(file: Path, *, source: str) -> Iterator[Item]:
    origin = str(file)
    limit = settings.FACTCHECK_MAX_UPLOAD_BYTES
    try:
        size = file.stat().st_size
        data = file.read_bytes() if size <= limit else b""
    except OSError as exc:  # permissions, a file removed while the folder is read
        yield SourceError(source=origin, message=_("cannot read the file: %(error)s") % {"error": exc.strerror or exc})
        return
    if size > limit:
        yield SourceError(source=origin, message=_too_large(size, limit))
        return
    yield from _read_data(data, suffix=file.suffix.lower(), source=source, origin=origin)


def _read_data(data: bytes, *, suffix: str, source: str, origin: str) -> Iterator[Item]:
    """Dispatch on the extension. `source` names the articles, `origin` the errors (full path or URL)."""
    if suffix in TEXT_SUFFIXES:
        reader = _text_file(data, source=source, markdown=suffix == ".md")
    elif suffix in HTML_SUFFIXES:
        reader = _html_page(data, source=source)
    elif suffix == ".jsonl":
        reader = _jsonl_records(data, source=source, origin=origin)
    elif suffix == ".json":
        reader = _json_records(data, source=source, origin=origin)
    elif suffix in FEED_SUFFIXES:
        reader = _feed_entries(data, source=source, origin=origin)
    else:
        unsupported = _("unsupported file type %(suffix)s: expected %(suffixes)s (or no extension)")
        yield SourceError(source=origin, message=unsupported % {"suffix": repr(suffix), "suffixes": SUPPORTED_SUFFIXES})
        return
    yield from _guarded(reader, origin=origin)


def _guarded(reader: Iterable[Item], *, origin: str) -> Iterator[Item]:
    """Yield what a reader yields; a whole-input rejection becomes one SourceError (earlier items are kept)."""
    try:
        for item in reader:
            yield _screened(item, origin=origin)
    except _Rejected as exc:
        yield SourceError(source=origin, message=str(exc))


def _screened(item: Item, *, origin: str) -> Item:
    """An article whose text could not be stored (NUL, lone surrogates: e.g. from an HTML entity
    `&#0;`) becomes an error; a link that is not http(s) (a feed's `javascript:` link) is dropped."""
    if not isinstance(item, IncomingArticle):
        return item
    for name in ("title", "text", "source"):
        problem = validation.text_problem(getattr(item, name))
        if problem:
            return SourceError(source=origin, message=FIELD_PROBLEMS[name] % {"problem": problem})
    try:
        validation.check_url(item.url)
    except validation.InputError:
        return dataclasses.replace(item, url=None)
    return item


def _text_file(data: bytes, *, source: str, url: str | None = None, markdown: bool = False) -> Iterator[Item]:
    text = _decode(_checked(data))
    if not text.strip():
        raise _Rejected(_("empty file (only whitespace)"))
    yield IncomingArticle(title=title_from_text(text, markdown=markdown), text=text, source=source, url=url)


def _html_page(data: bytes, *, source: str, url: str | None = None, charset: str | None = None) -> Iterator[Item]:
    yield _html_article(_decode_html(_checked(data), charset), source=source, url=url)


def _jsonl_records(data: bytes, *, source: str, origin: str) -> Iterator[Item]:
    """One article per line; a bad line is reported with its number and the other lines are still read."""
    _checked(data)
    offset = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    for number, raw in enumerate(data[offset:].split(b"\n"), start=1):
        line_offset, offset = offset, offset + len(raw) + 1
        try:
            line = _decode(raw, offset=line_offset)
            if not line.strip():
                continue
            try:
                record = validation.json_loads(line)
            except json.JSONDecodeError as exc:
                raise _Rejected(_invalid_json(exc)) from None
            except validation.InputError as exc:
                raise _Rejected(str(exc)) from None
            yield _record_article(record, source=source)
        except _Rejected as exc:
            yield SourceError(source=origin, line=number, message=str(exc))


def _json_records(data: bytes, *, source: str, origin: str) -> Iterator[Item]:
    try:
        records = validation.json_loads(_decode(_checked(data)))
    except json.JSONDecodeError as exc:
        yield SourceError(source=origin, line=exc.lineno, message=_invalid_json(exc))
        return
    except validation.InputError as exc:
        yield SourceError(source=origin, message=str(exc))
        return
    if not isinstance(records, list):
        raise _Rejected(_("expected a JSON list of articles, got %(type)s") % {"type": _json_type(records)})
    if not records:
        raise _Rejected(_("empty list: no articles"))
    for number, record in enumerate(records, start=1):
        try:
            yield _record_article(record, source=source)
        except _Rejected as exc:
            reason = _("record %(number)s: %(error)s") % {"number": number, "error": exc}
            yield SourceError(source=origin, message=reason)


def _record_article(record, *, source: str) -> IncomingArticle:
    """A JSON record {"title", "text" | "html", "url", "source", "published", "language"} as an article."""
    if not isinstance(record, dict):
        raise _Rejected(_("expected a JSON object, got %(type)s") % {"type": _json_type(record)})
    title = _optional_string(record, "title")
    try:
        url = validation.check_url(_optional_string(record, "url"))
    except validation.InputError as exc:
        raise _Rejected(str(exc)) from None
    text, html = _optional_string(record, "text"), _optional_string(record, "html")
    if text and text.strip():
        article = IncomingArticle(title=title_from_text(text), text=text, source=source, url=url)
    elif html and html.strip():
        article = _html_article(html, source=source, url=url)
    else:
        raise _Rejected(_('the record has no "text" or "html"'))
    return IncomingArticle(
        title=_trim_title(title) if title and title.strip() else article.title,
        text=article.text,
        source=_optional_string(record, "source") or source,
        url=url,
        language=_optional_string(record, "language") or "ar",
        published_at=_parse_published(record.get("published")) or article.published_at,
    )


def _feed_entries(data: bytes, *, source: str, origin: str) -> Iterator[Item]:
    """One article per RSS/Atom entry; feedparser honours the feed's own XML encoding declaration."""
    _checked(data)
    feed = feedparser.parse(data)  # bytes: feedparser never treats them as a URL or file name
    if not feed.entries:
        if feed.bozo:
            raise _Rejected(_("not a valid RSS or Atom feed: %(error)s") % {"error": feed.bozo_exception})
        raise _Rejected(_("the feed has no entries"))
    for number, entry in enumerate(feed.entries, start=1):
        try:
            yield _entry_article(entry, source=source)
        except _Rejected as exc:
            reason = _("entry %(number)s: %(error)s") % {"number": number, "error": exc}
            yield SourceError(source=origin, message=reason)


def _entry_article(entry, *, source: str) -> IncomingArticle:
    detail = entry.content[0] if entry.get("content") else entry.get("summary_detail")
    if not detail or not detail.get("value", "").strip():
        name = entry.get("title") or entry.get("link") or ""
        raise _Rejected(_("no content or summary in entry %(entry)s") % {"entry": repr(name)})
    if detail.get("type") == "text/plain":
        text = detail["value"].strip()
    else:
        text = _html_fragment_text(detail["value"])
    title = _trim_title(entry.get("title") or "") or title_from_text(text)
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = datetime(*stamp[:6], tzinfo=UTC) if stamp else None
    return IncomingArticle(title=title, text=text, source=source, url=entry.get("link"), published_at=published)


# --- HTML -----------------------------------------------------------------------------------------------


def _html_article(html: str, *, source: str, url: str | None = None) -> IncomingArticle:
    """Main text and metadata by trafilatura: navigation, ads, related links and comments are left out."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        # Only dates the page states in its markup: the extensive search guesses from any date in the text.
        date_extraction_params=set_date_params(extensive=False),
    )
    text = (document.text or "").strip() if document else ""
    if not text:
        raise _Rejected(_("no extractable text in the HTML"))
    title = _trim_title(document.title or "") or _html_title(html) or title_from_text(text)
    return IncomingArticle(
        title=title, text=text, source=source, url=url or document.url, published_at=_parse_published(document.date)
    )


def _html_fragment_text(fragment: str) -> str:
    # trafilatura ignores bare fragments (it wants a document); a feed entry's HTML is all content.
    text = trafilatura.extract(f"<html><body><article>{fragment}</article></body></html>", include_comments=False)
    if not text or not text.strip():
        raise _Rejected(_("no extractable text in the entry's HTML"))
    return text.strip()


def _html_title(html: str) -> str:
    match = HTML_TITLE.search(html)
    return _trim_title(re.sub(r"\s+", " ", match.group(1))) if match else ""


def _decode_html(data: bytes, declared: str | None) -> str:
    """UTF-8 unless the page declares its charset (HTTP header first, then <meta>)."""
    charset = declared or _meta_charset(data)
    if not charset or codecs.lookup(charset).name == "utf-8":
        return _decode(data)
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:
        invalid = _("not valid %(charset)s (as the page declares) at byte %(offset)s")
        raise _Rejected(invalid % {"charset": charset, "offset": exc.start}) from None


def _meta_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


# --- bytes, text, dates ---------------------------------------------------------------------------------


def _checked(data: bytes) -> bytes:
    """Refuse empty and binary input, naming the kind of file when it is a common one."""
    if not data:
        raise _Rejected(_("empty file"))
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise _Rejected(_("binary file (%(kind)s), not text") % {"kind": kind})
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _Rejected(_("UTF-16 text: save the file as UTF-8"))
    if b"\x00" in data:
        raise _Rejected(_("binary file (contains NUL bytes), not text"))
    return data


def _decode(data: bytes, *, offset: int = 0) -> str:
    """UTF-8 with an optional BOM (dropped); anything else is reported with the offset of its first bad byte."""
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        if _looks_like_windows_arabic(data):
            message = _(
                "not valid UTF-8 at byte %(offset)s; it looks like Windows-1256 (Arabic Windows) text: "
                "convert it, e.g. iconv -f CP1256 -t UTF-8"
            )
        else:
            message = _("not valid UTF-8 at byte %(offset)s")
        raise _Rejected(message % {"offset": offset + bom + exc.start}) from None


def _looks_like_windows_arabic(data: bytes) -> bool:
    """A hint for the error message only: we never decode as cp1256 (a wrong guess corrupts text silently)."""
    high = [char for char in data.decode("cp1256", errors="replace") if ord(char) > 127]
    return len(high) >= 10 and sum(bool(ARABIC_LETTER.match(char)) for char in high) >= 0.8 * len(high)


def title_from_text(text: str, *, markdown: bool = False) -> str:
    """An article's default title: its first non-empty line (a Markdown heading without its #)."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if markdown:
        first = first.lstrip("#").strip() or first
    return _trim_title(first)


def _trim_title(title: str) -> str:
    return title.strip()[:TITLE_MAX_CHARS].strip()


def _parse_published(value) -> datetime | None:
    """ISO 8601 date or date-time; a naive one is in settings.TIME_ZONE, a bare date is midnight."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise _Rejected(_('"published" must be an ISO 8601 date string, got %(type)s') % {"type": _json_type(value)})
    try:
        moment = parse_datetime(value.strip())
        if moment is None:
            day = parse_date(value.strip())
            moment = datetime(day.year, day.month, day.day) if day else None
    except ValueError:  # well-formed but impossible, e.g. 2025-02-30
        moment = None
    if moment is None:
        raise _Rejected(_('"published" is not an ISO 8601 date or date-time: %(value)s') % {"value": repr(value)})
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _optional_string(record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise _Rejected(_('"%(key)s" must be a string, got %(type)s') % {"key": key, "type": _json_type(value)})
    return value


def _json_type(value) -> str:
    return str(JSON_TYPES.get(type(value), JSON_NUMBER))


def _invalid_json(error) -> str:
    where = {"reason": validation.json_error_reason(error), "column": error.colno}
    return _("invalid JSON: %(reason)s (column %(column)s)") % where


def _too_large(size: int, limit: int, *, exact: bool = True) -> str:
    if exact:
        message = _("file too large (%(size)s bytes; the limit is %(limit)s bytes, FACTCHECK_MAX_UPLOAD_BYTES)")
    else:
        message = _(
            "file too large (more than %(limit)s bytes; the limit is %(limit)s bytes, FACTCHECK_MAX_UPLOAD_BYTES)"
        )
    return message % {"size": f"{size:,}", "limit": f"{limit:,}"}
