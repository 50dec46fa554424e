"""The benchmark (`make bench`, demo/bench/): reading wrk's figures, the table, the pages it measures, and
one timed request. The whole benchmark end to end is in test_scale_bench_e2e.py."""

import http.server
import shutil
import threading

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role
from demo.bench import pages as bench_pages
from demo.bench import wrk
from demo.bench.pages import Page
from demo.bench.probe import Probe, probe
from demo.bench.queries import client_for, count_queries
from demo.bench.report import Row, ratio, table
from demo.bench.wrk import Load, parse
from tests.accounts.factories import staff_in_role
from tests.demo.scale_helpers import scale_loaded

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8123/initiatieven/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   812.51ms  102.11ms   1.21s    70.00%
  188 requests in 10.02s, 5.60MB read
LOKET-BENCH requests=188 duration_us=10020000 p50_us=808000 p95_us=928000 p99_us=964000 max_us=1210000 connect=0 read=0 write=0 status=3 timeout=1
"""


def test_parse_reads_the_line_that_report_lua_prints():
    load = parse(WRK_OUTPUT)

    assert load.requests == 188
    assert load.per_second == pytest.approx(18.76, abs=0.01)
    assert (load.p50, load.p95, load.p99) == (808.0, 928.0, 964.0)
    assert load.errors == {"connect": 0, "read": 0, "write": 0, "status": 3, "timeout": 1}
    assert load.error_count == 4


def test_parse_refuses_output_without_that_line():
    with pytest.raises(ValueError, match="LOKET-BENCH"):
        parse("Running 10s test @ http://127.0.0.1/\n")


def test_the_lua_script_prints_every_figure_that_parse_reads():
    script = wrk.SCRIPT.read_text()

    for key in (
        "requests",
        "duration_us",
        "p50_us",
        "p95_us",
        "p99_us",
        "connect",
        "read",
        "write",
        "status",
        "timeout",
    ):
        assert f"{key}=%d" in script


def test_wrk_is_given_the_connections_duration_script_and_headers(monkeypatch):
    monkeypatch.setattr(wrk, "wrk_path", lambda: "/usr/bin/wrk")

    args = wrk.command(
        "http://127.0.0.1:1/x", seconds=3, connections=16, threads=2, timeout=30, headers={"Cookie": "a=b"}
    )

    assert args[0] == "/usr/bin/wrk" and args[-1] == "http://127.0.0.1:1/x"
    assert {
        "--connections=16",
        "--duration=3s",
        "--threads=2",
        "--timeout=30s",
        f"--script={wrk.SCRIPT}",
    } <= set(args)
    assert args[args.index("--header") + 1] == "Cookie: a=b"


def load(requests, seconds=10.0, **errors):
    return Load(
        requests,
        seconds,
        10.0,
        20.0,
        30.0,
        {"connect": 0, "read": 0, "write": 0, "status": 0, "timeout": 0} | errors,
    )


def test_the_table_has_a_row_per_page_with_its_share_of_the_bare_view():
    bare = Row(Page("bare", "/livez"), Probe(200, 0.001, 0.001, 2, 22), load(10_000), 0)
    page = Row(Page("list", "/initiatieven/?a=1|2"), Probe(200, 0.5, 0.6, 594_000, 76_000), load(50), 5)

    text = table([bare, page], bare_rate=1000.0)

    header, rule, first, second = text.splitlines()
    assert header.startswith("| page | req/s | p50 ms | p95 ms | p99 ms | page : bare |")
    assert rule.count("---") == header.count("|") - 1
    assert "| 1,000 |" in first and "| 1.00 |" in first
    assert "| 5.00 | 10.0 | 20.0 | 30.0 | 0.0050 | 600 ms | 594,000 | 76,000 | 5 | — |" in second
    assert "a=1\\|2" in second  # a pipe in an address does not break the table


def test_a_download_row_gives_first_and_last_byte_and_no_load_figures():
    row = Row(
        Page("csv", "/open-data/initiatieven.csv", download=True),
        Probe(200, 1.2, 215.0, 9_000_000, 1_000_000),
        None,
        3,
    )

    line = table([row], bare_rate=1000.0).splitlines()[2]

    assert "| — | — | — | — | — | first byte 1,200 ms, complete 215.0 s | 9,000,000 | 1,000,000 | 3 |" in line


def test_a_page_that_failed_shows_why():
    cut_off = Row(
        Page("dash", "/dashboard/"),
        Probe(0, 0, 30.5, 0, 0, problem="RemoteDisconnected: closed"),
        load(0, read=4),
        26,
    )
    failed = Row(Page("dash", "/dashboard/"), Probe(500, 0.1, 0.1, 100, 90), load(20, status=20), 26)

    cut_line, failed_line = table([cut_off, failed], bare_rate=1000.0).splitlines()[2:]

    assert "no answer after 30.5 s (RemoteDisconnected)" in cut_line and "4 read" in cut_line
    assert "| 0.00 | — | — | — |" in cut_line and "none answered within the 10 s" in cut_line
    assert "HTTP 500 after 100 ms" in failed_line and "HTTP 500, 20 status" in failed_line


@pytest.mark.parametrize(
    ("rate", "expected"), [(500, "0.50"), (100, "0.10"), (47, "0.047"), (0.47, "0.00047"), (0, "0.00")]
)
def test_the_share_of_the_bare_view_keeps_two_significant_digits(rate, expected):
    assert ratio(rate, 1000.0) == expected


class _Tiny(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as wrk expects

    def do_GET(self):  # the name http.server asks for
        body = b"hallo " * 100
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class _TinyServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # wrk drops its connections when its time is up


@pytest.fixture
def tiny_server():
    server = _TinyServer(("127.0.0.1", 0), _Tiny)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_probe_times_one_request_and_weighs_the_answer(tiny_server):
    found = probe(tiny_server + "/x?y=1")

    assert found.status == 200 and found.size == 600
    assert 0 < found.gzipped < found.size
    assert 0 < found.first_byte <= found.total


def test_probe_tells_when_nothing_answers():
    found = probe("http://127.0.0.1:9/", timeout=2)

    assert found.status == 0 and found.problem


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (make bench installs it)")
def test_wrk_with_the_lua_script_gives_figures(tiny_server):
    figures = wrk.run(
        tiny_server + "/", seconds=1, connections=2, threads=1, timeout=5, headers={"X-Test": "1"}
    )

    assert figures.requests > 0 and figures.error_count == 0
    assert 0 < figures.p50 <= figures.p99


@pytest.fixture(scope="module")
def scale(django_db_setup, django_db_blocker):
    yield from scale_loaded(django_db_blocker, size=40)


@pytest.mark.django_db
def test_every_measured_page_answers_and_its_queries_are_counted(scale):
    council = User.objects.filter(groups__name=Role.COUNCIL).first()
    anonymous, signed_in = client_for(), client_for(council)

    measured = [bench_pages.bare(), *bench_pages.pages()]

    assert len({page.path for page in measured}) == len(measured) == 16
    for page in measured:
        status, queries = count_queries(signed_in if page.council else anonymous, page.path)
        assert status == 200, page.path
        assert queries > 0 or page == bench_pages.bare()


@pytest.mark.django_db
def test_the_council_member_of_the_benchmark_reaches_the_dashboard_past_the_second_step(real_second_step):
    council = staff_in_role("council")

    status, queries = count_queries(client_for(council), reverse("dashboard:index"))

    assert status == 200
    assert queries > 0
