"""How fast every control of every explorer on a page answers, moved the way a reader moves it.

Used by the benchmarks (`benchmarks/run.py`, every chapter page of the built site) and by the
site test `tests/site/test_explorer_speed.py` (the gallery page). In a page opened by
playwright, :func:`measure_page` finds each explorer (`.nl-explorer`) and, from its DOM, each
control: every `input[type=range]`, `select` and `button`. It moves each one as a reader does:

- a slider: ``moves`` presses of ArrowRight (ArrowLeft once it reaches its end, and back), then
  pointer drags of the thumb (``drags`` drags of 10 mouse moves each, alternately right and left);
- a menu (`select`): ``moves`` presses of ArrowDown (ArrowUp once it reaches its last entry),
  each of which picks the next entry, as on a focused menu in Chromium on Linux;
- a button: ``moves`` mouse clicks (a Reset button is clicked after a key press on the
  explorer's first slider, so that there is something to reset);
- a canvas the reader drags on (the point of the hyperplane explorer, the starting point on
  the learning line's loss surface): ``drags`` drags across it, 10 mouse moves each; and, if it
  takes the focus, ``moves`` presses of ArrowRight and ArrowLeft in turn;
- Play: the gaps between frames while it plays (``frames`` frames), a row of its own.

Every press, drag step or click is spaced out (60 ms, or ``gap_ms``) so that frames do not overlap. For each
one that changes the control (its `input` event for a slider, `change` for a menu, `click` for a
button), the page records (:data:`PROBE`):

- ``work``: the page's own work for it, from a listener on `window` in the capture phase (before
  the explorer's handler) to one in the bubbling phase (after it): the explorer's synchronous
  redraw. It does not include the browser's painting of the result, nor waiting for a frame;
- ``paint``: input to next frame, from the event's timeStamp to the end of the main thread's
  work for the next frame: a requestAnimationFrame callback registered just before the handler
  runs in that frame, and a message it posts (MessageChannel) runs once the frame's other
  requestAnimationFrame callbacks, style, layout, paint and commit are done (and before any
  work the explorer posts for after the paint, such as the learning line's surface slices). This is what the page controls: the handler, the wait for the next
  frame to begin (0 to 16.7 ms at 60 Hz, wherever the input falls in a frame) and the frame's
  own work. It leaves out the compositor's raster and presentation, which the Event Timing
  API's duration includes: in headless Chromium that adds a frame or more of presentation delay
  and is rounded to 8 ms, so a do-nothing button read 24 to 32 ms there (the earlier probe took
  the larger of the two).
- ``cpu``, per control: the CPU time of the page's main thread while its moves were made
  (Chromium's ThreadTime metric, read over the DevTools protocol), divided by the number of
  moves: everything the page did for them (the handler, each frame's style, layout, paint and
  canvas drawing, work posted for after the paint, garbage collection) and whatever else the
  page ran meanwhile. Time spent waiting for a CPU does not count, so on a loaded, shared
  machine this is the steadiest of the three figures for comparing two versions.

With ``baseline=True`` the page first gets a do-nothing slider and button (no handler: the
browser only moves the thumb) in an explorer frame of its own, moved the same way: their rows,
explorer ``(baseline)``, are the floor of the probe on that machine and load (a control cannot
answer faster than the next frame after its input).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

GAP_MS = 60  # between two moves: one move's frame is painted before the next move starts

PROBE = """() => {
  if (window.__nlTiming) return;
  const nl = (window.__nlTiming = { moves: [] });
  const counts = (ev) => {
    const t = ev.target;
    if (!t || !t.closest || !t.closest('.nl-explorer') || !t.dataset || !t.dataset.nlControl) return false;
    if (t.tagName === 'CANVAS')
      return (ev.type === 'keydown' && ev.key.startsWith('Arrow')) || ev.type === 'pointerdown'
        || (ev.type === 'pointermove' && ev.buttons === 1);
    return (ev.type === 'input' && t.type === 'range') || (ev.type === 'change' && t.tagName === 'SELECT')
      || (ev.type === 'click' && t.tagName === 'BUTTON');
  };
  let start = 0;
  let move = null;
  for (const type of ['input', 'change', 'click', 'keydown', 'pointerdown', 'pointermove']) {
    // before the explorer's handler (capture phase on window): the start of its work, and the
    // frame probe, registered first so that its message comes before any the handler posts
    window.addEventListener(type, (ev) => {
      if (!counts(ev)) return;
      const m = (move = { control: ev.target.dataset.nlControl, t0: ev.timeStamp });
      nl.moves.push(m);
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { m.raf = performance.now() - m.t0; };
        ch.port2.postMessage(0);
      });
      start = performance.now();
    }, true);
    // after it (bubbling phase): the work
    window.addEventListener(type, (ev) => { if (counts(ev) && move) move.work = performance.now() - start; }, false);
  }
}"""

# A do-nothing slider and button (no handler) in an explorer frame of their own: the probe's floor.
BASELINE = """() => {
  if (document.querySelector('[data-explorer="(baseline)"]')) return;
  const root = document.createElement('div');
  root.className = 'nl-explorer';
  root.dataset.explorer = '(baseline)';
  root.innerHTML = '<label><span>do-nothing slider</span><input type="range" min="0" max="100" step="1" value="0"></label>' +
    '<button type="button">do-nothing button</button>';
  document.body.prepend(root);
}"""

# Marks every control with data-nl-control = "explorer index/control index" and describes it.
CONTROLS = """() => Array.from(document.querySelectorAll('.nl-explorer')).flatMap((root, i) =>
  Array.from(root.querySelectorAll('input[type=range], select, button, canvas'))
    .filter((el) => el.tagName !== 'CANVAS' || el.style.cursor === 'crosshair')  // a canvas one drags on
    .map((el, j) => {
    el.dataset.nlControl = i + '/' + j;
    const label = el.closest('label');
    const span = label && label.querySelector('span');
    let name = el.tagName === 'BUTTON' ? el.textContent : (span ? span.textContent : el.getAttribute('aria-label') || '');
    // a canvas is named by its label's first words ("Loss surface over w1 ..." -> "Loss surface")
    name = el.tagName === 'CANVAS' ? name.split(/ over | with | from |[,.:]/)[0].trim() : name.split(' = ')[0].trim();
    const kind = el.tagName === 'BUTTON' ? (el.classList.contains('nl-play') ? 'play' : 'button')
      : el.tagName === 'SELECT' ? 'select' : el.tagName === 'CANVAS' ? 'canvas' : 'slider';
    return { id: i + '/' + j, explorer: root.dataset.explorer, index: i, name, kind, disabled: el.disabled,
             focusable: el.tabIndex >= 0 };
  }))"""

# Plays for ``frames`` frames and returns the gaps between them (ms), then pauses.
PLAY = """([id, frames]) => new Promise((done) => {
  const play = document.querySelector(`[data-nl-control="${id}"]`);
  const gaps = [];
  let last = 0;
  const tick = (now) => {
    if (last) gaps.push(now - last);
    last = now;
    if (gaps.length < frames) requestAnimationFrame(tick);
    else { play.click(); done(gaps); }
  };
  play.click();
  requestAnimationFrame(tick);
})"""


@dataclass
class Control:
    """One control's measurements: ``work`` and ``paint`` per move, in ms (see the module)."""

    explorer: str
    name: str
    kind: str
    how: str  # "keyboard" or "pointer"
    work: list[float] = field(default_factory=list)
    paint: list[float] = field(default_factory=list)
    cpu: float | None = None  # the page's main-thread CPU time per move, in ms (see the module)

    def label(self) -> str:
        return f"{self.name} ({self.kind}, {self.how})"


