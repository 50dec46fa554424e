"""Every address of the site with its name. A change here is a change of what people have bookmarked,
linked to and been emailed: it must be meant (an address that moves keeps a redirect from the old one)."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.accounts.factories import staff_in_role

pytestmark = pytest.mark.django_db


def url_patterns(patterns=None, prefix="", namespace=""):
    """(route, name) of every pattern, in the order Django tries them; names with their namespace."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), f"{namespace}{pattern.name}" if pattern.name else None


# With SERVE_MEDIA (development) one more serves the uploads under /media/.
ADDRESSES = [
    ("", "home"),
    ("initiatieven/", "initiatives:initiative_list"),
    ("initiatieven/logboek/", "initiatives:log_entry_list"),
    ("initiatieven/obstakels/", "initiatives:obstacle_list"),
    ("initiatieven/nieuw/", "initiatives:initiative_create"),
    ("initiatieven/mijn/", "initiatives:own_initiative_list"),
    ("initiatieven/volgend/", "initiatives:followed_initiative_list"),
    ("initiatieven/wachtrij/", "initiatives:waiting_initiative_list"),
    ("initiatieven/uitnodiging/<str:token>/", "initiatives:invitation_accept"),
    ("initiatieven/afmelden/<str:token>/", "initiatives:follow_unsubscribe"),
    ("initiatieven/<slug:slug>/", "initiatives:initiative_detail"),
    ("initiatieven/<slug:slug>/bewerken/", "initiatives:initiative_edit"),
    ("initiatieven/<slug:slug>/indienen/", "initiatives:initiative_submit"),
    ("initiatieven/<slug:slug>/verwijderen/", "initiatives:initiative_delete"),
    ("initiatieven/<slug:slug>/team/", "initiatives:team_edit"),
    ("initiatieven/<slug:slug>/logboek/nieuw/", "initiatives:log_entry_create"),
    ("initiatieven/<slug:slug>/logboek/<int:pk>/bewerken/", "initiatives:log_entry_edit"),
    ("initiatieven/<slug:slug>/logboek/<int:pk>/verwijderen/", "initiatives:log_entry_delete"),
    ("initiatieven/<slug:slug>/hulpvragen/nieuw/", "initiatives:help_request_create"),
    ("initiatieven/<slug:slug>/hulpvragen/<int:pk>/bewerken/", "initiatives:help_request_edit"),
    ("initiatieven/<slug:slug>/hulpvragen/<int:pk>/vervuld/", "initiatives:help_request_fulfil"),
    ("initiatieven/<slug:slug>/hulpvragen/<int:pk>/aanbieden/", "initiatives:help_offer_create"),
    ("initiatieven/<slug:slug>/aanbod/", "initiatives:help_offer_list"),
    ("initiatieven/<slug:slug>/aanbod/<int:pk>/antwoorden/", "initiatives:help_offer_reply"),
    ("initiatieven/<slug:slug>/steunen/", "initiatives:support_toggle"),
    ("initiatieven/<slug:slug>/volgen/", "initiatives:follow_toggle"),
    ("initiatieven/<slug:slug>/reacties/", "initiatives:comment_create"),
    ("initiatieven/<slug:slug>/reacties/<int:pk>/bewerken/", "initiatives:comment_edit"),
    ("initiatieven/<slug:slug>/reacties/<int:pk>/verwijderen/", "initiatives:comment_delete"),
    ("initiatieven/<slug:slug>/reactie-gemeente/", "initiatives:municipal_response_create"),
    ("kennisbank/", "knowledgebase:index"),
    ("kennisbank/begrippen/<slug:slug>/", "knowledgebase:concept_detail"),
    ("kennisbank/artikelen/", "knowledgebase:article_list"),
    ("kennisbank/artikelen/<slug:slug>/", "knowledgebase:article_detail"),
    ("kennisbank/artikelen/<slug:slug>/bestand/", "knowledgebase:article_download"),
    ("kennisbank/voorbeeld-voorstellen/", "knowledgebase:example_suggest"),
    ("kennisbank/analyses/", "knowledgebase:analysis_list"),
    ("kennisbank/analyses/<slug:slug>/", "knowledgebase:analysis_detail"),
    ("zoeken/", "site_search"),
    ("moderatie/melden/<slug:kind>/<int:pk>/", "moderation:report_create"),
    ("moderatie/bezwaar/<int:pk>/", "moderation:appeal_create"),
    ("dashboard/", "dashboard:index"),
    ("dashboard/cijfers.csv", "dashboard:figure_export"),
    ("open-data/", "opendata:index"),
    ("open-data/<slug:what>.<str:fmt>", "opendata:dataset_download"),
    ("ingebed/initiatieven/", "opendata:initiative_embed"),
    ("feeds/initiatieven/", "opendata:initiative_feed"),
    ("feeds/initiatieven/atom/", "opendata:initiative_feed_atom"),
    ("feeds/logboek/", "opendata:log_entry_feed"),
    ("feeds/logboek/atom/", "opendata:log_entry_feed_atom"),
    ("feeds/kennisbank/", "opendata:article_feed"),
    ("feeds/kennisbank/atom/", "opendata:article_feed_atom"),
    ("api/schema/", "opendata:api_schema"),
    ("api/docs/", "opendata:api_docs"),
    ("api/^initiatieven/$", "opendata:initiative-list"),
    ("api/^initiatieven\\.(?P<format>[a-z0-9]+)/?$", "opendata:initiative-list"),
    ("api/^initiatieven/(?P<slug>[-a-zA-Z0-9_]+)/$", "opendata:initiative-detail"),
    ("api/^initiatieven/(?P<slug>[-a-zA-Z0-9_]+)\\.(?P<format>[a-z0-9]+)/?$", "opendata:initiative-detail"),
    ("api/^logboek/$", "opendata:logentry-list"),
    ("api/^logboek\\.(?P<format>[a-z0-9]+)/?$", "opendata:logentry-list"),
    ("api/^logboek/(?P<pk>[^/.]+)/$", "opendata:logentry-detail"),
    ("api/^logboek/(?P<pk>[^/.]+)\\.(?P<format>[a-z0-9]+)/?$", "opendata:logentry-detail"),
    ("api/^artikelen/$", "opendata:article-list"),
    ("api/^artikelen\\.(?P<format>[a-z0-9]+)/?$", "opendata:article-list"),
    ("api/^artikelen/(?P<slug>[-a-zA-Z0-9_]+)/$", "opendata:article-detail"),
    ("api/^artikelen/(?P<slug>[-a-zA-Z0-9_]+)\\.(?P<format>[a-z0-9]+)/?$", "opendata:article-detail"),
    ("api/^gebieden/$", "opendata:area-list"),
    ("api/^gebieden\\.(?P<format>[a-z0-9]+)/?$", "opendata:area-list"),
    ("api/^gebieden/(?P<slug>[-a-zA-Z0-9_]+)/$", "opendata:area-detail"),
    ("api/^gebieden/(?P<slug>[-a-zA-Z0-9_]+)\\.(?P<format>[a-z0-9]+)/?$", "opendata:area-detail"),
    ("api/^begrippen/$", "opendata:concept-list"),
    ("api/^begrippen\\.(?P<format>[a-z0-9]+)/?$", "opendata:concept-list"),
    ("api/^begrippen/(?P<slug>[-a-zA-Z0-9_]+)/$", "opendata:concept-detail"),
    ("api/^begrippen/(?P<slug>[-a-zA-Z0-9_]+)\\.(?P<format>[a-z0-9]+)/?$", "opendata:concept-detail"),
    ("samenwerkingslab/", "lab:index"),
    ("samenwerkingslab/sessies/<slug:slug>/", "lab:session_detail"),
    ("samenwerkingslab/sessies/<slug:slug>/aanmelden/", "lab:session_signup"),
    ("samenwerkingslab/sessies/<slug:slug>/afmelden/", "lab:session_cancel"),
    ("samenwerkingslab/sessies/<slug:slug>/agenda.ics", "lab:session_calendar"),
    ("samenwerkingslab/signalen/", "lab:signal_list"),
    ("samenwerkingslab/signalen/nieuw/", "lab:signal_create"),
    ("samenwerkingslab/signalen/<int:pk>/", "lab:signal_detail"),
    ("samenwerkingslab/signalen/<int:pk>/intrekken/", "lab:signal_withdraw"),
    ("over-het-loket/", "about"),
    ("zo-zijn-onze-manieren/", "our_ways"),
    ("gids/initiatiefnemers/", "guide_initiators"),
    ("gids/ambtenaren/", "guide_civil_servants"),
    ("privacy/", "privacy"),
    ("toegankelijkheid/", "accessibility"),
    ("contact/", "contact"),
    ("account/profiel/", "accounts:profile_edit"),
    ("account/profiel/mijn-gegevens.json", "accounts:data_export"),
    ("account/profiel/verwijderen/", "accounts:account_delete"),
    ("account/login/", "account_login"),
    ("account/logout/", "account_logout"),
    ("account/inactive/", "account_inactive"),
    ("account/signup/", "account_signup"),
    ("account/reauthenticate/", "account_reauthenticate"),
    ("account/email/", "account_email"),
    ("account/confirm-email/", "account_email_verification_sent"),
    ("account/password/change/", "account_change_password"),
    ("account/password/set/", "account_set_password"),
    ("account/password/reset/", "account_reset_password"),
    ("account/login/code/confirm/", "account_confirm_login_code"),
    ("account/^confirm-email/(?P<key>[-:\\w]+)/$", "account_confirm_email"),
    ("account/password/reset/key/done/", "account_reset_password_from_key_done"),
    ("account/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$", "account_reset_password_from_key"),
    ("account/password/reset/done/", "account_reset_password_done"),
    ("i18n/setlang/", "set_language"),
    ("^beheer/knowledgebase/flywheel/(?P<rest>.*)$", None),
    ("^beheer/knowledgebase/concept/(?P<rest>.*)$", None),
    ("beheer/", "admin:index"),
    ("beheer/login/", "admin:login"),
    ("beheer/logout/", "admin:logout"),
    ("beheer/password_change/", "admin:password_change"),
    ("beheer/password_change/done/", "admin:password_change_done"),
    ("beheer/autocomplete/", "admin:autocomplete"),
    ("beheer/jsi18n/", "admin:jsi18n"),
    ("beheer/r/<path:content_type_id>/<path:object_id>/", "admin:view_on_site"),
    ("beheer/auth/group/", "admin:auth_group_changelist"),
    ("beheer/auth/group/add/", "admin:auth_group_add"),
    ("beheer/auth/group/<path:object_id>/history/", "admin:auth_group_history"),
    ("beheer/auth/group/<path:object_id>/delete/", "admin:auth_group_delete"),
    ("beheer/auth/group/<path:object_id>/change/", "admin:auth_group_change"),
    ("beheer/auth/group/<path:object_id>/", None),
    ("beheer/account/emailaddress/", "admin:account_emailaddress_changelist"),
    ("beheer/account/emailaddress/add/", "admin:account_emailaddress_add"),
    ("beheer/account/emailaddress/<path:object_id>/history/", "admin:account_emailaddress_history"),
    ("beheer/account/emailaddress/<path:object_id>/delete/", "admin:account_emailaddress_delete"),
    ("beheer/account/emailaddress/<path:object_id>/change/", "admin:account_emailaddress_change"),
    ("beheer/account/emailaddress/<path:object_id>/", None),
    ("beheer/taggit/tag/merge-tags/", "admin:taggit_tag_merge_tags"),
    ("beheer/taggit/tag/", "admin:taggit_tag_changelist"),
    ("beheer/taggit/tag/add/", "admin:taggit_tag_add"),
    ("beheer/taggit/tag/<path:object_id>/history/", "admin:taggit_tag_history"),
    ("beheer/taggit/tag/<path:object_id>/delete/", "admin:taggit_tag_delete"),
    ("beheer/taggit/tag/<path:object_id>/change/", "admin:taggit_tag_change"),
    ("beheer/taggit/tag/<path:object_id>/", None),
    ("beheer/places/area/", "admin:places_area_changelist"),
    ("beheer/places/area/add/", "admin:places_area_add"),
    ("beheer/places/area/<path:object_id>/history/", "admin:places_area_history"),
    ("beheer/places/area/<path:object_id>/delete/", "admin:places_area_delete"),
    ("beheer/places/area/<path:object_id>/change/", "admin:places_area_change"),
    ("beheer/places/area/<path:object_id>/", None),
    ("beheer/flywheels/flywheel/", "admin:flywheels_flywheel_changelist"),
    ("beheer/flywheels/flywheel/add/", "admin:flywheels_flywheel_add"),
    ("beheer/flywheels/flywheel/<path:object_id>/history/", "admin:flywheels_flywheel_history"),
    ("beheer/flywheels/flywheel/<path:object_id>/delete/", "admin:flywheels_flywheel_delete"),
    ("beheer/flywheels/flywheel/<path:object_id>/change/", "admin:flywheels_flywheel_change"),
    ("beheer/flywheels/flywheel/<path:object_id>/", None),
    ("beheer/flywheels/concept/", "admin:flywheels_concept_changelist"),
    ("beheer/flywheels/concept/add/", "admin:flywheels_concept_add"),
    ("beheer/flywheels/concept/<path:object_id>/history/", "admin:flywheels_concept_history"),
    ("beheer/flywheels/concept/<path:object_id>/delete/", "admin:flywheels_concept_delete"),
    ("beheer/flywheels/concept/<path:object_id>/change/", "admin:flywheels_concept_change"),
    ("beheer/flywheels/concept/<path:object_id>/", None),
    ("beheer/accounts/user/<id>/password/", "admin:auth_user_password_change"),
    ("beheer/accounts/user/", "admin:accounts_user_changelist"),
    ("beheer/accounts/user/add/", "admin:accounts_user_add"),
    ("beheer/accounts/user/<path:object_id>/history/", "admin:accounts_user_history"),
    ("beheer/accounts/user/<path:object_id>/delete/", "admin:accounts_user_delete"),
    ("beheer/accounts/user/<path:object_id>/change/", "admin:accounts_user_change"),
    ("beheer/accounts/user/<path:object_id>/", None),
    ("beheer/moderation/moderationaction/", "admin:moderation_moderationaction_changelist"),
    ("beheer/moderation/moderationaction/add/", "admin:moderation_moderationaction_add"),
    (
        "beheer/moderation/moderationaction/<path:object_id>/history/",
        "admin:moderation_moderationaction_history",
    ),
    (
        "beheer/moderation/moderationaction/<path:object_id>/delete/",
        "admin:moderation_moderationaction_delete",
    ),
    (
        "beheer/moderation/moderationaction/<path:object_id>/change/",
        "admin:moderation_moderationaction_change",
    ),
    ("beheer/moderation/moderationaction/<path:object_id>/", None),
    ("beheer/moderation/report/wachtrij/", "admin:moderation_queue"),
    ("beheer/moderation/report/item/<slug:kind>/<int:pk>/", "admin:moderation_item"),
    ("beheer/moderation/report/account/<int:pk>/", "admin:moderation_account"),
    ("beheer/moderation/report/", "admin:moderation_report_changelist"),
    ("beheer/moderation/report/add/", "admin:moderation_report_add"),
    ("beheer/moderation/report/<path:object_id>/history/", "admin:moderation_report_history"),
    ("beheer/moderation/report/<path:object_id>/delete/", "admin:moderation_report_delete"),
    ("beheer/moderation/report/<path:object_id>/change/", "admin:moderation_report_change"),
    ("beheer/moderation/report/<path:object_id>/", None),
    ("beheer/moderation/appeal/", "admin:moderation_appeal_changelist"),
    ("beheer/moderation/appeal/add/", "admin:moderation_appeal_add"),
    ("beheer/moderation/appeal/<path:object_id>/history/", "admin:moderation_appeal_history"),
    ("beheer/moderation/appeal/<path:object_id>/delete/", "admin:moderation_appeal_delete"),
    ("beheer/moderation/appeal/<path:object_id>/change/", "admin:moderation_appeal_change"),
    ("beheer/moderation/appeal/<path:object_id>/", None),
    ("beheer/initiatives/logentry/", "admin:initiatives_logentry_changelist"),
    ("beheer/initiatives/logentry/add/", "admin:initiatives_logentry_add"),
    ("beheer/initiatives/logentry/<path:object_id>/history/", "admin:initiatives_logentry_history"),
    ("beheer/initiatives/logentry/<path:object_id>/delete/", "admin:initiatives_logentry_delete"),
    ("beheer/initiatives/logentry/<path:object_id>/change/", "admin:initiatives_logentry_change"),
    ("beheer/initiatives/logentry/<path:object_id>/", None),
    ("beheer/initiatives/helprequest/", "admin:initiatives_helprequest_changelist"),
    ("beheer/initiatives/helprequest/add/", "admin:initiatives_helprequest_add"),
    ("beheer/initiatives/helprequest/<path:object_id>/history/", "admin:initiatives_helprequest_history"),
    ("beheer/initiatives/helprequest/<path:object_id>/delete/", "admin:initiatives_helprequest_delete"),
    ("beheer/initiatives/helprequest/<path:object_id>/change/", "admin:initiatives_helprequest_change"),
    ("beheer/initiatives/helprequest/<path:object_id>/", None),
    ("beheer/initiatives/comment/", "admin:initiatives_comment_changelist"),
    ("beheer/initiatives/comment/add/", "admin:initiatives_comment_add"),
    ("beheer/initiatives/comment/<path:object_id>/history/", "admin:initiatives_comment_history"),
    ("beheer/initiatives/comment/<path:object_id>/delete/", "admin:initiatives_comment_delete"),
    ("beheer/initiatives/comment/<path:object_id>/change/", "admin:initiatives_comment_change"),
    ("beheer/initiatives/comment/<path:object_id>/", None),
    ("beheer/initiatives/municipalresponse/", "admin:initiatives_municipalresponse_changelist"),
    ("beheer/initiatives/municipalresponse/add/", "admin:initiatives_municipalresponse_add"),
    (
        "beheer/initiatives/municipalresponse/<path:object_id>/history/",
        "admin:initiatives_municipalresponse_history",
    ),
    (
        "beheer/initiatives/municipalresponse/<path:object_id>/delete/",
        "admin:initiatives_municipalresponse_delete",
    ),
    (
        "beheer/initiatives/municipalresponse/<path:object_id>/change/",
        "admin:initiatives_municipalresponse_change",
    ),
    ("beheer/initiatives/municipalresponse/<path:object_id>/", None),
    ("beheer/initiatives/initiative/<path:object_id>/publish/", "admin:initiatives_initiative_publish"),
    ("beheer/initiatives/initiative/<path:object_id>/reject/", "admin:initiatives_initiative_reject"),
    ("beheer/initiatives/initiative/<path:object_id>/hide/", "admin:initiatives_initiative_hide"),
    ("beheer/initiatives/initiative/", "admin:initiatives_initiative_changelist"),
    ("beheer/initiatives/initiative/add/", "admin:initiatives_initiative_add"),
    ("beheer/initiatives/initiative/<path:object_id>/history/", "admin:initiatives_initiative_history"),
    ("beheer/initiatives/initiative/<path:object_id>/delete/", "admin:initiatives_initiative_delete"),
    ("beheer/initiatives/initiative/<path:object_id>/change/", "admin:initiatives_initiative_change"),
    ("beheer/initiatives/initiative/<path:object_id>/", None),
    ("beheer/knowledgebase/article/", "admin:knowledgebase_article_changelist"),
    ("beheer/knowledgebase/article/add/", "admin:knowledgebase_article_add"),
    ("beheer/knowledgebase/article/<path:object_id>/history/", "admin:knowledgebase_article_history"),
    ("beheer/knowledgebase/article/<path:object_id>/delete/", "admin:knowledgebase_article_delete"),
    ("beheer/knowledgebase/article/<path:object_id>/change/", "admin:knowledgebase_article_change"),
    ("beheer/knowledgebase/article/<path:object_id>/", None),
    ("beheer/knowledgebase/caseanalysis/", "admin:knowledgebase_caseanalysis_changelist"),
    ("beheer/knowledgebase/caseanalysis/add/", "admin:knowledgebase_caseanalysis_add"),
    (
        "beheer/knowledgebase/caseanalysis/<path:object_id>/history/",
        "admin:knowledgebase_caseanalysis_history",
    ),
    ("beheer/knowledgebase/caseanalysis/<path:object_id>/delete/", "admin:knowledgebase_caseanalysis_delete"),
    ("beheer/knowledgebase/caseanalysis/<path:object_id>/change/", "admin:knowledgebase_caseanalysis_change"),
    ("beheer/knowledgebase/caseanalysis/<path:object_id>/", None),
    ("beheer/knowledgebase/page/", "admin:knowledgebase_page_changelist"),
    ("beheer/knowledgebase/page/add/", "admin:knowledgebase_page_add"),
    ("beheer/knowledgebase/page/<path:object_id>/history/", "admin:knowledgebase_page_history"),
    ("beheer/knowledgebase/page/<path:object_id>/delete/", "admin:knowledgebase_page_delete"),
    ("beheer/knowledgebase/page/<path:object_id>/change/", "admin:knowledgebase_page_change"),
    ("beheer/knowledgebase/page/<path:object_id>/", None),
    ("beheer/lab/labsession/", "admin:lab_labsession_changelist"),
    ("beheer/lab/labsession/add/", "admin:lab_labsession_add"),
    ("beheer/lab/labsession/<path:object_id>/history/", "admin:lab_labsession_history"),
    ("beheer/lab/labsession/<path:object_id>/delete/", "admin:lab_labsession_delete"),
    ("beheer/lab/labsession/<path:object_id>/change/", "admin:lab_labsession_change"),
    ("beheer/lab/labsession/<path:object_id>/", None),
    ("beheer/lab/signal/", "admin:lab_signal_changelist"),
    ("beheer/lab/signal/add/", "admin:lab_signal_add"),
    ("beheer/lab/signal/<path:object_id>/history/", "admin:lab_signal_history"),
    ("beheer/lab/signal/<path:object_id>/delete/", "admin:lab_signal_delete"),
    ("beheer/lab/signal/<path:object_id>/change/", "admin:lab_signal_change"),
    ("beheer/lab/signal/<path:object_id>/", None),
    (
        "beheer/^(?P<app_label>auth|account|taggit|places|flywheels|accounts|moderation|initiatives|knowledgebase|lab)/$",
        "admin:app_list",
    ),
    ("beheer/(?P<url>.*)$", None),
    ("healthz", "health_check"),
    ("livez", "liveness_check"),
]


