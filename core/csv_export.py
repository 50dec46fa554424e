"""CSV files people open in a spreadsheet: every export writes its rows through `csv_writer`.

A spreadsheet reads a cell that starts with "=", "+", "-" or "@" (or a tab or carriage return before one)
as a formula, so a title like `=HYPERLINK("http://…","Klik")` typed on the site would run on the computer of
whoever opens the export. Such text cells get a leading apostrophe, which spreadsheets show as text and
hide (OWASP's advice for CSV injection). Real numbers stay numbers, negative ones too: only text is
changed, and text that is nothing but a plain number ("-3", "+31.5") is left alone, since it cannot be a
formula.

A large export is streamed (`csv_response`): the rows come from an iterator and go out in pieces, so
memory stays that of one piece, and the first bytes leave before the last row is read.
"""

import csv
import re
from decimal import Decimal

from django.http import StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def spreadsheet_cell(value):
    """`value` as it may go into a CSV cell: numbers and None as they are, text defused."""
    if value is None or isinstance(value, int | float | Decimal):  # bool is an int
        return value
    text = str(value)  # lazy translations, dates and the like are written as their text anyway
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


class _SpreadsheetWriter:
    def __init__(self, stream, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self._writer.writerow([spreadsheet_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(stream, **options):
    """A `csv.writer` for `stream` (an HttpResponse, a file) whose cells pass `spreadsheet_cell`."""
    return _SpreadsheetWriter(stream, **options)


class _Pieces:
    """A file-like target for `csv.writer` that keeps what it is given until it is taken."""

    def __init__(self):
        self._parts = []

    def write(self, text):
        self._parts.append(text)

    def take(self) -> str:
        text = "".join(self._parts)
        self._parts.clear()
        return text


def csv_pieces(header, rows, *, rows_per_piece=500):
    """`header` and then each row of the iterable `rows` as CSV text, in pieces of `rows_per_piece`
    rows: the header comes at once, and no more than one piece is ever held."""
    pieces = _Pieces()
    writer = csv_writer(pieces)
    writer.writerow(header)
    yield pieces.take()
    for number, row in enumerate(rows, start=1):
        writer.writerow(row)
        if number % rows_per_piece == 0:
            yield pieces.take()
    if rest := pieces.take():
        yield rest


def csv_response(filename, header, rows) -> StreamingHttpResponse:
    """A streamed CSV attachment named `filename`: `rows` is read while the response is sent."""
    response = StreamingHttpResponse(csv_pieces(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
