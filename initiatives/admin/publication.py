"""The moderators' workflow on initiatives in the management site: the "Publish" and "Reject" buttons of
one initiative (a page to confirm, and for a rejection to give the reason) and the same decisions for
several at once from the list. Every decision goes through its one service: publishing and rejecting
through services/publication.py, hiding through moderation's (hiding one initiative happens on its
moderation page, like hiding anything else)."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from moderation import services as moderation
from moderation.permissions import can_moderate
from moderation.queries import moderation_item_url
from moderation.registry import kind_of

from ..forms.municipality import HideForm, RejectForm
from ..services import publication

MODERATION_TEMPLATE = "admin/initiatives/initiative/moderate.html"


class InitiativeDecision(models.TextChoices):
    PUBLISH = "publish", _("Publish")
    REJECT = "reject", _("Reject")
    HIDE = "hide", _("Hide")


DECISIONS = {
    InitiativeDecision.PUBLISH: {
        "states": publication.PUBLISHABLE_STATES,
        "title": _("Publish initiative"),
        "intro": _("Everyone can see the initiative once it is published. The team gets an email."),
        "confirm": _("Yes, publish"),
        "done": _("The initiative “%(title)s” is published. The team has been emailed."),
        "wrong_state": _("Only an initiative that was submitted for review or hidden can be published."),
    },
    InitiativeDecision.REJECT: {
        "states": publication.REJECTABLE_STATES,
        "title": _("Reject initiative"),
        "bulk_title": _("Reject initiatives"),
        "intro": _(
            "The team gets an email with your reason. They can change the initiative and submit it again."
        ),
        "confirm": _("Reject and email the team"),
        "done": _("The initiative “%(title)s” is rejected. The team has been emailed the reason."),
        "wrong_state": _("Only an initiative that was submitted for review can be rejected."),
        "form": RejectForm,
    },
    InitiativeDecision.HIDE: {
        "states": publication.HIDEABLE_STATES,
        "bulk_title": _("Hide initiatives"),
        "intro": _(
            "A hidden initiative is no longer on the site. Its team still sees it but cannot change it. "
            "The team gets an email with your reason and may ask another moderator to look again. You "
            "can publish it again later."
        ),
        "confirm": _("Hide and email the team"),
        "wrong_state": _("Only a published initiative can be hidden."),
        "form": HideForm,
    },
}


def decide(initiative, decision: InitiativeDecision, *, by, reason=""):
    """The one service of each decision."""
    if decision == InitiativeDecision.PUBLISH:
        return publication.initiative_publish(initiative=initiative, by=by)
    if decision == InitiativeDecision.REJECT:
        return publication.initiative_reject(initiative=initiative, by=by, reason=reason)
    return moderation.item_hide(item=initiative, by=by, reason=reason)


class PublicationWorkflow:
    """For InitiativeAdmin: the decision pages, the buttons on an initiative's page and the list actions."""

    actions = ["publish_selected", "reject_selected", "hide_selected"]

    def get_urls(self):
        def view(decision):
            def moderate(request, object_id):
                return self.decision_view(request, object_id, decision)

            return self.admin_site.admin_view(moderate)

        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            *(
                path(f"<path:object_id>/{decision}/", view(decision), name=f"{prefix}_{decision}")
                for decision in InitiativeDecision
            ),
            *super().get_urls(),
        ]

    def has_moderate_permission(self, request):
        return can_moderate(request.user)

    def _change_url(self, initiative):
        return reverse("admin:initiatives_initiative_change", args=[initiative.pk])

    def decision_view(self, request, object_id, decision):
        """One initiative's "Publish" or "Reject": a page to confirm (and to give the reason), then the
        service. "Hide" is the initiative's moderation page, as for anything else that can be hidden."""
        initiative = self.get_object(request, unquote(object_id))
        if initiative is None:
            raise Http404
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        if decision == InitiativeDecision.HIDE:
            return HttpResponseRedirect(moderation_item_url(kind_of(initiative), initiative.pk))
        spec = DECISIONS[decision]
        change_url = self._change_url(initiative)
        if initiative.publication_state not in spec["states"]:
            self.message_user(request, spec["wrong_state"], messages.WARNING)
            return HttpResponseRedirect(change_url)
        form_class = spec.get("form")
        form = form_class(request.POST or None) if form_class else None
        if request.method == "POST" and (form is None or form.is_valid()):
            reason = form.cleaned_data["reason"] if form is not None else ""
            try:
                decide(initiative, decision, by=request.user, reason=reason)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(request, spec["done"] % {"title": initiative.title}, messages.SUCCESS)
            return HttpResponseRedirect(change_url)
        return self._decision_page(
            request, decision, initiatives=[initiative], form=form, cancel_url=change_url, title=spec["title"]
        )

    def _decision_page(
        self, request, decision, *, initiatives, form, cancel_url, title, skipped=(), bulk=False
    ):
        spec = DECISIONS[decision]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "action": decision.value,
            "intro": spec["intro"],
            "confirm_label": spec["confirm"],
            "wrong_state": spec["wrong_state"],
            "initiatives": initiatives,
            "skipped": skipped,
            "form": form,
            "bulk": bulk,
            "action_name": f"{decision}_selected",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "cancel_url": cancel_url,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, MODERATION_TEMPLATE, context)

    def decision_tools(self, request, initiative) -> list[dict]:
        """The buttons on an initiative's page: the decisions its state allows."""
        if not self.has_moderate_permission(request):
            return []
        tools = []
        for decision in InitiativeDecision:
            if initiative.publication_state in DECISIONS[decision]["states"]:
                if decision == InitiativeDecision.HIDE:
                    url = moderation_item_url(kind_of(initiative), initiative.pk)
                else:
                    url = reverse(f"admin:initiatives_initiative_{decision}", args=[initiative.pk])
                tools.append({"url": url, "label": decision.label})
        return tools

    # --- the same for several at once, from the list ---

    def _bulk(self, request, queryset, decision, reason=""):
        """Take `decision` for the initiatives in a state that allows it; say which were skipped."""
        done, skipped = [], []
        for initiative in queryset:
            if initiative.publication_state not in DECISIONS[decision]["states"]:
                skipped.append(initiative)
                continue
            try:
                decide(initiative, decision, by=request.user, reason=reason)
            except ValidationError:
                skipped.append(initiative)
            else:
                done.append(initiative)
        return done, skipped

    def _report(self, request, decision, done, skipped):
        messages_done = {
            InitiativeDecision.PUBLISH: ngettext(
                "%(count)d initiative published; the team has been emailed.",
                "%(count)d initiatives published; their teams have been emailed.",
                len(done),
            ),
            InitiativeDecision.REJECT: ngettext(
                "%(count)d initiative rejected; the team has been emailed the reason.",
                "%(count)d initiatives rejected; their teams have been emailed the reason.",
                len(done),
            ),
            InitiativeDecision.HIDE: ngettext(
                "%(count)d initiative hidden.", "%(count)d initiatives hidden.", len(done)
            ),
        }
        if done:
            self.message_user(request, messages_done[decision] % {"count": len(done)}, messages.SUCCESS)
        if skipped:
            titles = ", ".join(f"“{initiative.title}”" for initiative in skipped)
            self.message_user(
                request,
                ngettext(
                    "Skipped %(count)d initiative: %(titles)s. %(why)s",
                    "Skipped %(count)d initiatives: %(titles)s. %(why)s",
                    len(skipped),
                )
                % {"count": len(skipped), "titles": titles, "why": DECISIONS[decision]["wrong_state"]},
                messages.WARNING,
            )

    @admin.action(description=_("Publish selected initiatives"), permissions=["moderate"])
    def publish_selected(self, request, queryset):
        self._report(
            request, InitiativeDecision.PUBLISH, *self._bulk(request, queryset, InitiativeDecision.PUBLISH)
        )

    @admin.action(description=_("Hide selected initiatives (asks for the reason)"), permissions=["moderate"])
    def hide_selected(self, request, queryset):
        return self._with_reason(request, queryset, InitiativeDecision.HIDE)

    @admin.action(
        description=_("Reject selected initiatives (asks for the reason)"), permissions=["moderate"]
    )
    def reject_selected(self, request, queryset):
        return self._with_reason(request, queryset, InitiativeDecision.REJECT)

    def _with_reason(self, request, queryset, decision):
        """A decision the teams get a reason for: ask it on a page, then decide for each."""
        spec = DECISIONS[decision]
        initiatives = list(queryset)
        possible = [i for i in initiatives if i.publication_state in spec["states"]]
        skipped = [i for i in initiatives if i.publication_state not in spec["states"]]
        if not possible:
            self._report(request, decision, [], skipped)
            return None
        form = spec["form"](request.POST if "post" in request.POST else None)
        if form.is_valid():
            done, also_skipped = self._bulk(request, possible, decision, form.cleaned_data["reason"])
            self._report(request, decision, done, skipped + also_skipped)
            return None
        return self._decision_page(
            request,
            decision,
            initiatives=possible,
            skipped=skipped,
            form=form,
            cancel_url=reverse("admin:initiatives_initiative_changelist"),
            title=spec["bulk_title"],
            bulk=True,
        )
