"""One request, timed: when the first byte of the answer came, when the last, and what it weighed."""

import gzip
import http.client
import time
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Probe:
    status: int  # 0: no answer (refused, cut off or timed out; see `problem`)
    first_byte: float  # seconds
    total: float
    size: int
    gzipped: int
    problem: str = ""


def probe(url: str, *, headers: dict | None = None, timeout: float = 60) -> Probe:
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    began = time.monotonic()
    first = 0.0
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        first = time.monotonic() - began
        body = response.read()
        return Probe(
            status=response.status,
            first_byte=first,
            total=time.monotonic() - began,
            size=len(body),
            gzipped=len(gzip.compress(body, compresslevel=6)),
        )
    except (OSError, http.client.HTTPException) as error:
        return Probe(0, first, time.monotonic() - began, 0, 0, problem=f"{type(error).__name__}: {error}")
    finally:
        conn.close()
