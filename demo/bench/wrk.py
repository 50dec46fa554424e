"""The load generator: wrk (Debian's package, installed by `make bench`) with report.lua, which prints one
line of figures when a run ends."""

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("report.lua")
MARK = "LOKET-BENCH"


@dataclass(frozen=True)
class Load:
    """What one wrk run measured: requests done in `seconds`, latencies in milliseconds, errors by kind
    (connect, read, write, timeout, and `status`: answers of 400 and up)."""

    requests: int
    seconds: float
    p50: float
    p95: float
    p99: float
    errors: dict

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def parse(output: str) -> Load:
    """The figures from wrk's output (the line report.lua's done() printed)."""
    match = re.search(rf"^{MARK} (.+)$", output, re.MULTILINE)
    if not match:
        raise ValueError(f"No {MARK} line in wrk's output:\n{output}")
    values = {key: int(value) for key, value in re.findall(r"(\w+)=(-?\d+)", match.group(1))}
    return Load(
        requests=values["requests"],
        seconds=values["duration_us"] / 1e6,
        p50=values["p50_us"] / 1000,
        p95=values["p95_us"] / 1000,
        p99=values["p99_us"] / 1000,
        errors={kind: values[kind] for kind in ("connect", "read", "write", "status", "timeout")},
    )


def command(
    url: str, *, seconds: int, connections: int, threads: int, timeout: int, headers: dict
) -> list[str]:
    args = [
        wrk_path(),
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={seconds}s",
        f"--timeout={timeout}s",
        f"--script={SCRIPT}",
    ]
    for name, value in headers.items():
        args += ["--header", f"{name}: {value}"]
    return [*args, url]


def run(url: str, **options) -> Load:
    args = command(url, **options)
    done = subprocess.run(args, capture_output=True, text=True, check=True, timeout=options["seconds"] + 120)  # noqa: S603 - our own arguments
    return parse(done.stdout)


def wrk_path() -> str:
    path = shutil.which("wrk")
    if not path:
        raise FileNotFoundError("wrk is not installed: `make bench` installs Debian's wrk.")
    return path


def version() -> str:
    """wrk prints its version with -v (and exits with 1)."""
    done = subprocess.run([wrk_path(), "-v"], capture_output=True, text=True, check=False)  # noqa: S603
    first = (done.stdout or done.stderr or "wrk").splitlines()[0]
    return first.split(" Copyright")[0].strip()
