"""Moderation in the management site: one queue of everything waiting, a page per item (its reports,
history and appeals, with the decisions), a page per account (block and unblock), and the audit log,
which can be read but never changed."""

from collections.abc import Callable
from typing import NamedTuple

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import permissions, queries, services
from .forms import AppealDecisionForm, BlockForm, OptionalReasonForm, ReasonForm
from .models import Appeal, AppealStatus, ModerationAction, Report, ReportStatus
from .queries import moderation_item_url
from .registry import content_type_of, item_for, kind_for_content_type, kind_of


def _item_admin_url(item):
    return reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])


def _linked_item(obj):
    """The reported or appealed item by its name, linking to its moderation page (never a bare number)."""
    item = obj.item
    if item is None:
        return "-"
    kind = kind_of(item)
    return format_html('<a href="{}">{}</a>', moderation_item_url(kind, item.pk), kind.title(item))


APPEAL = "appeal"  # the decision on an appeal, posted from the same page as the others


class _Action(NamedTuple):
    form_class: type
    run: Callable
    heading: str
    button: str
    done: str


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnlyAdmin):
    """The audit log: every moderation action, by whom, when, about what and why."""

    list_display = ["created_at", "kind", "item_link", "account", "moderator", "reason"]
    # Only the people who took an action, not every account on the site.
    list_filter = ["kind", "content_type", ("moderator", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["moderator", "account", "content_type"]
    search_fields = ["item_label", "reason", "moderator__display_name", "account__display_name"]
    date_hierarchy = "created_at"

    @admin.display(description=_("item"), ordering="item_label")
    def item_link(self, action):
        kind = kind_for_content_type(action.content_type_id) if action.object_id else None
        if kind is None:
            return action.item_label
        return format_html(
            '<a href="{}">{}</a>', moderation_item_url(kind, action.object_id), action.item_label
        )


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "reason", "content_type", "reported_item", "status", "reporter"]
    list_filter = ["status", "reason", "content_type"]
    list_select_related = ["reporter", "content_type"]

    @admin.display(description=_("item"))
    def reported_item(self, report):
        return _linked_item(report)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("item")

    search_fields = ["text", "reporter__display_name"]
    date_hierarchy = "created_at"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("wachtrij/", view(self.queue_view), name="moderation_queue"),
            path("item/<slug:kind>/<int:pk>/", view(self.item_view), name="moderation_item"),
            path("account/<int:pk>/", view(self.account_view), name="moderation_account"),
            *super().get_urls(),
        ]

    def _check(self, request):
        if not permissions.can_moderate(request.user):
            raise PermissionDenied

    def _page(self, request, template, context):
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request, template, {**self.admin_site.each_context(request), "opts": self.opts, **context}
        )

    # --- the queue ---

    def queue_view(self, request):
        self._check(request)
        return self._page(
            request,
            "admin/moderation/queue.html",
            {"title": _("Moderation queue"), "sections": queries.queue_sections()},
        )

    # --- one item ---

    # The decisions every kind of item offers; a kind adds its own (registry.ItemKind.decisions).
    ITEM_ACTIONS = {
        "hide": _Action(
            ReasonForm,
            services.item_hide,
            _("Hide"),
            _("Hide and email the author"),
            _("Hidden. The author has been emailed the reason."),
        ),
        "restore": _Action(
            OptionalReasonForm,
            services.item_restore,
            _("Show again"),
            _("Show again"),
            _("Shown again. The author has been told."),
        ),
        "dismiss": _Action(
            OptionalReasonForm,
            services.reports_dismiss,
            _("Dismiss the reports"),
            _("Dismiss the reports"),
            _("The reports are dismissed; the item stays."),
        ),
    }
    APPEAL_DONE = _("The appeal is decided. Its author has been emailed.")

    @staticmethod
    def _has_open_reports(item):
        return Report.objects.filter(
            content_type=content_type_of(item), object_id=item.pk, status=ReportStatus.OPEN
        ).exists()

    def _actions(self, item_kind) -> dict:
        """Every decision this kind of item can take: the common ones and the kind's own (a suggested
        example can be rejected)."""
        own = {
            decision.name: _Action(ReasonForm, decision.run, decision.heading, decision.button, decision.done)
            for decision in item_kind.decisions()
        }
        return {**self.ITEM_ACTIONS, **own}

    @staticmethod
    def _available(item, item_kind, has_open_reports) -> list[str]:
        """The decisions this item's page offers now; a post for any other is refused."""
        hidden = item_kind.is_hidden(item)
        available = []
        if item_kind.is_public(item) or item_kind.is_hidden_for_review(item):
            available.append("hide")
        if hidden:
            available.append("restore")
        if has_open_reports:
            available.append("dismiss")
        available += [decision.name for decision in item_kind.decisions() if decision.offered(item)]
        return available

    def item_view(self, request, kind, pk):
        self._check(request)
        item = item_for(kind, pk)
        if item is None:
            raise Http404
        item_kind = kind_of(item)
        actions = self._actions(item_kind)
        forms = {}
        open_appeal = (
            Appeal.objects.filter(
                content_type=content_type_of(item), object_id=item.pk, status=AppealStatus.OPEN
            )
            .select_related("decision__moderator", "author")
            .first()
        )
        if request.method == "POST":
            action = request.POST.get("action", "")
            try:
                if action == APPEAL and open_appeal is not None:
                    form = AppealDecisionForm(request.POST, prefix=APPEAL)
                    if form.is_valid():
                        services.appeal_decide(appeal=open_appeal, by=request.user, **form.cleaned_data)
                        self.message_user(request, self.APPEAL_DONE, messages.SUCCESS)
                        return HttpResponseRedirect(request.path)
                    forms[APPEAL] = form
                elif action in actions:
                    if action not in self._available(item, item_kind, self._has_open_reports(item)):
                        # A page that was open while someone else decided: say so, change nothing.
                        raise ValidationError(
                            _("This no longer fits: the item has changed since. Look again.")
                        )
                    taken = actions[action]
                    form = taken.form_class(request.POST, prefix=action)
                    if form.is_valid():
                        taken.run(item=item, by=request.user, reason=form.cleaned_data["reason"])
                        self.message_user(request, taken.done, messages.SUCCESS)
                        return HttpResponseRedirect(request.path)
                    forms[action] = form
                else:
                    raise Http404
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return HttpResponseRedirect(request.path)
            except PermissionDenied as error:
                self.message_user(request, str(error) or _("You may not do this."), messages.ERROR)
                return HttpResponseRedirect(request.path)
        item = type(item).objects.get(pk=item.pk)  # fresh after a decision
        hidden = item_kind.is_hidden(item)
        reports = list(
            Report.objects.filter(content_type=content_type_of(item), object_id=item.pk).select_related(
                "reporter"
            )
        )
        open_reports = [report for report in reports if report.status == ReportStatus.OPEN]
        for name in self._available(item, item_kind, bool(open_reports)):
            forms.setdefault(name, actions[name].form_class(prefix=name))
        appeal_form = forms.pop(APPEAL, None)
        if open_appeal is not None and appeal_form is None:
            appeal_form = AppealDecisionForm(prefix=APPEAL)
        return self._page(
            request,
            "admin/moderation/item.html",
            {
                "title": _("Moderate: %(title)s") % {"title": item_kind.title(item)},
                "item": item,
                "kind": item_kind,
                "item_title": item_kind.title(item),
                "item_text": item_kind.text(item),
                "authors": [author for author in item_kind.authors(item) if author is not None],
                "is_public": item_kind.is_public(item),
                "is_hidden": hidden,
                "hidden_reason": item.hidden_reason,
                "public_url": item_kind.public_url(item),
                "admin_url": _item_admin_url(item),
                "reports": reports,
                "open_reports": open_reports,
                "history": ModerationAction.objects.filter(
                    content_type=content_type_of(item), object_id=item.pk
                ).select_related("moderator", "account"),
                "open_appeal": open_appeal,
                "may_decide_appeal": open_appeal is not None
                and permissions.can_decide_appeal(request.user, open_appeal),
                "appeal_form": appeal_form,
                "appeal_action": APPEAL,
                "decisions": [
                    {
                        "name": name,
                        "heading": actions[name].heading,
                        "button": actions[name].button,
                        "form": form,
                    }
                    for name, form in forms.items()
                ],
            },
        )

    # --- one account ---

    def account_view(self, request, pk):
        self._check(request)
        account = get_user_model().objects.filter(pk=pk).first()
        if account is None:
            raise Http404
        form = None
        if request.method == "POST":
            try:
                if account.blocked_at is None:
                    form = BlockForm(request.POST)
                    if form.is_valid():
                        services.user_block(user=account, by=request.user, **form.cleaned_data)
                        self.message_user(
                            request, _("The account is blocked and has been emailed."), messages.SUCCESS
                        )
                        return HttpResponseRedirect(request.path)
                else:
                    form = OptionalReasonForm(request.POST)
                    if form.is_valid():
                        services.user_unblock(
                            user=account, by=request.user, reason=form.cleaned_data["reason"]
                        )
                        self.message_user(request, _("The account is unblocked."), messages.SUCCESS)
                        return HttpResponseRedirect(request.path)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return HttpResponseRedirect(request.path)
        if form is None:
            form = BlockForm() if account.blocked_at is None else OptionalReasonForm()
        return self._page(
            request,
            "admin/moderation/account.html",
            {
                "title": _("Account: %(name)s") % {"name": account.display_name},
                "account": account,
                "form": form,
                "may_block": not account.is_staff,
                "history": ModerationAction.objects.filter(account=account).select_related("moderator"),
            },
        )


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
    """Appeals are decided on the item's moderation page; this list is for looking back."""

    list_display = ["created_at", "author", "content_type", "appealed_item", "status", "decided_by"]
    list_filter = ["status", "content_type"]
    list_select_related = ["author", "decided_by", "content_type"]

    @admin.display(description=_("item"))
    def appealed_item(self, appeal):
        return _linked_item(appeal)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("item")
