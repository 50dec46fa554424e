"""Articles: the list with filters and search, one article, its file, and a resident's suggestion."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.posting import posting
from core.documents import CONTENT_TYPES
from core.filters import filtered_page
from core.ratelimit import posting_limited, too_many
from flywheels.models import Concept
from knowledgebase import permissions
from knowledgebase.filters import ArticleFilter
from knowledgebase.forms import SuggestExampleForm
from knowledgebase.models import Article
from knowledgebase.services import suggestions

ARTICLES_PER_PAGE = 12
RELATED_ARTICLES = 3


@require_safe
def index(request):
    filterset = ArticleFilter(request.GET, Article.objects.published().for_cards(), offer_options=True)
    page, active_filters = filtered_page(request, filterset, ARTICLES_PER_PAGE)
    return render(
        request,
        "knowledgebase/articles.html",
        {"form": filterset.form, "page_obj": page, "active_filters": active_filters},
    )


def _detail_queryset():
    return Article.objects.select_related("area", "initiative__area", "written_by").prefetch_related(
        "tags", Prefetch("concepts", queryset=Concept.objects.select_related("flywheel"))
    )


@require_safe
def detail(request, slug):
    article = permissions.get_visible_or_404(
        request.user, _detail_queryset(), permissions.can_view_article, slug=slug
    )
    concepts = list(article.concepts.all())
    related = (
        Article.objects.published()
        .for_cards()
        .filter(concepts__in=concepts)
        .exclude(pk=article.pk)
        .annotate(shared=Count("concepts"))
        .order_by("-shared", "-published_at", "-pk")[:RELATED_ARTICLES]
        if concepts
        else []
    )
    response = render(
        request,
        "knowledgebase/article.html",
        {
            "article": article,
            "concepts": concepts,
            "related": list(related),
            "is_preview": not article.is_published,
            "can_edit": permissions.can_edit_article(request.user, article),
        },
    )
    if not article.is_published:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def download(request, slug):
    """The article's file, always as a download with the type its content was checked to have."""
    article = permissions.get_visible_or_404(
        request.user, Article.objects.all(), permissions.can_view_article, slug=slug
    )
    if not article.attachment:
        raise Http404
    kind = article.attachment_kind
    try:
        handle = article.attachment.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{article.slug}.{kind}",
        content_type=CONTENT_TYPES.get(kind, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    if not article.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("suggestion", limited_in_view=True)
def suggest(request):
    if not permissions.can_suggest_example(request.user):
        return render(request, "knowledgebase/suggest.html", {"needs_verified_email": True}, status=403)
    form = SuggestExampleForm(request.POST or None)
    if request.method == "POST":
        if posting_limited(request, "suggestion"):
            too_many(form)
            return render(request, "knowledgebase/suggest.html", {"form": form}, status=429)
        if form.is_valid():
            data = form.cleaned_data
            suggestions.example_suggest(
                by=request.user,
                title=data["title"],
                story=data["story"],
                area=data["area"],
                place=data["place"],
                link=data["link"],
            )
            messages.success(
                request,
                _(
                    "Thank you! The editors of the knowledge base have received your example. They may "
                    "shorten or rewrite it, and then publish it."
                ),
            )
            return redirect("knowledgebase:index")
    return render(request, "knowledgebase/suggest.html", {"form": form})
