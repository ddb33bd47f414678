"""The Bằng khen / Giấy khen per awardee: the full artwork, and the text alone placed on the
pre-printed blank (phôi), moved by the offsets an admin sets (modules/awards/print_settings).
Sizes and lines follow the pattern read in Nghị định 50/2006/NĐ-CP Đ.28 (superseded; the
pattern in force was not found: unconfirmed)."""

import io

import pdfplumber
import pytest
from flask_babel import force_locale

from app.extensions import db
from modules.awards import print_settings
from modules.awards.certificate_pdf import ARTWORK, BLANK, INNER, render
from tests.awards.papers import certificate
from tests.conftest import pdf_text

MM = 72 / 25.4
FIXED = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
         "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "TẶNG", "BẰNG KHEN")
VARYING = ("Bà Nguyễn Thị Ánh Tuyết", "Chuyên viên Phòng Văn hóa - Xã hội",
           "Ủy ban nhân dân Phường Trương Quang Trọng",
           "Đã có thành tích xuất sắc trong công tác thông tin đối ngoại năm 2025",
           "Quyết định số 123/QĐ-UBND", "ngày 15/12/2025", "Số sổ vàng: 0042",
           "Quảng Ngãi, ngày 15 tháng 12 năm 2025", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
           "Lê Văn Minh")


def read(pdf: bytes):
    return pdfplumber.open(io.BytesIO(pdf)).pages


def chars(page) -> list[tuple[str, float, float]]:
    return [(c["text"], c["x0"], c["top"]) for c in page.chars if c["text"].strip()]


def test_the_artwork_carries_every_line_in_vietnamese():
    pdf = render([certificate()], ARTWORK)
    text = pdf_text(pdf)
    for expected in FIXED + VARYING:
        assert expected in text, expected
    for letter in ["ễ", "Ánh", "ư", "ơ", "Ủ", "ạ", "đ"]:
        assert letter in text


def test_a_bang_khen_is_400_by_300_mm_and_a_giay_khen_a4_landscape():
    """NĐ 50/2006/NĐ-CP Đ.28 (as read; superseded): 400 × 300 mm, the frame's inner line
    320 × 230 mm. Giấy khen: no size found, A4 landscape."""
    [bang, giay] = read(render([certificate(), certificate(form_title="Giấy khen")]))
    assert (round(bang.width / MM), round(bang.height / MM)) == (400, 300)
    assert (round(giay.width / MM), round(giay.height / MM)) == (297, 210)
    inner = [r for r in bang.rects if round(r["width"] / MM) == 320]
    assert inner and round(inner[0]["height"] / MM) == 230
    assert "GIẤY KHEN" in giay.extract_text()


def test_the_authority_and_the_form_are_red_the_rest_black():
    [page] = read(render([certificate()]))
    red = [c for c in page.chars if c["text"].strip() and any(c["non_stroking_color"] or ())]
    assert "".join(c["text"] for c in red).replace(" ", "") == \
        "CHỦTỊCHỦYBANNHÂNDÂNTỈNHQUẢNGNGÃIBẰNGKHEN"


def test_every_line_stays_inside_the_frame():
    """A long name and achievement wrap inside the frame's inner line."""
    paper = certificate(
        recipient="Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi",
        achievement="Đã có thành tích xuất sắc trong tổ chức các hoạt động thông tin đối ngoại, "
                    "quảng bá hình ảnh, tiềm năng, cơ hội đầu tư của tỉnh Quảng Ngãi với bạn bè "
                    "quốc tế, góp phần thu hút đầu tư nước ngoài giai đoạn 2021-2025")
    [page] = read(render([paper]))
    inside = [c for c in page.chars if c["text"].strip()]
    assert min(c["x0"] for c in inside) > INNER[0] / 1 + 5 * MM
    assert max(c["x1"] for c in inside) < page.width - INNER[0] - 5 * MM
    assert max(c["bottom"] for c in inside) < page.height - INNER[1]
    assert "cơ hội đầu tư" in pdf_text(render([paper]))


