"""Evidence files: an allow-list of types checked by content, a size limit, a checksum."""

import hashlib
import unicodedata
from pathlib import PurePath

from flask_babel import lazy_gettext as _l

from app.extensions import db
from app.workflow.models import Attachment

MAX_BYTES = 10 * 1024 * 1024

# extension → (content type, how its first bytes must look)
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"
ALLOWED = {
    "pdf": ("application/pdf", (b"%PDF",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (_ZIP,)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (_ZIP,)),
    "odt": ("application/vnd.oasis.opendocument.text", (_ZIP,)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (_ZIP,)),
    "doc": ("application/msword", (_OLE,)),
    "xls": ("application/vnd.ms-excel", (_OLE,)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG",)),
    "txt": ("text/plain", ()),
}


class AttachmentError(ValueError):
    pass


def check(filename: str, content: bytes) -> tuple[str, str]:
    """The clean file name and content type, or AttachmentError with the reason."""
    name = unicodedata.normalize("NFC", PurePath(filename.replace("\\", "/")).name).strip()
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED:
        raise AttachmentError(_l("Files of this type are not accepted. Accepted: %(types)s.",
                                 types=", ".join(sorted(ALLOWED))))
    if len(content) > MAX_BYTES:
        raise AttachmentError(_l("The file is larger than %(mb)d MB.", mb=MAX_BYTES // 2**20))
    if not content:
        raise AttachmentError(_l("The file is empty."))
    content_type, signatures = ALLOWED[extension]
    if signatures and not content.startswith(signatures):
        raise AttachmentError(_l("The file's content does not match its type (.%(ext)s).",
                                 ext=extension))
    if extension == "txt":
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            raise AttachmentError(_l("A text file must be UTF-8.")) from None
    return name[:255], content_type


def store(filename: str, content: bytes, *, instance, field_id: str, user, work_item=None):
    """Add the file to the session (the caller's transaction commits it); without a step,
    it belongs to the instance as a whole (evidence received with a case)."""
    name, content_type = check(filename, content)
    attachment = Attachment(
        instance_id=instance.id, work_item_id=getattr(work_item, "id", None), field_id=field_id,
        filename=name,
        content_type=content_type, size=len(content), sha256=hashlib.sha256(content).hexdigest(),
        content=content, uploaded_by_id=user.id,
    )
    db.session.add(attachment)
    db.session.flush()
    return attachment
