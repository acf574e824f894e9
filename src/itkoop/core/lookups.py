"""`in` on integer columns drops values beyond the column's range, as Django's own `exact` does.

A form posting "999…9" (30 digits) to a ModelMultipleChoiceField ends in ``pk__in=[…]``; SQLite cannot bind
such an integer and raises OverflowError (a 500). No row can have such an id, so the value matches nothing and
the form reports an invalid choice."""

from __future__ import annotations

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            self.rhs = [
                v
                for v in self.rhs
                if not isinstance(v, int) or ((low is None or v >= low) and (high is None or v <= high))
            ]
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
