"""A seat offered from the waiting list: the person is told, and their enrollment, which
waits for the offer, moves on to the step where they confirm (a message into it)."""

from app import workflow
from modules.training import notices

SEAT_OFFERED = "training_seat_offered"
CLASS_CLOSED = "training_class_closed"


def business_key(registration) -> str:
    """The enrollment's key: what the messages into it are addressed to."""
    return f"DKH-{registration.id}"


def announce(registration) -> None:
    notices.offered(registration)
    # Kept if the enrollment does not wait now (suspended by an admin): it takes the offer
    # when it runs again, and the deadline's timer tells whether it is still in time.
    workflow.send_message(SEAT_OFFERED, business_key(registration), keep=True)
