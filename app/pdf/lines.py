"""Where a heading breaks: an agency's name or a document's summary set on as few centred lines
as fit, balanced, and broken where its meaning breaks. A Vietnamese word may be several
syllables ("TRUYỀN THÔNG"), so a break at any space can split a word; the breaks tried first are
those the meaning gives: after a comma, around "và", after the kind of body ("ỦY BAN NHÂN DÂN /
TỈNH QUẢNG NGÃI"), before a place. Only when no such break fits is any space taken. A caller
who knows better sets the breaks with new lines."""

from collections.abc import Callable
from itertools import combinations

HEADS = ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "BAN QUẢN LÝ", "BỘ CHỈ HUY", "VĂN PHÒNG",
         "THƯỜNG TRỰC", "THANH TRA", "TRUNG TÂM", "CHI CỤC", "SỞ", "BAN", "BỘ", "CỤC", "PHÒNG",
         "UBND", "HĐND")  # kinds of body: a name may break after the first, before the others
PLACES = ("TỈNH", "THÀNH PHỐ", "THỊ XÃ", "XÃ", "PHƯỜNG", "ĐẶC KHU", "HUYỆN", "QUẬN")
JOINS = ("VÀ", "-", "–")
# Words of agencies' names, never split even where nothing better fits.
WORDS = frozenset("""
ỦY BAN|NHÂN DÂN|HỘI ĐỒNG|MẶT TRẬN|TỔ QUỐC|VIỆT NAM|QUẢNG NGÃI|KON TUM|LÝ SƠN|DUNG QUẤT|
THÔNG TIN|TRUYỀN THÔNG|TRUYỀN HÌNH|PHÁT THANH|BÁO CHÍ|XUẤT BẢN|ĐỐI NGOẠI|NGOẠI VỤ|
KHOA HỌC|CÔNG NGHỆ|CÔNG NGHIỆP|CÔNG THƯƠNG|THƯƠNG MẠI|XÚC TIẾN|ĐẦU TƯ|KẾ HOẠCH|KINH TẾ|
QUẢN LÝ|DU LỊCH|VĂN HÓA|THỂ THAO|GIÁO DỤC|ĐÀO TẠO|Y TẾ|TÀI CHÍNH|NỘI VỤ|TƯ PHÁP|XÂY DỰNG|
NÔNG NGHIỆP|NÔNG THÔN|PHÁT TRIỂN|MÔI TRƯỜNG|TÀI NGUYÊN|GIAO THÔNG|VẬN TẢI|DÂN TỘC|TÔN GIÁO|
LAO ĐỘNG|THƯƠNG BINH|XÃ HỘI|THANH TRA|VĂN PHÒNG|TRUNG TÂM|CHI CỤC|CÔNG AN|QUÂN SỰ|BIÊN PHÒNG|
BỘ ĐỘI|CHỈ HUY|THƯỜNG TRỰC|NGÂN HÀNG|NHÀ NƯỚC|KHO BẠC|HẢI QUAN|THÀNH PHỐ|THỊ XÃ|ĐẶC KHU|
TUYÊN GIÁO|DÂN VẬN|TỈNH ỦY|THANH NIÊN|PHỤ NỮ|NÔNG DÂN|CỰU CHIẾN BINH|LIÊN ĐOÀN|
KHU KINH TẾ|KHU CÔNG NGHIỆP|CHỦ TỊCH|GIÁM ĐỐC|
""".replace("\n", "").strip("|").split("|"))
MAX_LINES = 4


def meaningful_breaks(words: list[str]) -> set[int]:
    """Positions k where a break between words[k-1] and words[k] follows the meaning."""
    upper = [word.upper() for word in words]

    def starts(k: int, phrase: str) -> bool:
        return upper[k:k + len(phrase.split())] == phrase.split()

    found = set()
    for k in range(1, len(words)):
        before, after = upper[k - 1], upper[k]
        if before.endswith((",", ";")) or before in JOINS or after in JOINS:
            found.add(k)
        if any(starts(k, phrase) for phrase in PLACES + HEADS):
            found.add(k)
    head = next((head for head in HEADS if starts(0, head)), None)
    if head and len(head.split()) < len(words):
        found.add(len(head.split()))
    return found - inside_words(words)


def inside_words(words: list[str]) -> set[int]:
    """Positions that would split a word of WORDS."""
    upper = [word.upper().strip(",;") for word in words]
    inside = set()
    for word in WORDS:
        size = len(word.split())
        for start in range(len(words) - size + 1):
            if " ".join(upper[start:start + size]) == word:
                inside.update(range(start + 1, start + size))
    return inside


def balanced_lines(text: str, max_width: float, measure: Callable[[str], float]) -> list[str]:
    """The text's lines, each at most `max_width` as `measure` reads it where it can be."""
    lines: list[str] = []
    for given in text.splitlines():
        if words := given.split():
            lines += _split(words, max_width, measure)
    return lines


def _split(words: list[str], max_width: float, measure) -> list[str]:
    whole = " ".join(words)
    if measure(whole) <= max_width:
        return [whole]
    anywhere = set(range(1, len(words)))
    tiers = (meaningful_breaks(words), anywhere - inside_words(words), anywhere)
    for allowed in map(sorted, tiers):
        for count in range(1, min(MAX_LINES, len(words))):
            best: tuple[tuple[float, float], list[str]] | None = None
            for cuts in combinations(allowed, count):
                bounds = zip((0, *cuts), (*cuts, len(words)), strict=True)
                lines = [" ".join(words[start:end]) for start, end in bounds]
                widths = [measure(line) for line in lines]
                balance = (max(widths), max(widths) - min(widths))  # narrow, then even
                if balance[0] <= max_width and (best is None or balance < best[0]):
                    best = (balance, lines)
            if best:
                return best[1]
    return [whole]  # a single word wider than the column: it runs over rather than vanish
