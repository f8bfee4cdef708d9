"""Amounts and lengths in two units: when "100 million euros" and "109 million dollars", or
"8 km" and "5 miles", are one quantity. The alignment stage pairs claims that give one
quantity in two units; the relate stage compares their values (relate/quantities.py)."""

from __future__ import annotations

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


def length_unit(fact: Fact) -> Decimal | None:
    """Metres in the unit of a length (None for any other quantity)."""
    return LENGTH_METRES.get(fact.subject) if fact.kind in COUNTED_KINDS else None


def _two_length_units(a: Fact, b: Fact) -> tuple[Decimal, Decimal] | None:
    """Metres in the units of two lengths given in two different units, else None."""
    metres_a, metres_b = length_unit(a), length_unit(b)
    if metres_a and metres_b and metres_a != metres_b:
        return metres_a, metres_b
    return None


def lengths_comparable(a: Fact, b: Fact) -> bool:
    """Two lengths that may measure one thing: in one unit, or in two units and within
    LENGTH_MAX_RATIO of each other in metres."""
    if _two_length_units(a, b) is None:
        return bool(length_unit(a) and length_unit(b))
    values = in_one_unit(a, b)
    if values is None or min(values) <= 0:
        return False
    return max(values) <= LENGTH_MAX_RATIO * min(values)


def _decimal(value: str) -> Decimal | None:
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def convertible(unit_a: str, unit_b: str) -> bool:
    """Two different currencies that the reference table can compare."""
    return unit_a != unit_b and unit_a in USD_PER_UNIT and unit_b in USD_PER_UNIT


def in_one_unit(a: Fact, b: Fact) -> tuple[Decimal, Decimal] | None:
    """The two values in one unit (dollars for two currencies), None if they have none."""
    x, y = _decimal(a.value), _decimal(b.value)
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
