"""A period of more than three years counts per year: a chart or table over eight years has eight columns,
not 96 months or 32 quarters, and the all-time page stays short. Three years or less keep their months and
quarters."""

import pytest

from initiatives.choices import LogKind
from tests.dashboard.helpers import CSV, INDEX, backdate, figure, local
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory

pytestmark = pytest.mark.django_db

OVER_TIME = "initiatives_over_time"
YEARLY = ["log_entries_by_kind", "responsiveness", "municipal_role", "analyses_published"]


@pytest.fixture
def eight_years():
    """Published initiatives from 2018 until now (mid-June 2025), with a log entry each."""
    for year in (2018, 2018, 2020, 2023, 2025):
        initiative = InitiativeFactory(published_at=local(year, 3, 10))
        backdate(initiative, created_at=local(year, 3, 1))
        LogEntryFactory(initiative=initiative, kind=LogKind.UPDATE, happened_on=local(year, 3, 20).date())


def test_all_time_over_more_than_three_years_counts_per_year(eight_years):
    years = [str(year) for year in range(2018, 2026)]

    over_time = figure(OVER_TIME, {"periode": "alles"})
    assert over_time.categories == years
    assert over_time.series[1].values == [2, 0, 1, 0, 0, 1, 0, 1]  # published
    for key in YEARLY:
        assert figure(key, {"periode": "alles"}).categories == years, key
    [updates] = [
        row for row in figure("log_entries_by_kind", {"periode": "alles"}).series if row.name == "update"
    ]
    assert updates.values == [2, 0, 1, 0, 0, 1, 0, 1]


def test_three_years_keep_their_months_and_quarters(eight_years):
    params = {"periode": "eigen", "van": "2022-07-01", "tot": "2025-06-30"}

    assert len(figure(OVER_TIME, params).categories) == 36
    assert figure("log_entries_by_kind", params).categories[:2] == ["K3 2022", "K4 2022"]  # Dutch: kwartaal


def test_a_custom_period_of_more_than_three_years_counts_per_year(eight_years):
    params = {"periode": "eigen", "van": "2019-06-15", "tot": "2025-06-14"}

    result = figure(OVER_TIME, params)

    assert result.categories == [str(year) for year in range(2019, 2026)]
    assert result.series[1].values == [0, 1, 0, 0, 1, 0, 1]


def test_the_page_and_the_csv_say_years(council_client, eight_years):
    page = council_client.get(INDEX, {"periode": "alles"}).content.decode()
    csv = b"".join(council_client.get(CSV, {"periode": "alles"}).streaming_content).decode()

    assert "K1 2018" not in page and ">2018<" in page
    assert ",2018," in csv
