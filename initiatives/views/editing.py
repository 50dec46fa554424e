"""The team's own pages: register, edit and delete an initiative, submit it for review, and build the team."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.posting import posting
from core.ratelimit import posting_limited, too_many
from initiatives import permissions
from initiatives.choices import PublicationState
from initiatives.forms.authoring import InitiativeForm, InvitationForm
from initiatives.models import Initiative, TeamInvitation, TeamMembership
from initiatives.services import authoring
from initiatives.shortcuts import get_initiative_for


def _too_many(request, template, context):
    too_many(context["form"])
    return render(request, template, context, status=429)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("initiative", limited_in_view=True)
def create(request):
    if not permissions.can_register_initiative(request.user):
        # Explain what to do instead of a bare "no access": confirming the address is one click away.
        return render(request, "initiatives/form.html", {"needs_verified_email": True}, status=403)
    form = InitiativeForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        if posting_limited(request, "initiative"):
            return _too_many(request, "initiatives/form.html", context)
        initiative = authoring.initiative_create(author=request.user, **form.service_data())
        messages.success(
            request,
            _(
                "Your initiative has been saved as a draft. Only your team can see it. When it is ready, "
                "choose “Submit for review”: a moderator checks it and then publishes it."
            ),
        )
        return redirect(initiative)
    return render(request, "initiatives/form.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("initiative", limited_in_view=True)
def edit(request, slug):
    initiative = get_initiative_for(request.user, slug, check=permissions.can_edit_initiative)
    # The form works on its own copy: a rejected edit must not change the title shown around it.
    form = InitiativeForm(
        request.POST or None, request.FILES or None, instance=Initiative.objects.get(pk=initiative.pk)
    )
    context = {"form": form, "initiative": initiative}
    if request.method == "POST" and form.is_valid():
        if posting_limited(request, "initiative"):
            return _too_many(request, "initiatives/form.html", context)
        authoring.initiative_update(initiative=initiative, by=request.user, **form.service_data())
        messages.success(request, _("Your changes have been saved."))
        return redirect(initiative)
    return render(request, "initiatives/form.html", context)


@login_required
@require_POST
@posting("submission")
def submit(request, slug):
    initiative = get_initiative_for(request.user, slug, check=permissions.can_submit_initiative)
    authoring.initiative_submit(initiative=initiative, by=request.user)
    messages.success(
        request,
        _(
            "Thank you! Your initiative has been submitted. A moderator of the municipality checks it, "
            "usually within a few working days. You get an email when it is published, or when something "
            "needs to change."
        ),
    )
    return redirect(initiative)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("removal")
def delete(request, slug):
    initiative = get_initiative_for(request.user, slug, check=permissions.can_delete_initiative)
    if request.method == "POST":
        authoring.initiative_delete(initiative=initiative)
        messages.success(request, _("“%(title)s” has been deleted.") % {"title": initiative.title})
        return redirect("initiatives:own_initiative_list")
    return render(request, "initiatives/confirm_delete.html", {"initiative": initiative})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("invitation", limited_in_view=True)
def team(request, slug):
    initiative = get_initiative_for(request.user, slug, check=permissions.can_edit_initiative)
    form = InvitationForm(request.POST or None, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        if posting_limited(request, "invitation"):
            return _too_many(request, "initiatives/team.html", _team_context(initiative, form))
        email = form.cleaned_data["email"]
        authoring.team_invite(initiative=initiative, email=email, by=request.user)
        messages.success(
            request,
            _("We have sent an invitation to %(email)s. The link in it works for %(days)d days.")
            % {"email": email, "days": authoring.INVITATION_VALID_FOR.days},
        )
        return redirect("initiatives:team_edit", slug=initiative.slug)
    return render(request, "initiatives/team.html", _team_context(initiative, form))


def _team_context(initiative, form):
    return {
        "initiative": initiative,
        "form": form,
        "memberships": TeamMembership.objects.filter(initiative=initiative).select_related("user"),
        "open_invitations": authoring.open_invitations()
        .filter(initiative=initiative)
        .select_related("invited_by"),
    }


@require_http_methods(["GET", "HEAD", "POST"])
@posting("team_join")
def invitation(request, token):
    """The page the invitation email links to. The token itself is the permission to join."""
    found = authoring.invitation_for_token(token)
    if found is None:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    initiative = found.initiative
    already_member = permissions.is_team_member(request.user, initiative)
    if request.method == "POST":
        try:
            authoring.invitation_accept(token=token, user=request.user)
        except TeamInvitation.DoesNotExist:
            raise Http404 from None
        if already_member:
            messages.info(request, _("You were already in the team of this initiative."))
        else:
            messages.success(request, _("Welcome to the team! You can now edit this initiative."))
        return redirect(initiative)
    return render(
        request,
        "initiatives/invitation.html",
        {
            "invitation": found,
            "token": token,
            "initiative": initiative,
            "already_member": already_member,
            "is_draft": initiative.publication_state != PublicationState.PUBLISHED,
        },
    )
