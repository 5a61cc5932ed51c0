"""The Jupyter path, end to end, in a real JupyterLab: a chapter opened fresh shows each
explorer's summary; a trusted saved chapter draws its explorers from the saved state; with a
kernel, a slider move reaches Python and a value set in Python moves the slider; and opening a
chapter changes nothing in it (no "unsaved changes" question when it is closed).

This is how Binder and local readers use the explorers (the static site is tested in
tests/site). JupyterLab runs from this environment on 127.0.0.1 with a throw-away notebook;
Debian's Chromium drives it. Requests that would leave the machine are blocked.
"""

from __future__ import annotations

import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import shutil

import nbformat
import pytest
from nbformat.sign import NotebookNotary

from browser import launch
from neuronlib.explorers.base import HINT

ROOT = Path(__file__).resolve().parents[2]
SAVED = "01_what_a_neuron_computes.ipynb"  # a chapter as committed: outputs and widget state saved
TRUSTED = "trusted_" + SAVED
RERUN = "rerun_" + SAVED  # a trusted copy the reader runs twice and saves
CELLS = [
    "from neuronlib.explorers import explore_hyperplane\n"
    "ex = explore_hyperplane(weights=(1, -1), bias=0.5, activation='relu')\nex",
    "print(f'bias seen by Python: {ex.bias!r}')",
    "ex.bias = -1.25",
]
CHAPTERS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a free port, serving a folder with one notebook."""
    root = tmp_path_factory.mktemp("lab")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / "explore.ipynb")
    shutil.copy(ROOT / "notebooks" / SAVED, root / SAVED)
    trusted = nbformat.read(ROOT / "notebooks" / SAVED, as_version=4)
    NotebookNotary().sign(trusted)  # as JupyterLab signs a notebook its reader saved
    nbformat.write(trusted, root / TRUSTED)
    nbformat.write(trusted, root / RERUN)
    (root / "chapters").mkdir()
    for name in CHAPTERS:
        shutil.copy(ROOT / "notebooks" / name, root / "chapters" / name)
    port, token = _free_port(), secrets.token_hex(16)
    log = open(root / "lab.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         f"--ServerApp.token={token}", f"--ServerApp.root_dir={root}", "--allow-root",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
            break
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.5)
    else:
        server.terminate()
        pytest.fail("JupyterLab did not start in 60 s:\n" + (root / "lab.log").read_text())
    if server.poll() is not None:
        pytest.fail("JupyterLab exited:\n" + (root / "lab.log").read_text())
    yield base, token, root
    server.terminate()
    server.wait(timeout=30)
    log.close()


def _url(base: str, token: str, notebook: str, workspace: str = "") -> str:
    """The notebook alone in a fresh workspace (JupyterLab would otherwise reopen the tabs of
    the previous test beside it)."""
    name = workspace or notebook.replace(".", "-").replace("/", "-")
    return f"{base}/lab/workspaces/{name}/tree/{notebook}?token={token}&reset"


def _run_cell(page, index: int) -> None:
    page.locator(".jp-Notebook .jp-CodeCell .cm-content").nth(index).click()
    page.keyboard.press("Shift+Enter")


def _jupyterlab_own(error) -> bool:
    """JupyterLab 4's cell toolbar throws when "Run All" re-renders a markdown cell while it
    measures it (`_cellToolbarOverlapsContents`, "reading 'node'"): its own race, nothing of
    the book's, so not counted."""
    return "_cellToolbarOverlapsContents" in (error.stack or "")


