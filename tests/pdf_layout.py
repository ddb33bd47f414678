"""An official PDF's geometry read back with pdfplumber, and the checks of the layout Nghị định
30/2020/NĐ-CP, Phụ lục I sets: where each element stands, in what size and face. Each check
names the part of Phụ lục I it holds; `check_phu_luc_i` runs them all on any official PDF the
app produces."""

import io
from dataclasses import dataclass

import pdfplumber
from pypdf import PdfReader

from app.pdf.lines import inside_words

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM
LEFT, RIGHT, TOP, BOTTOM = 30 * MM, 15 * MM, 20 * MM, 20 * MM  # as rendered; checked in ranges
TEXT_CENTRE = LEFT + (PAGE_WIDTH - LEFT - RIGHT) / 2
EPSILON = 0.6  # points: rounding in the PDF's numbers, not a tolerance of the rule


@dataclass
class Text:
    """A run of characters on one line: its text, box and characters."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    chars: list

    @classmethod
    def of(cls, chars: list) -> "Text":
        chars = sorted(chars, key=lambda c: c["x0"])
        return cls("".join(c["text"] for c in chars).strip(), min(c["x0"] for c in chars),
                   max(c["x1"] for c in chars), min(c["top"] for c in chars),
                   max(c["bottom"] for c in chars), chars)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def baseline(self) -> float:
        """Distance of the baseline from the page's top."""
        return PAGE_HEIGHT - self.chars[0]["matrix"][5]

    @property
    def sizes(self) -> set[float]:
        return {round(c["size"], 2) for c in self.chars if c["text"].strip()}

    @property
    def faces(self) -> set[str]:
        """"Regular", "Bold", "Italic" or "BoldItalic" of each visible character."""
        return {(c["fontname"].split("+")[-1].partition("-")[2] or "Regular")
                for c in self.chars if c["text"].strip()}


def pages(pdf: bytes) -> list:
    return pdfplumber.open(io.BytesIO(pdf)).pages


def find(page, text: str) -> Text:
    [match, *_] = page.search(text, regex=False) or [None]
    assert match, f"{text!r} is not on page {page.page_number}"
    return Text.of(match["chars"])


def text_lines(page, x0=0.0, x1=PAGE_WIDTH, top=0.0, bottom=PAGE_HEIGHT) -> list[Text]:
    """The lines of text inside a box, top to bottom, by their baselines."""
    rows: dict[float, list] = {}
    for char in page.chars:
        inside = x0 <= char["x0"] and char["x1"] <= x1
        if inside and top <= char["top"] and char["bottom"] <= bottom:
            rows.setdefault(round(char["matrix"][5], 1), []).append(char)
    return [Text.of(chars) for _, chars in sorted(rows.items(), reverse=True)
            if "".join(c["text"] for c in chars).strip()]


def rule_under(page, text: Text, within: float = 8) -> dict:
    """The horizontal line drawn just under `text`."""
    found = [line for line in page.lines if text.bottom - 1 <= line["top"] <= text.bottom + within
             and line["x0"] < text.x1 and line["x1"] > text.x0]
    assert len(found) == 1, f"one rule under {text.text!r}, found {len(found)}"
    return found[0]


def in_range(value: float, low: float, high: float) -> bool:
    return low - 0.01 <= value <= high + 0.01


# --- the checks -------------------------------------------------------------------------------

def check_font(pdf: bytes) -> None:
    """Phụ lục I, Phần I, mục I.4: Times New Roman, Unicode (TCVN 6909:2001), black. Every
    character is set in the embedded Liberation Serif (Times New Roman's metrics), in black."""
    used = set()
    for page in pages(pdf):
        for char in page.chars:
            assert char["fontname"].split("+")[-1].startswith("LiberationSerif"), char
            assert not any(char["non_stroking_color"] or ()), char
            used.add(char["fontname"])
    embedded = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts") or [font]
            descriptor = descendants[0].get_object().get("/FontDescriptor")
            if descriptor and "/FontFile2" in descriptor.get_object():
                embedded.add(str(font["/BaseFont"]).lstrip("/"))
    assert used <= embedded, used - embedded


