"""Paging a million rows without counting them (admin lists): see docs/performance.md."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from claims.selectors import estimated_count

# A filtered list is counted up to this many rows (a bounded COUNT over a LIMIT subquery): the pager
# then offers COUNT_CAP / per_page pages (20 of 50 claims: narrow the filters to go further) and the
# database stops after COUNT_CAP matches, never a full scan.
COUNT_CAP = 1_000


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
        return queryset.order_by().values("pk")[:COUNT_CAP].count()
