"""The files of the commendation work (dossier documents, a list's tờ trình, a written hiệp
y answer): checked as the engine checks evidence, kept in award_files."""

import hashlib

from app import workflow
from modules.awards.models import AwardFile

FileError = workflow.AttachmentError


def check(upload) -> tuple[str, bytes] | None:
    """(file name, bytes) of an uploaded file, or None when nothing was chosen; FileError
    with the reason when the file is not accepted (before anything is written)."""
    if upload is None or not getattr(upload, "filename", ""):
        return None
    content = upload.read()
    workflow.check_file(upload.filename, content)
    return upload.filename, content


def stage(filename: str, content: bytes, user) -> AwardFile:
    """Add the file to the session; the caller's service commits."""
    from app.extensions import db

    name, content_type = workflow.check_file(filename, content)
    stored = AwardFile(filename=name, content_type=content_type, size=len(content),
                       sha256=hashlib.sha256(content).hexdigest(), content=content,
                       uploaded_by_id=getattr(user, "id", None))
    db.session.add(stored)
    db.session.flush()
    return stored
