# The Celery app is loaded with Django, so that `shared_task`s bind to it and `.delay()` uses its broker
# (or runs the task in-process, without one).
from .celery import app as celery_app

__all__ = ["celery_app"]