@pytest.fixture(scope="module")
def lab_browser():
    """One Chromium for the module's tests (each test has a context of its own)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            yield browser
        finally:
            browser.close()


def _new_page(lab_browser):
    """A Chromium page for the Lab server, in a fresh context; requests leaving 127.0.0.1 are
    refused. ``page.errors`` and ``page.console`` collect what the page says."""
    context = lab_browser.new_context(viewport={"width": 1280, "height": 1000})
    context.route(re.compile(r"^(?!http://127\.0\.0\.1:)(https?|wss?)://.*"), lambda r: r.abort())
    page = context.new_page()
    page.errors, page.console = [], []
    page.on("pageerror", lambda e: _jupyterlab_own(e) or page.errors.append(str(e)))
    page.on("console", lambda m: page.console.append(m.text))
    return context, page


@pytest.fixture
def lab_page(lab, lab_browser):
    context, page = _new_page(lab_browser)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="module")
def chapters_page(lab, lab_browser):
    """One page that opens every chapter in turn, each in a fresh workspace: JupyterLab's own
    scripts come from the browser's cache after the first (the module's CPU time, Chromium's
    included, went from 205 s to 182 s when the chapters stopped opening a context each)."""
    context, page = _new_page(lab_browser)
    try:
        yield page
    finally:
        context.close()


def test_a_chapter_opened_before_it_is_run_shows_what_its_explorer_computes(lab, lab_page):
    """A chapter opened fresh (from Binder, a download or a clone) is not trusted, so
    JupyterLab runs none of its scripts and shows the safe text/html of each explorer: its
    one-line summary, not an error. Running the cell brings the sliders (next tests)."""
    from playwright.sync_api import expect

    base, token, root = lab
    page = lab_page
    page.goto(_url(base, token, SAVED))
    readout = page.locator(".jp-OutputArea-output .nl-readout")
    expect(readout).to_have_count(1, timeout=60000)
    assert readout.text_content().startswith("Neuron explorer: x = ")
    hint = page.locator(".jp-OutputArea-output .nl-hint")
    expect(hint).to_be_visible()
    assert hint.text_content() == HINT
    assert page.get_by_text("Error displaying widget").count() == 0
    assert page.errors == [], page.errors


def test_a_saved_trusted_chapter_draws_its_explorer_from_the_saved_state(lab, lab_page):
    """Once trusted (a notebook the reader ran and saved), a chapter's explorer is drawn from
    the widget state saved in the notebook, sliders and all, before any cell is run."""
    from playwright.sync_api import expect

    base, token, root = lab
    page = lab_page
    page.goto(_url(base, token, TRUSTED))
    explorer = page.locator(".jp-OutputArea .nl-explorer[data-explorer='neuron']")
    expect(explorer).to_have_count(1, timeout=60000)
    explorer.scroll_into_view_if_needed()
    expect(explorer.locator("canvas").first).to_be_visible(timeout=30000)
    assert explorer.locator("input[type=range]").count() >= 3
    # No kernel holds these widgets yet: JupyterLab marks them disconnected, and the explorer
    # says what to do about it.
    expect(explorer.locator(".nl-hint")).to_be_visible(timeout=30000)
    assert explorer.locator(".nl-hint").text_content() == HINT
    assert page.get_by_text("Error displaying widget").count() == 0
    assert page.errors == [], page.errors


def test_a_slider_move_reaches_python_and_python_moves_the_slider(lab, lab_page):
    from playwright.sync_api import expect

    base, token, root = lab
    page = lab_page
    page.goto(_url(base, token, "explore.ipynb"))
    expect(page.locator(".jp-Notebook .jp-CodeCell").first).to_be_visible(timeout=60000)
    # The kernel must be connected before Shift+Enter, or the first run is dropped.
    expect(page.get_by_role("button", name=re.compile(r"ipykernel\) \| Idle"))).to_be_visible(timeout=60000)

    _run_cell(page, 0)
    explorer = page.locator(".jp-OutputArea .nl-explorer[data-explorer='hyperplane']")
    expect(explorer).to_be_visible(timeout=60000)
    bias = explorer.locator("input[type=range][aria-valuetext^='b =']")
    expect(bias).to_have_count(1)
    expect(explorer.locator(".nl-hint")).to_be_hidden()  # connected: no hint

    bias.focus()
    for _ in range(3):
        bias.press("ArrowRight")
    moved = float(bias.input_value())
    assert moved > 0.5, "the keyboard did not move the bias slider"

    _run_cell(page, 1)
    said = page.locator(".jp-OutputArea-output", has_text="bias seen by Python")
    expect(said).to_be_visible(timeout=30000)
    seen = float(re.search(r"bias seen by Python: (\S+)", said.inner_text()).group(1))
    assert seen == moved, f"the slider shows b = {moved}, Python has {seen}"

    _run_cell(page, 2)
    expect(bias).to_have_attribute("aria-valuetext", "b = -1.25", timeout=30000)
    assert float(bias.input_value()) == -1.25
    assert page.get_by_text("Error displaying widget").count() == 0
    assert page.errors == [], page.errors


def _wait_for_idle_kernel(page) -> None:
    """The kernel must be connected before Shift+Enter, or the first run is dropped."""
    from playwright.sync_api import expect

    expect(page.locator(".jp-Notebook .jp-CodeCell").first).to_be_visible(timeout=60000)
    expect(page.get_by_role("button", name=re.compile(r"ipykernel\) \| Idle"))).to_be_visible(timeout=60000)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_opening_a_chapter_leaves_it_unmodified(lab, chapters_page, chapter):
    """A chapter opened and closed asks nothing: JupyterLab finds nothing to change in it (its
    kernelspec is the one JupyterLab writes, "Python 3 (ipykernel)"). Every glossary term in it
    resolves (jupyterlab-myst finds the entry in the chapter's own glossary cell, written by
    tools/glossary_cells.py): no cross-reference error in the console."""
    from playwright.sync_api import expect

    base, token, root = lab
    page = chapters_page
    page.console.clear()
    page.goto(_url(base, token, f"chapters/{chapter}"))
    _wait_for_idle_kernel(page)
    page.wait_for_timeout(2000)  # anything JupyterLab would change on opening, it has changed by now
    expect(page.locator(".lm-TabBar-tab.jp-mod-current")).to_have_count(1)
    assert page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty").count() == 0, f"{chapter} is modified on opening"
    unresolved = [m for m in page.console if "Cross reference target was not found" in m]
    assert unresolved == [], f"{chapter}: {unresolved}"
    assert page.get_by_text("Error displaying widget").count() == 0


def test_a_chapter_run_twice_saved_and_reopened_draws_its_explorer(lab, lab_page):
    """The reader runs every cell of a chapter twice (as after a restart), saves, and opens it
    again the next day. JupyterLab saves no widget state of its own, so the file keeps the
    state it came with; each explorer's model id is its cell's id (neuronlib/explorers/base.py),
    the same in that state as in the rerun output, so the reopened chapter draws its explorer
    instead of "Error displaying widget: model not found"."""
    from playwright.sync_api import expect

    base, token, root = lab
    page = lab_page
    page.goto(_url(base, token, RERUN))
    _wait_for_idle_kernel(page)
    explorer = page.locator(".jp-OutputArea .nl-explorer[data-explorer='neuron']")
    for _ in range(2):
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        page.wait_for_timeout(1000)
        _wait_for_idle_kernel(page)
        expect(explorer).to_have_count(1, timeout=60000)
        expect(explorer.locator(".nl-hint")).to_be_hidden(timeout=30000)  # connected
    page.keyboard.press("Control+s")
    expect(page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty")).to_have_count(0, timeout=30000)
    saved = nbformat.read(root / RERUN, as_version=4)
    shown = {out["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
             for cell in saved.cells for out in cell.get("outputs", [])
             if "application/vnd.jupyter.widget-view+json" in out.get("data", {})}
    known = set(saved.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"])
    assert shown and shown <= known, f"outputs show {sorted(shown - known)}, the saved state has no such model"

    page.goto(_url(base, token, RERUN, workspace="reopened"))
    expect(explorer).to_have_count(1, timeout=60000)
    explorer.scroll_into_view_if_needed()
    expect(explorer.locator("canvas").first).to_be_visible(timeout=30000)
    assert page.get_by_text("Error displaying widget").count() == 0
    assert not [m for m in page.console if "model not found" in m.lower()], page.console
    assert page.errors == [], page.errors
