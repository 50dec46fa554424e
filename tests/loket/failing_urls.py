"""The site's URLs plus views that fail on purpose, to see the error pages a visitor would get."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from loket.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def broken(request):
    raise RuntimeError("a bug")


def forbidden(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("odd request")


urlpatterns = [
    *urlpatterns,
    path("test/kapot/", broken),
    path("test/verboden/", forbidden),
    path("test/verdacht/", suspicious),
]
