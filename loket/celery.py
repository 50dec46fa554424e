"""The task queue (issue 16, point 4): Celery, with Redis as broker.

The lead's choice, not to be re-decided here: Celery 5.7 (widely used, well kept) with Redis as broker
(`CELERY_BROKER_URL`, or `REDIS_URL` when that is set), and Celery's own beat scheduler with the static
schedule in the settings (`CELERY_BEAT_SCHEDULE`), not django-celery-beat. Tasks live in each app's
`tasks.py` and only call that app's services.

Without a broker (`make run`, the test settings) every task runs in-process at once
(`task_always_eager`): nothing extra to start. On a server: `celery -A loket worker -l info` and
`celery -A loket beat` (or `celery -A loket worker -B -l info` on one machine); see the README's
"Background work".
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")

app = Celery("loket")
# Every setting named CELERY_* in loket/settings.py, without the prefix (CELERY_BROKER_URL → broker_url).
app.config_from_object("django.conf:settings", namespace="CELERY")
# Each installed app's tasks.py.
app.autodiscover_tasks()
