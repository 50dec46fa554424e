"""Shared by the tests of articles in the management site: its addresses, the add form as an editor fills it
in, the change form posted again, and the files a test leaves behind."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from knowledgebase.models import Article, ArticleKind, PublicationState
from tests.initiatives.authoring_helpers import jpeg_with_gps
from tests.knowledgebase.document_helpers import PDF

CHANGELIST = reverse("admin:knowledgebase_article_changelist")
ADD = reverse("admin:knowledgebase_article_add")


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
