"""How much the scale data set makes (demo/scale/plan.py): the issue's ratios, at any size."""

from random import Random

import pytest

from demo.scale.plan import Plan, apportion, heavy_tailed


def test_a_hundred_thousand_initiatives_bring_the_ratios_of_the_issue():
    plan = Plan.for_initiatives(100_000)

    assert (plan.users, plan.log_entries, plan.comments, plan.supports) == (
        50_000,
        500_000,
        500_000,
        1_000_000,
    )
    assert plan.residents + plan.staff == plan.users


def test_a_smaller_run_scales_every_kind_by_the_same_factor():
    plan = Plan.for_initiatives(1000)

    assert (plan.users, plan.log_entries, plan.supports, plan.follows) == (500, 5000, 10_000, 2000)


def test_a_tiny_run_still_has_every_kind():
    plan = Plan.for_initiatives(1)

    assert plan.articles >= 10 and plan.case_analyses >= 1 and plan.lab_sessions >= 2 and plan.signals >= 5
    assert min(plan.civil_servants, plan.editors, plan.council, plan.ombuds) >= 1
    assert plan.busy == 1


def test_no_initiatives_is_refused():
    with pytest.raises(ValueError):
        Plan.for_initiatives(0)


def test_apportion_adds_up_to_the_total_in_proportion():
    counts = apportion(10, [1, 1, 2])
    assert sum(counts) == 10 and counts[2] == 5
    assert apportion(100, [1, 3]) == [25, 75]
    assert apportion(0, [1, 2]) == [0, 0]
    assert apportion(5, []) == []


def test_apportion_gives_what_a_full_row_cannot_take_to_the_others():
    counts = apportion(30, [10, 1, 1], cap=12)

    assert counts[0] == 12 and sum(counts) == 30 and max(counts) <= 12


def test_apportion_stops_at_the_cap_when_every_row_is_full():
    assert apportion(50, [1, 1], cap=10) == [10, 10]


def test_heavy_tailed_weights_have_a_long_tail():
    weights = heavy_tailed(Random(1), 10_000)

    assert min(weights) >= 1 and max(weights) > 10 * sorted(weights)[5000]
