"""The days off and Saturdays worked that the Government's yearly notices set for civil
servants, beyond what the Labour Code's holidays (the `holidays` library) already give. A
new year's notice is a few entries here (then `flask seed`), or on the admin's calendar page.

Where each was read: Thông báo 6150/TB-BLĐTBXH (kntb.vn; the `holidays` library cites it
for 2025); Công văn 12729/VPCP-KGVX ngày 25/12/2025 (baohiemxahoi.gov.vn, collector.com.tr
quoting it); Thông báo 9441/TB-BNV ngày 16/10/2025 of Bộ Nội vụ on Tết and Quốc khánh 2026
(vietbao.vn, kienthuc.net.vn, thanhnien.vn). Tết Bính Ngọ 2026 (16/02–20/02 off, with the
weekends 14–15/02 and 21–22/02) and 2/9/2025 the library already counts as the notices say.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.calendar import service
from app.calendar.models import DeclaredDay
from app.extensions import db

TB_6150 = "Thông báo 6150/TB-BLĐTBXH của Bộ Lao động – Thương binh và Xã hội"
CV_12729 = "Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ"
TB_9441 = "Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ"


@dataclass(frozen=True)
class Notice:
    day: date
    working: bool
    note: str
    source: str


NOTICES = (
    Notice(date(2025, 4, 26), True, "Làm bù cho thứ Sáu 02/05/2025", TB_6150),
    Notice(date(2025, 5, 2), False, "Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/04/2025)",
           TB_6150),
    Notice(date(2026, 1, 2), False, "Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy "
           "10/01/2026)", CV_12729),
    Notice(date(2026, 1, 10), True, "Làm bù cho thứ Sáu 02/01/2026", CV_12729),
    Notice(date(2026, 8, 22), True, "Làm bù cho thứ Hai 31/08/2026", TB_9441),
    Notice(date(2026, 8, 31), False, "Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy "
           "22/08/2026)", TB_9441),
)


def seed_declared_days() -> int:
    """Declare the notices' days not declared yet (an admin's own declaration of a day
    stands); returns how many were added."""
    known = set(db.session.scalars(select(DeclaredDay.day).where(
        DeclaredDay.day.in_([notice.day for notice in NOTICES]))))
    added = 0
    for notice in NOTICES:
        if notice.day not in known:
            service.stage(notice.day, working=notice.working, note=notice.note,
                          source=notice.source)
            added += 1
    db.session.commit()
    return added
