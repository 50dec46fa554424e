"""The demo's data files themselves, without a database: every date reads and falls in a believable order
whatever the moment of loading, every earlier case tells its own story, and no public address carries an
"archief-" prefix."""

import datetime
import zoneinfo
from collections import Counter
from itertools import chain

import pytest

from demo.loader.dates import parse_moment
from demo.loader.files import read, text
from demo.loader.people import accounts, residents

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
# Moments of loading that stretch calendar months and clocks: the end of a long month, a leap day, the
# night summer time starts, New Year's Eve.
LOADED_AT = [
    datetime.datetime(2025, 3, 31, 15, 45, tzinfo=AMSTERDAM),
    datetime.datetime(2024, 2, 29, 8, 0, tzinfo=AMSTERDAM),
    datetime.datetime(2025, 3, 30, 3, 30, tzinfo=AMSTERDAM),
    datetime.datetime(2025, 12, 31, 23, 30, tzinfo=AMSTERDAM),
    datetime.datetime(2026, 7, 1, 0, 5, tzinfo=AMSTERDAM),
]
DEMO, HISTORY = read("initiatives")["initiatives"], read("history")["initiatives"]
PROMISE = datetime.timedelta(days=14)


def day(value, now):
    return parse_moment(value, now=now).date()


def dates_of(case: dict) -> list[str]:
    """Every date an initiative in the data has."""
    help_dates = [
        [need["asked"], need.get("fulfilled")]
        + [moment for offer in need.get("offers", []) for moment in (offer["at"], offer.get("replied"))]
        for need in case.get("help", [])
    ]
    return [
        value
        for value in chain(
            [case["created"], case.get("submitted"), case.get("published"), case.get("stage_changed")],
            (entry["date"] for entry in case.get("log", [])),
            chain.from_iterable(help_dates),
            (said["at"] for said in case.get("comments", []) + case.get("responses", [])),
        )
        if value is not None
    ]


@pytest.mark.parametrize("now", LOADED_AT, ids=lambda now: f"{now:%Y-%m-%d_%H%M}")
@pytest.mark.parametrize("case", DEMO + HISTORY, ids=lambda case: case["slug"])
def test_an_initiatives_dates_fall_in_order_and_never_after_loading(case, now):
    assert all(parse_moment(value, now=now) <= now for value in dates_of(case))
    created = day(case["created"], now)
    since = day(case.get("published") or case["created"], now)
    submitted = day(case.get("submitted", case["created"]), now)
    assert created <= submitted <= day(case.get("published", "-0d"), now)
    ended = case.get("stage") in ("completed", "stopped")
    until = day(case["stage_changed"], now) if ended else now.date()
    for entry in case.get("log", []):  # it may tell how it all began, before publication
        assert created <= day(entry["date"], now) <= until, entry["title"]
    for need in case.get("help", []):
        asked = day(need["asked"], now)
        assert since <= asked <= day(need.get("fulfilled", "-0d"), now), need["title"]
        for offer in need.get("offers", []):
            offered = day(offer["at"], now)
            assert asked <= offered <= day(offer.get("replied", "-0d"), now), offer["message"]
    for said in case.get("comments", []) + case.get("responses", []):
        assert since <= day(said["at"], now)


@pytest.mark.parametrize("now", LOADED_AT, ids=lambda now: f"{now:%Y-%m-%d_%H%M}")
def test_earlier_responses_keep_their_side_of_the_promise_whatever_the_month(now):
    """A first response well within two weeks, or well after: never so close that a short month flips it."""
    for case in HISTORY:
        if not case.get("responses"):
            continue
        waited = parse_moment(case["responses"][0]["at"], now=now) - parse_moment(case["published"], now=now)
        assert waited <= datetime.timedelta(days=11) or waited >= datetime.timedelta(days=19), case["slug"]


def test_no_public_address_has_the_archive_prefix_and_none_is_used_twice():
    slugs = [case["slug"] for case in DEMO + HISTORY]

    assert not [slug for slug in slugs if slug.startswith("archief-")]
    assert [slug for slug, times in Counter(slugs).items() if times > 1] == []


def test_every_earlier_case_tells_its_own_story():
    """No shared decks: no two initiatives share a story, a log entry, a help request or a response."""

    def repeated(pieces):
        return [piece for piece, times in Counter(pieces).items() if times > 1]

    cases = DEMO + HISTORY
    assert repeated(text(case["story"]) for case in cases) == []
    log = [(entry["title"], text(entry["text"])) for case in cases for entry in case.get("log", [])]
    assert repeated(log) == []
    assert repeated(title for title, _text in log) == []
    help_requests = [
        (need["title"], text(need["description"])) for case in cases for need in case.get("help", [])
    ]
    assert repeated(help_requests) == []
    assert repeated(title for title, _text in help_requests) == []
    offers = [
        text(offer["message"])
        for case in cases
        for need in case.get("help", [])
        for offer in need.get("offers", [])
    ]
    assert repeated(offers) == []
    assert repeated(text(said["text"]) for case in cases for said in case.get("responses", [])) == []


def test_an_ended_case_closes_its_log_with_how_it_ended():
    for case in HISTORY:
        if case.get("stage") not in ("completed", "stopped"):
            continue
        now = LOADED_AT[0]
        last = max(case["log"], key=lambda entry: parse_moment(entry["date"], now=now))
        assert day(last["date"], now) == day(case["stage_changed"], now), case["slug"]
        assert last["kind"] == ("milestone" if case["stage"] == "completed" else "reflection"), case["slug"]


def test_a_case_names_people_who_exist_and_its_first_log_entry_follows_publication_soon():
    people = {person.key for person in accounts() + residents()}
    now = LOADED_AT[0]
    for case in DEMO + HISTORY:
        named = [case["initiator"], *case.get("team", []), case.get("contact")]
        named += [entry.get("by") for entry in case.get("log", [])]
        named += [offer.get("by") for need in case.get("help", []) for offer in need.get("offers", [])]
        named += [said["by"] for said in case.get("comments", [])]
        supporters = case.get("supporters", {})
        if "count" not in supporters:  # else `named` is a number: how many of the drawn give their name
            named += supporters.get("named", []) + supporters.get("anonymous", [])
        named += case.get("followers", [])
        assert {key for key in named if key} <= people, case["slug"]
    for case in HISTORY:
        first = min(day(entry["date"], now) for entry in case["log"])
        assert datetime.timedelta(0) <= first - day(case["published"], now) <= PROMISE, case["slug"]


def test_signals_in_the_data_are_raised_by_residents_and_never_by_the_demo_initiator_but_once():
    signals = read("lab")["signals"] + read("history_lab")["signals"]
    initiators = {case["slug"]: case["initiator"] for case in DEMO + HISTORY}
    reporters = [signal.get("by") or initiators[signal["initiative"]] for signal in signals]
    resident_keys = {person.key for person in residents()}

    assert reporters.count("ivo") == 1
    assert {key for key in reporters if key != "ivo"} <= resident_keys
    assert len({signal["title"] for signal in signals}) == len(signals)
