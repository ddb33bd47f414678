"""The hand-off points of the enrollment process after the class, which the attendance,
results and certificates parts flesh out. Each is a script helper the diagram calls; a part
that replaces one registers its own function under the same name after this module
(workflow.register_helper replaces by name). Neither may block: the process ends without a
certificate when there is no result.

- training_result(registration_id) → "completed", "not_completed" or None: the diagram's
  "Kết quả học tập", run when the organiser closes the class (message training_class_closed,
  sent by courses.close_class) or, failing that, a set number of working days after the
  last session (settings.CLOSE_GRACE_DAYS).
- issue_certificate(registration_id) → the certificate's number or None: "Cấp giấy chứng
  nhận", run for a completed result.
"""

from app.extensions import db
from modules.training.models import Registration


def training_result(registration_id: int) -> str | None:
    """What the attendance part recorded on the registration (None: no result)."""
    registration = db.session.get(Registration, registration_id)
    return registration.result if registration is not None else None


def issue_certificate(registration_id: int) -> str | None:
    """No certificate yet: the certificates part registers the function that issues one."""
    return None
