"""The agencies and groups that Kế hoạch 116/KH-UBND names, with the names as the plan writes
them (abbreviations spelled out), and the province's district-level committees before the
2025 reorganisation. Codes are stable identifiers that BPMN lanes and settings refer to."""

from app.auth.models import AgencyKind as K

# code, Vietnamese name, English name, kind
AGENCIES = [
    ("UBND_TINH", "Ủy ban nhân dân tỉnh Quảng Ngãi", "Quang Ngai Provincial People's Committee", K.PROVINCIAL_LEADERSHIP),
    ("TINH_UY", "Thường trực Tỉnh ủy", "Standing Committee of the Provincial Party Committee", K.PROVINCIAL_LEADERSHIP),
    ("HDND_TINH", "Thường trực Hội đồng nhân dân tỉnh", "Standing Committee of the Provincial People's Council", K.PROVINCIAL_LEADERSHIP),
    ("BTG_TU", "Ban Tuyên giáo Tỉnh ủy", "Propaganda and Education Commission of the Provincial Party Committee", K.PROVINCIAL_LEADERSHIP),
    ("VP_UBND", "Văn phòng Ủy ban nhân dân tỉnh", "Office of the Provincial People's Committee", K.DEPARTMENT),
    ("STTTT", "Sở Thông tin và Truyền thông", "Department of Information and Communications", K.DEPARTMENT),
    ("STC", "Sở Tài chính", "Department of Finance", K.DEPARTMENT),
    ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội", "Department of Labour, Invalids and Social Affairs", K.DEPARTMENT),
    ("SCT", "Sở Công Thương", "Department of Industry and Trade", K.DEPARTMENT),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism", K.DEPARTMENT),
    ("SNGV", "Sở Ngoại vụ", "Department of Foreign Affairs", K.DEPARTMENT),
    ("SGDDT", "Sở Giáo dục và Đào tạo", "Department of Education and Training", K.DEPARTMENT),
    ("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "Department of Agriculture and Rural Development", K.DEPARTMENT),
    ("SKHDT", "Sở Kế hoạch và Đầu tư", "Department of Planning and Investment", K.DEPARTMENT),
    ("SNV", "Sở Nội vụ", "Department of Home Affairs", K.DEPARTMENT),
    # Departments the plan reaches through "Các sở, ban, ngành" without naming them.
    ("STP", "Sở Tư pháp", "Department of Justice", K.DEPARTMENT),
    ("SYT", "Sở Y tế", "Department of Health", K.DEPARTMENT),
    ("SKHCN", "Sở Khoa học và Công nghệ", "Department of Science and Technology", K.DEPARTMENT),
    ("STNMT", "Sở Tài nguyên và Môi trường", "Department of Natural Resources and Environment", K.DEPARTMENT),
    ("SXD", "Sở Xây dựng", "Department of Construction", K.DEPARTMENT),
    ("SGTVT", "Sở Giao thông vận tải", "Department of Transport", K.DEPARTMENT),
    ("TTRA", "Thanh tra tỉnh", "Provincial Inspectorate", K.DEPARTMENT),
    ("BDT", "Ban Dân tộc tỉnh", "Provincial Ethnic Minorities Committee", K.DEPARTMENT),
    ("CAT", "Công an tỉnh", "Provincial Police", K.POLICE_MILITARY),
    ("BDBP", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Provincial Border Guard Command", K.POLICE_MILITARY),
    ("BAO_QN", "Báo Quảng Ngãi", "Quang Ngai Newspaper", K.PRESS),
    ("DAI_PTTH", "Đài Phát thanh và Truyền hình tỉnh", "Provincial Radio and Television Station", K.PRESS),
    ("CONG_TTDT", "Cổng Thông tin điện tử tỉnh", "Provincial Web Portal", K.PRESS),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Provincial Committee of the Vietnam Fatherland Front", K.ASSOCIATION),
    ("HOI_TNKB", "Hội Thân nhân Kiều bào tỉnh", "Provincial Association of Relatives of Overseas Vietnamese", K.ASSOCIATION),
    ("BTTTT", "Bộ Thông tin và Truyền thông", "Ministry of Information and Communications", K.CENTRAL),
    ("UBND_TP_QNGAI", "UBND thành phố Quảng Ngãi", "Quang Ngai City People's Committee", K.DISTRICT_COMMITTEE),
    ("UBND_TX_DPHO", "UBND thị xã Đức Phổ", "Duc Pho Town People's Committee", K.DISTRICT_COMMITTEE),
    ("UBND_H_BSON", "UBND huyện Bình Sơn", "Binh Son District People's Committee", K.DISTRICT_COMMITTEE),
    ("UBND_H_STINH", "UBND huyện Sơn Tịnh", "Son Tinh District People's Committee", K.DISTRICT_COMMITTEE),
    ("UBND_H_TNGHIA", "UBND huyện Tư Nghĩa", "Tu Nghia District People's Committee", K.DISTRICT_COMMITTEE),
    ("UBND_H_NHANH", "UBND huyện Nghĩa Hành", "Nghia Hanh District People's Committee", K.DISTRICT_COMMITTEE),
    ("UBND_H_MDUC", "UBND huyện Mộ Đức", "Mo Duc District People's Committee", K.DISTRICT_COMMITTEE),
    ("UBND_H_BATO", "UBND huyện Ba Tơ", "Ba To District People's Committee", K.DISTRICT_COMMITTEE),
    ("UBND_H_MLONG", "UBND huyện Minh Long", "Minh Long District People's Committee", K.DISTRICT_COMMITTEE),
    ("UBND_H_SHA", "UBND huyện Sơn Hà", "Son Ha District People's Committee", K.DISTRICT_COMMITTEE),
    ("UBND_H_STAY", "UBND huyện Sơn Tây", "Son Tay District People's Committee", K.DISTRICT_COMMITTEE),
    ("UBND_H_TBONG", "UBND huyện Trà Bồng", "Tra Bong District People's Committee", K.DISTRICT_COMMITTEE),
    ("UBND_H_LSON", "UBND huyện Lý Sơn", "Ly Son District People's Committee", K.DISTRICT_COMMITTEE),
]

# code, Vietnamese name, English name, members: agency codes or kinds (every agency of it)
GROUPS = [
    ("SO_BAN_NGANH", "Các sở, ban, ngành", "Provincial departments and agencies",
     [K.DEPARTMENT, K.POLICE_MILITARY]),
    ("UBND_CAP_HUYEN", "UBND cấp huyện", "District People's Committees", [K.DISTRICT_COMMITTEE]),
    ("CQ_BAO_CHI", "Các cơ quan báo chí", "Press agencies", ["BAO_QN", "DAI_PTTH"]),
    ("UBMTTQ_CAC_CAP", "UBMTTQ VN các cấp", "Vietnam Fatherland Front committees at all levels",
     ["UBMTTQ"]),
    ("HOI_DOAN_THE", "Hội - đoàn thể tỉnh", "Provincial associations and mass organisations",
     ["UBMTTQ", "HOI_TNKB"]),
    ("DON_VI_LIEN_QUAN", "Các đơn vị liên quan", "Related units", []),
]

COORDINATOR_AGENCY_CODE = "STTTT"
HOME_AFFAIRS_AGENCY_CODE = "SNV"
