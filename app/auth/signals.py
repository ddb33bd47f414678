"""Signals other parts subscribe to, so that agencies need not know who depends on them."""

from blinker import Namespace

_signals = Namespace()

# Sent inside the merge's transaction: receivers move what belongs to the old agency.
agency_merged = _signals.signal("agency-merged")

# Sent before a merge, to say what it would move: each receiver returns a list of
# (what, [entries]) pairs, e.g. ("Open steps", ["Báo cáo năm 2025", ...]).
agency_merge_preview = _signals.signal("agency-merge-preview")
