"""CSV files people open in a spreadsheet: every export writes its rows through `csv_writer`.

A spreadsheet reads a cell that starts with "=", "+", "-" or "@" (or a tab or carriage return before one)
as a formula, so a title like `=HYPERLINK("http://…","Klik")` typed on the site would run on the computer of
whoever opens the export. Such text cells get a leading apostrophe, which spreadsheets show as text and
hide (OWASP's advice for CSV injection). Real numbers stay numbers, negative ones too: only text is
changed, and text that is nothing but a plain number ("-3", "+31.5") is left alone, since it cannot be a
formula.
"""

import csv
import re
from decimal import Decimal

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
