"""Who receives the consolidated report (its "Nơi nhận"): a setting an admin edits, one
recipient a line, seeded with the bodies as they are after the 2025 reorganisation.

- Foreign information moved with the press from the Ministry of Information and
  Communications to the Ministry of Culture, Sports and Tourism (Bộ TT&TT merged into Bộ
  KH&CN from 01/3/2025); there the Cục Thông tin cơ sở và Thông tin đối ngoại holds it
  (Quyết định 637/QĐ-BVHTTDL, 11/3/2025, as reported by the ministry's press).
- The provincial party committee's propaganda and mass mobilisation boards merged into one
  Ban Tuyên giáo và Dân vận Tỉnh ủy (Kết luận 121-KL/TW, 24/01/2025; provinces' decisions
  from 02–03/2025). Quảng Ngãi's own decision was not read: unconfirmed.
- The district level ended on 01/7/2025: its people's committees gave way to the communes.
"""

from app.settings import get_setting, set_setting

RECIPIENTS = "plan.report_recipients"
DEFAULT_RECIPIENTS = (
    "UBND tỉnh (để báo cáo)",
    "Bộ Văn hóa, Thể thao và Du lịch (Cục Thông tin cơ sở và Thông tin đối ngoại)",
    "Ban Tuyên giáo và Dân vận Tỉnh ủy",
    "Các sở, ban, ngành; UBND các xã, phường, đặc khu",
)
ARCHIVE = "Lưu: VT"


def lines_of(text: str) -> list[str]:
    """The recipients a text names, one a line, blank lines and bullets dropped."""
    return [line.strip().lstrip("-").strip().rstrip(";").strip() for line in text.splitlines()
            if line.strip().lstrip("-").strip()]


def recipients() -> list[str]:
    saved = get_setting(RECIPIENTS)
    return lines_of(saved) if saved is not None else list(DEFAULT_RECIPIENTS)


def save(text: str) -> None:
    """Stage the admin's list; a blank one brings back the list as seeded."""
    set_setting(RECIPIENTS, "\n".join(lines_of(text) or DEFAULT_RECIPIENTS))