def check_margins(pdf: bytes) -> None:
    """Phụ lục I, Phần I, mục I.3: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm. No
    text or line crosses into a margin (but the page number, which sits in the top one), and
    the text reaches the left and right margins and the top of the first page."""
    lefts, rights = [], []
    for page in pages(pdf):
        body = [c for c in page.chars if c["bottom"] > TOP]
        for item in body + page.lines:
            assert item["x0"] >= 30 * MM - EPSILON and item["x1"] <= PAGE_WIDTH - 15 * MM + EPSILON
            assert item["top"] >= 20 * MM - EPSILON
            assert item["bottom"] <= PAGE_HEIGHT - 20 * MM + EPSILON  # a table at the foot
        lefts.append(min(c["x0"] for c in body))
        rights.append(PAGE_WIDTH - max(c["x1"] for c in body))
    assert in_range(min(lefts) / MM, 30, 35), min(lefts) / MM
    assert in_range(min(rights) / MM, 15, 20), min(rights) / MM
    assert in_range(min(c["top"] for c in pages(pdf)[0].chars) / MM, 20, 25)


def check_page_numbers(pdf: bytes) -> None:
    """Phụ lục I, Phần I, mục I.6: pages numbered from 1 in arabic numerals, 13-14 pt, upright,
    centred horizontally in the top margin; the first page's number not shown."""
    for number, page in enumerate(pages(pdf), start=1):
        in_margin = [c for c in page.chars if c["bottom"] <= TOP]
        if number == 1:
            assert in_margin == [], "no number on the first page"
            continue
        shown = Text.of(in_margin)
        assert shown.text == str(number)
        assert all(in_range(size, 13, 14) for size in shown.sizes) and shown.faces == {"Regular"}
        assert abs(shown.centre - TEXT_CENTRE) <= EPSILON


