"""Signals other parts subscribe to, so that agencies need not know who depends on them."""

from blinker import Namespace

_signals = Namespace()

# Sent inside the merge's transaction: receivers move what belongs to the old agency.
agency_merged = _signals.signal("agency-merged")

# Sent before a merge, to say what it would move: each receiver returns a list of
# (what, [entries]) pairs, e.g. ("Open steps", ["Báo cáo năm 2025", ...]).
agency_merge_preview = _signals.signal("agency-merge-preview")

# Sent inside the transaction that moves an ended agency's open work: receivers give each
# open thing of theirs to whoever holds that work now (app.auth.successions) and return
# how many they moved.
agency_work_moving = _signals.signal("agency-work-moving")

# Sent to show an ended agency's page: each receiver returns a list of
# (what, [entries]) pairs of its open work and where each would go, as the merge preview.
agency_work_preview = _signals.signal("agency-work-preview")
