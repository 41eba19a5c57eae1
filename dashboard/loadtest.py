"""Bounded load test: `python -m dashboard loadtest [--sessions 20] [--seconds 60] [--url URL]`.

Starts `streamlit run` on a free loopback port (or uses --url), opens every page once to warm
it up, then drives N websocket sessions at once, each stepping through the pages with changing
filter query strings and waiting for every run to finish. Records errors (exceptions on a
page, runs that fail or time out), the p50/p95 time of a first load and of a rerun, and the
server's resident memory every second; two real Chromium page loads run beside the sessions
as a check that a person would still get a working page. Stops by itself after --seconds and
prints a summary.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.stream_client import StreamSession, page_url, running_app

# (page URL path, query) pairs each session walks through; sessions start at different steps.
STEPS = (
    ("", ""),
    ("", "class=SRBM"),
    ("timeline", "class=ICBM"),
    ("timeline", "view=per%20year"),
    ("launches", "review=imported"),
    ("launches", "outcome=failure&measure=missiles"),
    ("map", ""),
    ("map", "year=2022"),
    ("map", "arcs=each&rings=true&ring_site=uiju"),
    ("statements", "q=sanctions"),
    ("statements", "stance=threaten"),
    ("data_sources", "table=claims"),
    ("add_source", ""),
)
# Pages the two browser loads open, with the heading that shows once each has rendered.
BROWSER_PAGES = (
    ("map?year=2022", "Map of launch origins and ranges"),
    ("timeline?class=ICBM", "Timeline"),
)
RUN_TIMEOUT = 60.0


@dataclass
class LoadReport:
    sessions: int
    seconds: float
    load_seconds: list[float] = field(default_factory=list)
    rerun_seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # (seconds since start, resident memory in MB) of the server process.
    memory: list[tuple[float, float]] = field(default_factory=list)
    browser: list[str] = field(default_factory=list)
    # CPU seconds used while driving: by the server, and by this process (the sessions'
    # client side), which shares the machine's cores with the server.
    server_cpu: float | None = None
    client_cpu: float = 0.0
    warm_up_seconds: float = 0.0

    @property
    def runs(self) -> int:
        return len(self.load_seconds) + len(self.rerun_seconds)


def percentile(values: list[float], share: float) -> float | None:
    """Linear-interpolated percentile (share in 0..1); None without values."""
    if not values:
        return None
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of a process, from /proc (Linux); None where unreadable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process in MB, from /proc (Linux); None where unreadable."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


async def _session(url: str, index: int, deadline: float, report: LoadReport) -> None:
    step = index * 3  # spread the sessions over the pages
    while time.monotonic() < deadline:
        try:
            async with StreamSession(url, timeout=RUN_TIMEOUT) as session:
                while time.monotonic() < deadline:
                    page, query = STEPS[step % len(STEPS)]
                    step += 1
                    result = await session.run(page, query)
                    first = session.runs == 1
                    (report.load_seconds if first else report.rerun_seconds).append(result.seconds)
                    report.errors.extend(f"/{page}?{query}: {e}" for e in result.errors)
        except (OSError, TimeoutError, ValueError) as error:
            # A session that fails opens a new one, as a reloaded tab would.
            report.errors.append(f"session {index}: {type(error).__name__}: {error}")
            await asyncio.sleep(1)
        except Exception as error:  # the websocket library's own errors (closed, protocol)
            report.errors.append(f"session {index}: {type(error).__name__}: {error}")
            await asyncio.sleep(1)


async def _sample_memory(pid: int | None, started: float, deadline: float, report: LoadReport):
    while pid is not None and time.monotonic() < deadline:
        size = rss_mb(pid)
        if size is not None:
            report.memory.append((time.monotonic() - started, size))
        await asyncio.sleep(1)


def browser_loads(url: str, pages=BROWSER_PAGES) -> list[str]:
    """Open pages in Debian's Chromium; one line per page: seconds to render, or the failure."""
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return ["skipped: the playwright package is not installed"]
    if chromium is None:
        return ["skipped: Debian's chromium is not installed"]
    lines = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu", "--disable-quic"]
        )
        try:
            for path, heading in pages:
                page = browser.new_page()
                started = time.perf_counter()
                try:
                    page.goto(page_url(url, path), timeout=120_000)
                    page.get_by_role("heading", name=heading, level=1).wait_for(timeout=120_000)
                    page.locator('.stApp[data-test-script-state="notRunning"]').wait_for(
                        timeout=120_000
                    )
                    failed = page.locator('[data-testid="stException"]').count()
                    took = time.perf_counter() - started
                    lines.append(
                        f"/{path}: {'EXCEPTION shown' if failed else 'rendered'} in {took:.1f} s"
                    )
                except Exception as error:  # playwright's timeout and navigation errors
                    lines.append(f"/{path}: FAILED ({type(error).__name__}: {error})"[:300])
                finally:
                    page.close()
        finally:
            browser.close()
    return lines


