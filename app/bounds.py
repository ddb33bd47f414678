"""Bounds of the numbers and dates a request may bring. A page number, a row id or a year is a
number the visitor types: past the database's integers it would fail in the query (a
500 on PostgreSQL, an OverflowError on SQLite), and a day of year 1 or 9999 overflows as
soon as a day is added to it. Here they are a page past the last, no row, no year."""

# Dates people mean: a year typed as 0025 or 20255 is a slip, and far years break sorting,
# reports, the database, and every deadline counted from them.
FIRST_YEAR, LAST_YEAR = 1900, 2100

MAX_PAGE = 100_000  # far past any list's last page; OFFSET stays a small number
MAX_ROW_ID = 2**31 - 1  # the id columns are INTEGER: PostgreSQL's are 32-bit


def page_number(value) -> int:
    """`value` as a page from 1 to MAX_PAGE (a page past the last is empty, not an error)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


def requested_page(args) -> int:
    """The ?page= of query arguments `args`: 1 when absent or not a whole number."""
    text = (args.get("page") or "").strip()
    return page_number(text) if text.isascii() and text.isdigit() else 1


def row_id(value) -> int | None:
    """`value` (text or a number) as a row id the database can hold, else None."""
    text = str(value if value is not None else "").strip()
    if not text.isascii() or not text.isdigit():
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ROW_ID else None


def year(value) -> int | None:
    """`value` as a year from FIRST_YEAR to LAST_YEAR, else None: for `type=` of
    request.args.get."""
    text = str(value if value is not None else "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 4:
        return None
    number = int(text)
    return number if FIRST_YEAR <= number <= LAST_YEAR else None


def a_day_people_mean(day) -> bool:
    """Whether the date `day` lies in the years FIRST_YEAR to LAST_YEAR."""
    return FIRST_YEAR <= day.year <= LAST_YEAR
