"""Real browser: `streamlit run` on a free loopback port, driven by Debian's Chromium.

Checks what only a browser shows: pages render from deep links, a filter change reaches the
address bar and the copied URL reproduces the view in a fresh browser, chart and map clicks,
that the map's basemap arrives as the app's own static files and is drawn, and that nothing
is requested from outside 127.0.0.1 (the basemap is offline).
Skips (printing why) without Chromium or playwright, unless REQUIRE_BROWSER_TEST=1 (CI).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
import yaml

from dashboard import stream_client
from dashboard.deck import THEMES

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"
DATASETS = REPO / "datasets"
TIMEOUT_MS = 30_000
VIEWPORT = {"width": 1400, "height": 1000}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


def _missing() -> str | None:
    if shutil.which("chromium") is None:
        return "Debian's chromium is not installed (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    return None


_reason = _missing()
if _reason:
    if os.environ.get("REQUIRE_BROWSER_TEST") == "1":
        raise RuntimeError(f"browser test required but cannot run: {_reason}")
    print(f"\nSKIP browser test: {_reason}", file=sys.stderr)
    pytest.skip(_reason, allow_module_level=True)

from PIL import Image  # noqa: E402
from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

# Assertions wait for content, not for a fixed time; this machine is slow and shared.
expect.set_options(timeout=TIMEOUT_MS)


def _serve(name: str, *options: str):
    """`streamlit run` on a free loopback port with extra options, its log in ARTIFACTS."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "DASHBOARD_DATA_DIR"}
    try:
        with stream_client.running_app(
            start_timeout=90, options=options, log_path=ARTIFACTS / f"{name}.log", env=env
        ) as app:
            yield app.url
    except OSError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def server():
    yield from _serve("streamlit")


# A sign-in configured as a host would (the provider is never contacted: nobody clicks).
GATED_SECRETS = """
[auth]
redirect_uri = "http://127.0.0.1/oauth2callback"
cookie_secret = "browser-test-cookie-secret"
client_id = "dashboard-test"
client_secret = "not-a-secret"
server_metadata_url = "http://127.0.0.1:9/.well-known/openid-configuration"

[access]
allowed_domains = ["example.org"]
"""


@pytest.fixture(scope="module")
def gated_server(tmp_path_factory):
    secrets = tmp_path_factory.mktemp("gated") / "secrets.toml"
    secrets.write_text(GATED_SECRETS, encoding="utf-8")
    yield from _serve("streamlit-gated", "--secrets.files", str(secrets))


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def requests_seen():
    return []


@pytest.fixture
def dialogs_seen():
    return []


@pytest.fixture
def new_page(browser, requests_seen, dialogs_seen):
    contexts = []

    def on_dialog(dialog) -> None:
        # Raising here would kill the Playwright connection and every later test with it;
        # record the dialog, close it, and let the test assert on the list.
        dialogs_seen.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def make(color_scheme: str = "light") -> Page:
        context = browser.new_context(viewport=VIEWPORT, color_scheme=color_scheme)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("request", lambda request: requests_seen.append(request.url))
        page.on("dialog", on_dialog)
        return page

    yield make
    for context in contexts:
        context.close()
    assert dialogs_seen == [], f"the app opened dialogs: {dialogs_seen}"


def _open(page: Page, url: str, title: str) -> None:
    """Go to url and wait until the script has finished and every element has loaded."""
    page.goto(url)
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    # The heading shows while the script is still running; widgets whose code has not
    # loaded yet are grey skeletons (always so on the first page of a fresh context).
    expect(page.locator('.stApp[data-test-script-state="notRunning"]')).to_have_count(1)
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0)


def _no_exception(page: Page) -> None:
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    assert "Traceback" not in page.inner_text("body")


def _metric(page: Page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label)
    return metric.locator('[data-testid="stMetricValue"]').inner_text()


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlparse(url).query)


def _shot(page: Page, name: str) -> None:
    """Screenshot of the whole page. Streamlit scrolls inside <main>, not the document, so
    Playwright's full_page alone stops at the viewport: grow the viewport to fit instead."""
    height = page.locator('[data-testid="stMain"]').evaluate("main => main.scrollHeight")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(height, VIEWPORT["height"])})
    try:
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    finally:
        page.set_viewport_size(VIEWPORT)


