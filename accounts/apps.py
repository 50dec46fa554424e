from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import permissions, personal_data, privacy

        permissions.register_rules(self.label, permissions)
        # First of all apps: the export opens with the account, and erasure's own steps are in place
        # before any app's.
        privacy.register_privacy(personal_data)
