"""Demo content and one account per role for `manage.py loket_demo`: the content is data (demo/data/*.yaml),
read by the small loader in demo/loader/."""
