"""Shared by the tests of initiatives in the management site (/beheer/): the list, an initiative's page, its
moderation pages, and the initiative as the database has it now."""

from django.urls import reverse

from initiatives.models import Initiative

CHANGELIST = "admin:initiatives_initiative_changelist"


def change_url(initiative):
    return reverse("admin:initiatives_initiative_change", args=[initiative.pk])


def moderation_url(initiative, action):
    return reverse(f"admin:initiatives_initiative_{action}", args=[initiative.pk])


def fresh(initiative):
    return Initiative.objects.get(pk=initiative.pk)
