"""Editors write articles in the management site (/beheer/knowledgebase/article/): a photo without hidden
data, a checked file, publishing, old files cleaned up, the search index kept up to date, and a preview of
a draft on the site. Other roles may look but not touch."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from accounts.roles import Role
from demo.loader.knowledgebase import odt_document
from flywheels.models import Concept
from knowledgebase.models import Article, ArticleKind, PublicationState
from places.models import Area
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.initiatives.authoring_helpers import jpeg_bytes, jpeg_with_gps
from tests.knowledgebase.factories import ArticleFactory
from tests.knowledgebase.test_downloads import PDF, docx, with_header_patched

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:knowledgebase_article_changelist")
ADD = reverse("admin:knowledgebase_article_add")
GPS_IFD = 0x8825


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENTS_ROOT = tmp_path / "documents"


@pytest.fixture
def editor():
    return staff_in_role(Role.EDITOR, display_name="Eva Redacteur")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def change_url(article):
    return reverse("admin:knowledgebase_article_change", args=[article.pk])


def photo(content=None, name="IMG_0001.jpg"):
    return SimpleUploadedFile(name, content or jpeg_with_gps(), content_type="image/jpeg")


def pdf(name="draaiboek.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def article_data(**overrides) -> dict:
    """What an editor fills in on the add form: a valid draft unless overridden."""
    data = {
        "kind": ArticleKind.TIP,
        "title": "Zo start je een buurtmoestuin",
        "slug": "buurtmoestuin",
        "summary": "Vijf stappen van braakliggend veld naar een moestuin voor de hele straat.",
        "body": "## Begin klein\n\nZoek **drie** buren die mee willen doen.",
        "cover_alt": "",
        "concepts": [],
        "tags": "",
        "area": "",
        "place": "",
        "initiative": "",
        "source_url": "",
        "state": PublicationState.DRAFT,
        "published_at_0": "",
        "published_at_1": "",
        "_save": "1",
    }
    data.update(overrides)
    return data


def data_of(article, **overrides) -> dict:
    """The change form of `article` as it is, posted again, with `overrides`."""
    published_at = timezone.localtime(article.published_at) if article.published_at else None
    data = article_data(
        kind=article.kind,
        title=article.title,
        slug=article.slug,
        summary=article.summary,
        body=article.body,
        cover_alt=article.cover_alt,
        concepts=[str(pk) for pk in article.concepts.values_list("pk", flat=True)],
        tags=", ".join(article.tags.names()),
        area=str(article.area_id or ""),
        place=article.place,
        state=article.state,
        published_at_0=published_at.date().isoformat() if published_at else "",
        published_at_1=published_at.time().strftime("%H:%M:%S") if published_at else "",
    )
    data.update(overrides)
    return data


def add_article(client, **overrides) -> Article:
    response = client.post(ADD, article_data(**overrides))
    assert response.status_code == 302, form_errors(response)
    return Article.objects.get(slug=overrides.get("slug", "buurtmoestuin"))


def form_errors(response):
    context = response.context or {}
    return context["adminform"].form.errors if "adminform" in context else response.status_code


def files_under(root) -> set[str]:
    return (
        {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}
        if root.exists()
        else set()
    )


def search_titles(client, text) -> list[str]:
    response = client.get(reverse("knowledgebase:article_list"), {"zoek": text})
    assert response.status_code == 200
    return [article.title for article in response.context["page_obj"].object_list]


# --- Adding an article --------------------------------------------------------------------------------


def test_editor_adds_an_article_with_a_photo_and_a_file(editor_client, editor, settings):
    animo = Concept.objects.get(slug="animo")

    response = editor_client.post(
        ADD,
        article_data(
            cover_image=photo(),
            cover_alt="Buren spitten een moestuin om",
            attachment=pdf(),
            concepts=[str(animo.pk)],
            tags="groen, moestuin",
            area=str(Area.objects.get(slug="wehl").pk),
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == CHANGELIST
    article = Article.objects.get(slug="buurtmoestuin")
    assert article.title == "Zo start je een buurtmoestuin"
    assert article.kind == ArticleKind.TIP
    assert article.state == PublicationState.DRAFT
    assert article.written_by == editor
    assert article.suggested_by is None
    assert list(article.concepts.all()) == [animo]
    assert sorted(article.tags.names()) == ["groen", "moestuin"]
    assert article.area.slug == "wehl"
    assert article.cover_image.name.startswith("articles/covers/")
    assert article.cover_thumbnail.name.startswith("articles/thumbnails/")
    assert (settings.MEDIA_ROOT / article.cover_image.name).is_file()
    assert (settings.MEDIA_ROOT / article.cover_thumbnail.name).is_file()
    assert "IMG_0001" not in article.cover_image.name
    assert article.attachment.name.startswith("articles/")
    assert article.attachment.name.endswith(".pdf")
    assert "draaiboek" not in article.attachment.name
    assert (settings.DOCUMENTS_ROOT / article.attachment.name).read_bytes() == PDF
    assert not (settings.MEDIA_ROOT / article.attachment.name).exists()


def test_stored_photo_has_no_exif_and_keeps_the_cameras_orientation(editor_client, settings):
    article = add_article(editor_client, cover_image=photo(), cover_alt="Een moestuin")

    with Image.open(settings.MEDIA_ROOT / article.cover_image.name) as stored:
        exif = stored.getexif()
        assert len(exif) == 0
        assert not exif.get_ifd(GPS_IFD)
        assert "exif" not in stored.info
        assert stored.size == (40, 80)  # taken 80 wide, 40 high, "rotate 90°": stored upright
    with Image.open(settings.MEDIA_ROOT / article.cover_thumbnail.name) as thumbnail:
        assert len(thumbnail.getexif()) == 0
        assert max(thumbnail.size) <= 640


def test_large_photo_gets_a_small_thumbnail(editor_client, settings):
    article = add_article(
        editor_client, cover_image=photo(jpeg_bytes(size=(1600, 1000))), cover_alt="Een moestuin"
    )

    with Image.open(settings.MEDIA_ROOT / article.cover_thumbnail.name) as thumbnail:
        assert thumbnail.size == (640, 400)


def test_photo_without_alt_text_is_a_form_error_not_a_500(editor_client, settings):
    response = editor_client.post(ADD, article_data(cover_image=photo(), cover_alt=""))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert not Article.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == set()


def test_removing_the_alt_text_of_an_existing_photo_is_a_form_error(editor_client):
    article = add_article(editor_client, cover_image=photo(), cover_alt="Een moestuin")

    response = editor_client.post(change_url(article), data_of(article, cover_alt=""))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert Article.objects.get(pk=article.pk).cover_alt == "Een moestuin"


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"Gewoon tekst.\n", "draaiboek.pdf"),
        (b"MZ\x90\x00" + b"\0" * 100, "draaiboek.pdf"),
        (docx(**{"word/vbaProject.bin": b"macro"}), "draaiboek.docm"),
    ],
    ids=["text-called-pdf", "executable", "docm"],
)
def test_file_that_is_no_document_is_a_form_error(editor_client, settings, content, name):
    response = editor_client.post(ADD, article_data(attachment=pdf(name, content)))

    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("attachment", "invalid")
    assert not Article.objects.exists()
    assert files_under(settings.DOCUMENTS_ROOT) == set()


def test_encrypted_zip_as_file_is_a_form_error_not_a_500(editor_client):
    damaged = with_header_patched(odt_document("Draaiboek", ["Stap 1."]), flags=0x1)

    response = editor_client.post(ADD, article_data(attachment=pdf("draaiboek.odt", damaged)))

    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("attachment", "invalid")


def test_editor_opens_an_article_that_has_a_file(editor_client, settings):
    """Documents have no public address (DocumentStorage.url raises): the form must not ask for one."""
    article = add_article(editor_client, attachment=pdf())

    response = editor_client.get(change_url(article))

    assert response.status_code == 200
    assert response.context["adminform"].form.initial["attachment"] == article.attachment
    assert str(settings.DOCUMENTS_ROOT) not in response.content.decode()


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.COUNCIL])
def test_staff_who_only_view_open_an_article_that_has_a_file(editor_client, client, role):
    article = add_article(editor_client, attachment=pdf())
    client.force_login(staff_in_role(role))

    response = client.get(change_url(article))

    assert response.status_code == 200


def test_photo_that_is_no_photo_is_a_form_error(editor_client):
    response = editor_client.post(ADD, article_data(cover_image=photo(PDF, "foto.jpg"), cover_alt="Iets"))

    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("cover_image")
    assert not Article.objects.exists()


# --- Publishing ---------------------------------------------------------------------------------------


def test_publishing_without_a_date_publishes_now(editor_client, client):
    before = timezone.now()

    article = add_article(editor_client, state=PublicationState.PUBLISHED)

    assert article.state == PublicationState.PUBLISHED
    assert before <= article.published_at <= timezone.now()
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_publishing_with_a_date_ahead_schedules_the_article(editor_client, client):
    ahead = timezone.localtime() + datetime.timedelta(days=3)

    article = add_article(
        editor_client,
        state=PublicationState.PUBLISHED,
        published_at_0=ahead.date().isoformat(),
        published_at_1="09:00:00",
    )

    assert timezone.localtime(article.published_at).date() == ahead.date()
    assert not article.is_published
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_publish_action_publishes_the_selected_drafts_now(editor_client):
    first, second = ArticleFactory(draft=True), ArticleFactory(draft=True)
    untouched = ArticleFactory(draft=True)
    earlier = timezone.now() - datetime.timedelta(days=30)
    published = ArticleFactory(published_at=earlier)
    before = timezone.now()

    response = editor_client.post(
        CHANGELIST,
        {
            "action": "publish_selected",
            "index": "0",
            "_selected_action": [str(first.pk), str(second.pk), str(published.pk)],
        },
    )

    assert response.status_code == 302
    for article in (first, second):
        article.refresh_from_db()
        assert article.state == PublicationState.PUBLISHED
        assert before <= article.published_at <= timezone.now()
    published.refresh_from_db()
    assert published.published_at == earlier
    untouched.refresh_from_db()
    assert untouched.state == PublicationState.DRAFT
    assert untouched.published_at is None


def test_publish_action_keeps_a_date_set_ahead(editor_client):
    ahead = timezone.now() + datetime.timedelta(days=5)
    article = ArticleFactory(draft=True, published_at=ahead)

    editor_client.post(
        CHANGELIST, {"action": "publish_selected", "index": "0", "_selected_action": [str(article.pk)]}
    )

    article.refresh_from_db()
    assert article.state == PublicationState.PUBLISHED
    assert article.published_at == ahead
    assert not article.is_published


# --- Replacing files ----------------------------------------------------------------------------------


def test_replacing_the_photo_removes_the_old_photo_and_thumbnail_once_committed(
    editor_client, settings, django_capture_on_commit_callbacks
):
    article = add_article(editor_client, cover_image=photo(), cover_alt="Oude foto")
    old = {article.cover_image.name, article.cover_thumbnail.name}

    with django_capture_on_commit_callbacks() as callbacks:
        response = editor_client.post(
            change_url(article), data_of(article, cover_image=photo(jpeg_bytes()), cover_alt="Nieuwe foto")
        )
        assert response.status_code == 302, form_errors(response)
        assert all((settings.MEDIA_ROOT / name).exists() for name in old)  # not before the commit
    for callback in callbacks:
        callback()

    article.refresh_from_db()
    assert article.cover_alt == "Nieuwe foto"
    new = {article.cover_image.name, article.cover_thumbnail.name}
    assert new.isdisjoint(old)
    assert files_under(settings.MEDIA_ROOT) == new


def test_clearing_the_photo_removes_photo_and_thumbnail(
    editor_client, settings, django_capture_on_commit_callbacks
):
    article = add_article(editor_client, cover_image=photo(), cover_alt="Oude foto")

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(article), data_of(article, **{"cover_image-clear": "on"}))

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert not article.cover_image
    assert not article.cover_thumbnail
    assert files_under(settings.MEDIA_ROOT) == set()


def test_replacing_the_file_removes_the_old_file_once_committed(
    editor_client, settings, django_capture_on_commit_callbacks
):
    article = add_article(editor_client, attachment=pdf())
    old = article.attachment.name
    new_content = odt_document("Nieuw draaiboek", ["Stap 1."])

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            change_url(article), data_of(article, attachment=pdf("nieuw.odt", new_content))
        )

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.attachment.name.endswith(".odt")
    assert files_under(settings.DOCUMENTS_ROOT) == {article.attachment.name}
    assert not (settings.DOCUMENTS_ROOT / old).exists()


def test_a_change_that_is_refused_removes_no_files(
    editor_client, settings, django_capture_on_commit_callbacks
):
    article = add_article(editor_client, cover_image=photo(), cover_alt="Foto", attachment=pdf())
    before = files_under(settings.MEDIA_ROOT) | files_under(settings.DOCUMENTS_ROOT)

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            change_url(article),
            data_of(article, title="", cover_image=photo(jpeg_bytes()), attachment=pdf("nieuw.pdf")),
        )

    assert response.status_code == 200
    assert files_under(settings.MEDIA_ROOT) | files_under(settings.DOCUMENTS_ROOT) == before


def test_saving_without_touching_the_files_keeps_them(
    editor_client, settings, django_capture_on_commit_callbacks
):
    article = add_article(editor_client, cover_image=photo(), cover_alt="Foto", attachment=pdf())
    before = files_under(settings.MEDIA_ROOT) | files_under(settings.DOCUMENTS_ROOT)

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(article), data_of(article, title="Nieuwe titel"))

    assert response.status_code == 302, form_errors(response)
    assert files_under(settings.MEDIA_ROOT) | files_under(settings.DOCUMENTS_ROOT) == before
    assert Article.objects.get(pk=article.pk).title == "Nieuwe titel"


# --- Findable after saving ----------------------------------------------------------------------------


def test_article_is_findable_by_its_title_text_themes_and_concepts_after_saving(editor_client, client):
    add_article(
        editor_client,
        title="Jeu de boules op het dorpsplein",
        body="Elke woensdag spelen jong en oud samen.",
        tags="petanque, dorpsplein",
        concepts=[str(Concept.objects.get(slug="eigenaarschap").pk)],
        state=PublicationState.PUBLISHED,
    )
    ArticleFactory(title="Iets anders", body="Over koffie.")
    client.logout()

    for word in ["boules", "woensdag", "petanque", "eigenaarschap"]:
        assert search_titles(client, word) == ["Jeu de boules op het dorpsplein"], word


def test_a_change_in_title_and_themes_is_findable_and_the_old_words_are_not(editor_client):
    article = add_article(
        editor_client, title="Jeu de boules", tags="petanque", state=PublicationState.PUBLISHED
    )

    response = editor_client.post(
        change_url(article), data_of(article, title="Buurtbarbecue", tags="barbecue")
    )

    assert response.status_code == 302, form_errors(response)
    assert search_titles(editor_client, "buurtbarbecue") == ["Buurtbarbecue"]
    assert search_titles(editor_client, "petanque") == []
    assert search_titles(editor_client, "boules") == []


# --- Who may do what ----------------------------------------------------------------------------------

ROLES = {
    "editor": Role.EDITOR,
    "moderator": Role.MODERATOR,
    "council": Role.COUNCIL,
    "ombuds": Role.OMBUDS,
}
# what -> who: the management site's answer for articles, per role.
MAY = {
    "list": {"editor", "moderator", "council"},
    "view": {"editor", "moderator", "council"},
    "add": {"editor"},
    "change": {"editor"},
    "delete": {"editor"},
    "publish": {"editor"},
}


@pytest.fixture
def members():
    return {name: staff_in_role(role) for name, role in ROLES.items()}


def _attempt(client, what, article) -> bool:
    """Whether the management site lets the signed-in person do `what` with `article`."""
    if what == "list":
        return client.get(CHANGELIST).status_code == 200
    if what == "view":
        return client.get(change_url(article)).status_code == 200
    if what == "add":
        response = client.post(ADD, article_data(slug="nieuw"))
        return response.status_code == 302 and Article.objects.filter(slug="nieuw").exists()
    if what == "change":
        response = client.post(change_url(article), data_of(article, title="Veranderd"))
        return response.status_code == 302 and Article.objects.get(pk=article.pk).title == "Veranderd"
    if what == "delete":
        client.post(reverse("admin:knowledgebase_article_delete", args=[article.pk]), {"post": "yes"})
        return not Article.objects.filter(pk=article.pk).exists()
    if what == "publish":
        client.post(
            CHANGELIST, {"action": "publish_selected", "index": "0", "_selected_action": [article.pk]}
        )
        return Article.objects.get(pk=article.pk).state == PublicationState.PUBLISHED
    raise AssertionError(what)


@pytest.mark.parametrize("what", list(MAY))
def test_who_may_do_what_with_articles_in_the_management_site(client, members, what):
    allowed = set()
    for name, member in members.items():
        article = ArticleFactory(draft=True, title="Concept")
        client.force_login(member)
        if _attempt(client, what, article):
            allowed.add(name)
        Article.objects.filter(slug="nieuw").delete()

    assert allowed == MAY[what]


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.COUNCIL])
def test_moderator_and_council_see_an_article_read_only_without_the_publish_action(client, role):
    article = ArticleFactory(draft=True, title="Concept")
    client.force_login(staff_in_role(role))

    page = client.get(change_url(article))
    listing = client.get(CHANGELIST)

    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    assert 'name="_save"' not in page.content.decode()
    assert listing.status_code == 200
    action_form = listing.context["action_form"]  # None when no action is left
    actions = [value for value, _label in action_form.fields["action"].choices] if action_form else []
    assert "publish_selected" not in actions


def test_editor_gets_the_publish_action(editor_client):
    ArticleFactory(draft=True)

    listing = editor_client.get(CHANGELIST)

    actions = [value for value, _label in listing.context["action_form"].fields["action"].choices]
    assert "publish_selected" in actions


def test_resident_is_sent_to_the_login(client, user):
    article = ArticleFactory(draft=True)
    client.force_login(user)

    for url in [CHANGELIST, change_url(article), ADD]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url
    assert client.post(change_url(article), data_of(article, title="Gekaapt")).status_code == 302
    assert Article.objects.get(pk=article.pk).title == article.title


def test_anonymous_visitor_ends_at_the_sites_login(client):
    response = client.get(CHANGELIST, follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


def test_staff_without_a_role_may_not_see_articles(client):
    member = UserFactory(is_staff=True)
    verify_email(member)
    client.force_login(member)

    assert client.get(CHANGELIST).status_code == 403


# --- Preview on the site ------------------------------------------------------------------------------


def test_editor_previews_a_draft_on_the_site_through_view_on_site(editor_client, client):
    article = add_article(editor_client, title="Nog geheim", slug="nog-geheim")
    view_on_site = reverse(
        "admin:view_on_site",
        kwargs={"content_type_id": ContentType.objects.get_for_model(Article).pk, "object_id": article.pk},
    )

    page = editor_client.get(change_url(article))
    assert f'href="{view_on_site}"' in page.content.decode()
    redirect = editor_client.get(view_on_site)
    assert redirect.status_code == 302
    assert redirect["Location"].endswith(article.get_absolute_url())
    preview = editor_client.get(article.get_absolute_url())

    assert preview.status_code == 200
    assert preview.context["is_preview"] is True
    assert "no-store" in preview["Cache-Control"]
    assert "Nog geheim" in preview.content.decode()
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_editor_keeps_a_suggested_example_attributed_to_the_resident(editor_client, user):
    article = ArticleFactory(draft=True, suggested_by=user, written_by=None)

    response = editor_client.post(change_url(article), data_of(article, title="Herschreven"))

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.title == "Herschreven"
    assert article.suggested_by == user
    assert article.written_by is None


# --- Deleting -----------------------------------------------------------------------------------------


def test_deleting_an_article_removes_its_photo_and_file(
    editor_client, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = add_article(editor_client, cover_image=photo(), cover_alt="Een moestuin", attachment=pdf())
    stored = files_under(settings.MEDIA_ROOT) | files_under(settings.DOCUMENTS_ROOT)
    assert len(stored) == 3  # photo, thumbnail, file

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:knowledgebase_article_delete", args=[article.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert files_under(settings.MEDIA_ROOT) | files_under(settings.DOCUMENTS_ROOT) == set()
