from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgebaseConfig(AppConfig):
    name = "knowledgebase"
    verbose_name = _("Knowledge base")

    def ready(self):
        from django.db.models import Prefetch

        from accounts.permissions import register_rules
        from accounts.privacy import register_privacy
        from initiatives.sections import PageSection, register_page_section
        from moderation import registry

        from . import moderation, permissions, privacy
        from .models import CaseAnalysis

        register_rules(self.label, permissions)
        register_privacy(privacy)
        registry.register(moderation.SUGGESTED_EXAMPLE)
        registry.register_queue(moderation.SUGGESTIONS)
        # An initiative's page shows its published case analyses.
        register_page_section(
            PageSection(
                lambda: Prefetch(
                    "analyses",
                    queryset=CaseAnalysis.objects.published().order_by("-published_at"),
                    to_attr="published_analyses",
                ),
                "knowledgebase/includes/initiative_analyses.html",
            )
        )
