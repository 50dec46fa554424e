from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import api, feeds, views

app_name = "opendata"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("initiatieven", api.InitiativeViewSet, basename="initiative")
router.register("logboek", api.LogEntryViewSet, basename="logentry")
router.register("artikelen", api.ArticleViewSet, basename="article")
router.register("gebieden", api.AreaViewSet, basename="area")
router.register("begrippen", api.ConceptViewSet, basename="concept")

urlpatterns = [
    path("open-data/", views.index, name="index"),
    path("open-data/<slug:what>.<str:fmt>", views.export, name="dataset_download"),
    path("ingebed/initiatieven/", views.embed, name="initiative_embed"),
    path("feeds/initiatieven/", feeds.InitiativesFeed(), name="initiative_feed"),
    path("feeds/initiatieven/atom/", feeds.InitiativesAtom(), name="initiative_feed_atom"),
    path("feeds/logboek/", feeds.LogEntriesFeed(), name="log_entry_feed"),
    path("feeds/logboek/atom/", feeds.LogEntriesAtom(), name="log_entry_feed_atom"),
    path("feeds/kennisbank/", feeds.ArticlesFeed(), name="article_feed"),
    path("feeds/kennisbank/atom/", feeds.ArticlesAtom(), name="article_feed_atom"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    # Our own template: drf-spectacular's has an inline <style>, which the site's policy refuses.
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="opendata:api_schema", template_name="opendata/api_docs.html"
        ),
        name="api_docs",
    ),
    path("api/", include(router.urls)),
]
