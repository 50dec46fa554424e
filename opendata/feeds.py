"""RSS and Atom feeds of new initiatives, log entries and knowledge-base articles, each filterable by
village or district (?gebied=) and flywheel concept (?begrip=), so a village council's site can show its
own village's news."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.slugs import is_slug
from flywheels.models import Concept
from initiatives.models import Initiative, LogEntry
from knowledgebase.models import Article
from places.models import Area

ITEMS = 30


@dataclass(frozen=True)
class Chosen:
    """What one request asks of a feed: its filters ({"gebied": Area, "begrip": Concept}, those given) and
    its own address, for the feed's link to itself.

    Django serves every request of a feed with one shared instance (opendata/urls.py makes it once), so
    nothing of a request may be kept on `self`: it travels as the `obj` that `get_object()` returns and
    Django hands to every other method."""

    filters: dict
    path: str


class _Filtered(Feed):
    """Reads ?gebied= and ?begrip=; an unknown one is a 404, not an empty feed that looks right."""

    # A feed is only read: like the site's other reads it answers a POST with 405 (Django's Feed takes any
    # method), so the walk over every view that takes a POST (tests/loket/test_post_views.py) passes it by.
    @method_decorator(require_safe)
    def __call__(self, request, *args, **kwargs):
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        filters = {}
        for parameter, model, lookup in (("gebied", Area, {}), ("begrip", Concept, {})):
            slug = request.GET.get(parameter)
            if slug:
                found = model.objects.filter(slug=slug, **lookup).first() if is_slug(slug) else None
                if found is None:
                    raise Http404
                filters[parameter] = found
        return Chosen(filters=filters, path=request.get_full_path())

    def title(self, chosen):
        filters = chosen.filters.values()
        parts = [self.name, *(getattr(value, "label", None) or str(value) for value in filters)]
        return ": ".join([_("Samenwerken in Doetinchem"), ", ".join(str(part) for part in parts)])

    def feed_url(self, chosen):
        return chosen.path

    def item_description(self, item):
        return item.summary


class InitiativesFeed(_Filtered):
    description = ""

    @property
    def name(self):
        return _("new initiatives")

    def link(self, chosen):
        return reverse("initiatives:initiative_list")

    def items(self, chosen):
        initiatives = Initiative.objects.published().select_related("area")
        if "gebied" in chosen.filters:
            initiatives = initiatives.filter(area=chosen.filters["gebied"])
        if "begrip" in chosen.filters:
            initiatives = initiatives.filter(concepts=chosen.filters["begrip"])
        return initiatives.order_by("-published_at", "-pk")[:ITEMS]

    def item_title(self, item):
        return f"{item.title} ({item.area.name})"

    def item_pubdate(self, item):
        return item.published_at


class LogEntriesFeed(_Filtered):
    description = ""

    @property
    def name(self):
        return _("log entries")

    def link(self, chosen):
        return reverse("initiatives:log_entry_list")

    def items(self, chosen):
        entries = LogEntry.objects.published().select_related("initiative")
        if "gebied" in chosen.filters:
            entries = entries.filter(initiative__area=chosen.filters["gebied"])
        if "begrip" in chosen.filters:
            entries = entries.filter(initiative__concepts=chosen.filters["begrip"])
        return entries.order_by("-created_at", "-pk")[:ITEMS]

    def item_title(self, item):
        return f"{item.get_kind_display()}: {item.title} ({item.initiative.title})"

    def item_description(self, item):
        return item.text[:500]

    def item_pubdate(self, item):
        return item.created_at


class ArticlesFeed(_Filtered):
    description = ""

    @property
    def name(self):
        return _("knowledge base")

    def link(self, chosen):
        return reverse("knowledgebase:article_list")

    def items(self, chosen):
        articles = Article.objects.published()
        if "gebied" in chosen.filters:
            articles = articles.filter(area=chosen.filters["gebied"])
        if "begrip" in chosen.filters:
            articles = articles.filter(concepts=chosen.filters["begrip"])
        return articles.order_by("-published_at", "-pk")[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_pubdate(self, item):
        return item.published_at


class InitiativesAtom(InitiativesFeed):
    feed_type = Atom1Feed
    subtitle = ""


class LogEntriesAtom(LogEntriesFeed):
    feed_type = Atom1Feed
    subtitle = ""


class ArticlesAtom(ArticlesFeed):
    feed_type = Atom1Feed
    subtitle = ""