def _share(image: Image.Image, colour: list[int]) -> float:
    """Share of an RGB image's pixels within a few units of a colour."""
    counts = image.getcolors(image.width * image.height)
    target = tuple(colour[:3])
    near = sum(
        n for n, pixel in counts if max(abs(a - b) for a, b in zip(pixel, target, strict=True)) <= 6
    )
    return near / (image.width * image.height)


def _expect_basemap(page: Page, theme: str) -> None:
    """The map canvas shows the theme's land and sea colours (drawn from the local basemap).

    WebGL paints after the DOM settles, so the canvas is screenshotted until it does."""
    chart = page.locator('[data-testid="stDeckGlJsonChart"]')
    expect(chart.locator("canvas").first).to_be_visible()
    land = THEMES[theme]["land"]
    sea = [int(THEMES[theme]["sea"][i : i + 2], 16) for i in (1, 3, 5)]
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        image = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
        shares = _share(image, land), _share(image, sea)
        if min(shares) > 0.05:
            return
        if time.monotonic() > deadline:
            pytest.fail(f"{theme} map never showed land and sea (shares {shares})")
        page.wait_for_timeout(250)


def _watch_map_traffic(page: Page) -> tuple[list[tuple[str, int]], list[int]]:
    """Collect the basemap's responses (url, status) and the websocket bytes received."""
    basemap: list[tuple[str, int]] = []
    frames: list[int] = []

    def on_response(response) -> None:
        if "/app/static/basemap/" in response.url:
            basemap.append((response.url, response.status))

    def on_websocket(socket) -> None:
        socket.on("framereceived", lambda payload: frames.append(len(payload)))

    page.on("response", on_response)
    page.on("websocket", on_websocket)
    return basemap, frames


def test_every_page_renders_from_a_deep_link(server, new_page):
    launches = pd.read_parquet(DATASETS / "launches.parquet")
    statements = pd.read_parquet(DATASETS / "statements.parquet")
    page = new_page()

    _open(page, f"{server}/?class=SRBM", "Korean Peninsula missile launches and diplomacy")
    expect(page.get_by_text("Launch events")).to_be_visible()
    assert _metric(page, "Launch events") == str(int((launches["missile_class"] == "SRBM").sum()))
    _no_exception(page)
    _shot(page, "overview")

    _open(page, f"{server}/timeline?sel=launch:prk-2022-01-14-uiju", "Timeline")
    expect(page.locator(".js-plotly-plot .scatterlayer path.point").first).to_be_visible()
    expect(page.get_by_role("heading", name="Launch prk-2022-01-14-uiju")).to_be_visible()
    _no_exception(page)
    _shot(page, "timeline")

    successes = int((launches["outcome"] == "success").sum())
    _open(page, f"{server}/launches?outcome=success&measure=missiles", "Launches")
    # The chosen facet value is ticked and the tables follow the filter.
    expect(page.get_by_role("link", name=f"✓ success · {successes}")).to_be_visible()
    expect(page.get_by_role("heading", name="Per launch site")).to_be_visible()
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(3)
    _no_exception(page)
    _shot(page, "launches")

    basemap, frames = _watch_map_traffic(page)
    _open(page, f"{server}/map?rings=true", "Map of launch origins and ranges")
    _expect_basemap(page, "light")
    # The land and borders came as static files (not inside the deck over the websocket).
    assert {(urlparse(url).path, status) for url, status in basemap} >= {
        ("/app/static/basemap/land.geojson", 200),
        ("/app/static/basemap/borders.geojson", 200),
    }, basemap
    assert 0 < sum(frames) < 1_000_000, f"the map's load received {sum(frames):,} bytes"
    expect(page.get_by_role("heading", name="Launches on the map")).to_be_visible()
    _no_exception(page)
    _shot(page, "map")

    text = (
        statements[["quote", "paraphrase", "speaker", "speaker_role"]]
        .fillna("")
        .agg(" ".join, axis=1)
        .str.casefold()
    )
    expected = int(text.str.contains(r"\bsanctions", regex=True).sum())
    _open(page, f"{server}/statements?q=sanctions", "Statements")
    expect(
        page.get_by_text(f"{expected} of {len(statements)} statements in view match.")
    ).to_be_visible()
    # One citation line per statement card.
    expect(page.get_by_text(re.compile(r"^Source: "))).to_have_count(min(expected, 10))
    _no_exception(page)
    _shot(page, "statements")

    _open(page, f"{server}/data_sources?table=claims", "Data & sources")
    expect(page.get_by_role("heading", name="Data dictionary")).to_be_visible()
    expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible()
    _no_exception(page)
    _shot(page, "data_sources")


