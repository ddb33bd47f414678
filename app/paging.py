"""Bounds of what a request may ask a query for. A page number or a row id is a number the
visitor types: past the database's 64-bit integers it would fail in the query (a 500 on
PostgreSQL, an OverflowError on SQLite); here it is a page past the last, or no row."""

MAX_PAGE = 100_000  # far past any list's last page; OFFSET stays a small number
MAX_ROW_ID = 2**63 - 1  # PostgreSQL's bigint, SQLite's INTEGER


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
