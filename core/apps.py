from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every other app builds on: base models, search, slugs, paging, rate limits, mail, Markdown,
    photos, documents, the form renderer, the language middleware and the shared template tags. It imports
    none of the other apps."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import content_version

        content_version.connect()
