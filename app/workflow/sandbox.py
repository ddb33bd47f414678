"""Scripts, conditions and expressions from BPMN, run under RestrictedPython.

Code is compiled with `compile_restricted` (names and attributes starting with "_" are refused
at compile time, so `__import__` and `().__class__...` never run), executed with a short list
of builtins (no `open`, no `import`, no `getattr`) and guarded attribute, item and iteration
access, within a time limit and with results too large to make refused (sandbox_limits). A
few safe helpers, such as date arithmetic and the working-day calendar, are added; modules
may register more with `register_helper`.
"""

import math
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from operator import add, floordiv, sub, truediv
from types import ModuleType, SimpleNamespace

from flask_babel import lazy_gettext as _l
from RestrictedPython import compile_restricted_eval, compile_restricted_exec, safe_builtins
from RestrictedPython.Eval import default_guarded_getitem, default_guarded_getiter
from RestrictedPython.Guards import (
    full_write_guard,
    guarded_iter_unpack_sequence,
    guarded_unpack_sequence,
)

from app import calendar
from app.clock import LOCAL_TZ, today, utcnow
from app.workflow import sandbox_limits as limits


class SandboxError(Exception):
    """Code from a diagram that may not run here, with a reason a person can read."""


_REFUSED_BUILTINS = {"setattr", "delattr", "__build_class__", "id", "hash"}
_EXTRA_BUILTINS = {
    f.__name__: f
    for f in (list, dict, set, frozenset, tuple, sorted, min, max, sum, any, all, enumerate,
              zip, reversed, map, filter)
}
_INPLACE = {"+=": add, "-=": sub, "/=": truediv, "//=": floordiv, **limits.INPLACE}


def _now_local() -> datetime:
    """Now in Vietnam, naive, as a person in Quảng Ngãi reads the clock."""
    return utcnow().replace(tzinfo=UTC).astimezone(LOCAL_TZ).replace(tzinfo=None)


HELPERS: dict[str, Callable] = {
    "date": date,
    "datetime": datetime,
    "timedelta": timedelta,
    "math": limits.MATH,
    "today": today,
    "now": _now_local,
    "add_days": lambda day, days: day + timedelta(days=days),
    "add_working_days": calendar.add_working_days,
    "is_working_day": calendar.is_working_day,
    "working_days_between": calendar.working_days_between,
    "next_working_day": calendar.next_working_day,
    # A period in days, months or years whose last day is a rest day ends on the next
    # working day (Bộ luật Dân sự 2015, Điều 148 khoản 5).
    "period_end": calendar.period_end,
    "parse_date": lambda text: datetime.strptime(text, "%d/%m/%Y").date(),
    "format_date": lambda day: day.strftime("%d/%m/%Y"),
}


def register_helper(name: str, function: Callable) -> None:
    """Offer `function` to every script and expression under `name` (for modules); the time
    it runs does not count against the script's time limit."""
    if name.startswith("_"):
        raise ValueError("helper names may not start with '_'")
    HELPERS[name] = limits.uncounted(function)


def _base_globals() -> dict:
    builtins = {k: v for k, v in safe_builtins.items() if k not in _REFUSED_BUILTINS}
    builtins.update(_EXTRA_BUILTINS)
    builtins.update(range=limits.guarded_range, pow=limits.guarded_pow)
    return {
        "__builtins__": builtins,
        **limits.GUARDS,
        "_getattr_": limits.guarded_getattr,
        "_getitem_": default_guarded_getitem,
        "_getiter_": default_guarded_getiter,
        "_iter_unpack_sequence_": guarded_iter_unpack_sequence,
        "_unpack_sequence_": guarded_unpack_sequence,
        "_write_": full_write_guard,
        "_inplacevar_": lambda op, x, y: _INPLACE[op](x, y),
        **HELPERS,
    }


@lru_cache(maxsize=2048)
def compile_expression(source: str):
    result = compile_restricted_eval(source.strip(), limits.FILENAME,
                                     policy=limits.LimitingTransformer)
    if result.errors or result.code is None:
        raise SandboxError("; ".join(result.errors) or "cannot compile")
    return result.code


@lru_cache(maxsize=2048)
def compile_script(source: str):
    result = compile_restricted_exec(source, limits.FILENAME, policy=limits.LimitingTransformer)
    if result.errors or result.code is None:
        raise SandboxError("; ".join(result.errors) or "cannot compile")
    return result.code


def evaluate(source: str, data: dict):
    """The value of an expression over task data."""
    namespace = _base_globals()
    namespace.update(data)
    code = compile_expression(source)
    with limits.deadline():
        return eval(code, namespace)  # noqa: S307 - restricted code


def execute(source: str, data: dict) -> None:
    """Run a script over task data; the names it sets or deletes change the data."""
    namespace = _base_globals()
    namespace.update(data)
    code = compile_script(source)
    with limits.deadline():
        exec(code, namespace)  # noqa: S102 - restricted code
    for name in list(data):
        if name not in namespace:
            del data[name]
    for name, value in namespace.items():
        if not (name.startswith("_") or callable(value)
                or isinstance(value, ModuleType | SimpleNamespace)):
            data[name] = storable(name, value)


_KEPT = (str, bool, int, date, timedelta, type(None))


def storable(name: str, value, depth: int = 0):
    """`value` if process data can keep it (what JSON holds, dates, durations), else a
    SandboxError naming it: a range, a set or a NaN would otherwise fail later, when the
    state is written, as a 500 instead of the instance's readable error."""
    if depth > 32:
        raise SandboxError(str(_l("'%(name)s' is nested deeper than %(n)s levels.", name=name,
                                  n=32)))
    if isinstance(value, _KEPT) or (isinstance(value, float) and math.isfinite(value)):
        return value
    if isinstance(value, list | tuple):
        return type(value)(storable(name, item, depth + 1) for item in value)
    if isinstance(value, dict) and all(isinstance(key, str | int) for key in value):
        return {key: storable(name, item, depth + 1) for key, item in value.items()}
    raise SandboxError(str(_l(
        "'%(name)s' holds a value of type %(type)s, which process data cannot keep: keep "
        "texts, finite numbers, yes/no, dates, lists and dicts (list(range(3)), not "
        "range(3)).", name=name, type=type(value).__name__)))
