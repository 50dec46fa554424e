"""Staff use the site as staff only after their second step (accounts/second_factor.py).

A staff member's powers reach beyond the management site (the municipality's responses, the ombuds'
confidential signals, the dashboard), so until their session had its second step every page sends them
there, apart from the pages on the way in: logging in and out, confirming an address, setting up the app
and giving a code, the language switch and the health and liveness checks.
"""

from django.conf import settings

from . import second_factor

ON_THE_WAY_IN = {
    "account_login",
    "account_logout",
    "account_reauthenticate",
    "account_inactive",
    "account_email_verification_sent",
    "account_confirm_email",
    "set_language",
    "health_check",
    "liveness_check",
}


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Without a session cookie nobody is signed in: leave the session (and its Vary: Cookie) untouched.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        match = request.resolver_match
        name = (match.url_name or "") if match else ""
        if name in ON_THE_WAY_IN or name.startswith("mfa_"):
            return None
        if match and match.namespace == "admin":
            return None  # the management site asks itself, and answers others with a 403 (management_site.py)
        return second_factor.missing_step(request, request.get_full_path())
