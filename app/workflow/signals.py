"""Signals modules subscribe to, so that the engine need not know who keeps a copy of an
instance's data."""

from blinker import Namespace

_signals = Namespace()

# Sent inside change_data's transaction, with values= and actor=: a module that keeps a
# copy of some of the data (a case's inspector) brings it in line.
data_changed = _signals.signal("instance-data-changed")

# Sent inside the transaction of an admin's termination, with actor=: a module whose records
# an instance holds something for (a registration's seat) lets it go.
instance_terminated = _signals.signal("instance-terminated")
