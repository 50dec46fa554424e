"""Limits on how often one account may post, against floods and runaway scripts.

The counts live in the cache (Redis in production) through django-ratelimit. Views ask
`posting_limited(request, "comment")` when a form is posted and, when it says yes, show the form again
with everything typed and a friendly message, with status 429.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

# What may be posted per account, per period ("count/period", period s, m, h or d).
DEFAULT_POSTING_RATES = {
    "initiative": "5/h",
    "log_entry": "30/h",
    "help_request": "20/h",
    "comment": "20/h",
    "offer": "10/h",
    "support": "60/h",
    "invitation": "20/h",
    "suggestion": "5/h",
    "report": "20/h",
    "appeal": "5/h",
    "lab_signup": "30/h",
    "signal": "20/h",
}

TOO_MANY_MESSAGE = _(
    "You have posted a lot in a short time. Please wait a while and try again; what you typed has been kept."
)


def posting_limited(request, what: str) -> bool:
    rates = {**DEFAULT_POSTING_RATES, **getattr(settings, "LOKET_POSTING_RATES", {})}
    return is_ratelimited(
        request, group=f"loket-post-{what}", key="user_or_ip", rate=rates[what], method="POST", increment=True
    )
