"""HTTP for the online refresh: `fetch` (one GET with retries, deadlines and a size limit),
its settings `HttpConfig` (from the FACTCHECK_HTTP_* variables) and `DownloadError`.

Used by `factcheck.pipeline.refresh`; nothing else in the package goes online.
"""
import http.client
import os
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from . import eurostat
from ..core.errors import InputError

UNHCR_API = "https://api.unhcr.org/population/v1/"
USER_AGENT = "factcheck-refresh/0.1 (reproducible fact-check; Python urllib)"
RETRY_STATUS = (429, 500, 502, 503, 504)   # 429: the publisher asks us to wait; other 4xx are final
MAX_RESPONSE_BYTES = 200 * 2 ** 20         # per response; a larger one means the query or the API changed
CHUNK_BYTES = 64 * 1024                    # bodies are read in chunks, checking deadline and size after each


class DownloadError(InputError):
    """A request failed for good: the message names the URL and what went wrong."""


# ---- HTTP --------------------------------------------------------------------------------------

def _env_float(name, default):
    value = os.environ.get(name, "")
    try:
        return float(value) if value else default
    except ValueError:
        raise InputError(name, f"environment variable is not a number: {value!r}") from None


@dataclass(frozen=True)
class HttpConfig:
    """`timeout`: the longest wait for any data (the socket timeout, which applies to each read);
    `deadline`: the longest one attempt may take in all; attempts per request; first backoff
    (doubled each retry); `max_bytes` per response; `total`: seconds for all downloads of one
    refresh, which `refresh` fixes as `until` (a time.monotonic() value)."""
    timeout: float = 30.0
    deadline: float = 120.0
    attempts: int = 4
    backoff: float = 1.0
    max_backoff: float = 60.0
    max_bytes: int = MAX_RESPONSE_BYTES
    total: float = 1800.0
    until: float = None
    unhcr_api: str = UNHCR_API
    eurostat_api: str = eurostat.BASE_URL

    @classmethod
    def from_env(cls) -> "HttpConfig":
        def base(name, default):
            url = os.environ.get(name) or default
            return url if url.endswith("/") else url + "/"
        return cls(timeout=_env_float("FACTCHECK_HTTP_TIMEOUT", 30.0),
                   deadline=_env_float("FACTCHECK_HTTP_DEADLINE", 120.0),
                   total=_env_float("FACTCHECK_REFRESH_DEADLINE", 1800.0),
                   attempts=max(1, int(_env_float("FACTCHECK_HTTP_ATTEMPTS", 4))),
                   backoff=_env_float("FACTCHECK_HTTP_BACKOFF", 1.0),
                   unhcr_api=base("FACTCHECK_UNHCR_API", UNHCR_API),
                   eurostat_api=base("FACTCHECK_EUROSTAT_API", eurostat.BASE_URL))


def one_line(text, limit=200) -> str:
    return " ".join(str(text).split())[:limit]


class _TooSlow(Exception):
    """An attempt passed its deadline; the argument is the number of bytes read by then."""


def _read_body(response, url: str, config: HttpConfig, ends: float) -> bytes:
    """The whole body, in chunks: the socket timeout bounds each read only, so a server that
    trickles bytes would hold a plain read() for ever; the time and the size are checked after
    every chunk. A body above `config.max_bytes` is refused (for good) before it is all read."""
    declared = response.headers.get("Content-Length")
    declared = int(declared) if declared is not None and declared.isdigit() else None
    if declared is not None and declared > config.max_bytes:
        raise DownloadError(url, f"the response announces {declared} bytes, more than the limit of "
                                 f"{config.max_bytes} bytes")
    body = bytearray()
    while True:
        if time.monotonic() > ends:
            raise _TooSlow(len(body))
        chunk = response.read1(CHUNK_BYTES)      # what has arrived; waits at most one read timeout
        if not chunk:
            break
        body += chunk
        if len(body) > config.max_bytes:
            raise DownloadError(url, f"the response is larger than the limit of {config.max_bytes} bytes")
    if declared is not None and declared != len(body):
        raise http.client.IncompleteRead(bytes(body), declared - len(body))
    return bytes(body)


def _time_left(config: HttpConfig) -> float:
    """Seconds left of the refresh's overall deadline (infinite without one)."""
    return float("inf") if config.until is None else config.until - time.monotonic()


def _overall(config: HttpConfig) -> str:
    return f"the refresh's deadline ({config.total:g} s for all downloads)"


def fetch(url: str, config: HttpConfig, sleep=time.sleep, log=None) -> bytes:
    """GET `url` and return the whole body. Timeouts (no data for `timeout` s, or the attempt
    not done within `deadline` s), connection errors, truncated bodies, 429 and 5xx are retried
    with exponential backoff; other HTTP errors and a body above the size limit fail at once;
    no attempt starts or waits beyond the refresh's overall deadline (`until`)."""
    problem = ""
    for attempt in range(1, config.attempts + 1):
        wait = min(config.backoff * 2 ** (attempt - 1), config.max_backoff)
        left = _time_left(config)
        if left <= 0:
            raise DownloadError(url, (f"{problem}; " if problem else "") + f"{_overall(config)} has passed")
        limit = min(config.deadline, left)
        ends, read_timeout = time.monotonic() + limit, min(config.timeout, limit)
        request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=read_timeout) as response:
                return _read_body(response, url, config, ends)
        except urllib.error.HTTPError as exc:
            detail = ""
            try:
                detail = one_line(exc.read().decode("utf-8", "replace"))
            except Exception:  # the error body is only a hint
                pass
            problem = f"HTTP {exc.code} {exc.reason}" + (f" ({detail})" if detail else "")
            if exc.code not in RETRY_STATUS:
                raise DownloadError(url, problem) from None
            retry_after = (exc.headers or {}).get("Retry-After", "")
            if retry_after.isdigit():
                wait = min(float(retry_after), config.max_backoff)
        except http.client.IncompleteRead as exc:
            got = len(exc.partial)
            problem = f"truncated response: got {got} bytes, {exc.expected} more were announced"
        except _TooSlow as exc:
            problem = f"no complete response within {round(limit, 1):g} s ({exc.args[0]} bytes read)"
        except (TimeoutError, socket.timeout):
            problem = f"no response within {round(read_timeout, 1):g} s"
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                problem = f"no response within {round(read_timeout, 1):g} s"
            else:
                problem = f"cannot connect ({one_line(exc.reason)})"
        except (ConnectionError, http.client.HTTPException, OSError) as exc:
            problem = f"connection failed ({one_line(type(exc).__name__ + ': ' + str(exc))})"
        if attempt == config.attempts:
            break
        if wait >= _time_left(config):
            raise DownloadError(url, f"{problem}; {_overall(config)} leaves no time for attempt {attempt + 1}")
        if log:
            log(f"[refresh]   retry {attempt}/{config.attempts - 1} in {wait:g} s: {problem}")
        sleep(wait)
    raise DownloadError(url, f"{problem}; gave up after {config.attempts} attempt(s)")
