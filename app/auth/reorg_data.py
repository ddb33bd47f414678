"""The 2025 reorganisation of Quảng Ngãi's agencies, as the seed applies it: the agencies it
made, the day each 2024 agency ended, and who carries which part of its work. Each entry
names where it was read; what could not be read in a text says so ("chưa đối chiếu văn
bản") and stays editable on the agency's admin page."""

from datetime import date

from app.auth.models import AgencyKind as K
from app.auth.successions import COORDINATOR, INSPECTIONS

DEPARTMENTS_END = date(2025, 2, 28)  # the new departments work from 01/3/2025
DISTRICTS_END = date(2025, 6, 30)  # the district level is gone from 01/7/2025
COMMUNES_FROM = date(2025, 7, 1)

# Read in the press (nhandan.vn, 18/02/2025): the provincial Party Committee approved the
# plans to merge the departments; the Provincial People's Council's resolutions themselves
# were not reachable.
_PROVINCE = ("Hội nghị BCH Đảng bộ tỉnh ngày 18/02/2025 thông qua đề án hợp nhất các sở "
             "(nhandan.vn); nghị quyết HĐND tỉnh chưa đối chiếu văn bản")
_TT10 = ("Thông tư 10/2025/TT-BVHTTDL, Điều 1 (hiệu lực 01/7/2025): Sở VHTTDL quản lý nhà "
         "nước về báo chí, xuất bản, thông tin cơ sở và thông tin đối ngoại")
_NQ176 = ("Nghị quyết 176/2025/QH15: hợp nhất Bộ TT&TT vào Bộ KH&CN từ 01/3/2025; báo chí, "
          "thông tin đối ngoại chuyển Bộ VHTTDL (Nghị định 43/2025/NĐ-CP)")
_NQ1677 = ("Nghị quyết 1677/NQ-UBTVQH15 ngày 16/6/2025: 96 đơn vị hành chính cấp xã "
           "của tỉnh Quảng Ngãi từ 01/7/2025; chấm dứt cấp huyện")
UNCONFIRMED = "chưa đối chiếu văn bản"
# Read in the press (baomoi.net.vn, 21/5/2025): the Provincial Party Committee's decision
# merging the radio and television station into Báo Quảng Ngãi, which works as one from
# 19/5/2025; the decision itself was not read.
PRESS_END = date(2025, 5, 18)
_PRESS = ("Quyết định của Tỉnh ủy sáp nhập Đài Phát thanh và Truyền hình tỉnh vào Báo Quảng "
          "Ngãi, hoạt động từ 19/5/2025 (công bố ngày 21/5/2025, baomoi.net.vn); văn bản "
          + UNCONFIRMED)

# code, Vietnamese name, English name, kind, valid from, source
NEW_AGENCIES = [
    ("SNNMT", "Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment",
     K.DEPARTMENT, date(2025, 3, 1), _PROVINCE),
    ("SDTTG", "Sở Dân tộc và Tôn giáo", "Department of Ethnic Minorities and Religion",
     K.DEPARTMENT, date(2025, 3, 1), _PROVINCE),
    ("BTGDV_TU", "Ban Tuyên giáo và Dân vận Tỉnh ủy",
     "Propaganda, Education and Mass Mobilisation Commission of the Provincial Party Committee",
     K.PROVINCIAL_LEADERSHIP, date(2025, 3, 1),
     "Hợp nhất theo Kết luận 121-KL/TW (như các tỉnh Bắc Giang, Tiền Giang); quyết định của "
     "Tỉnh ủy Quảng Ngãi " + UNCONFIRMED),
    ("BKHCN", "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology", K.CENTRAL,
     date(2025, 3, 1), _NQ176),
    ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "Ministry of Culture, Sports and Tourism",
     K.CENTRAL, None, _NQ176),
]

FOREIGN_INFORMATION_ITEMS = ("1.2", "2.3", "3.9", "5.2", "5.4")

# ended agency code, last day, [(scope, value, successor code, source)]; a successor code
# starting with "group:" is a group.
SUCCESSIONS = [
    ("STTTT", DEPARTMENTS_END, [
        *[("item", code, "SVHTTDL", f"{_PROVINCE}; {_TT10}") for code in FOREIGN_INFORMATION_ITEMS],
        ("process", "violation_handling", "SVHTTDL", _TT10),
        # The shipped sample process is the coordinating department's.
        ("process", "demo_report", "SVHTTDL", "quy trình mẫu của cơ quan điều phối"),
        ("duty", INSPECTIONS, "SVHTTDL", _TT10),
        ("duty", COORDINATOR, "SVHTTDL", _TT10),
        ("all", "", "SKHCN", _PROVINCE),
    ]),
    ("SKHDT", DEPARTMENTS_END, [
        ("all", "", "STC", _PROVINCE + "; Trung tâm Xúc tiến đầu tư chuyển về Văn phòng UBND tỉnh"),
    ]),
    # Its duties went to SNV (labour, employment: item 2.2), SGDĐT (vocational education),
    # SYT (children, social protection) and SNNMT (poverty reduction); the plan gives it none
    # of the latter, so one succession carries all its items.
    ("SLDTBXH", DEPARTMENTS_END, [
        ("all", "", "SNV", _PROVINCE + "; giáo dục nghề nghiệp → Sở GDĐT, trẻ em, bảo trợ xã "
         "hội → Sở Y tế, giảm nghèo → Sở NN&MT: Kế hoạch 116 không giao nhiệm vụ thuộc các lĩnh "
         "vực này"),
    ]),
    ("SNNPTNT", DEPARTMENTS_END, [("all", "", "SNNMT", _PROVINCE)]),
    ("STNMT", DEPARTMENTS_END, [("all", "", "SNNMT", _PROVINCE)]),
    ("SGTVT", DEPARTMENTS_END, [("all", "", "SXD", _PROVINCE)]),
    ("BDT", DEPARTMENTS_END, [("all", "", "SDTTG", "Sở Dân tộc và Tôn giáo thành lập trên cơ sở "
                              "Ban Dân tộc (dantri.com.vn, 12/01/2026); " + UNCONFIRMED)]),
    ("BTG_TU", DEPARTMENTS_END, [("all", "", "BTGDV_TU", UNCONFIRMED)]),
    ("DAI_PTTH", PRESS_END, [("all", "", "BAO_QN", _PRESS)]),
    ("BTTTT", DEPARTMENTS_END, [
        ("duty", COORDINATOR, "BVHTTDL", _NQ176),
        ("all", "", "BKHCN", _NQ176),
    ]),
]

DISTRICT_GROUP = "UBND_CAP_HUYEN"
DISTRICT_SOURCE = _NQ1677
