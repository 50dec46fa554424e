"""The site's pages of prose, written by the editors in the management site."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from knowledgebase.models import Page


@require_safe
def page(request, slug):
    return render(request, "pages/page.html", {"page": get_object_or_404(Page, slug=slug)})
