"""Taking a row, healthchecks' way: one conditional UPDATE that must change exactly that row.

Two workers handed the same job (a redelivered task, a retry racing the sweep) or two editors saving
the same claim cannot both win: the database runs the UPDATEs one after the other, and only the first
still finds the row in the state it was taken from.
"""

from django.db.models import Model, Q


def row_claim(model: type[Model], *, pk, when: Q, **changes) -> bool:
    """Set `changes` on row `pk` if it is `when`; True when this call took it (one row changed)."""
    return model.objects.filter(when, pk=pk).update(**changes) == 1