def test_the_blank_gets_only_what_varies_where_the_artwork_puts_it():
    """The pre-printed blank carries the frame, the national title, the authority, "Tặng"
    and the form: the blank layout prints none of them and draws nothing, and each varying
    line lands exactly where the artwork has it."""
    artwork, blank = read(render([certificate()]))[0], read(render([certificate()], BLANK))[0]
    text = pdf_text(render([certificate()], BLANK))
    assert all(line not in text for line in FIXED)
    assert all(line in text for line in VARYING)
    assert blank.rects == [] and blank.lines == [] and blank.curves == []
    assert set(chars(blank)) <= set(chars(artwork))
    only_artwork = [c for c in chars(artwork) if c not in set(chars(blank))]
    assert len(only_artwork) == len("".join(FIXED).replace(" ", ""))


@pytest.mark.parametrize("offset", [(5.0, 3.0), (-2.5, -1.5), (0.0, 12.0)])
def test_the_blank_layout_moves_every_line_by_the_offsets(offset):
    """Positive x moves the text right, positive y down, by exactly that many millimetres."""
    base = chars(read(render([certificate()], BLANK))[0])
    moved = chars(read(render([certificate()], BLANK, offset))[0])
    assert len(moved) == len(base) > 100
    for (text, x, top), (moved_text, moved_x, moved_top) in zip(base, moved, strict=True):
        assert moved_text == text
        assert moved_x - x == pytest.approx(offset[0] * MM, abs=0.01)
        assert moved_top - top == pytest.approx(offset[1] * MM, abs=0.01)


def test_the_artwork_ignores_the_offsets():
    assert chars(read(render([certificate()], ARTWORK, (5, 5)))[0]) == \
        chars(read(render([certificate()], ARTWORK))[0])


def test_one_page_per_awardee_and_nonsense_refused():
    papers = [certificate(recipient=f"Ông Nguyễn Văn Ẩn {n}") for n in range(3)]
    pdf = render(papers, BLANK)
    assert [page.extract_text().count("Ông Nguyễn Văn Ẩn") for page in read(pdf)] == [1, 1, 1]
    with pytest.raises(ValueError):
        render(papers, "poster")
    with pytest.raises(ValueError):
        render([], BLANK)


@pytest.mark.parametrize(("typed", "expected"), [("1,5", 1.5), ("-2", -2.0), (" 0.5 ", 0.5),
                                                 ("30", 30.0)])
def test_an_admin_types_an_offset(typed, expected):
    assert print_settings.save_offset(print_settings.OFFSET_X, typed) == expected
    print_settings.save_offset(print_settings.OFFSET_Y, "-1")
    db.session.commit()
    assert print_settings.offsets_mm() == (expected, -1.0)


@pytest.mark.parametrize(("typed", "vietnamese"), [
    ("abc", "Nhập độ dịch bằng milimét, ví dụ 1,5 hoặc -2."),
    ("", "Nhập độ dịch bằng milimét, ví dụ 1,5 hoặc -2."),
    ("31", "Độ dịch phải trong khoảng từ -30 đến 30 mm."),
    ("-40", "Độ dịch phải trong khoảng từ -30 đến 30 mm."),
    ("nan", "Độ dịch phải trong khoảng từ -30 đến 30 mm.")])
def test_a_wrong_offset_gets_a_clear_message_and_changes_nothing(app, typed, vietnamese):
    print_settings.save_offset(print_settings.OFFSET_X, "2")
    db.session.commit()
    with pytest.raises(ValueError) as error:
        print_settings.save_offset(print_settings.OFFSET_X, typed)
    with app.test_request_context(), force_locale("vi"):
        assert str(error.value.args[0]) == vietnamese
    assert print_settings.offsets_mm() == (2.0, 0.0)


def test_an_unreadable_stored_offset_prints_at_the_default():
    from app.settings import set_setting
    set_setting(print_settings.OFFSET_Y.key, "lệch")
    db.session.commit()
    assert print_settings.offsets_mm() == (0.0, 0.0)
