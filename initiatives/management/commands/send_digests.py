"""Send the daily or weekly digest emails by hand. On a server Celery beat sends them on its schedule
(`initiatives.send_digests` in CELERY_BEAT_SCHEDULE; README, "Background work"): no cron line needed."""

from django.core.management.base import BaseCommand

from initiatives.choices import FollowFrequency
from initiatives.services import digests


class Command(BaseCommand):
    help = "Email followers their daily or weekly digest of changes in the initiatives they follow."

    def add_arguments(self, parser):
        parser.add_argument("frequency", choices=[FollowFrequency.DAILY.value, FollowFrequency.WEEKLY.value])

    def handle(self, *args, frequency, **options):
        count = digests.digests_send(frequency=frequency)
        self.stdout.write(f"Sent {count} {frequency} digest email(s).")
