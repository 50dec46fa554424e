from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    default = True  # the app's own config; ManagementSiteConfig below is django.contrib.admin's

    def ready(self):
        from . import permissions, personal_data, privacy

        permissions.register_rules(self.label, permissions)
        # First of all apps: the export opens with the account, and erasure's own steps are in place
        # before any app's.
        privacy.register_privacy(personal_data)


class ManagementSiteConfig(admin_apps.AdminConfig):
    """django.contrib.admin (in INSTALLED_APPS by this name), whose default site is loket's management
    site: no login form of its own (accounts/management_site.py)."""

    default = False
    default_site = "accounts.management_site.ManagementSite"
