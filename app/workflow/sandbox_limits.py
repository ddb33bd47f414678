"""What a diagram's code may cost: time and memory.

RestrictedPython keeps a script from reaching what it must not touch; it does not keep it
from running forever or from asking for gigabytes. Two guards do:

- Time: a trace hook, set only while diagram code runs, stops it once it has run longer
  than SCRIPT_TIME_LIMIT seconds; every `while` loop also checks the clock on each turn
  (a one-line `while True: pass` jumps to itself and gives the hook no event). It works in
  any thread (signals do not) and in the caller's own transaction, so helpers keep writing
  where the step writes. It looks only at frames of diagram code, so the helpers it calls
  run at full speed, and the time they take is not counted (see `uncounted`): a helper
  writing to the database waits for its locks as long as the machine's load says, which
  is no measure of the diagram's code.
- Memory: `*`, `**` and `<<` are compiled into calls that work out the size of the result
  before making it, and refuse one past a limit (`'x' * 10**10`, `[0] * 10**9`,
  `10**10**10`); `range` and the padding methods of strings are bounded the same way.
"""

import ast
import functools
import math
import operator
import re
import sys
from contextlib import contextmanager
from contextvars import ContextVar
from time import monotonic
from types import SimpleNamespace

from flask import current_app, has_app_context
from flask_babel import lazy_gettext as _l
from RestrictedPython import RestrictingNodeTransformer
from RestrictedPython.Guards import safer_getattr

FILENAME = "<string>"  # where SpiffWorkflow looks for the line of an error
DEFAULT_TIME_LIMIT = 2.0
MAX_ITEMS = 10_000_000  # characters of a string, items of a list
MAX_INT_BITS = 1 << 16  # about 20,000 decimal digits: money and counts need far fewer
MAX_WIDTH = 100_000  # a padded or formatted field


class ScriptLimitExceeded(Exception):  # noqa: N818 - reads as what happened
    """Code from a diagram that ran too long or asked for too much."""


def _refuse(message) -> None:
    raise ScriptLimitExceeded(str(message))


def _size(value) -> int | None:
    return len(value) if isinstance(value, str | bytes | list | tuple) else None


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def guarded_mul(left, right):
    for sequence, count in ((left, right), (right, left)):
        size = _size(sequence)
        if size is not None and _is_int(count) and size * count > MAX_ITEMS:
            _refuse(_l("The result would hold more than %(n)s items.", n=f"{MAX_ITEMS:,}"))
    if _is_int(left) and _is_int(right) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        _refuse(_l("The number would be too large."))
    return left * right


def guarded_pow(base, exponent, modulo=None):
    if (modulo is None and _is_int(base) and _is_int(exponent) and exponent > 0
            and abs(base) > 1 and base.bit_length() * exponent > MAX_INT_BITS):
        _refuse(_l("The number would be too large."))
    return pow(base, exponent, modulo)


def guarded_lshift(value, shift):
    if _is_int(value) and _is_int(shift) and value and value.bit_length() + shift > MAX_INT_BITS:
        _refuse(_l("The number would be too large."))
    return operator.lshift(value, shift)


def guarded_range(*args):
    numbers = range(*args)
    if len(numbers) > MAX_ITEMS // 10:
        _refuse(_l("A range may hold at most %(n)s numbers.", n=f"{MAX_ITEMS // 10:,}"))
    return numbers


_PADDING = {"center", "ljust", "rjust", "zfill", "expandtabs"}  # format() is refused outright


def _bounded(method):
    """A padding or formatting method whose widths are checked before it runs."""

    def call(*args, **kwargs):
        for value in (*args, *kwargs.values()):
            if _is_int(value) and value > MAX_WIDTH:
                _refuse(_l("A text may be padded to at most %(n)s characters.",
                           n=f"{MAX_WIDTH:,}"))
        return method(*args, **kwargs)

    return call


