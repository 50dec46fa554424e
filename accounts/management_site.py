"""Django's admin as loket's management site (/beheer/), with one way in: the site's own login.

The admin brings a login form, a password change form and a logout page of its own. Its login form would
skip everything the site's login (allauth) does: the rate limits, the confirmed address, the second step.
So none of the three shows a form here: each sends the visitor to the site's page for it, `next` kept.
Who may use the site is `accounts.permissions.can_use_management_site`, and a session counts only after
its second step (accounts/second_factor.py).
"""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from . import second_factor
from .permissions import can_use_management_site, is_signed_in


class ManagementSite(admin.AdminSite):
    def has_permission(self, request):
        return can_use_management_site(request.user) and second_factor.passed(request)

    def login(self, request, extra_context=None):
        """Where the admin sends whoever it does not let in: anonymous visitors to the site's login, other
        signed-in people a 403 (never a password form), staff to their missing second step."""
        next_url = self._next_url(request)
        if not is_signed_in(request.user):
            return redirect_to_login(next_url, reverse("account_login"))
        if not can_use_management_site(request.user):
            raise PermissionDenied
        return second_factor.missing_step(request, next_url) or HttpResponseRedirect(next_url)

    def logout(self, request, extra_context=None):
        # 307 keeps the admin's logout POST (with its CSRF token) a POST: allauth logs out at once.
        response = HttpResponseRedirect(reverse("account_logout"))
        if request.method == "POST":
            response.status_code = 307
        return response

    def password_change(self, request, extra_context=None):
        return HttpResponseRedirect(reverse("account_change_password"))

    def password_change_done(self, request, extra_context=None):
        return HttpResponseRedirect(reverse("account_change_password"))

    def _next_url(self, request) -> str:
        index = reverse("admin:index", current_app=self.name)
        wanted = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
        safe = url_has_allowed_host_and_scheme(
            wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        if not safe or wanted.startswith(reverse("admin:login", current_app=self.name)):
            return index
        return wanted
