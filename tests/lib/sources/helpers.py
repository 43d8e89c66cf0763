from pathlib import Path

from claims.lib.sources import IncomingArticle, SourceError

FIXTURES = Path(__file__).parent / "fixtures"


def articles(items) -> list[IncomingArticle]:
    return [item for item in items if isinstance(item, IncomingArticle)]


def errors(items) -> list[SourceError]:
    return [item for item in items if isinstance(item, SourceError)]
