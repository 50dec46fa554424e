"""Demo content for `manage.py loket_demo`, one module per kind of content (initiatives, ...)."""
