from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    default = True  # the app's own config; ManagementSiteConfig below is django.contrib.admin's

    def ready(self):
        from . import failed_task_privacy, permissions, personal_data, privacy

        permissions.register_rules(self.label, permissions)
        # First of all apps: the export opens with the account, and erasure's own steps are in place
        # before any app's.
        privacy.register_privacy(personal_data)
        # The task queue's dead letters (core.FailedTask): core knows no people, so accounts registers them.
        privacy.register_privacy(failed_task_privacy)


class ManagementSiteConfig(admin_apps.AdminConfig):
    """django.contrib.admin (in INSTALLED_APPS by this name), whose default site is loket's management
    site: no login form of its own (accounts/management_site.py)."""

    default = False
    default_site = "accounts.management_site.ManagementSite"
