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
- ``paint``: from the event's timeStamp to just after the next frame (a message posted from a
  requestAnimationFrame callback runs once the frame is painted), raised to the Event Timing
  API's duration (input to next paint) when that API reported the event (it reports from 16 ms
  on, rounded to 8 ms).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

GAP_MS = 60  # between two moves: one move's frame is painted before the next move starts

PROBE = """() => {
  if (window.__nlTiming) return;
  const nl = (window.__nlTiming = { moves: [], events: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) nl.events.push([e.name, e.startTime, e.duration]);
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
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
  for (const type of ['input', 'change', 'click', 'keydown', 'pointerdown', 'pointermove']) {
    window.addEventListener(type, (ev) => { if (counts(ev)) start = performance.now(); }, true);
    window.addEventListener(type, (ev) => {
      if (!counts(ev)) return;
      const move = { control: ev.target.dataset.nlControl, t0: ev.timeStamp, work: performance.now() - start };
      nl.moves.push(move);
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { move.raf = performance.now() - move.t0; };
        ch.port2.postMessage(0);
      });
    }, false);
  }
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
    lo, hi, value = control.evaluate("s => [+s.min, +s.max, +s.value]")
    y = box["y"] + box["height"] / 2
    span = box["width"] - 16  # the thumb's centre runs from 8 px in to 8 px before the end
    x = box["x"] + 8 + span * ((value - lo) / (hi - lo) if hi > lo else 0)
    for d in range(drags):
        page.mouse.move(x, y)
        page.mouse.down()
        page.wait_for_timeout(GAP_MS)
        direction = 1 if (d % 2 == 0) == (x < box["x"] + box["width"] / 2) else -1
        for _ in range(10):
            x = min(box["x"] + box["width"] - 8, max(box["x"] + 8, x + direction * span / 25))
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


def _collect(page, spec: dict, how: str, warmup: int) -> Control:
    page.wait_for_timeout(150)  # the last move's frame and Event Timing entries arrive
    data = page.evaluate("""() => { const nl = window.__nlTiming; const moves = nl.moves;
        nl.moves = []; const events = nl.events; nl.events = []; return { moves, events }; }""")
    mine = [m for m in data["moves"] if m["control"] == spec["id"]][warmup:]
    c = Control(spec["explorer"], spec["name"], spec["kind"], how)
    for m in mine:
        paint = m.get("raf") or 0.0
        # an Event Timing entry belongs to the move whose event came at, or just after, its start
        for _name, start, duration in data["events"]:
            if 0 <= m["t0"] - start < 50:
                paint = max(paint, duration)
        c.work.append(m["work"])
        c.paint.append(paint)
    return c


def measure_page(page, moves: int = 20, drags: int = 2, warmup: int = 0, pointer: bool = True,
                 only=None, gap_ms: int = GAP_MS) -> list[Control]:
    """Every control of every explorer on the open ``page`` (see the module docstring); the
    first ``warmup`` moves of each control are made but not counted. ``only(spec)`` may
    choose which controls to move (spec: explorer, name, kind); ``gap_ms`` between key presses."""
    page.evaluate(PROBE)
    specs = page.evaluate(CONTROLS)
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
        page.evaluate("() => { window.__nlTiming.moves = []; window.__nlTiming.events = []; }")
        if spec["kind"] == "slider":
            control.focus()
            _press(page, control, "slider", warmup + moves, gap_ms)
            results.append(_collect(page, spec, "keyboard", warmup))
            if pointer and drags:
                _drag(page, control, drags)
                results.append(_collect(page, spec, "pointer", 0))
        elif spec["kind"] == "canvas":
            if spec["focusable"]:
                control.focus()
                for k in range(warmup + moves):
                    control.press("ArrowRight" if k % 2 == 0 else "ArrowLeft", delay=gap_ms)
                results.append(_collect(page, spec, "keyboard", warmup))
            if pointer and drags:
                _drag_across(page, control, drags)
                results.append(_collect(page, spec, "pointer", 0))
        elif spec["kind"] == "play":
            c = Control(spec["explorer"], spec["name"], "play", "frame to frame")
            c.paint = page.evaluate(PLAY, [spec["id"], 3 * moves])
            results.append(c)
            page.evaluate("() => { window.__nlTiming.moves = []; window.__nlTiming.events = []; }")
            # and its clicks, as for any button: they start and pause it in turn
            _click(page, control, warmup + moves, gap_ms)
            results.append(_collect(page, spec, "pointer", warmup))
            if (warmup + moves) % 2:
                control.click()  # paused again
        elif spec["kind"] == "select":
            control.focus()
            _press(page, control, "select", warmup + moves, gap_ms)
            results.append(_collect(page, spec, "keyboard", warmup))
        else:
            before = None
            if "nl-reset" in (control.get_attribute("class") or ""):
                first = root.locator("input[type=range]").first

                def before(first=first):
                    first.focus()
                    first.press("ArrowRight", delay=gap_ms)
            _click(page, control, warmup + moves, gap_ms, before)
            results.append(_collect(page, spec, "pointer", warmup))
        page.keyboard.press("Escape")
    return results


def summary(values: list[float]) -> tuple[float, float]:
    """(median, worst) of a control's moves, in ms."""
    return statistics.median(values), max(values)