def test_changed_filter_reaches_the_url_and_the_url_reproduces_the_view(server, new_page):
    page = new_page()
    _open(page, f"{server}/", "Korean Peninsula missile launches and diplomacy")
    everything = _metric(page, "Launch events")
    page.locator('[data-testid="stMultiSelect"]').filter(has_text="Missile class").click()
    page.get_by_role("option", name="ICBM", exact=True).click()
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(r"class=ICBM"))
    expect(
        page.locator('[data-testid="stMetric"]').filter(has_text="Launch events")
    ).not_to_contain_text(everything)
    shared_url = page.url
    narrowed = _metric(page, "Launch events")

    other = new_page()
    _open(other, shared_url, "Korean Peninsula missile launches and diplomacy")
    assert _metric(other, "Launch events") == narrowed
    assert _query(other.url) == _query(shared_url)

    # The filter survives moving to another page through the navigation.
    other.get_by_role("link", name="Timeline").first.click()
    other.wait_for_url(re.compile(r"/timeline\?.*class=ICBM"))
    expect(other.get_by_role("heading", name="Timeline", level=1)).to_be_visible()
    _no_exception(other)


def test_the_sidebar_link_pins_the_data_version_and_an_unknown_one_says_so(server, new_page):
    version = json.loads((DATASETS / "manifest.json").read_text(encoding="utf-8"))["version"]
    page = new_page()
    _open(page, f"{server}/launches?class=ICBM&v=0123456789ab", "Launches")
    expect(page.get_by_text("which is not in the data changelog")).to_be_visible()
    expect(page.get_by_text(f"You are seeing data version {version}")).to_be_visible()
    link_box = page.locator('[data-testid="stSidebar"] [data-testid="stCode"]')
    expect(link_box).to_contain_text(f"v={version}")
    link = link_box.inner_text().strip()
    assert link.startswith(f"{server}/launches?")
    assert _query(link) == {"class": ["ICBM"], "v": [version]}

    # A filter changed in the browser reaches the link too.
    page.locator('[data-testid="stMultiSelect"]').filter(has_text="Launching state").click()
    page.get_by_role("option", name="PRK", exact=True).click()
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(r"state=PRK"))
    expect(link_box).to_contain_text("state=PRK")
    link = link_box.inner_text().strip()
    assert _query(link) == {"class": ["ICBM"], "state": ["PRK"], "v": [version]}

    # Opened elsewhere, the link shows the same view and, the version being current, no notice.
    other = new_page()
    _open(other, link, "Launches")
    assert _query(other.url) == _query(link)
    expect(other.locator('[data-testid="stAlert"]')).to_have_count(0)
    _no_exception(other)

    _open(other, f"{server}/data_sources", "Data & sources")
    expect(other.get_by_role("heading", name="Data versions")).to_be_visible()
    expect(other.locator('[data-testid="stDataFrame"]').last).to_contain_text(f"{version} (shown)")
    _shot(other, "data_versions")


MAIN_POINTS = ".js-plotly-plot .cartesianlayer .scatterlayer path.point"


def _centres(page: Page, selector: str) -> list[tuple[int, int]]:
    return [
        tuple(c)
        for c in page.locator(selector).evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect();"
            " return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)]; })"
        )
    ]


