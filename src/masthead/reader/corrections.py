"""The public record of corrections, clarifications and updates: /corrections/."""

from masthead.articles.queries import public_corrections
from masthead.core.pagination import paginate
from masthead.pagecache import deps

CORRECTIONS_PAGE_SIZE = 30


def corrections_page_context(request) -> dict:
    deps.record(deps.CORRECTIONS)
    return {"notes_page": paginate(public_corrections(request), request, CORRECTIONS_PAGE_SIZE)}
