"""An initiative from first draft to support, with the demo accounts a visitor of `make run` uses.

The demo initiator registers an initiative (with a photo) and asks for help, then submits it; the demo
civil servant publishes it in the management site; it shows in the list; the demo resident supports it
with their name and offers help; the team reads the offer. Locators are the Dutch accessible names.
"""

import io
import re

import pytest
from django.core.management import call_command
from PIL import Image
from playwright.sync_api import expect

from initiatives.choices import PublicationState
from initiatives.models import HelpOffer, Initiative

from .helpers import axe_check, log_in

DEMO_PASSWORD = "loket-demo"
INITIATOR = "initiatiefnemer@loket.example"
CIVIL_SERVANT = "ambtenaar@loket.example"
RESIDENT = "bewoner@loket.example"
TITLE = "Speeltuin De Huet vernieuwen"


@pytest.fixture(autouse=True)
def _demo_content(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("loket_demo", "--force", verbosity=0)


def as_person(page, email):
    page.context.clear_cookies()
    log_in(page, email=email, password=DEMO_PASSWORD)


def photo_file(tmp_path):
    path = tmp_path / "speeltuin.jpg"
    image = Image.new("RGB", (320, 200), (90, 160, 80))
    exif = Image.Exif()
    exif[0x010F] = "GeheimeCamera"  # Make: must not survive the upload
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    path.write_bytes(buffer.getvalue())
    return path


def test_initiative_from_draft_to_support_and_an_offer_of_help(page, tmp_path, mailoutbox):
    main = page.get_by_role("main")

    # The initiator registers a draft.
    as_person(page, INITIATOR)
    page.goto("/initiatieven/")
    main.get_by_role("link", name="Initiatief aanmelden").click()
    main.get_by_label("Naam van je initiatief").fill(TITLE)
    main.get_by_label("In het kort").fill("Buren willen de speeltuin groener en avontuurlijker maken.")
    main.get_by_label("Je verhaal").fill("De speeltuin is **oud**. We maken een plan met de kinderen.")
    main.get_by_role("radio", name="vanuit de samenleving").check()
    main.get_by_role("radio", name="voorbereiding").check()
    main.get_by_label("Dorp of wijk").select_option(label="De Huet")
    main.get_by_label("Thema's").fill("spelen, groen")
    main.get_by_label("Omslagfoto").set_input_files(photo_file(tmp_path))
    main.get_by_label("Wat staat er op de foto?").fill("Een oude wipkip tussen de tegels")
    main.get_by_role("button", name="Opslaan als concept").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("status")).to_contain_text("concept")
    initiative = Initiative.objects.get(title=TITLE)
    assert initiative.publication_state == PublicationState.DRAFT
    assert b"GeheimeCamera" not in initiative.cover_image.read()

    # The team asks for help, then submits.
    main.get_by_role("link", name="Vraag om hulp").first.click()
    main.get_by_role("radio", name="Vrijwilligers").check()
    main.get_by_label("Titel").fill("Handen voor de plantdag")
    main.get_by_label("Beschrijving").fill("Op zaterdag 14 maart planten we struiken. Wie helpt?")
    main.get_by_role("button", name="Hulpvraag toevoegen").click()
    expect(main.get_by_role("heading", name="Handen voor de plantdag")).to_be_visible()
    main.get_by_role("button", name="Ter beoordeling indienen").click()
    expect(page.get_by_role("status")).to_contain_text("ingediend")

    # Not public yet.
    page.context.clear_cookies()
    assert page.goto(initiative.get_absolute_url()).status == 404

    # The civil servant publishes it in the management site.
    as_person(page, CIVIL_SERVANT)
    page.goto("/beheer/initiatives/initiative/")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="Publiceren", exact=True).click()
    page.get_by_role("button", name="Ja, publiceren").click()
    expect(page.locator(".messagelist")).to_contain_text("gepubliceerd")
    initiative.refresh_from_db()
    assert initiative.publication_state == PublicationState.PUBLISHED
    assert any(INITIATOR in mail.to for mail in mailoutbox)

    # Anyone finds it in the list, with its photo.
    page.context.clear_cookies()
    page.goto("/initiatieven/?gebied=de-huet")
    card = main.get_by_role("listitem").filter(has=page.get_by_role("link", name=TITLE))
    expect(card).to_be_visible()
    expect(card.get_by_role("img", name="Een oude wipkip tussen de tegels")).to_be_visible()

    # The resident supports it with their name, and offers help.
    as_person(page, RESIDENT)
    page.goto(initiative.get_absolute_url())
    main.get_by_label("Mijn naam openbaar laten zien").check()
    main.get_by_role("button", name="Steun dit initiatief").click()
    expect(page.get_by_role("status")).to_contain_text("Bedankt")
    support = main.get_by_role("region", name="Steun")
    expect(support).to_contain_text(re.compile(r"1\s+persoon steunt dit initiatief"))
    expect(support).to_contain_text("Bea Bewoner")

    main.get_by_role("link", name=re.compile("^Hulp aanbieden")).click()
    main.get_by_label("Wat kun je aanbieden?").fill("Ik heb een schop en tijd op zaterdag.")
    main.get_by_role("button", name="Mijn aanbod versturen").click()
    expect(page.get_by_role("status")).to_contain_text("aanbod")
    offer = HelpOffer.objects.get(help_request__initiative=initiative)
    assert offer.offered_by.email == RESIDENT
    # The offer is private: not on the public page.
    expect(main).not_to_contain_text("Ik heb een schop")

    # The team reads it.
    as_person(page, INITIATOR)
    page.goto(initiative.get_absolute_url())
    main.get_by_role("link", name="Ontvangen hulpaanbod").first.click()
    expect(main).to_contain_text("Ik heb een schop en tijd op zaterdag.")
    axe_check(page)
