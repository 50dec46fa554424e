"""The one door for every write a person makes on the site: `@posting(...)` on its view.

It does two things to each POST of a signed-in person, before the view runs:

- a blocked account (moderation's `user_block`) gets a page that says so (403), unless the view says
  this POST stays open to it;
- the POST is counted in its rate-limit group (core/ratelimit.py) and, past the limit, answered with a
  page that says to wait (429). A view with a form counts itself instead (`limited_in_view=True`): it
  shows the form again with what was typed.

What stays open to a blocked account: the rights over its own data and the way to contest the block —
deleting the account (and the data export, which is a read), the appeal, and taking back what is only
its own (deleting its comment, unfollowing, cancelling a lab sign-up, withdrawing its signal). Everything
that adds or changes what others see or receive stays closed, including the profile (the display name
is shown next to what the person posted) and what the account shares with a team.

The decorator leaves its rule on the view, so tests/loket/test_post_views.py can walk every address of
the site and check that each view that accepts a POST has one (or is on its short list of exemptions).
"""

from dataclasses import dataclass
from functools import wraps

from django.http import HttpRequest
from django.shortcuts import render

from core.ratelimit import posting_limited, posting_rate


def always(request: HttpRequest) -> bool:
    return True


def never(request: HttpRequest) -> bool:
    return False


@dataclass(frozen=True)
class PostingRule:
    limit: str  # the rate-limit group in core/ratelimit.py
    limited_in_view: bool  # the view counts and answers the limit itself, with its form
    open_when_blocked: object  # request -> bool: may a blocked account make this POST?


def posting(limit: str, *, limited_in_view: bool = False, open_when_blocked=never):
    """Decorate a view that writes. `limit` names its rate-limit group; `open_when_blocked` is `always`,
    `never` (the default) or a function of the request that says which of its POSTs stay open to a
    blocked account (the unfollow button of the follow view)."""
    posting_rate(limit)  # an unknown group fails at import, not on the first POST
    rule = PostingRule(limit=limit, limited_in_view=limited_in_view, open_when_blocked=open_when_blocked)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST" and request.user.is_authenticated:
                if request.user.blocked_at is not None and not rule.open_when_blocked(request):
                    return render(request, "accounts/blocked.html", status=403)
                if not rule.limited_in_view and posting_limited(request, rule.limit):
                    return render(request, "errors/429_posting.html", status=429)
            return view(request, *args, **kwargs)

        wrapper.posting_rule = rule
        return wrapper

    return decorator


def posting_rule_of(view) -> PostingRule | None:
    """The rule `posting` left on `view`, through any decorators around it."""
    while view is not None:
        rule = getattr(view, "posting_rule", None)
        if rule is not None:
            return rule
        view = getattr(view, "__wrapped__", None)
    return None
