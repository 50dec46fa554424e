"""The management site meets the same WCAG checks as the public site (helpers.AXE_TAGS), for every staff
role: civil servants work in it all day.

One test per role visits every page that role can open (tests/e2e/management.py), after Django's scripts
ran (the filter widget, the search boxes), and lists every violation of every page at once. Reflow at phone
width is left to the public site: the admin's lists are data tables, which WCAG lets scroll sideways.
"""

import re

import pytest
from playwright.sync_api import expect

from .helpers import axe_violations, log_in_staff
from .management import STAFF, add_management_work, management_pages
from .world import World


@pytest.mark.parametrize("role", STAFF)
def test_every_management_page_of_the_role_passes_axe(page, user, role):
    world = add_management_work(World.build(user))
    person = world.people[role]
    log_in_staff(page, person)

    pages = management_pages(world, person)
    problems = []
    for path in pages:
        response = page.goto(path)
        if response.status != 200:
            problems.append(f"{path} answered {response.status}")
        elif violations := axe_violations(page):
            problems += [f"{path}: {len(violations)} violation(s)", *violations]

    assert len(pages) > 5, pages
    assert not problems, f"as {role}:\n" + "\n".join(problems)


def test_the_filter_widget_speaks_dutch(page, user):
    """Django's own nl catalogue lacks the widget's newer sentences ("Choose all %s"); loket's has them."""
    world = add_management_work(World.build(user))
    log_in_staff(page, world.people["civil_servant"])

    page.goto(f"/beheer/initiatives/initiative/{world.paths['initiative_pk']}/change/")

    chooser = page.locator(".selector")
    expect(chooser.get_by_role("button", name=re.compile(r"^Kies alle "))).to_be_visible()
    expect(chooser.get_by_role("button", name=re.compile(r"^Verwijder alle "))).to_be_visible()
    expect(chooser).not_to_contain_text("Choose")
    expect(chooser).not_to_contain_text("Remove")