async def _warm_up(url: str) -> float:
    """Open every page once, untimed: the first run of a process loads the dataset and
    imports each page's modules, which a hosted app has long done before its visitors come."""
    started = time.perf_counter()
    async with StreamSession(url, timeout=RUN_TIMEOUT * 2) as session:
        for page in dict(STEPS):
            await session.run(page)
    return time.perf_counter() - started


async def _drive(url: str, pid: int | None, sessions: int, seconds: float, browsers: bool):
    report = LoadReport(sessions, seconds)
    report.warm_up_seconds = await _warm_up(url)
    server_before = cpu_seconds(pid) if pid else None
    client_before = _own_cpu()
    started = time.monotonic()
    deadline = started + seconds
    tasks = [asyncio.create_task(_session(url, i, deadline, report)) for i in range(sessions)]
    tasks.append(asyncio.create_task(_sample_memory(pid, started, deadline, report)))
    if browsers:
        # Start once the sessions are under way, so the pages load under the same load.
        await asyncio.sleep(min(5.0, seconds / 3))
        report.browser = await asyncio.to_thread(browser_loads, url)
    await asyncio.gather(*tasks)
    server_after = cpu_seconds(pid) if pid else None
    if server_before is not None and server_after is not None:
        report.server_cpu = server_after - server_before
    report.client_cpu = _own_cpu() - client_before
    return report


def run_loadtest(
    url: str, sessions: int, seconds: float, pid: int | None = None, browsers: bool = True
) -> LoadReport:
    """Drive `sessions` websocket sessions against the app at `url` for `seconds`.

    `pid`: the server process, for its memory over time (None: not sampled). Runs still in
    flight at the end are waited for (at most RUN_TIMEOUT each).
    """
    return asyncio.run(_drive(url, pid, sessions, seconds, browsers))


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1000:,.0f} ms"


def summary(report: LoadReport) -> str:
    lines = [
        f"warm-up (every page once, one session, untimed): {report.warm_up_seconds:.1f} s",
        f"{report.sessions} sessions for {report.seconds:g} s: {report.runs} runs "
        f"({len(report.load_seconds)} first loads, {len(report.rerun_seconds)} reruns), "
        f"{len(report.errors)} errors",
    ]
    for name, values in (("first load", report.load_seconds), ("rerun", report.rerun_seconds)):
        lines.append(
            f"{name}: p50 {_ms(percentile(values, 0.5))}, p95 {_ms(percentile(values, 0.95))}"
            f", max {_ms(max(values) if values else None)}"
        )
    if report.memory:
        sizes = [mb for _, mb in report.memory]
        every = max(1, len(report.memory) // 6)
        series = ", ".join(f"{t:.0f} s {mb:.0f}" for t, mb in report.memory[::every])
        lines.append(
            f"server memory (RSS, MB): start {sizes[0]:.0f}, peak {max(sizes):.0f}, "
            f"end {sizes[-1]:.0f}; over time: {series}"
        )
    else:
        lines.append("server memory: not sampled (give --pid with --url)")
    server_cpu = "-" if report.server_cpu is None else f"{report.server_cpu:.0f} s"
    lines.append(
        f"CPU used: server {server_cpu}, load generator {report.client_cpu:.0f} s "
        f"({os.cpu_count()} cores on this machine, shared with whatever else runs)"
    )
    lines += [f"browser {line}" for line in report.browser]
    distinct = sorted(set(report.errors))
    lines += [f"error: {e}" for e in distinct[:10]]
    if len(distinct) > 10:
        lines.append(f"... and {len(distinct) - 10} more distinct errors")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sessions", type=int, default=20, help="concurrent websocket sessions")
    parser.add_argument("--seconds", type=float, default=60, help="how long to drive them")
    parser.add_argument("--url", help="a running app's address (default: start one)")
    parser.add_argument("--pid", type=int, help="with --url: the server's process id")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium loads")


def command(args: argparse.Namespace) -> int:
    if args.url:
        report = run_loadtest(args.url, args.sessions, args.seconds, args.pid, not args.no_browser)
    else:
        with running_app() as app:
            report = run_loadtest(
                app.url, args.sessions, args.seconds, app.pid, not args.no_browser
            )
    print(summary(report))
    browser_failed = any("FAILED" in line or "EXCEPTION" in line for line in report.browser)
    return 1 if report.errors or browser_failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard loadtest", description=__doc__)
    add_arguments(parser)
    return command(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
