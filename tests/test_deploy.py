"""A hosted copy needs only what the image ships: no network, no ../shared, no write access.

Every page runs in AppTest from a copy of exactly what the Dockerfile copies (the package,
the built data, .streamlit), made read-only, with an unwritable HOME. As root on Linux the
run also loses every capability (so file modes bind root too) and the network (a fresh
network namespace); elsewhere those two parts are skipped and the test says so.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from dashboard.paths import REPO_DIR
from dashboard.ui import PAGE_FILES

# What .dockerignore keeps out of the image: the reference copies' facts and the gold set
# are for curators' commands, never for the app.
NOT_SHIPPED = ("imports", "ingest_gold", "__pycache__", "*.pyc", ".*.tmp")

RUN_PAGES = """
import json, sys
from pathlib import Path
import dashboard
from streamlit.testing.v1 import AppTest

app = Path(sys.argv[1])
report = {"package": dashboard.__file__, "pages": {}}
for page in sys.argv[2:]:
    at = AppTest.from_file(str(app / "dashboard" / "app.py"), default_timeout=120)
    at.switch_page(page)
    at.run()
    report["pages"][page] = {
        "titles": [t.value for t in at.title],
        "exceptions": [e.value for e in at.exception],
        "errors": [e.value for e in at.error],
    }
print(json.dumps(report))
"""


def _read_only(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _confinement() -> tuple[list[str], str]:
    """A command prefix that drops capabilities and the network, and what it leaves out."""
    if os.geteuid() != 0:
        return [], "not root: file modes already bind; network not cut"
    if not (shutil.which("unshare") and shutil.which("setpriv")):
        return [], "unshare/setpriv missing: root ignores file modes; network not cut"
    probe = ["unshare", "-n", "setpriv", "--bounding-set=-all", "--inh-caps=-all", "true"]
    if subprocess.run(probe, capture_output=True).returncode != 0:
        return [], "cannot unshare the network or drop capabilities here"
    return probe[:-1], ""


def test_every_page_runs_offline_read_only_without_the_reference_files():
    scratch = Path(tempfile.mkdtemp(prefix="dashboard-deploy-"))
    try:
        app = scratch / "app"
        ignore = shutil.ignore_patterns(*NOT_SHIPPED)
        shutil.copytree(REPO_DIR / "dashboard", app / "dashboard", ignore=ignore)
        shutil.copytree(REPO_DIR / "datasets", app / "datasets", ignore=ignore)
        shutil.copytree(REPO_DIR / ".streamlit", app / ".streamlit")
        home = scratch / "home"
        home.mkdir()
        script = scratch / "run_pages.py"
        script.write_text(RUN_PAGES, encoding="utf-8")
        _read_only(app)
        _read_only(home)
        assert not (app.parent / "shared").exists()

        prefix, left_out = _confinement()
        if left_out:
            print(f"partial confinement: {left_out}")
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(home),
            "PYTHONPATH": str(app),  # ahead of the editable install of this checkout
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        result = subprocess.run(
            [*prefix, sys.executable, str(script), str(app), *PAGE_FILES.values()],
            cwd=app,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        report = json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        for path in [scratch, *scratch.rglob("*")]:
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | stat.S_IWUSR)
        shutil.rmtree(scratch)

    assert report["package"].startswith(str(app)), report["package"]
    assert set(report["pages"]) == set(PAGE_FILES.values())
    for page, seen in report["pages"].items():
        assert seen["exceptions"] == [] and seen["errors"] == [], (page, seen)
        assert len(seen["titles"]) == 1 and seen["titles"][0], (page, seen)
    if left_out:
        pytest.skip(f"pages ran, but {left_out}")