def test_every_address_and_its_name_are_as_listed():
    assert list(url_patterns()) == ADDRESSES


# What a page does with its thing, the last word of its name.
VERBS = (
    "list|detail|create|edit|delete|submit|toggle|accept|unsubscribe|fulfil|reply|signup|cancel|calendar|"
    "withdraw|download|suggest|export|embed|feed|feed_atom|schema|docs"
)
APPS = ("initiatives", "knowledgebase", "lab", "moderation", "dashboard", "opendata", "accounts")


def test_the_apps_name_their_addresses_thing_then_verb():
    """`initiatives:initiative_edit`, `lab:signal_list`; an app's front page is `index`. (DRF names its
    API routes itself: `opendata:initiative-list`.)"""
    names = [name for _route, name in ADDRESSES if name and name.split(":")[0] in APPS and "-" not in name]

    assert len(names) > 50
    for name in names:
        last = name.split(":")[1]
        assert last == "index" or re.fullmatch(rf"[a-z]+(_[a-z]+)*_({VERBS})", last), name


@pytest.mark.parametrize("model", ["flywheel", "concept"])
def test_the_old_management_addresses_of_the_flywheels_lead_to_their_new_ones(client, model):
    client.force_login(staff_in_role("editors"))

    response = client.get(f"/beheer/knowledgebase/{model}/?q=animo")

    assert response.status_code == 301
    assert response["Location"] == f"/beheer/flywheels/{model}/?q=animo"
    assert client.get(response["Location"]).status_code == 200
