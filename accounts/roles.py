"""Staff roles are Django groups. This module is the one place that says which permissions each has.

Data migrations call `sync_role_groups` (it is idempotent), so a fresh database and an existing one end up
with the same groups. When a later app adds models a role works with, add their permissions here and add
a migration to that app that runs `sync_role_groups` again.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MODERATOR = "moderators", _("Moderators (civil servants)")
    EDITOR = "editors", _("Editors (knowledge base)")
    COUNCIL = "council", _("Council (dashboards, read-only)")
    OMBUDS = "ombuds", _("Ombuds (samenwerkingslab signals)")


# Permissions as "app_label.codename".
ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.MODERATOR: [
        "accounts.view_user",
        "places.view_area",
        "flywheels.view_flywheel",
        "flywheels.view_concept",
        "initiatives.view_initiative",
        "initiatives.change_initiative",
        "initiatives.view_teammembership",
        "initiatives.view_logentry",
        "initiatives.change_logentry",
        "initiatives.view_helprequest",
        "initiatives.view_comment",
        "initiatives.change_comment",
        "initiatives.delete_comment",
        "initiatives.view_municipalresponse",
        "initiatives.add_municipalresponse",
        "initiatives.change_municipalresponse",
        "initiatives.view_support",
        "moderation.view_report",
        "moderation.change_report",
        "moderation.view_moderationaction",
        "moderation.view_appeal",
        # Civil servants take part in analysis groups.
        "knowledgebase.view_article",
        "knowledgebase.view_caseanalysis",
        "knowledgebase.add_caseanalysis",
        "knowledgebase.change_caseanalysis",
        "knowledgebase.view_conceptfinding",
        "knowledgebase.add_conceptfinding",
        "knowledgebase.change_conceptfinding",
        "knowledgebase.delete_conceptfinding",
    ],
    Role.EDITOR: [
        "accounts.view_user",  # to name the members of an analysis group
        "places.view_area",
        "places.add_area",
        "places.change_area",
        "flywheels.view_flywheel",
        "flywheels.change_flywheel",
        "flywheels.view_concept",
        "flywheels.add_concept",
        "flywheels.change_concept",
        "knowledgebase.view_article",
        "knowledgebase.add_article",
        "knowledgebase.change_article",
        "knowledgebase.delete_article",
        "knowledgebase.view_caseanalysis",
        "knowledgebase.add_caseanalysis",
        "knowledgebase.change_caseanalysis",
        "knowledgebase.delete_caseanalysis",
        "knowledgebase.view_conceptfinding",
        "knowledgebase.add_conceptfinding",
        "knowledgebase.change_conceptfinding",
        "knowledgebase.delete_conceptfinding",
        "knowledgebase.view_page",
        "knowledgebase.change_page",
        "initiatives.view_initiative",
    ],
    Role.COUNCIL: [
        "places.view_area",
        "flywheels.view_flywheel",
        "flywheels.view_concept",
        "initiatives.view_initiative",
        "initiatives.view_municipalresponse",
        "knowledgebase.view_article",
        "knowledgebase.view_caseanalysis",
        "knowledgebase.view_conceptfinding",
    ],
    Role.OMBUDS: [
        "accounts.view_user",
        # Lab hosts: the sessions of the samenwerkingslab, and the confidential signals.
        "lab.view_labsession",
        "lab.add_labsession",
        "lab.change_labsession",
        "lab.delete_labsession",
        "lab.view_registration",
        "lab.view_signal",
        "lab.change_signal",
        "lab.view_signalmessage",
    ],
}


def sync_role_groups(apps=global_apps, schema_editor=None):
    """Create the role groups and give each exactly the permissions listed above."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_labels = {perm.split(".", 1)[0] for perms in ROLE_PERMISSIONS.values() for perm in perms}
    # Permissions are normally created after all migrations ran; make sure they exist now.
    for label in app_labels:
        create_permissions(global_apps.get_app_config(label), verbosity=0, apps=apps)
    for role, perms in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role.value)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".", 1)
            if not _model_exists_yet(apps, app_label, codename):
                continue  # a later migration of that app calls this function again
            wanted.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)


def _model_exists_yet(apps, app_label, codename):
    """Whether the model a default permission ("view_initiative") is about exists at this migration."""
    model_name = codename.split("_", 1)[1]
    return model_name in apps.all_models.get(app_label, {})