def _press(page, control, kind: str, count: int, gap_ms: int) -> None:
    """``count`` key presses that each change the control's value; the direction turns at an end."""
    if kind == "slider":
        lo, hi, step, value = control.evaluate("s => [+s.min, +s.max, +s.step || 1, +s.value]")
        pos, top, keys = round((value - lo) / step), round((hi - lo) / step), ("ArrowRight", "ArrowLeft")
    else:
        pos, top = control.evaluate("s => [s.selectedIndex, s.options.length - 1]")
        keys = ("ArrowDown", "ArrowUp")
    if top <= 0:
        return
    direction = 1
    for _ in range(count):
        if not 0 <= pos + direction <= top:
            direction = -direction
        pos += direction
        # the value changes on keydown; keyup comes after the gap (one round trip per move)
        control.press(keys[0] if direction > 0 else keys[1], delay=gap_ms)


def _drag(page, control, drags: int) -> None:
    """``drags`` drags of the slider's thumb, 10 mouse moves each, right then left."""
    box = control.bounding_box()
    lo, hi, step, value = control.evaluate("s => [+s.min, +s.max, +s.step || 1, +s.value]")
    y = box["y"] + box["height"] / 2
    span = box["width"] - 16  # the thumb's centre runs from 8 px in to 8 px before the end
    x = box["x"] + 8 + span * ((value - lo) / (hi - lo) if hi > lo else 0)
    # each mouse move goes 1/25 of the way, or, on a slider with few values (trace unit: 1 or 2),
    # 0.6 of a value's width, so that a drag changes the value however few it has
    per = max(span / 25, 0.6 * span * step / (hi - lo)) if hi > lo else span / 25
    for d in range(drags):
        page.mouse.move(x, y)
        page.mouse.down()
        page.wait_for_timeout(GAP_MS)
        direction = 1 if (d % 2 == 0) == (x < box["x"] + box["width"] / 2) else -1
        for _ in range(10):
            x = min(box["x"] + box["width"] - 8, max(box["x"] + 8, x + direction * per))
            page.mouse.move(x, y)
            page.wait_for_timeout(GAP_MS)
        page.mouse.up()
        page.wait_for_timeout(GAP_MS)


