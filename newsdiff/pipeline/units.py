"""Amounts and lengths in two units: when "100 million euros" and "109 million dollars", or
"8 km" and "5 miles", are one quantity. The alignment stage pairs claims that give one
quantity in two units; the relate stage compares their values (relate/quantities.py)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from decimal import Decimal, InvalidOperation

from newsdiff.pipeline import lang
from newsdiff.pipeline.normalize import light_stem
from newsdiff.pipeline.types import Fact

# Kinds of quantity that count people or things (a length is a count of its unit).
COUNTED_KINDS = frozenset({"count", "number"})

# US dollars for one unit of each currency the facts stage reads: approximate market rates
# of early January 2024 (EUR 1.10, GBP 1.27, CHF 1.18, CAD 0.75, AUD 0.68, CNY 0.141, MAD
# 0.101, KWD 3.25) and the official pegs of the Gulf currencies and the Jordanian dinar.
# Only currencies whose rate stayed within CONVERSION_TOLERANCE of these over 2022-2025 are
# listed: the rouble, the lira, the Egyptian pound and their like moved too far for a fixed
# table, and are compared only with themselves.
USD_PER_UNIT: dict[str, Decimal] = {
    "USD": Decimal("1"),
    "EUR": Decimal("1.10"),
    "GBP": Decimal("1.27"),
    "CHF": Decimal("1.18"),
    "CAD": Decimal("0.75"),
    "AUD": Decimal("0.68"),
    "CNY": Decimal("0.141"),
    "MAD": Decimal("0.101"),
    "KWD": Decimal("3.25"),
    "SAR": Decimal("0.2667"),  # 3.75 per dollar
    "AED": Decimal("0.2723"),  # 3.6725
    "QAR": Decimal("0.2747"),  # 3.64
    "OMR": Decimal("2.6008"),  # 0.3845
    "BHD": Decimal("2.6596"),  # 0.376
    "JOD": Decimal("1.4104"),  # 0.709
}
# Two amounts in two currencies are one when, converted, they differ by at most this share
# of the larger: outlets convert at the day's rate and round ("100 million euros", "109
# million dollars"), and EUR/USD ranged 0.96-1.12 over 2022-2025. Hand-set.
CONVERSION_TOLERANCE = Decimal("0.15")

# Metres in one unit of length, by the unit's stem (the subject the facts stage gives a
# length: "kilometr", "mile", "يلومتر"). Two lengths in two units are one when, in metres,
# they differ by at most LENGTH_TOLERANCE of the larger: outlets convert and round ("8 km
# (5 miles)", "18.5 km" / "11 miles"). In one unit ("21-foot" / "22 feet") they are compared
# as given.
LENGTH_METRES: dict[str, Decimal] = {
    light_stem(unit): Decimal(metres) for unit, metres in lang.merged_dict("LENGTH_UNITS").items()
}
LENGTH_TOLERANCE = Decimal("0.1")
# Two lengths in two units further apart than this factor measure two things (a 21-foot
# vessel, 900 miles off the coast), not one thing two ways.
LENGTH_MAX_RATIO = Decimal(3)


# How a length's unit is written for readers, by metres in the unit.
LENGTH_SYMBOLS: dict[Decimal, str] = {
    Decimal("1000"): "km",
    Decimal("1"): "m",
    Decimal("1609.344"): "mi",
    Decimal("0.3048"): "ft",
}


def length_symbol(fact: Fact) -> str:
    """The written unit of a length ("km", "ft"; "" for any other quantity)."""
    metres = length_unit(fact)
    return LENGTH_SYMBOLS.get(metres, "") if metres else ""


def length_unit(fact: Fact) -> Decimal | None:
    """Metres in the unit of a length (None for any other quantity)."""
    return LENGTH_METRES.get(fact.subject) if fact.kind in COUNTED_KINDS else None


def _two_length_units(a: Fact, b: Fact) -> tuple[Decimal, Decimal] | None:
    """Metres in the units of two lengths given in two different units, else None."""
    metres_a, metres_b = length_unit(a), length_unit(b)
    if metres_a and metres_b and metres_a != metres_b:
        return metres_a, metres_b
    return None


def _near_in_metres(x: Decimal, y: Decimal) -> bool:
    """Two lengths in metres within LENGTH_MAX_RATIO of each other."""
    return min(x, y) > 0 and max(x, y) <= LENGTH_MAX_RATIO * min(x, y)


def lengths_comparable(a: Fact, b: Fact) -> bool:
    """Two lengths that may measure one thing: within LENGTH_MAX_RATIO of each other in
    metres, in one unit or two ("21-foot" and "22 feet"; not a depth of 10 km and a
    distance of 72 km)."""
    metres_a, metres_b = length_unit(a), length_unit(b)
    x, y = decimal_value(a.value), decimal_value(b.value)
    if not (metres_a and metres_b) or x is None or y is None:
        return False
    return _near_in_metres(x * metres_a, y * metres_b)


def lengths_given(facts: Sequence[Fact]) -> frozenset[tuple[Decimal, Decimal]]:
    """The lengths a claim gives, each as (value, metres in its unit)."""
    found = set()
    for fact in facts:
        metres, value = length_unit(fact), decimal_value(fact.value)
        if metres and value is not None and value > 0:
            found.add((value, metres))
    return frozenset(found)


def _one_length(x: tuple[Decimal, Decimal], y: tuple[Decimal, Decimal]) -> bool:
    """One length, as same_amount has it: equal in one unit, within LENGTH_TOLERANCE of
    each other in two."""
    if x[1] == y[1]:
        return x[0] == y[0]
    return close(x[0] * x[1], y[0] * y[1], LENGTH_TOLERANCE)


def lengths_differ(
    a: Collection[tuple[Decimal, Decimal]], b: Collection[tuple[Decimal, Decimal]]
) -> bool:
    """Two claims' lengths (lengths_given) that may be one length told two ways: none of a
    is one of b, and some pair is within LENGTH_MAX_RATIO of each other in metres
    ("21-foot", "22 feet long"; not "21-foot" and "900 miles")."""
    pairs = [(x, y) for x in a for y in b]
    return (
        bool(pairs)
        and not any(_one_length(x, y) for x, y in pairs)
        and any(_near_in_metres(x[0] * x[1], y[0] * y[1]) for x, y in pairs)
    )


def decimal_value(value: str) -> Decimal | None:
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def convertible(unit_a: str, unit_b: str) -> bool:
    """Two different currencies that the reference table can compare."""
    return unit_a != unit_b and unit_a in USD_PER_UNIT and unit_b in USD_PER_UNIT


def in_one_unit(a: Fact, b: Fact) -> tuple[Decimal, Decimal] | None:
    """The two values in one unit (dollars for two currencies), None if they have none."""
    x, y = decimal_value(a.value), decimal_value(b.value)
    if x is None or y is None:
        return None
    units = _two_length_units(a, b)
    if units is not None:
        return x * units[0], y * units[1]
    if a.unit == b.unit or not a.unit or not b.unit:
        return x, y
    if a.kind == "money" and convertible(a.unit, b.unit):
        return x * USD_PER_UNIT[a.unit], y * USD_PER_UNIT[b.unit]
    return None


def close(x: Decimal, y: Decimal, tolerance: Decimal) -> bool:
    larger = max(abs(x), abs(y))
    return larger > 0 and abs(x - y) <= tolerance * larger


def same_amount(a: Fact, b: Fact) -> bool:
    """One value: equal values, amounts in two currencies of the reference table within
    CONVERSION_TOLERANCE of each other once converted to dollars, or lengths in two units
    within LENGTH_TOLERANCE once in metres."""
    if _two_length_units(a, b) is not None:
        values = in_one_unit(a, b)
        return values is not None and close(*values, LENGTH_TOLERANCE)
    if a.value == b.value:
        return True
    if a.kind != "money" or not convertible(a.unit, b.unit):
        return False
    values = in_one_unit(a, b)
    return values is not None and close(*values, CONVERSION_TOLERANCE)