@pytest.mark.parametrize("width", [1400, 390])
def test_every_record_has_its_own_point_at_full_span(server, new_page, width):
    launches = pd.read_parquet(DATASETS / "launches.parquet")
    events = pd.read_parquet(DATASETS / "diplomatic_events.parquet")
    page = new_page()
    page.set_viewport_size({"width": width, "height": VIEWPORT["height"]})
    _open(page, f"{server}/timeline", "Timeline")
    expect(page.locator(MAIN_POINTS).first).to_be_visible()
    expect(page.locator(MAIN_POINTS)).to_have_count(len(launches) + len(events))
    if width == VIEWPORT["width"]:
        # No two markers share a centre, so each can be hovered and clicked.
        centres = _centres(page, MAIN_POINTS)
        assert len(set(centres)) == len(centres)
    # The legend sits below the plot and its range slider, not beside the plot.
    legend = page.locator(".js-plotly-plot g.legend").bounding_box()
    slider = page.locator(".js-plotly-plot .rangeslider-container").bounding_box()
    assert legend["y"] >= slider["y"] + slider["height"] - 1, (legend, slider)
    _no_exception(page)
    if width == VIEWPORT["width"]:
        _shot(page, "timeline-full-span")
    else:
        page.screenshot(path=str(ARTIFACTS / "timeline-phone.png"), full_page=True)


def test_clicking_a_year_bar_narrows_the_timeline_to_that_year(server, new_page):
    page = new_page()
    _open(page, f"{server}/timeline?view=per%20year", "Timeline")
    bar = page.locator(".js-plotly-plot .barlayer .point path").first
    expect(bar).to_be_visible()
    box = bar.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r"view=per(\+|%20)month"))
    query = _query(page.url)
    year = query["from"][0][:4]
    assert query["from"][0] == f"{year}-01-01"
    # `to` is left out of the URL when it is the default (the last date in the data).
    assert query.get("to", [year])[0].startswith(year)
    expect(page.get_by_text(f"Showing {year}-01-01 to")).to_be_visible()
    _no_exception(page)


def test_clicking_a_point_on_the_timeline_selects_that_record(server, new_page):
    page = new_page()
    _open(page, f"{server}/timeline?class=ICBM", "Timeline")
    point = page.locator(MAIN_POINTS).first
    expect(point).to_be_visible()
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r"sel=(launch|event)%3A|sel=(launch|event):"))
    selected = _query(page.url)["sel"][0]
    kind, _, record_id = selected.partition(":")
    if kind == "launch":
        expect(page.get_by_role("heading", name=f"Launch {record_id}")).to_be_visible()
    expect(page.get_by_text("Sources", exact=True)).to_be_visible()
    _no_exception(page)


def test_clicking_a_site_on_the_map_lists_its_launches(server, new_page):
    page = new_page()
    _open(page, f"{server}/map?state=PRK&site=uiju", "Map of launch origins and ranges")
    expect(page.get_by_text("Showing launches from one site only")).to_be_visible()
    expect(page.get_by_text("Site: Uiju")).to_be_visible()
    page.get_by_role("button", name="Show all sites").click()
    page.wait_for_url(lambda url: "site=" not in url)
    expect(page.get_by_text("Click a launch site on the map")).to_be_visible()
    _no_exception(page)


def test_hostile_url_shows_notices_not_errors(server, new_page, dialogs_seen):
    page = new_page()
    url = (
        f"{server}/statements?q=%3Cscript%3Ealert(1)%3C/script%3E&stance=angry"
        "&page=999999999&from=2022-02-30&bogus=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E"
    )
    _open(page, url, "Statements")
    notices = page.locator('[data-testid="stAlertContentWarning"]')
    expect(notices.first).to_be_visible()
    assert notices.count() == 1, "one notice box for everything wrong with the link"
    # The link's own keys and values are listed as plain text in a code block (the other
    # code block, in the sidebar, is the share link).
    listed = page.locator('[data-testid="stCode"]').filter(has_text="unknown parameter")
    expect(listed).to_have_count(1)
    listed = listed.inner_text()
    assert "stance=angry: not one of the values in the data; ignored" in listed
    assert "from=2022-02-30: not a date" in listed and "bogus: unknown parameter" in listed
    # The address now holds only what the page applies.
    page.wait_for_url(lambda url: "bogus" not in url and "angry" not in url)
    expect(page.get_by_text("0 of")).to_be_visible()
    assert page.locator("img[src=x]").count() == 0
    assert dialogs_seen == [], f"the URL opened dialogs: {dialogs_seen}"
    _no_exception(page)

    # A key that looks like a link, and a page number no widget can read.
    _open(page, f"{server}/statements?http://evil.example/reset=1&page=inf", "Statements")
    expect(page.locator('[data-testid="stCode"]').filter(has_text="evil.example")).to_have_count(1)
    assert page.locator('a[href*="evil.example"]').count() == 0, "a live link from the URL"
    _no_exception(page)


