"""Moderation and the samenwerkingslab in the browser, with the demo accounts: a resident reports a
comment, the demo civil servant hides it from the moderation queue and the resident no longer sees it;
the demo initiator raises a signal and the demo ombuds answers it."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from initiatives.models import Comment
from lab.models import Signal, SignalStatus
from moderation.models import ActionKind, ModerationAction, Report

from .helpers import axe_check, log_in

DEMO_PASSWORD = "loket-demo"
RESIDENT = "bewoner@loket.example"
CIVIL_SERVANT = "ambtenaar@loket.example"
INITIATOR = "initiatiefnemer@loket.example"
OMBUDS = "ombuds@loket.example"


@pytest.fixture(autouse=True)
def _demo_content(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    call_command("loket_demo", "--force", verbosity=0)


def as_person(page, email):
    page.context.clear_cookies()
    log_in(page, email=email, password=DEMO_PASSWORD)


def test_resident_reports_a_comment_that_the_civil_servant_hides(page, mailoutbox):
    comment = (
        Comment.objects.visible()
        .filter(initiative__slug="natuurspeelplaats-dichteren")
        .exclude(author__email=RESIDENT)
        .select_related("initiative", "author")
        .first()
    )
    main = page.get_by_role("main")

    as_person(page, RESIDENT)
    page.goto(comment.initiative.get_absolute_url())
    item = main.locator(f"#reactie-{comment.pk}")
    expect(item).to_contain_text(comment.body)
    item.get_by_role("link", name="Melden").click()
    main.get_by_role("radio", name="reclame of spam").check()
    main.get_by_label("Toelichting").fill("Dit is reclame voor een bedrijf.")
    axe_check(page)
    main.get_by_role("button", name="Mijn melding versturen").click()
    expect(page.get_by_role("status")).to_be_visible()
    assert Report.objects.filter(object_id=comment.pk, reporter__email=RESIDENT).exists()

    as_person(page, CIVIL_SERVANT)
    page.goto("/beheer/")
    page.get_by_role("link", name="Moderatiewachtrij").first.click()
    page.get_by_role("link", name=comment.body[:40]).first.click()
    page.get_by_label("Reden").fill("Reclame hoort niet in de reacties.")
    page.get_by_role("button", name="Verbergen en de schrijver mailen").click()
    expect(page.locator(".messagelist")).to_be_visible()
    assert ModerationAction.objects.filter(kind=ActionKind.HIDE, object_id=comment.pk).exists()
    assert any(comment.author.email in message.to for message in mailoutbox)

    as_person(page, RESIDENT)
    page.goto(comment.initiative.get_absolute_url())
    expect(main.get_by_role("heading", level=1)).to_have_text(comment.initiative.title)
    expect(main.locator(f"#reactie-{comment.pk}")).to_have_count(0)
    expect(main).not_to_contain_text(comment.body)


def test_initiator_raises_a_signal_and_the_ombuds_answers(page, mailoutbox):
    main = page.get_by_role("main")

    as_person(page, INITIATOR)
    page.goto("/samenwerkingslab/")
    main.get_by_role("link", name="Een signaal doorgeven").first.click()
    main.get_by_label("In een paar woorden").fill("Niemand reageert op onze vraag over de speelplek")
    main.get_by_label("Wat er gebeurde").fill("We mailden drie keer en kregen geen antwoord.")
    axe_check(page)
    main.get_by_role("button", name="Naar de ombudsman sturen").click()
    expect(main.get_by_role("heading", level=1)).to_have_text(
        "Niemand reageert op onze vraag over de speelplek"
    )
    signal = Signal.objects.get(title="Niemand reageert op onze vraag over de speelplek")
    assert signal.status == SignalStatus.NEW
    # The ombuds are told there is news, never what.
    ombuds_mail = [message for message in mailoutbox if OMBUDS in message.to]
    assert ombuds_mail
    assert "speelplek" not in ombuds_mail[-1].body

    as_person(page, OMBUDS)
    page.goto("/samenwerkingslab/signalen/")
    main.get_by_role("link", name="Niemand reageert op onze vraag over de speelplek").click()
    main.get_by_label("Je bericht").fill("Ik bel morgen met de wijkregisseur en laat het je weten.")
    main.get_by_role("button", name="Versturen").click()
    expect(main).to_contain_text("Ik bel morgen met de wijkregisseur")
    axe_check(page)
    signal.refresh_from_db()
    assert signal.status == SignalStatus.IN_PROGRESS

    as_person(page, INITIATOR)
    page.goto(signal.get_absolute_url())
    expect(main).to_contain_text("Ik bel morgen met de wijkregisseur")

    # Nobody else: not a moderator, not another resident.
    as_person(page, CIVIL_SERVANT)
    assert page.goto(signal.get_absolute_url()).status == 404
