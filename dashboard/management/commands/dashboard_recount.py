"""`manage.py dashboard_recount`: the dashboard's monthly counts anew from the raw rows, after data was
loaded past the models (a restore, bulk inserts); every write through the models keeps them up to date."""

from django.core.management.base import BaseCommand

from dashboard.monthly import rebuild


class Command(BaseCommand):
    help = "Count the dashboard's monthly figures anew from the raw rows."

    def handle(self, *args, **options):
        made = rebuild()
        self.stdout.write(f"{made} monthly counts.")
