"""The benchmark (`make bench`, `manage.py loket_bench`): the pages that the public and the council use,
under load on the scale data set (demo/scale/), each against a bare Django view in the same run.

dataset.py prepares the database, pages.py says what is measured, server.py runs gunicorn, probe.py times
one request, wrk.py and report.lua run the load generator and read its figures, queries.py counts each
page's queries, report.py and document.py write the table and docs/benchmark.md."""
