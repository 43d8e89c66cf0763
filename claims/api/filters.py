from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from claims.extraction.types import KINDS
from claims.models import Claim, ClaimStatus, MachineVerdict, Rating
from claims.selectors.queue import claims_matching_text, with_figure


class ClaimFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=ClaimStatus.choices, help_text=_("Review status."))
    verdict = filters.ChoiceFilter(
        field_name="verdict__rating", choices=Rating.choices, help_text=_("The editor's rating.")
    )
    suggested = filters.ChoiceFilter(
        field_name="suggested_verdict", choices=MachineVerdict.choices, help_text=_("The machine's suggested verdict.")
    )
    kind = filters.ChoiceFilter(
        choices=[(kind, kind) for kind in KINDS], method="filter_kind", help_text=_("Holds a quantity of this kind.")
    )
    article = filters.NumberFilter(field_name="article_id", help_text=_("Article id."))
    q = filters.CharFilter(
        method="filter_text",
        help_text=_("Text the claim holds, ignoring diacritics, tatweel and hamza/alef variants."),
    )

    class Meta:
        model = Claim
        fields = ["status", "verdict", "suggested", "kind", "article", "q"]

    def filter_kind(self, queryset, name, value):
        return with_figure(queryset, kind=value)

    def filter_text(self, queryset, name, value):
        return claims_matching_text(queryset, value)
