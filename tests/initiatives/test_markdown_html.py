"""Markdown is rendered when a text is saved and its sanitised HTML stored beside it; pages print that
HTML instead of rendering Markdown per view (issue 16)."""

import pytest
from django.core.management import call_command

from core.fields import MarkdownHTMLField
from core.management.commands.render_markdown import rendered_fields
from core.markdown import fill_rendered
from initiatives.models import Initiative, LogEntry
from initiatives.services.municipality import municipal_response_update
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory, MunicipalResponseFactory

pytestmark = pytest.mark.django_db


def test_saving_a_text_stores_its_html_and_saving_a_change_updates_it():
    entry = LogEntryFactory(text="Een **vet** besluit.")
    assert LogEntry.objects.get(pk=entry.pk).text_html == "<p>Een <strong>vet</strong> besluit.</p>"

    entry.text = "Nu *schuin*."
    entry.save()

    assert LogEntry.objects.get(pk=entry.pk).text_html == "<p>Nu <em>schuin</em>.</p>"


def test_script_in_the_markdown_is_not_stored_in_the_html():
    initiative = InitiativeFactory(
        story='Hallo <script>alert("x")</script> <img src=x onerror="alert(1)"> daar'
    )

    html = Initiative.objects.get(pk=initiative.pk).story_html

    assert "<script" not in html and "onerror" not in html and "<img" not in html
    assert "Hallo" in html


def test_bulk_created_rows_get_their_html_too():
    initiative = InitiativeFactory()
    LogEntry.objects.bulk_create([LogEntry(initiative=initiative, title="Bulk", text="- een\n- twee")])

    assert LogEntry.objects.get(title="Bulk").text_html == "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>"


def test_a_corrected_municipal_response_shows_its_new_text(client):
    civil_servant = staff_in_role("moderators")
    response = MunicipalResponseFactory(body="Eerste **versie**.", author=civil_servant)

    municipal_response_update(response=response, by=civil_servant, body="Tweede **versie**.")

    response.refresh_from_db()
    assert response.body_html == "<p>Tweede <strong>versie</strong>.</p>"
    assert (
        "Tweede <strong>versie</strong>."
        in client.get(response.initiative.get_absolute_url()).content.decode()
    )


def test_the_page_prints_the_stored_html_and_renders_nothing_itself(client):
    entry = LogEntryFactory(text="Wat we **leerden**.")
    # Stored HTML that the Markdown would never give: the page must show exactly what is stored.
    LogEntry.objects.filter(pk=entry.pk).update(text_html="<p>Opgeslagen <em>html</em></p>")

    html = client.get(entry.initiative.get_absolute_url()).content.decode()

    assert "<p>Opgeslagen <em>html</em></p>" in html
    assert "<strong>leerden</strong>" not in html


def test_filling_renders_the_rows_that_have_no_html_yet():
    entries = LogEntryFactory.create_batch(3, text="Een *stap*.")
    LogEntry.objects.update(text_html="")

    assert fill_rendered(LogEntry, {"text": "text_html"}, batch_size=2) == 3

    assert {entry.text_html for entry in LogEntry.objects.filter(pk__in=[e.pk for e in entries])} == {
        "<p>Een <em>stap</em>.</p>"
    }


def test_render_markdown_renders_every_stored_text_again():
    initiative = InitiativeFactory(story="Het **verhaal**.")
    Initiative.objects.filter(pk=initiative.pk).update(story_html="")

    call_command("render_markdown", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert Initiative.objects.get(pk=initiative.pk).story_html == "<p>Het <strong>verhaal</strong>.</p>"


def test_every_html_column_renders_a_text_column_of_its_own_model():
    found = {
        (model._meta.label, source, target)
        for model, fields in rendered_fields()
        for source, target in fields.items()
    }

    assert ("initiatives.LogEntry", "text", "text_html") in found
    assert len(found) >= 10
    for model, fields in rendered_fields():
        for source, target in fields.items():
            assert not isinstance(model._meta.get_field(source), MarkdownHTMLField)
            assert model._meta.get_field(target).editable is False
