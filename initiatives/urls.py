from django.urls import path

from .choices import FixedPath
from .views import browse, detail, editing, help, log, municipality, participation

app_name = "initiatives"

# The fixed words (choices.FixedPath) come before `<slug:slug>/`; no initiative has one as its slug.
urlpatterns = [
    path("", browse.index, name="initiative_list"),
    path(f"{FixedPath.LOG}/", browse.log_entries, name="log_entry_list"),
    path(f"{FixedPath.OBSTACLES}/", browse.obstacles, name="obstacle_list"),
    path(f"{FixedPath.NEW}/", editing.create, name="initiative_create"),
    path(f"{FixedPath.MINE}/", participation.mine, name="own_initiative_list"),
    path(f"{FixedPath.FOLLOWING}/", participation.following, name="followed_initiative_list"),
    path(f"{FixedPath.QUEUE}/", municipality.queue, name="waiting_initiative_list"),
    path(f"{FixedPath.INVITATION}/<str:token>/", editing.invitation, name="invitation_accept"),
    path(f"{FixedPath.UNSUBSCRIBE}/<str:token>/", participation.unsubscribe, name="follow_unsubscribe"),
    path("<slug:slug>/", detail.detail, name="initiative_detail"),
    path("<slug:slug>/bewerken/", editing.edit, name="initiative_edit"),
    path("<slug:slug>/indienen/", editing.submit, name="initiative_submit"),
    path("<slug:slug>/verwijderen/", editing.delete, name="initiative_delete"),
    path("<slug:slug>/team/", editing.team, name="team_edit"),
    path("<slug:slug>/logboek/", detail.log_entries, name="initiative_log_entry_list"),
    path("<slug:slug>/logboek/nieuw/", log.create, name="log_entry_create"),
    path("<slug:slug>/logboek/<int:pk>/bewerken/", log.edit, name="log_entry_edit"),
    path("<slug:slug>/logboek/<int:pk>/verwijderen/", log.delete, name="log_entry_delete"),
    path("<slug:slug>/hulpvragen/nieuw/", help.request_create, name="help_request_create"),
    path("<slug:slug>/hulpvragen/<int:pk>/bewerken/", help.request_edit, name="help_request_edit"),
    path("<slug:slug>/hulpvragen/<int:pk>/vervuld/", help.request_fulfilled, name="help_request_fulfil"),
    path("<slug:slug>/hulpvragen/<int:pk>/aanbieden/", help.offer_create, name="help_offer_create"),
    path("<slug:slug>/aanbod/", help.offers, name="help_offer_list"),
    path("<slug:slug>/aanbod/<int:pk>/antwoorden/", help.offer_reply, name="help_offer_reply"),
    path("<slug:slug>/steunen/", participation.support, name="support_toggle"),
    path("<slug:slug>/volgen/", participation.follow, name="follow_toggle"),
    path("<slug:slug>/steun/", detail.supporters, name="supporter_list"),
    path("<slug:slug>/reacties/", detail.comments, name="comment_list"),
    path("<slug:slug>/reacties/nieuw/", participation.comment_create, name="comment_create"),
    path("<slug:slug>/reacties/<int:pk>/bewerken/", participation.comment_edit, name="comment_edit"),
    path("<slug:slug>/reacties/<int:pk>/verwijderen/", participation.comment_delete, name="comment_delete"),
    path("<slug:slug>/reactie-gemeente/", municipality.respond, name="municipal_response_create"),
]
