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
    path("", browse.index, name="index"),
    path("logboek/", browse.log_entries, name="log_entries"),
    path("obstakels/", browse.obstacles, name="obstacles"),
    path("nieuw/", editing.create, name="create"),
    path("mijn/", participation.mine, name="mine"),
    path("volgend/", participation.following, name="following"),
    path("wachtrij/", municipality.queue, name="queue"),
    path("uitnodiging/<str:token>/", editing.invitation, name="invitation"),
    path("afmelden/<str:token>/", participation.unsubscribe, name="unsubscribe"),
    path("<slug:slug>/", detail.detail, name="detail"),
    path("<slug:slug>/bewerken/", editing.edit, name="edit"),
    path("<slug:slug>/indienen/", editing.submit, name="submit"),
    path("<slug:slug>/verwijderen/", editing.delete, name="delete"),
    path("<slug:slug>/team/", editing.team, name="team"),
    path("<slug:slug>/logboek/nieuw/", log.create, name="log_create"),
    path("<slug:slug>/logboek/<int:pk>/bewerken/", log.edit, name="log_edit"),
    path("<slug:slug>/logboek/<int:pk>/verwijderen/", log.delete, name="log_delete"),
    path("<slug:slug>/hulpvragen/nieuw/", help.request_create, name="help_create"),
    path("<slug:slug>/hulpvragen/<int:pk>/bewerken/", help.request_edit, name="help_edit"),
    path("<slug:slug>/hulpvragen/<int:pk>/vervuld/", help.request_fulfilled, name="help_fulfilled"),
    path("<slug:slug>/hulpvragen/<int:pk>/aanbieden/", help.offer_create, name="offer_create"),
    path("<slug:slug>/aanbod/", help.offers, name="offers"),
    path("<slug:slug>/aanbod/<int:pk>/antwoorden/", help.offer_reply, name="offer_reply"),
    path("<slug:slug>/steunen/", participation.support, name="support"),
    path("<slug:slug>/volgen/", participation.follow, name="follow"),
    path("<slug:slug>/reacties/", participation.comment_create, name="comment_create"),
    path("<slug:slug>/reacties/<int:pk>/bewerken/", participation.comment_edit, name="comment_edit"),
    path("<slug:slug>/reacties/<int:pk>/verwijderen/", participation.comment_delete, name="comment_delete"),
    path("<slug:slug>/reactie-gemeente/", municipality.respond, name="respond"),
]
