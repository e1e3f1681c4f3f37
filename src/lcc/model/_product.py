"""Products of inputs: a field value computed from several named inputs.

A calculator often needs an input that is the product of others — energy per
year = power × hours × (1 − control savings), electrical energy = shaft
power × load ÷ efficiency. Writing the product out as a :class:`Product`
(instead of multiplying the numbers beforehand) keeps each factor a separate
input, so every factor can be a :class:`Parameter` that sensitivity analysis
varies, and the trace shows the factors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lcc._errors import LCCError, Msg
from lcc.model._compare import same

TRANSFORMS: tuple[str, ...] = ("one_minus", "reciprocal")


@dataclass(frozen=True, eq=False)
class Factor:
    """A transformed factor of a :class:`Product`: 1 − x or 1/x."""

    value: Any
    transform: str

    def __post_init__(self) -> None:
        if self.transform not in TRANSFORMS:
            raise LCCError(Msg("{name}: got {transform!r}, expected one of {choices}",
                               name='Factor.transform', transform=self.transform,
                               choices=', '.join(TRANSFORMS)),
                           field="Factor.transform", code="invalid-value")
        if isinstance(self.value, (Factor, Product)):
            raise LCCError(Msg("a Factor holds one value or Parameter, not another product"),
                           field="Factor.value", code="wrong-type")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Factor) and self.transform == other.transform and \
            same(self.value, other.value)

    __hash__ = None  # type: ignore[assignment]


def one_minus(value: Any) -> Factor:
    """The factor 1 − x of a plain number x (e.g. a savings fraction) for a :class:`Product`."""
    return Factor(value, "one_minus")


def reciprocal(value: Any) -> Factor:
    """The factor 1/x for a :class:`Product`: of a plain number (1/efficiency) or of a
    quantity, whose unit is inverted (1/life: ``reciprocal("8 yr")`` is 0.125 /yr)."""
    return Factor(value, "reciprocal")


def _rebuild(factors: tuple[Any, ...], names: tuple[str | None, ...] | None) -> Product:
    return Product.named(*zip(factors, names, strict=True)) if names else Product(*factors)


class Product:
    """A value given as the product of several inputs.

    Accepted wherever an item field takes a value: each factor is a quantity,
    a string, a plain number, an array of samples, a :class:`Parameter`, or a
    :func:`one_minus` / :func:`reciprocal` of one of these. The product's
    dimension is checked against the field like any other value.

    Examples
    --------
    >>> import lcc
    >>> hours = lcc.Parameter("operating_hours", "4000 h/yr")
    >>> energy = lcc.Energy(annual=lcc.Product("45 W", hours, lcc.one_minus(0.2)),
    ...                     price="1.2 SEK/kWh")
    >>> round(energy._annual.value, 6)   # 45 W × 4000 h/yr × 0.8 = 144 kWh/yr
    144.0
    """

    __slots__ = ("factors", "names")
    factors: tuple[Any, ...]
    #: How messages name each factor where lcc made the product of fields (a life in hours ÷
    #: the item's ``hours``), else None: 'factor 2'.
    names: tuple[str | None, ...] | None

    def __init__(self, *factors: Any) -> None:
        if not factors:
            raise LCCError(Msg("{name}: give at least one factor", name='Product'),
                           field="Product.factors", code="missing-field")
        for f in factors:
            if isinstance(f, Product):
                raise LCCError(Msg("{name}: a factor cannot itself be a Product; list its "
                                   "factors", name='Product'), field="Product.factors",
                               code="wrong-type")
        object.__setattr__(self, "factors", tuple(factors))
        object.__setattr__(self, "names", None)

    def __reduce__(self) -> tuple[Any, ...]:  # immutable: rebuilt, not set attribute by attribute
        return (_rebuild, (self.factors, self.names))

    @classmethod
    def named(cls, *pairs: tuple[Any, str | None]) -> Product:
        """A product of fields, each factor named as messages name its field (internal)."""
        out = cls(*(f for f, _ in pairs))
        object.__setattr__(out, "names", tuple(n for _, n in pairs))
        return out

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Product is immutable")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Product) and same(list(self.factors), list(other.factors))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Product({', '.join(repr(f) for f in self.factors)})"
