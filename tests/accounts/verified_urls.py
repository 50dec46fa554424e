"""The site's addresses plus one page behind allauth's `verified_email_required`, which the site itself does
not use (yet): its page, account/verified_email_required.html, is ours too, and this lets a test open it."""

from allauth.account.decorators import verified_email_required
from django.http import HttpResponse
from django.urls import path

from loket.urls import urlpatterns as site_urlpatterns


@verified_email_required
def confirmed_members_only(request):
    return HttpResponse("ok")


urlpatterns = [*site_urlpatterns, path("alleen-bevestigd/", confirmed_members_only)]