def check_national_title(pdf: bytes) -> None:
    """Phụ lục I, Phần II, mục 1: the national title in capitals, 12-13 pt, upright, bold; the
    motto below it, centred, 13-14 pt, upright, bold, with a solid rule under it as long as
    the motto's line and centred on it."""
    page = pages(pdf)[0]
    title = find(page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto = find(page, "Độc lập - Tự do - Hạnh phúc")
    assert len(title.sizes) == 1 and in_range(title.sizes.pop(), 12, 13) and title.faces == {"Bold"}
    assert len(motto.sizes) == 1 and in_range(motto.sizes.pop(), 13, 14) and motto.faces == {"Bold"}
    assert motto.top > title.bottom - 1 and abs(motto.centre - title.centre) <= EPSILON
    rule = rule_under(page, motto)
    assert abs(rule["x0"] - motto.x0) <= EPSILON and abs(rule["x1"] - motto.x1) <= EPSILON


def issuing_body(pdf: bytes) -> tuple[list[Text], list[Text]]:
    """The parent body's lines and the issuing body's, left of the national title."""
    page = pages(pdf)[0]
    title, number = find(page, "CỘNG HÒA"), find(page, "Số:")
    lines = text_lines(page, x1=title.x0 - 1, bottom=number.top - 1)
    parent = [line for line in lines if line.faces == {"Regular"}]
    return parent, [line for line in lines if line.faces == {"Bold"}]


def check_issuing_body(pdf: bytes) -> None:
    """Phụ lục I, Phần II, mục 2: the parent body in capitals, 12-13 pt, upright; the issuing
    body under it, centred, in capitals, 12-13 pt, upright, bold, with a solid rule under it of
    1/3 to 1/2 of its line, centred on it. A long name runs on several lines, never broken
    inside a word."""
    page = pages(pdf)[0]
    parent, issuer = issuing_body(pdf)
    assert parent and issuer
    for line in parent + issuer:
        assert line.text == line.text.upper() and all(in_range(s, 12, 13) for s in line.sizes)
        assert abs(line.centre - issuer[0].centre) <= EPSILON
    words = " ".join(line.text for line in issuer).split()
    breaks, seen = set(), 0
    for line in issuer[:-1]:
        seen += len(line.text.split())
        breaks.add(seen)
    assert not breaks & inside_words(words), [line.text for line in issuer]
    rule = rule_under(page, issuer[-1])
    widest = max(line.width for line in issuer)
    assert in_range((rule["x1"] - rule["x0"]) / widest, 1 / 3, 1 / 2)
    assert abs((rule["x0"] + rule["x1"]) / 2 - issuer[0].centre) <= EPSILON


def check_number_and_date(pdf: bytes) -> None:
    """Phụ lục I, Phần II, mục 3 and 4: "Số:" centred under the issuing body, 13 pt, upright;
    the place and date centred under the motto, 13-14 pt, italic."""
    page = pages(pdf)[0]
    _, issuer = issuing_body(pdf)
    split = find(page, "CỘNG HÒA").x0 - 1
    [number] = [line for line in text_lines(page, x1=split) if line.text.startswith("Số:")]
    assert number.sizes == {13.0} and number.faces == {"Regular"}
    assert abs(number.centre - issuer[0].centre) <= EPSILON
    [day] = [line for line in text_lines(page, x0=split, top=number.top - 6,
                                         bottom=number.bottom + 6) if " ngày " in line.text]
    assert day.faces == {"Italic"} and all(in_range(s, 13, 14) for s in day.sizes)
    assert abs(day.centre - find(page, "Độc lập - Tự do - Hạnh phúc").centre) <= EPSILON


def check_title(pdf: bytes, kind: str) -> None:
    """Phụ lục I, Phần II, mục 5: the kind of document centred, in capitals, 13-14 pt, upright,
    bold; the summary right under it, centred, 13-14 pt, upright, bold, with a solid rule under
    it of 1/3 to 1/2 of its line, centred on it."""
    page = pages(pdf)[0]
    heading = [line for line in text_lines(page) if line.text == kind.upper()]
    assert len(heading) == 1, kind
    heading = heading[0]
    rule = next(line for line in sorted(page.lines, key=lambda x: x["top"])
                if line["top"] > heading.bottom)
    summary = text_lines(page, top=heading.bottom - 0.5, bottom=rule["top"] + 0.5)
    assert summary
    for line in [heading, *summary]:
        assert line.faces == {"Bold"} and all(in_range(s, 13, 14) for s in line.sizes)
        assert abs(line.centre - TEXT_CENTRE) <= EPSILON
    assert in_range((rule["x1"] - rule["x0"]) / max(line.width for line in summary), 1 / 3, 1 / 2)
    assert abs((rule["x0"] + rule["x1"]) / 2 - TEXT_CENTRE) <= EPSILON


def check_paragraphs(pdf: bytes) -> None:
    """Phụ lục I, Phần II, mục 6: the body 13-14 pt, its paragraphs' first line indented 1 to
    1.27 cm, at least 6 pt between paragraphs, lines between single and 1.5 line spacing."""
    pairs = []  # consecutive lines of body text, page by page
    for page in pages(pdf):
        lines = text_lines(page, top=TOP)
        body = [line.faces == {"Regular"} and all(in_range(s, 13, 14) for s in line.sizes)
                for line in lines]
        pairs += [(a, b) for (a, a_body), (b, b_body)
                  in zip(zip(lines, body, strict=True), zip(lines[1:], body[1:], strict=True),
                         strict=False) if a_body and b_body]
    assert pairs, "body text found"
    pitch = min(b.baseline - a.baseline for a, b in pairs)
    size = max(pairs[0][0].sizes)
    assert in_range(pitch / size, 1.15, 1.725), pitch
    starts = [(a, b) for a, b in pairs if in_range((b.x0 - LEFT) / MM, 10, 12.7)]
    assert starts, "paragraphs found"
    for before, after in starts:
        assert after.baseline - before.baseline >= pitch + 6 - 0.01, after.text


def check_closing(pdf: bytes) -> None:
    """Phụ lục I, Phần II, mục 7 and 9: "Nơi nhận:" 12 pt, bold italic, level with the signer's
    authority; each recipient 11 pt, upright, after a dash and ending with a semicolon; the
    last line "- Lưu: VT, <drafting unit>." ending with a full stop; the authority in capitals,
    13-14 pt, bold; the signer's name 13-14 pt, bold, centred under it."""
    page = pages(pdf)[-1]
    heading = find(page, "Nơi nhận:")
    assert heading.sizes == {12.0} and heading.faces == {"BoldItalic"}
    entries: list[str] = []
    for line in text_lines(page, x1=TEXT_CENTRE - 20, top=heading.bottom):
        assert line.sizes == {11.0} and line.faces == {"Regular"}, line.text
        if line.text.startswith("- "):
            entries.append(line.text)
        else:
            entries[-1] += " " + line.text
    assert entries and all(entry.endswith(";") for entry in entries[:-1]), entries
    assert entries[-1].startswith("- Lưu: VT") and entries[-1].endswith("."), entries[-1]
    signature = text_lines(page, x0=TEXT_CENTRE - 15, top=heading.top - 4)
    assert len(signature) >= 2
    assert abs(signature[0].baseline - heading.baseline) <= 1
    *authority, name = signature
    for line in authority:
        assert line.text == line.text.upper()
    for line in signature:
        assert line.faces == {"Bold"} and all(in_range(s, 13, 14) for s in line.sizes)
        assert abs(line.centre - signature[0].centre) <= EPSILON


def check_phu_luc_i(pdf: bytes, kind: str) -> None:
    """Every check above, on one official PDF."""
    for check in (check_font, check_margins, check_page_numbers, check_national_title,
                  check_issuing_body, check_number_and_date, check_paragraphs, check_closing):
        check(pdf)
    check_title(pdf, kind)
