"""JSON as the standard has it. Python also reads NaN, Infinity and 1e999 as numbers, which
PostgreSQL's JSON columns refuse: an API body or an admin's data with them would fail deep
in a write. Here they are bad input, refused where they come in."""

import json
import math

from flask.json.provider import DefaultJSONProvider


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{text} is not a number JSON allows")
    return number


def _refuse(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def loads(text):
    """json.loads, refusing NaN and infinite numbers with a ValueError; so too nesting deep
    enough to exhaust Python's stack (a few hundred "[" would otherwise answer 500)."""
    try:
        return json.loads(text, parse_float=_finite, parse_constant=_refuse)
    except RecursionError:
        raise ValueError("nested too deeply") from None


class StrictJSONProvider(DefaultJSONProvider):
    """Flask's JSON, reading request bodies with `loads` above."""

    def loads(self, s, **kwargs):
        return loads(s)
