"""The benchmark's result as Markdown: the machine, the data set, and a table of the pages."""

import math
import os
import platform
from dataclasses import dataclass
from pathlib import Path

import django
import gunicorn
from django.db import connection

from .pages import Page
from .probe import Probe
from .wrk import Load

COLUMNS = [
    "page",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "page : bare",
    "one request",
    "HTML bytes",
    "gzipped",
    "queries",
    "errors",
]


@dataclass(frozen=True)
class Row:
    page: Page
    probe: Probe
    load: Load | None = None  # None for a download, which is timed by its one request only
    queries: int | None = None


def number(value: float) -> str:
    """1,234 or 12.3 or 0.45: digits enough to compare, no more."""
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def ratio(rate: float, bare_rate: float) -> str:
    if not bare_rate:
        return "—"
    share = rate / bare_rate
    if share >= 0.1 or share == 0:
        return f"{share:.2f}"
    return f"{share:.{1 - math.floor(math.log10(share))}f}"  # two significant digits: 0.0047


def seconds(value: float) -> str:
    return f"{value * 1000:,.0f} ms" if value < 10 else f"{value:,.1f} s"


def one_request(row: Row) -> str:
    found = row.probe
    if found.status == 0:
        return f"no answer after {seconds(found.total)} ({found.problem.split(':')[0]})"
    if found.status != 200:
        return f"HTTP {found.status} after {seconds(found.total)}"
    if row.page.download:
        return f"first byte {seconds(found.first_byte)}, complete {seconds(found.total)}"
    return seconds(found.total)


def errors(row: Row) -> str:
    parts = []
    if row.probe.status not in (0, 200):
        parts.append(f"HTTP {row.probe.status}")
    if row.load:
        parts += [f"{count} {kind}" for kind, count in row.load.errors.items() if count]
        if not row.load.requests:
            parts.append(f"none answered within the {row.load.seconds:.0f} s")
    return ", ".join(parts) or "—"


def cells(row: Row, bare_rate: float) -> list[str]:
    load = row.load
    sized = row.probe.status == 200
    return [
        f"{row.page.label} `{row.page.path}`",
        number(load.per_second) if load else "—",
        number(load.p50) if load and load.requests else "—",
        number(load.p95) if load and load.requests else "—",
        number(load.p99) if load and load.requests else "—",
        ratio(load.per_second, bare_rate) if load else "—",
        one_request(row),
        f"{row.probe.size:,}" if sized else "—",
        f"{row.probe.gzipped:,}" if sized else "—",
        "—" if row.queries is None else str(row.queries),
        errors(row),
    ]


def table(rows: list[Row], bare_rate: float) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells(row, bare_rate)) + " |")
    return "\n".join(lines)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.0f} GB"
    except OSError:
        pass
    return "?"


def machine(wrk_version: str) -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    return [
        ("CPU cores (nproc)", str(os.cpu_count())),
        ("CPU", cpu_model()),
        ("memory", memory()),
        ("PostgreSQL", postgres),
        (
            "Python / Django / gunicorn",
            f"{platform.python_version()} / {django.get_version()} / {gunicorn.__version__}",
        ),
        ("load generator", wrk_version),
    ]
