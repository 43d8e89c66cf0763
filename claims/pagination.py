"""Paging a million rows without counting them (admin lists): see docs/performance.md."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from claims.selectors.dashboard import estimated_count

# A filtered list is counted up to this many rows (a bounded COUNT over a LIMIT subquery): the pager
# then offers COUNT_CAP / per_page pages (10 of 50 claims: narrow the filters to go further) and the
# database stops after COUNT_CAP matches, never a full scan.
COUNT_CAP = 500


class EstimatedCountPaginator(Paginator):
    """Exact counts for small lists; an unfiltered big table shows its estimated size (PostgreSQL
    statistics), a filtered one at most COUNT_CAP."""

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if not hasattr(queryset, "query"):
            return super().count
        if not queryset.query.where:
            estimate = estimated_count(queryset.model)
            if estimate > COUNT_CAP:
                return estimate
        # In the list's own order: the planner can then walk the order's index and stop at COUNT_CAP
        # matches (a common word), or collect a rare one's few matches from the search indexes.
        return queryset.values("pk")[:COUNT_CAP].count()
