from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content for `manage.py loket_demo` (the top floor: nothing else imports it)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
