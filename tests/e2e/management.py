"""The management site (/beheer/) as each staff role sees it: the work that waits there, and every page a
person in the role can open. The accessibility check (test_accessibility_management.py) and the HTML check
(test_valid_html.py) visit the same pages.

The pages are read from the admin itself (its app list says which lists and forms a person may open), so a
model that gets a management page is checked without a line here. Pages the admin does not list (the
moderation queue and its items, the publish and reject pages, "Analyse this initiative") are added below.
"""

from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from core import dead_letters
from initiatives.models import Initiative
from lab.models import LabSession
from lab.services import registration_signup
from moderation import queries
from moderation.permissions import can_moderate
from moderation.services import appeal_create, item_hide
from tests.accounts.factories import UserFactory, verify_email
from tests.initiatives.factories import CommentFactory, InitiativeFactory, VerifiedUserFactory
from tests.moderation.factories import ReportFactory, SuggestedExampleFactory

# The people of the world who work in the management site, one per role, and a superuser.
STAFF = ["civil_servant", "editor", "council", "ombuds", "superuser"]


def add_management_work(world):
    """Give a tests/e2e/world.py world what waits in the management site: a submitted initiative, reported
    comments, a suggested example, an open appeal, a sign-up for the lab session; and a superuser. The
    council member becomes staff, as the README's roles have it.
    """
    initiative_pk = Initiative.objects.get(slug=world.paths["slug"]).pk
    submitted = InitiativeFactory(submitted=True, title="Speeltuin aan de Slingeweg")
    reported = CommentFactory(initiative_id=initiative_pk, body="Koop nu goedkope zonnepanelen!")
    for _reporter in range(2):
        ReportFactory(item=reported)
    SuggestedExampleFactory(draft=True, title="Repair café in het dorpshuis")

    # An appeal: the moderator who decided reads it, another one (the superuser here) decides it.
    author = VerifiedUserFactory(display_name="Bram Bezwaar")
    hidden = CommentFactory(initiative_id=initiative_pk, author=author, body="Wie belt er terug?")
    decision = item_hide(item=hidden, by=world.people["civil_servant"], reason="Dubbel geplaatst.")
    appeal_create(action=decision, by=author, message="Het was geen dubbel bericht.")

    registration_signup(
        session=LabSession.objects.get(slug=world.paths["session"]), user=world.people["team"]
    )

    council = world.people["council"]
    council.is_staff = True
    council.save(update_fields=["is_staff"])
    # A dead letter of the task queue: an email the mail server kept refusing (superusers see them).
    dead_letters.failed_task_record(
        task_name="core.send_email",
        task_id="e2e",
        args=[{"subject": "Je initiatief is gepubliceerd", "to": ["bea@unreachable.example"]}],
        kwargs={},
        summary="Je initiatief is gepubliceerd",
        recipient="bea@unreachable.example",
        error=ConnectionRefusedError("the mail server is down"),
        tries=5,
    )
    superuser = UserFactory(is_staff=True, is_superuser=True, display_name="Sam Superuser")
    verify_email(superuser)

    world.people.update(superuser=superuser, appellant=author)
    world.paths.update(submitted=submitted.pk, initiative_pk=initiative_pk)
    return world


def management_pages(world, person) -> list[str]:
    """The addresses of every management page `person` can open, each once: the front page, each app's
    page, each list, add form and the change (or view) form of its first row, and the pages of
    moderation and of the knowledge base's analyses that the admin does not list."""
    request = RequestFactory().get(reverse("admin:index"))
    request.user = person
    pages = [reverse("admin:index")]
    for app in admin.site.get_app_list(request):
        pages.append(app["app_url"])
        for entry in app["models"]:
            pages += [entry.get("admin_url"), entry.get("add_url")]
            model_admin = admin.site.get_model_admin(entry["model"])
            first = model_admin.get_queryset(request).order_by("pk").first()
            if first is not None and model_admin.has_view_or_change_permission(request, first):
                opts = entry["model"]._meta
                pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk]))
    pages += _pages_beyond_the_lists(world, person)
    return list(dict.fromkeys(page for page in pages if page))


def _pages_beyond_the_lists(world, person):
    pages = []
    if can_moderate(person):
        pages.append(reverse("admin:moderation_queue"))
        pages += [row.url for section in queries.queue_sections() for row in section.rows if row.url]
        pages.append(reverse("admin:moderation_account", args=[world.people["appellant"].pk]))
        pages += [
            reverse(f"admin:initiatives_initiative_{decision}", args=[world.paths["submitted"]])
            for decision in ("publish", "reject")
        ]
    if person.has_perm("knowledgebase.add_caseanalysis"):
        analyse = reverse("admin:knowledgebase_caseanalysis_add")
        pages.append(f"{analyse}?initiative={world.paths['initiative_pk']}")
    if person.is_superuser:
        initiative = world.paths["initiative_pk"]
        pages += [
            reverse("admin:auth_user_password_change", args=[person.pk]),
            reverse("admin:initiatives_initiative_history", args=[initiative]),
            reverse("admin:initiatives_initiative_delete", args=[initiative]),
        ]
    return pages
