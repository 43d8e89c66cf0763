"""Request parsing with the input guards of claims.lib.validation."""

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from claims.lib import validation


class GuardedJSONParser(JSONParser):
    """JSON bodies without deep nesting ("[" * 100000 is a RecursionError in Python's parser),
    NaN/Infinity, NUL or lone surrogates: each is a 400 with the reason, never a 500."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            data = stream.read().decode(encoding)
            return validation.json_loads(data)
        except UnicodeDecodeError as exc:
            raise ParseError(f"JSON parse error - the body is not valid {encoding}") from exc
        except validation.InputError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
