from django.urls import path

from .views import browse, detail, editing, help, log, municipality, participation

app_name = "initiatives"

# Fixed words come before `<slug:slug>/`; services.authoring keeps them out of initiative slugs.
RESERVED_SLUGS = {
    "nieuw",
    "mijn",
    "volgend",
    "logboek",
    "obstakels",
    "wachtrij",
    "uitnodiging",
    "afmelden",
}

urlpatterns = [
    path("", browse.index, name="initiative_list"),
    path("logboek/", browse.log_entries, name="log_entry_list"),
    path("obstakels/", browse.obstacles, name="obstacle_list"),
    path("nieuw/", editing.create, name="initiative_create"),
    path("mijn/", participation.mine, name="own_initiative_list"),
    path("volgend/", participation.following, name="followed_initiative_list"),
    path("wachtrij/", municipality.queue, name="waiting_initiative_list"),
    path("uitnodiging/<str:token>/", editing.invitation, name="invitation_accept"),
    path("afmelden/<str:token>/", participation.unsubscribe, name="follow_unsubscribe"),
    path("<slug:slug>/", detail.detail, name="initiative_detail"),
    path("<slug:slug>/bewerken/", editing.edit, name="initiative_edit"),
    path("<slug:slug>/indienen/", editing.submit, name="initiative_submit"),
    path("<slug:slug>/verwijderen/", editing.delete, name="initiative_delete"),
    path("<slug:slug>/team/", editing.team, name="team_edit"),
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
    path("<slug:slug>/reacties/", participation.comment_create, name="comment_create"),
    path("<slug:slug>/reacties/<int:pk>/bewerken/", participation.comment_edit, name="comment_edit"),
    path("<slug:slug>/reacties/<int:pk>/verwijderen/", participation.comment_delete, name="comment_delete"),
    path("<slug:slug>/reactie-gemeente/", municipality.respond, name="municipal_response_create"),
]
