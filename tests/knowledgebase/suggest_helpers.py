"""Shared by the tests of suggesting an example: the form's address, a resident's story, and posting it."""

from django.urls import reverse

SUGGEST = reverse("knowledgebase:example_suggest")


STORY = (
    "In de oude bibliotheek van Wehl stond een zaal leeg. Een paar buren vroegen de gemeente of ze die "
    "mochten gebruiken.\n\nNu is er elke dinsdag koffie, op donderdag een taalcafé en in het weekend "
    "een repaircafé. Wat hielp: een vast aanspreekpunt bij de gemeente en een huurcontract voor een jaar, "
    "zodat we konden proberen. Wat lastig was: de verzekering. Tip voor anderen: begin klein, en vraag "
    "de woningcorporatie mee te denken over de ruimte."
)


def suggestion_data(**overrides) -> dict:
    """What a resident fills in: valid unless overridden."""
    data = {
        "title": "Buurtkamer in de oude bibliotheek",
        "story": STORY,
        "area": "",
        "place": "",
        "link": "",
        "website": "",
    }
    data.update(overrides)
    return data


def suggest(client, django_capture_on_commit_callbacks, **overrides):
    """Post the form with `overrides`, and run what waits for the commit (the editors' emails)."""
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(SUGGEST, suggestion_data(**overrides))
