"""Taking part: supporting, following and commenting; "my initiatives", "what I follow" and unsubscribing."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts.posting import always, posting
from core.ratelimit import posting_limited, too_many
from initiatives import permissions
from initiatives.choices import FollowFrequency, PublicationState
from initiatives.forms.participation import CommentForm, FollowForm, SupportForm
from initiatives.models import Comment, Follow, HelpOffer, Initiative, TeamMembership
from initiatives.services import notifications, participation
from initiatives.shortcuts import get_initiative_for
from initiatives.views.detail import comment_url

# Nothing was typed for a support, so there is nothing to keep: a different message than the forms'.
TOO_MANY_SUPPORTS_MESSAGE = gettext_lazy(
    "You have done this a lot in a short time. Please wait a while and try again."
)


def _detail_url(initiative_or_slug, anchor=""):
    slug = getattr(initiative_or_slug, "slug", initiative_or_slug)
    url = reverse("initiatives:initiative_detail", kwargs={"slug": slug})
    return f"{url}#{anchor}" if anchor else url


def _login_then_back_to(anchor):
    """Like login_required, but after logging in the person lands on the initiative's page (at
    `anchor`) instead of on a POST-only address that would answer 405."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(_detail_url(slug, anchor))
            return view(request, slug, *args, **kwargs)

        return wrapper

    return decorator


def _back(request, default):
    """Where a small form on several pages returns to: its `next` when that is on this site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


# --- Support -------------------------------------------------------------------------------------


@_login_then_back_to("steun")
@require_POST
@posting("support", limited_in_view=True)
def support(request, slug):
    initiative = get_initiative_for(request.user, slug, check=permissions.can_support)
    back = _detail_url(initiative, "steun")
    # A support is one click, with nothing typed to keep: a message on the page it came from is
    # friendlier than a separate 429 page.
    if posting_limited(request, "support"):
        messages.error(request, TOO_MANY_SUPPORTS_MESSAGE)
        return redirect(back)
    form = SupportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That did not work. Please try again."))
        return redirect(back)
    action, is_named = form.cleaned_data["action"], form.cleaned_data["is_named"]
    # The buttons say what they mean (support / withdraw), so a double click does the same thing twice
    # instead of undoing itself; a post without a button (an old page) toggles.
    if action == SupportForm.WITHDRAW:
        participation.support_withdraw(initiative=initiative, user=request.user)
        messages.success(request, _("You no longer support this initiative."))
    elif action == SupportForm.SUPPORT:
        _support, created = participation.support_add(
            initiative=initiative, user=request.user, is_named=is_named
        )
        if created:
            messages.success(request, _("Thank you for supporting this initiative!"))
        else:
            messages.success(request, _("Your choice has been saved."))
    elif participation.support_toggle(initiative=initiative, user=request.user, is_named=is_named):
        messages.success(request, _("Thank you for supporting this initiative!"))
    else:
        messages.success(request, _("You no longer support this initiative."))
    return redirect(back)


# --- Follow --------------------------------------------------------------------------------------


def _unfollows(request):
    """Stopping to follow only removes the person's own follow: open to a blocked account too."""
    return request.POST.get("action") == FollowForm.UNFOLLOW


@_login_then_back_to("volgen")
@require_POST
@posting("follow", open_when_blocked=_unfollows)
def follow(request, slug):
    if request.POST.get("action") == FollowForm.UNFOLLOW:
        return _unfollow(request, slug)
    initiative = get_initiative_for(request.user, slug, check=permissions.can_follow)
    form = FollowForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how often you want an email."))
        return _back(request, _detail_url(initiative, "volgen"))
    follow = participation.follow_set(
        initiative=initiative, user=request.user, frequency=form.cleaned_data["frequency"]
    )
    if follow.frequency == FollowFrequency.NEVER:
        messages.success(request, _("You follow this initiative, without emails."))
    else:
        messages.success(
            request,
            _("You follow this initiative. Emails: %(frequency)s.")
            % {"frequency": follow.get_frequency_display()},
        )
    return _back(request, _detail_url(initiative, "volgen"))


def _unfollow(request, slug):
    """Anyone may stop following, even an initiative that is no longer public or when they can no
    longer post: it only removes their own follow. Others learn nothing about hidden initiatives."""
    initiative = get_object_or_404(Initiative, slug=slug)
    removed = participation.follow_remove(initiative=initiative, user=request.user)
    if not removed and not permissions.can_view_initiative(request.user, initiative):
        raise Http404
    messages.success(request, _("You no longer follow this initiative."))
    default = (
        _detail_url(initiative, "volgen")
        if initiative.is_published
        else reverse("initiatives:followed_initiative_list")
    )
    return _back(request, default)


# --- Unsubscribe from emails ----------------------------------------------------------------------