def _drag_across(page, control, drags: int) -> None:
    """``drags`` drags across a canvas, 10 mouse moves each, left to right then back, through
    its middle."""
    box = control.bounding_box()
    y = box["y"] + box["height"] * 0.45
    for d in range(drags):
        xs = [box["x"] + box["width"] * (0.3 + 0.04 * k) for k in range(11)]
        if d % 2:
            xs.reverse()
        page.mouse.move(xs[0], y)
        page.mouse.down()
        page.wait_for_timeout(GAP_MS)
        for x in xs[1:]:
            page.mouse.move(x, y)
            page.wait_for_timeout(GAP_MS)
        page.mouse.up()
        page.wait_for_timeout(GAP_MS)


def _click(page, control, moves: int, gap_ms: int, before=None) -> None:
    box = control.bounding_box()
    for _ in range(moves):
        if before is not None:
            before()  # (focusing a slider far above may scroll the button out of view)
            control.scroll_into_view_if_needed()
            box = control.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(gap_ms)


class _Clock:
    """The CPU time of the page's main thread (Chromium's ThreadTime metric, over the DevTools
    protocol), in ms, since mark()."""

    def __init__(self, page):
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Performance.enable")
        self.mark()

    def now(self) -> float:
        metrics = self.cdp.send("Performance.getMetrics")["metrics"]
        return 1000 * next(m["value"] for m in metrics if m["name"] == "ThreadTime")

    def mark(self) -> None:
        self.start = self.now()

    def since(self) -> float:
        return self.now() - self.start


def _collect(page, spec: dict, how: str, warmup: int, clock: _Clock) -> Control:
    page.wait_for_timeout(150)  # the last move's frame arrives
    cpu = clock.since()
    moves = page.evaluate("() => { const m = window.__nlTiming.moves; window.__nlTiming.moves = []; return m; }")
    mine = [m for m in moves if m["control"] == spec["id"]]
    c = Control(spec["explorer"], spec["name"], spec["kind"], how, cpu=cpu / len(mine) if mine else None)
    mine = mine[warmup:]
    for m in mine:
        c.work.append(m.get("work", 0.0))
        c.paint.append(m.get("raf") or 0.0)
    clock.mark()
    return c


def measure_page(page, moves: int = 20, drags: int = 2, warmup: int = 0, pointer: bool = True,
                 only=None, gap_ms: int = GAP_MS, baseline: bool = False) -> list[Control]:
    """Every control of every explorer on the open ``page`` (see the module docstring); the
    first ``warmup`` moves of each control are made but not counted. ``only(spec)`` may
    choose which controls to move (spec: explorer, name, kind); ``gap_ms`` between key presses;
    ``baseline``: first the do-nothing controls (:data:`BASELINE`)."""
    if baseline:
        page.evaluate(BASELINE)
    page.evaluate(PROBE)
    specs = page.evaluate(CONTROLS)
    clock = _Clock(page)
    results = []
    page.mouse.move(0, 0)
    for spec in specs:
        if spec["disabled"] or (only is not None and not only(spec)):
            continue
        control = page.locator(f'[data-nl-control="{spec["id"]}"]')
        root = page.locator(".nl-explorer").nth(spec["index"])
        root.scroll_into_view_if_needed()
        control.scroll_into_view_if_needed()
        page.wait_for_timeout(100)
        page.evaluate("() => { window.__nlTiming.moves = []; }")
        clock.mark()
        if spec["kind"] == "slider":
            control.focus()
            _press(page, control, "slider", warmup + moves, gap_ms)
            results.append(_collect(page, spec, "keyboard", warmup, clock))
            if pointer and drags:
                _drag(page, control, drags)
                results.append(_collect(page, spec, "pointer", 0, clock))
        elif spec["kind"] == "canvas":
            if spec["focusable"]:
                control.focus()
                for k in range(warmup + moves):
                    control.press("ArrowRight" if k % 2 == 0 else "ArrowLeft", delay=gap_ms)
                results.append(_collect(page, spec, "keyboard", warmup, clock))
            if pointer and drags:
                _drag_across(page, control, drags)
                results.append(_collect(page, spec, "pointer", 0, clock))
        elif spec["kind"] == "play":
            c = Control(spec["explorer"], spec["name"], "play", "frame to frame")
            c.paint = page.evaluate(PLAY, [spec["id"], 3 * moves])
            results.append(c)
            page.evaluate("() => { window.__nlTiming.moves = []; }")
            clock.mark()
            # and its clicks, as for any button: they start and pause it in turn
            _click(page, control, warmup + moves, gap_ms)
            results.append(_collect(page, spec, "pointer", warmup, clock))
            if (warmup + moves) % 2:
                control.click()  # paused again
        elif spec["kind"] == "select":
            control.focus()
            _press(page, control, "select", warmup + moves, gap_ms)
            results.append(_collect(page, spec, "keyboard", warmup, clock))
        else:
            before = None
            if "nl-reset" in (control.get_attribute("class") or ""):
                first = root.locator("input[type=range]").first

                def before(first=first):
                    first.focus()
                    first.press("ArrowRight", delay=gap_ms)
            _click(page, control, warmup + moves, gap_ms, before)
            results.append(_collect(page, spec, "pointer", warmup, clock))
        page.keyboard.press("Escape")
    return results


def summary(values: list[float]) -> tuple[float, float]:
    """(median, worst) of a control's moves, in ms."""
    return statistics.median(values), max(values)