def guarded_getattr(obj, name, default=None, getattr=safer_getattr):
    value = getattr(obj, name, default)
    if name in _PADDING and isinstance(obj, str | bytes):
        return _bounded(value)
    return value


def guarded_mod(left, right):
    """`'%10000000000d' % 1` pads too: its widths are checked like format's."""
    if isinstance(left, str | bytes):
        text = left.decode("latin-1") if isinstance(left, bytes) else left
        if "*" in text or any(int(n) > MAX_WIDTH for n in
                              re.findall(r"%[-#0 +]*(\d+)", text.replace("%%", ""))):
            _refuse(_l("A text may be padded to at most %(n)s characters.", n=f"{MAX_WIDTH:,}"))
    return left % right


MATH = SimpleNamespace(**{name: getattr(math, name) for name in (
    "ceil", "floor", "trunc", "fabs", "sqrt", "exp", "log", "log10", "log2", "isclose",
    "isfinite", "isinf", "isnan", "fsum", "pi", "e", "inf", "nan")})


def _call(name: str, args: list, where: ast.AST) -> ast.Call:
    call = ast.Call(func=ast.Name(id=name, ctx=ast.Load()), args=args, keywords=[])
    return ast.fix_missing_locations(ast.copy_location(call, where))


class LimitingTransformer(RestrictingNodeTransformer):
    """RestrictedPython's checks; `a * b`, `a ** b`, `a << b`, `a % b` as guarded calls; and
    a look at the clock on each turn of a `while` loop."""

    def visit_BinOp(self, node):
        node = super().visit_BinOp(node)
        guard = _CALLS.get(type(node.op))
        return node if guard is None else _call(guard, [node.left, node.right], node)

    def visit_While(self, node):
        node = super().visit_While(node)
        node.body.insert(0, ast.copy_location(ast.Expr(_call("_tick_", [], node)), node))
        return node


_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("script_deadline", default=None)


def tick() -> None:
    """Stop the diagram code running now if its time is up."""
    current = _DEADLINE.get()
    if current is not None and monotonic() > current[0]:
        _refuse(_l("The script ran longer than %(s)s s and was stopped.", s=f"{current[1]:g}"))


def time_limit() -> float:
    if has_app_context():
        return float(current_app.config.get("SCRIPT_TIME_LIMIT", DEFAULT_TIME_LIMIT))
    return DEFAULT_TIME_LIMIT


def _in_script(frame, event, arg):
    tick()
    return _in_script


def _on_call(frame, event, arg):
    if frame.f_code.co_filename != FILENAME:
        return None  # helpers and the library run untraced, at full speed
    tick()
    return _in_script


@contextmanager
def deadline():
    """Run the block with diagram code stopped once it has run longer than the limit."""
    seconds = time_limit()
    token = _DEADLINE.set((monotonic() + seconds, seconds))
    previous = sys.gettrace()
    sys.settrace(_on_call)
    try:
        yield
    finally:
        sys.settrace(previous)
        _DEADLINE.reset(token)


def uncounted(helper):
    """`helper` (a module's function offered to scripts) with the time it runs added back
    to the calling script's deadline: the limit is for the diagram's own code."""
    @functools.wraps(helper)
    def call(*args, **kwargs):
        current = _DEADLINE.get()
        if current is None:
            return helper(*args, **kwargs)
        started = monotonic()
        try:
            return helper(*args, **kwargs)
        finally:
            _DEADLINE.set((current[0] + monotonic() - started, current[1]))
    return call


GUARDS = {
    "_mul_": guarded_mul, "_pow_": guarded_pow, "_lshift_": guarded_lshift,
    "_mod_": guarded_mod, "_tick_": tick,
}
_CALLS = {ast.Mult: "_mul_", ast.Pow: "_pow_", ast.LShift: "_lshift_", ast.Mod: "_mod_"}
INPLACE = {"*=": guarded_mul, "**=": guarded_pow, "<<=": guarded_lshift, "%=": guarded_mod}