# csrf_exempt: mail programs unsubscribe with a one-click POST (RFC 8058, body
# "List-Unsubscribe=One-Click") that carries no CSRF token and no session. The protection is the signed
# token in the address: it names one follow of one person and cannot be guessed or forged, and the worst
# a forged request could do is stop emails the token's owner gets. GET never changes anything, because
# mail scanners open links.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    follow = notifications.follow_from_token(token)
    if follow is None:
        raise Http404
    initiative = follow.initiative
    context = {
        "follow": follow,
        "initiative": initiative,
        "token": token,
        "unfollowed": False,
        "stopped": False,
    }
    if request.method == "POST":
        if request.POST.get("action") == FollowForm.UNFOLLOW:
            participation.follow_remove(initiative=initiative, user=follow.user)
            context["unfollowed"] = True
        else:  # the button on the page, or a mail program's one-click POST
            participation.follow_stop_email(follow=follow)
            context["stopped"] = True
    response = render(request, "initiatives/unsubscribe.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


# --- Comments ------------------------------------------------------------------------------------


def _comment_page(request, initiative, form, *, comment=None, status=200):
    return render(
        request,
        "initiatives/comment_form.html",
        {"initiative": initiative, "form": form, "comment": comment},
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("comment", limited_in_view=True)
def comment_create(request, slug):
    """The form under the comments posts here; when something is wrong (or after logging in) this page
    shows the form on its own, with what was typed."""
    initiative = get_initiative_for(request.user, slug, check=permissions.can_comment)
    form = CommentForm(request.POST or None)
    if request.method == "POST":
        if posting_limited(request, "comment"):
            too_many(form)
            return _comment_page(request, initiative, form, status=429)
        if form.is_valid():
            comment = participation.comment_create(
                initiative=initiative, author=request.user, body=form.cleaned_data["body"]
            )
            messages.success(request, _("Your comment has been placed."))
            return redirect(comment.get_absolute_url())
    return _comment_page(request, initiative, form)


def _own_comment(request, slug, pk):
    """404 when the initiative is not visible or the comment is not on it; 403 when not the author's."""
    initiative = get_initiative_for(request.user, slug)
    comment = get_object_or_404(Comment.objects.select_related("author"), pk=pk, initiative=initiative)
    if not permissions.can_change_comment(request.user, comment):
        raise PermissionDenied
    return initiative, comment


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("comment", limited_in_view=True)
def comment_edit(request, slug, pk):
    initiative, comment = _own_comment(request, slug, pk)
    form = CommentForm(request.POST or None, instance=comment)
    if request.method == "POST":
        if posting_limited(request, "comment"):
            too_many(form)
            return _comment_page(request, initiative, form, comment=comment, status=429)
        if form.is_valid():
            participation.comment_update(comment=comment, body=form.cleaned_data["body"])
            messages.success(request, _("Your comment has been changed."))
            return redirect(comment_url(comment))
    return _comment_page(request, initiative, form, comment=comment)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("removal", open_when_blocked=always)
def comment_delete(request, slug, pk):
    initiative, comment = _own_comment(request, slug, pk)
    if request.method == "POST":
        participation.comment_delete(comment=comment)
        messages.success(request, _("Your comment has been deleted."))
        return redirect(_detail_url(initiative, "reacties"))
    return render(
        request, "initiatives/comment_confirm_delete.html", {"initiative": initiative, "comment": comment}
    )


# --- My initiatives, what I follow ----------------------------------------------------------------

# The order of the groups on "my initiatives", with what each state means for the team.
MINE_GROUPS = [
    (
        PublicationState.DRAFT,
        gettext_lazy("Drafts"),
        gettext_lazy(
            "Only your team can see these. Submit one when it is ready; a moderator then looks at it."
        ),
    ),
    (
        PublicationState.SUBMITTED,
        gettext_lazy("Submitted"),
        gettext_lazy("A moderator is looking at these. You get an email when one is published or not."),
    ),
    (
        PublicationState.PUBLISHED,
        gettext_lazy("Published"),
        gettext_lazy("Everyone can see these. Keep the log up to date and answer offers of help."),
    ),
    (
        PublicationState.REJECTED,
        gettext_lazy("Not published"),
        gettext_lazy(
            "A moderator did not publish these yet. Read why, change what is needed and submit again."
        ),
    ),
    (
        PublicationState.HIDDEN,
        gettext_lazy("Hidden"),
        gettext_lazy("A moderator has hidden these. Contact us if you do not know why."),
    ),
]


def _offer_count(**filters):
    offers = (
        HelpOffer.objects.filter(help_request__initiative=OuterRef("initiative_id"), **filters)
        .order_by()
        .values("help_request__initiative")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(offers), 0)


@login_required
@require_http_methods(["GET", "HEAD"])
def mine(request):
    memberships = list(
        TeamMembership.objects.filter(user=request.user)
        .select_related("initiative__area")
        .prefetch_related("initiative__memberships")
        .annotate(offer_count=_offer_count(), open_offer_count=_offer_count(reply=""))
        .order_by("-initiative__updated_at", "-pk")
    )
    for membership in memberships:
        initiative = membership.initiative
        # The team is prefetched: the permission checks in the template ask it instead of the database.
        initiative.team_user_ids = {member.user_id for member in initiative.memberships.all()}
    groups = [
        {
            "state": state,
            "title": title,
            "intro": intro,
            "memberships": [m for m in memberships if m.initiative.publication_state == state],
        }
        for state, title, intro in MINE_GROUPS
    ]
    offers = HelpOffer.objects.filter(offered_by=request.user).select_related(
        "help_request__initiative", "replied_by"
    )
    return render(
        request,
        "initiatives/mine.html",
        {
            "groups": [group for group in groups if group["memberships"]],
            "has_initiatives": bool(memberships),
            "offers": offers,
            "follow_count": Follow.objects.filter(user=request.user).count(),
            "can_register": permissions.can_register_initiative(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def following(request):
    follows = (
        Follow.objects.filter(user=request.user)
        .select_related("initiative__area")
        .order_by("initiative__title", "pk")
    )
    items = [
        {
            "follow": follow,
            "form": FollowForm(initial={"frequency": follow.frequency}, auto_id=f"follow-{follow.pk}-%s"),
        }
        for follow in follows
    ]
    return render(request, "initiatives/following.html", {"items": items})
