"""Limits on how often one account may post, against floods and runaway scripts.

The counts live in the cache (Redis in production) through django-ratelimit. Every view that writes
names its group with the `posting` decorator (accounts/posting.py), which also keeps blocked accounts
out. Most views leave the counting to that decorator; a view with a form counts itself, with
`posting_limited(request, "comment")`, so that it can show the form again past the limit, with everything
typed and a friendly message (`too_many(form)`), with status 429.
"""

import ipaddress

from django.conf import settings
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

# What may be posted per account, per period ("count/period", period s, m, h or d). The settings'
# LOKET_POSTING_RATES overrides single groups.
DEFAULT_POSTING_RATES = {
    "initiative": "5/h",
    "submission": "10/h",
    "log_entry": "30/h",
    "help_request": "20/h",
    "comment": "20/h",
    "offer": "10/h",
    "offer_reply": "30/h",
    "support": "60/h",
    "follow": "60/h",
    "invitation": "20/h",
    "team_join": "20/h",
    "suggestion": "5/h",
    "report": "20/h",
    "appeal": "5/h",
    "lab_signup": "30/h",
    "signal": "20/h",
    "municipal_response": "30/h",
    "profile": "10/h",
    # Deleting the account asks for the password: the limit also stops guessing it from a session.
    "account_delete": "5/h",
    # Taking back what was one's own: deleting a comment, a log entry or a draft, cancelling a sign-up,
    # withdrawing a signal. Generous, but a script that loops still stops.
    "removal": "60/h",
}


def client_address(request) -> str:
    """The visitor's address for the limits counted per address (settings.RATELIMIT_IP_META_KEY).

    Behind reverse proxies every request comes from a proxy, so the limits would count the whole town as
    one visitor: with TRUSTED_PROXY_COUNT proxies that each append to X-Forwarded-For, the visitor is the
    address the outermost proxy saw, that many places from the end (what allauth and the API count too).
    Addresses further left were written by the client itself and are not believed. Without trusted
    proxies, or when the header is missing or shorter than it should be (a request that bypassed the
    proxies), the address of the connection counts.
    """
    count = getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if count > 0 and len(forwarded) >= count:
        try:
            return str(ipaddress.ip_address(forwarded[-count]))
        except ValueError:
            pass  # not an address: the proxies are not set up as TRUSTED_PROXY_COUNT says
    return request.META["REMOTE_ADDR"]


TOO_MANY_MESSAGE = _(
    "You have posted a lot in a short time. Please wait a while and try again; what you typed has been kept."
)


def posting_rate(what: str) -> str:
    """The rate of group `what`; an unknown group is a programming error (a KeyError)."""
    return {**DEFAULT_POSTING_RATES, **getattr(settings, "LOKET_POSTING_RATES", {})}[what]


def posting_limited(request, what: str) -> bool:
    """Count this POST in group `what` and say whether it goes past the limit."""
    return is_ratelimited(
        request,
        group=f"loket-post-{what}",
        key="user_or_ip",
        rate=posting_rate(what),
        method="POST",
        increment=True,
    )


def too_many(form):
    """Put the too-many message on `form`, to show it again with what was typed.

    The one way a view refuses a form past its limit. A POST with an empty body leaves a form built as
    `Form(request.POST or None)` unbound, and Django's `add_error` fails on an unbound form (it has no
    cleaned data): such a form is bound here to the empty data it was sent, so the page shows the
    message instead of a server error.
    """
    if not form.is_bound:
        form.is_bound = True
        form.data = QueryDict()
        form.files = MultiValueDict()
        form._errors = None
    form.add_error(None, TOO_MANY_MESSAGE)
    return form
