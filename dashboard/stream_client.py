"""A Streamlit client that speaks the app's websocket protocol, with no browser.

It does what the browser's connection does for one tab: open `<base>/_stcore/stream` with the
`streamlit` subprotocol, send a `rerun_script` BackMsg (query string, page name, the hashes of
large elements it already holds) and read ForwardMsgs until the run's `script_finished`. Each
run reports the bytes received, the time taken, exceptions the page showed and the app static
files (`app/static/...`) its elements point at. Used by `python -m dashboard wire` (bytes per
page) and `python -m dashboard loadtest` (many sessions at once).

`running_app()` starts `streamlit run dashboard/app.py` on a free loopback port for them.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from dashboard.paths import PACKAGE_DIR, REPO_DIR

STREAM_PATH = "_stcore/stream"
# A run ends with one of these; FINISHED_EARLY_FOR_RERUN means another run follows at once.
FINAL_STATUSES = {
    ForwardMsg.FINISHED_SUCCESSFULLY: "finished",
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR: "compile error",
}
# References from the page's elements to files served by `server.enableStaticServing`.
STATIC_REF = re.compile(rb"app/static/[A-Za-z0-9_./-]+")


@dataclass
class RunResult:
    """What one script run sent to the browser."""

    page: str
    query: str
    bytes_received: int = 0
    messages: int = 0
    seconds: float = 0.0
    status: str = ""
    errors: list[str] = field(default_factory=list)
    static_refs: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return self.status == "finished" and not self.errors


@dataclass
class RunReader:
    """Reads one run's ForwardMsgs; keeps what the session needs for its next run.

    `cached_hashes` plays the browser's message cache: large elements (Streamlit caches
    those of 10 kB and more) already received are named in the next rerun, and the server
    then sends a short reference instead of the element again.
    """

    cached_hashes: set[str] = field(default_factory=set)
    page_script_hash: str = ""

    def start(self, page: str, query: str) -> RunResult:
        self._result = RunResult(page, query)
        return self._result

    def feed(self, data: bytes) -> bool:
        """Take one websocket message; True once the run has finished."""
        result = self._result
        result.bytes_received += len(data)
        result.messages += 1
        msg = ForwardMsg()
        msg.ParseFromString(data)
        kind = msg.WhichOneof("type")
        if msg.metadata.cacheable and msg.hash:
            self.cached_hashes.add(msg.hash)
        if kind == "delta":
            element = msg.delta.new_element
            if msg.delta.WhichOneof("type") == "new_element":
                if element.WhichOneof("type") == "exception":
                    result.errors.append(
                        f"exception: {element.exception.type}: {element.exception.message}"
                    )
                result.static_refs.update(
                    ref.decode() for ref in STATIC_REF.findall(element.SerializeToString())
                )
        elif kind == "navigation" and msg.navigation.page_script_hash:
            self.page_script_hash = msg.navigation.page_script_hash
        elif kind == "new_session" and msg.new_session.page_script_hash:
            self.page_script_hash = msg.new_session.page_script_hash
        elif kind == "page_not_found":
            result.errors.append(f"page not found: {msg.page_not_found.page_name}")
        elif kind == "script_finished" and msg.script_finished in FINAL_STATUSES:
            result.status = FINAL_STATUSES[msg.script_finished]
            if msg.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                result.errors.append(result.status)
            return True
        return False

    def rerun_message(self, page: str, query: str, same_page: bool) -> bytes:
        """The BackMsg the browser sends to run `page` with `query` (no leading "?")."""
        back = BackMsg()
        state = back.rerun_script
        state.query_string = query
        state.page_name = page
        if same_page:
            state.page_script_hash = self.page_script_hash
        state.cached_message_hashes.extend(sorted(self.cached_hashes))
        return back.SerializeToString()


def stream_url(base_url: str) -> str:
    """ws(s):// address of the app's stream, under any base URL path."""
    parts = urlsplit(base_url)
    scheme = "wss" if parts.scheme == "https" else "ws"
    path = parts.path.rstrip("/") + "/" + STREAM_PATH
    return urlunsplit((scheme, parts.netloc, path, "", ""))


class StreamSession:
    """One browser tab's session: `async with StreamSession(url) as s: await s.run("map")`."""

    def __init__(self, base_url: str, timeout: float = 120.0) -> None:
        self.base_url = base_url
        self.timeout = timeout
        self.reader = RunReader()
        self.runs = 0
        self._page: str | None = None

    async def __aenter__(self) -> StreamSession:
        # No compression: Streamlit does not enable it by default, so bytes here are
        # the bytes the browser receives.
        self._connection = await connect(
            stream_url(self.base_url),
            subprotocols=["streamlit"],
            compression=None,
            max_size=None,
            open_timeout=self.timeout,
        )
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self._connection.close()

    async def run(self, page: str = "", query: str = "") -> RunResult:
        """Run `page` (its URL path, "" for the default) with `query`; wait until it ends."""
        result = self.reader.start(page, query)
        started = time.perf_counter()
        same = page == self._page
        await self._connection.send(self.reader.rerun_message(page, query, same))
        self._page = page
        async with asyncio.timeout(self.timeout):
            async for data in self._connection:
                if isinstance(data, str):
                    raise ValueError("Streamlit sent a text frame; it only sends protobufs")
                if self.reader.feed(data):
                    break
            else:
                result.errors.append("connection closed before the run finished")
        result.seconds = time.perf_counter() - started
        self.runs += 1
        return result


def page_url(base_url: str, page: str, query: str = "") -> str:
    url = base_url.rstrip("/") + "/" + page
    return f"{url}?{query}" if query else url


def static_size(base_url: str, page: str, ref: str) -> int:
    """Bytes transferred for one static file, fetched as a browser would (gzip accepted).

    `ref` is resolved against the page's URL, as the browser resolves a relative URL.
    """
    url = urljoin(page_url(base_url, page), ref)
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return len(answer.read())  # urllib does not decompress: these are the bytes sent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class RunningApp:
    url: str
    pid: int
    log: Path


@contextlib.contextmanager
def running_app(
    base_path: str = "",
    start_timeout: float = 120.0,
    options: Sequence[str] = (),
    log_path: Path | None = None,
    env: dict[str, str] | None = None,
) -> Iterator[RunningApp]:
    """`streamlit run dashboard/app.py` on a free loopback port, stopped on exit.

    `options` are further `streamlit run` options; `log_path` keeps the server's log where a
    caller wants it (a temporary file otherwise); `env` replaces the environment.
    Raises OSError when the server cannot start (its log's tail is in the message).
    """
    port = free_port()
    if log_path is None:
        log_path = Path(tempfile.mkstemp(prefix="streamlit-", suffix=".log")[1])
    command = [
        sys.executable, "-m", "streamlit", "run", str(PACKAGE_DIR / "app.py"),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    if base_path:
        command += ["--server.baseUrlPath", base_path]
    command += list(options)
    url = f"http://127.0.0.1:{port}" + (f"/{base_path.strip('/')}" if base_path else "")
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command,
            cwd=REPO_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=dict(os.environ) if env is None else env,
        )
        try:
            _wait_healthy(url, process, log_path, start_timeout)
            yield RunningApp(url, process.pid, log_path)
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_healthy(url: str, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-2000:]
            raise OSError(f"streamlit did not start at {url}:\n{tail}")
        time.sleep(0.5)
