from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from core.admin_lists import guard_changelists
from knowledgebase.models import PAGES
from knowledgebase.views import pages

from . import views

admin.site.site_header = _("Samenwerken in Doetinchem: management")
admin.site.site_title = _("Loket management")
admin.site.index_title = _("Management")
admin.site.index_template = "admin/loket_index.html"  # with what waits for the moderators
# admin.site is loket's management site (accounts/management_site.py): staff log in through the site's own
# login (allauth), with its rate limits, confirmed address and second step; it has no login form of its own.
# A malformed filter in a list's address shows the whole list again instead of a server error.
guard_changelists(admin.site)

urlpatterns = [
    path("", views.home, name="home"),
    path("initiatieven/", include("initiatives.urls")),
    path("kennisbank/", include("knowledgebase.urls")),
    path("zoeken/", views.search, name="site_search"),
    path("moderatie/", include("moderation.urls")),
    path("dashboard/", include("dashboard.urls")),
    path("", include("opendata.urls")),
    # The samenwerkingslab's own page (lab:index) shows its Page text with the sessions and signals.
    path("samenwerkingslab/", include("lab.urls")),
    # The other pages of prose, written by the editors (knowledgebase.Page).
    *(
        path(f"{address}/", pages.page, {"slug": slug}, name=name)
        for slug, (address, name) in PAGES.items()
        if name != "lab:index"
    ),
    path("account/profiel/", include("accounts.urls")),
    path("account/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # The flywheels and concepts moved from the knowledge base's app to their own: old management
    # addresses (bookmarks, links in emails) still lead to them.
    *(
        re_path(
            rf"^beheer/knowledgebase/{model}/(?P<rest>.*)$",
            RedirectView.as_view(
                url=f"/beheer/flywheels/{model}/%(rest)s", query_string=True, permanent=True
            ),
        )
        for model in ("flywheel", "concept")
    ),
    path("beheer/", admin.site.urls),
    path("healthz", views.healthz, name="health_check"),
    path("livez", views.livez, name="liveness_check"),
]

if settings.SERVE_MEDIA:
    # The photos, from the disk or the bucket (settings: STORAGE_S3_BUCKET).
    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", views.media, name="media")]

handler400 = "loket.errors.bad_request"
handler403 = "loket.errors.permission_denied"
handler404 = "loket.errors.page_not_found"
handler429 = "loket.errors.too_many_requests"
handler500 = "loket.errors.server_error"