@pytest.mark.parametrize(
    "path,title", [("map", "Map of launch origins and ranges"), ("timeline", "Timeline")]
)
def test_dark_theme_renders(server, new_page, path, title):
    page = new_page("dark")
    _open(page, f"{server}/{path}", title)
    background = page.locator(".stApp").evaluate("app => getComputedStyle(app).backgroundColor")
    red, green, blue = (int(n) for n in re.findall(r"\d+", background)[:3])
    assert max(red, green, blue) < 80, f"the page is not dark: background {background}"
    if path == "map":
        _expect_basemap(page, "dark")
    else:
        expect(page.locator(".js-plotly-plot .scatterlayer path.point").first).to_be_visible()
    _no_exception(page)
    _shot(page, f"{path}-dark")


def test_csv_download_holds_exactly_the_matching_statements(server, new_page, tmp_path):
    statements = pd.read_parquet(DATASETS / "statements.parquet")
    page = new_page()
    _open(page, f"{server}/statements?stance=threaten", "Statements")
    expected = statements[statements["stance"] == "threaten"]
    expect(page.get_by_text(f"{len(expected)} of {len(statements)} statements")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("Download all")).click()
    path = tmp_path / "statements.csv"
    download.value.save_as(path)
    rows = pd.read_csv(path)
    assert sorted(rows["statement_id"]) == sorted(expected["statement_id"])
    assert set(rows["stance"]) == {"threaten"}


def test_pasted_article_gives_candidates_and_a_review_file(server, new_page, tmp_path):
    fixture = Path(__file__).parent / "fixtures" / "ingest" / "launch_figures.txt"
    page = new_page()
    _open(page, f"{server}/add_source", "Add a source")
    page.get_by_label("Article text").fill(fixture.read_text(encoding="utf-8"))
    page.get_by_label("Article text").press("Control+Enter")
    # The date input is three typed segments (year, month, day) that advance by themselves.
    page.get_by_role("spinbutton", name=re.compile("^year, Published")).click()
    page.keyboard.type("20240314")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Add a source").click()  # leaving the field commits it
    expect(page.get_by_text(re.compile(r"\d+ candidate record\(s\) found"))).to_be_visible()
    expect(page.get_by_role("heading", name="Launches")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Download the review file"))).to_be_visible()
    expect(page.locator('[data-testid="stDataFrame"] canvas').first).to_be_visible()
    _shot(page, "add-source")
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("Download the review file")).click()
    path = tmp_path / "review.yaml"
    download.value.save_as(path)
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert document["source"]["text_sha256"]
    launch = document["launches"][0]
    assert launch["review"] == "pending" and launch["missile_class"] == "ICBM"
    _no_exception(page)


def test_with_sign_in_configured_a_visitor_sees_only_the_sign_in_page(gated_server, new_page):
    page = new_page()
    page.goto(f"{gated_server}/timeline?class=ICBM")
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    expect(page.locator('.stApp[data-test-script-state="notRunning"]')).to_have_count(1)
    body = page.inner_text("body")
    assert "invited analysts only" in body
    # Nothing of the data, its navigation or the share link reaches the browser.
    for absent in ("Timeline", "Launch events", "Copy link to this view", "ICBM"):
        assert absent not in body, absent
    expect(page.locator('[data-testid="stSidebar"]')).to_have_count(0)
    _no_exception(page)


# Runs last in this module: it inspects every request the tests above made.
def test_no_request_left_the_machine(requests_seen):
    assert requests_seen, "no requests were recorded"
    outside = sorted(
        {
            url
            for url in requests_seen
            if urlparse(url).scheme in ("http", "https", "ws", "wss")
            and urlparse(url).hostname != "127.0.0.1"
        }
    )
    assert outside == [], f"requests left 127.0.0.1: {outside[:20]}"
