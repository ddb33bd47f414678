"""Signals other parts subscribe to, so that agencies need not know who depends on them."""

from blinker import Namespace

_signals = Namespace()

# Sent inside the merge's transaction: receivers move what belongs to the old agency.
agency_merged = _signals.signal("agency-merged")
