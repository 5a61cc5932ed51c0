// controls.js: the explorer frame, labelled sliders and menus, the Reset button, model helpers.
// Every explorer is built with nlMount; the DOM contract (README.md) is kept here.

function nlEl(tag, cls, parent, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  // A focused control keeps its keys (arrows, Enter, Space): JupyterLab's notebook shortcuts
  // would otherwise take them (they match any focused element inside a notebook).
  if (tag === "input" || tag === "select" || tag === "button") e.setAttribute("data-lm-suppress-shortcuts", "true");
  if (parent) parent.appendChild(e);
  return e;
}

// Shown only when JupyterLab marks the widget disconnected (no live kernel: reopened, kernel
// dead); the same words as base.HINT, which the static HTML shows before any cell runs.
const NL_HINT = "Run the cells to reconnect the sliders to Python.";

function nlFrame(el, kind, title) {
  nlInjectStyle();
  el.replaceChildren();
  el.classList.add("nl-explorer");
  el.dataset.explorer = kind;
  nlEl("div", "nl-title", el, title);
  nlEl("div", "nl-hint", el, NL_HINT);
  const body = nlEl("div", "nl-body", el);
  const frame = {
    el,
    figure: nlEl("div", "nl-figure", body),
    controls: nlEl("div", "nl-controls", body),
    readout: nlEl("div", "nl-readout", el),
    // The figure in words, said once the reader pauses (nlAnnouncer): the one live region, so a
    // screen reader is not made to read the readout on every key press.
    announce: nlEl("div", "nl-announce", el),
  };
  frame.announce.setAttribute("aria-live", "polite");
  frame.group = (parent) => nlEl("div", "nl-group", parent || frame.controls);
  return frame;
}

function nlId(prefix) {
  // A page-unique id for aria-describedby and aria-controls (JupyterLab's views have no id). The
  // count is the page's, not the module's: every explorer on a page is a module of its own.
  globalThis.nlIds = (globalThis.nlIds || 0) + 1;
  return `nl-${prefix}-${globalThis.nlIds}`;
}

function nlDescribedBy(control, text, parent) {
  // A visible note that also describes the control to a screen reader; returns the note.
  const note = nlEl("span", "nl-why", parent, text);
  note.id = nlId("why");
  control.setAttribute("aria-describedby", note.id);
  return note;
}

function nlSlider(parent, spec) {
  // spec: {label, range: [min, max, step], get: () => number, set: (number) => void, and
  // optionally why: () => the reason the slider is off now ("" when it is on)}. A slider that is
  // off says why, in a visible note that is also its description ("slope: only for leaky_relu").
  const label = nlEl("label", "", parent);
  const text = nlEl("span", "", label);
  const input = nlEl("input", "", label);
  input.type = "range";
  [input.min, input.max, input.step] = spec.range.map(String);
  input.addEventListener("input", () => spec.set(parseFloat(input.value)));
  let shown; // the value the label says: a label written again unchanged would cost a layout
  const update = () => {
    const v = spec.get();
    if (v < +input.min) input.min = String(v);
    if (v > +input.max) input.max = String(v);
    if (parseFloat(input.value) !== v) input.value = String(v);
    if (v !== shown) {
      const s = spec.label + " = " + nlFmt(v);
      text.textContent = s;
      input.setAttribute("aria-valuetext", s);
      shown = v;
    }
    if (spec.why) {
      const why = spec.why();
      input.disabled = why !== "";
      // the note keeps its line when empty: the controls below it do not jump
      note.textContent = why ? `${spec.label}: ${why}` : "";
    }
  };
  const note = spec.why ? nlDescribedBy(input, "", label.parentNode) : null;
  update();
  return { input, label, update };
}

function nlSelect(parent, spec) {
  // spec: {label, options: [[value, text], ...], get, set}
  const label = nlEl("label", "", parent);
  nlEl("span", "", label, spec.label);
  const select = nlEl("select", "", label);
  for (const [value, text] of spec.options) {
    const o = nlEl("option", "", select, text);
    o.value = String(value);
  }
  select.addEventListener("change", () => spec.set(select.value));
  const update = () => {
    select.value = String(spec.get());
  };
  update();
  return { select, label, update };
}

function nlButton(parent, text, cls, onClick, name) {
  // name: what the button does, for a screen reader; it starts with the visible text (a reader
  // who says "click Reset" to voice control is understood).
  const b = nlEl("button", cls, parent, text);
  b.type = "button";
  if (name) b.setAttribute("aria-label", name);
  b.addEventListener("click", onClick);
  return b;
}

function nlSetKey(model, key, value) {
  model.set(key, value);
  model.save_changes();
}

function nlSetItem(model, key, path, value) {
  // Sets model[key][path[0]][path[1]]... = value on a copy, so the change is seen.
  const root = JSON.parse(JSON.stringify(model.get(key)));
  let a = root;
  for (const i of path.slice(0, -1)) a = a[i];
  a[path[path.length - 1]] = value;
  nlSetKey(model, key, root);
}

function nlSetAll(model, values) {
  // Sets several keys and redraws once, not once per key: this model's views (nlMount) hold
  // their redraws while it is held, then redraw if anything changed.
  model.nlHeld = true;
  try {
    for (const k of Object.keys(values)) model.set(k, values[k]);
  } finally {
    model.nlHeld = false;
  }
  model.save_changes();
  for (const release of model.nlReleases || []) release();
}

function nlResetButton(parent, model, onReset) {
  // Restores every value the explorer started with (kept by Python in _initial).
  return nlButton(parent, "Reset", "nl-reset", () => {
    nlSetAll(model, JSON.parse(JSON.stringify(model.get("_initial"))));
    if (onReset) onReset();
  }, "Reset every value to where it started");
}

// How long the reader must pause before the figure is put into words (nlAnnouncer).
const NL_PAUSE_MS = 600;

function nlWhatChanged(before, after) {
  // The announcement when the facts (sentences) of a figure go from `before` to `after`: the
  // sentences that are new, after "Now: "; "" when none is. Equal to base.what_changed.
  const old = new Set(before);
  const fresh = after.filter((f) => !old.has(f));
  return fresh.length ? "Now: " + fresh.join(" ") : "";
}

function nlAnnouncer(region, facts) {
  // Says what changed in the figure, in the polite live region, once the reader has paused for
  // NL_PAUSE_MS (a slider dragged or a key held down gives one announcement, not one per value).
  let before = facts();
  let timer = 0;
  return {
    changed() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const now = facts();
        const text = nlWhatChanged(before, now);
        before = now;
        if (text) region.textContent = text;
      }, NL_PAUSE_MS);
    },
    stop: () => clearTimeout(timer),
  };
}

function nlSetText(el, text) {
  // Writes text into el only if it differs: writing the same text again still costs a layout.
  if (el.textContent !== text) el.textContent = text;
}

function nlIdle(fn) {
  // Runs fn(deadline) when the page is idle (requestIdleCallback; where a browser has none, 50 ms
  // later with 4 ms to spend), for work that can wait while the reader reads.
  (window.requestIdleCallback || ((cb) => setTimeout(() => cb({ timeRemaining: () => 4 }), 50)))(fn);
}

function nlAfterPaint(fn) {
  // Runs fn just after the next frame is painted (a message posted from the next animation
  // frame), so work that can wait never delays the reader's next paint.
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = fn;
    ch.port2.postMessage(0);
  });
}

function nlTable(parent, spec, old, rows = null) {
  // A real table from spec = {caption, head: [column names], rows: [[cells]]}, built with DOM
  // methods and textContent only (never HTML from data); the first cell of a row heads it.
  // Given the table it made last time (old) with the same columns and as many rows, it rewrites
  // only the cells that changed: a long table is not built and laid out afresh on every move.
  // rows = [from, to]: only the rows from..to-1 are written now (the ones in view); a later call
  // without it writes the rest (nlNumbers, after the paint).
  const shape = [...spec.head, ...spec.rows.map((r) => r.length)].join("\t");
  let table = old;
  if (!old || old.nlShape !== shape) {
    if (old) old.remove();
    table = nlEl("table", "", parent);
    table.nlShape = shape;
    nlEl("caption", "", table);
    const tr = nlEl("tr", "", nlEl("thead", "", table));
    for (const h of spec.head) nlEl("th", "", tr, h).scope = "col";
    nlEl("tbody", "", table);
  }
  nlSetText(table.caption, spec.caption);
  const body = table.tBodies[0];
  const [from, to] = rows || [0, spec.rows.length];
  // rows are made in order: a row after the ones made so far waits for the call that makes them
  for (let i = from; i < Math.min(to, spec.rows.length, body.rows.length + 1); i++) {
    const r = body.rows[i] || nlEl("tr", "", body);
    spec.rows[i].forEach((cell, j) => {
      const c = r.cells[j] || nlEl(j ? "td" : "th", "", r);
      if (!j) c.scope = "row";
      nlSetText(c, String(cell));
    });
  }
  return table;
}

// Rows of the numbers table written before the paint: more than the panel (320 px) shows.
const NL_ROWS_AT_ONCE = 24;

function nlNumbers(frame, view) {
  // The "Show the numbers" disclosure: a button (aria-expanded) that shows, under the figure, the
  // figure in words and a table of its numbers (view.table()), kept up to date while open. A long
  // table is written in two parts: the rows in view before the paint, the rest just after it
  // (a newer move drops a pending rest), so opening the panel or moving a control while it is
  // open answers within one frame.
  const panel = nlEl("div", "nl-numbers", frame.el);
  panel.id = nlId("numbers");
  panel.setAttribute("role", "region");
  panel.setAttribute("aria-label", "the numbers behind the figure");
  let open = false;
  // Closed, the panel is invisible and has no height (class nl-closed), but stays laid out, at
  // the width it has open (its scrollbar's gutter is kept): prepare() writes it once while the
  // reader is still reading, and it is brought up to date when the reader pauses, so an opening
  // lays out no text afresh.
  const show = () => {
    panel.classList.toggle("nl-closed", !open);
    panel.setAttribute("aria-hidden", String(!open));
    // the panel scrolls when the table is long: open, it takes the focus so the keyboard can scroll it
    panel.tabIndex = open ? 0 : -1;
  };
  show();
  const button = nlButton(frame.group(), "Show the numbers", "nl-show-numbers", () => {
    open = !open;
    show();
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "Hide the numbers" : "Show the numbers";
    clearTimeout(pause);
    if (open && behind) fill(); // else the panel already shows the figure as it is
  });
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", panel.id);
  let words, table; // made by prepare() or the first show, then brought up to date in place
  let latest = 0;
  let rowHeight = 0; // a row's height in px, read after a paint (0: not known yet)
  let pause = 0;
  let behind = true; // the figure changed since the panel was last written
  const fill = (closed = false) => {
    if (!open && !closed) {
      // closed: brought up to date once the reader pauses (100 ms without a move), while idle
      behind = true;
      clearTimeout(pause);
      pause = setTimeout(() => nlIdle(() => open || fill(true)), 100);
      return;
    }
    behind = false;
    const mine = ++latest;
    const text = "In words: " + view.facts().join(" ");
    words = words || nlEl("p", "", panel);
    nlSetText(words, text);
    const spec = view.table();
    // the rows in view: from the panel's scroll position, once a row's height is known
    const from = rowHeight ? Math.max(0, Math.floor(panel.scrollTop / rowHeight) - 2) : 0;
    table = nlTable(panel, spec, table, [from, from + NL_ROWS_AT_ONCE]);
    if (spec.rows.length > NL_ROWS_AT_ONCE || from > 0)
      nlAfterPaint(() => {
        if (mine !== latest || (!open && !closed)) return;
        // read before writing: just after a paint the layout is clean, so this costs nothing
        rowHeight = rowHeight || (table.tBodies[0].rows[0] || {}).offsetHeight || 0;
        table = nlTable(panel, spec, table);
      });
  };
  return { fill, prepare: () => fill(true) };
}

function nlMount(model, el, kind, title, build) {
  // build(frame) -> {keys: [model keys to watch], draw(theme), facts() (the figure in words: a
  // list of sentences, equal to the Python explorer's facts()), table() (nlTable's spec)};
  // controls made with nlSlider/nlSelect are collected in frame.updaters and refreshed before
  // each draw.
  const frame = nlFrame(el, kind, title);
  // a link's values, before the controls are built, and the Copy link button (links.js)
  nlLinks(model, frame);
  frame.updaters = [];
  frame.add = (control) => {
    frame.updaters.push(control.update);
    return control;
  };
  const view = build(frame);
  if (view.sweep) nlListen(frame, view, () => redraw()); // js/sound.js: the explorers with a sweep
  const numbers = nlNumbers(frame, view);
  let theme = nlTheme(el);
  // rest: not a reader's move (mount, idle warm-up, theme, resize): explorers that draw a coarse
  // map first while the reader moves (js/coarse.js, training.js) draw the full one at once
  const redraw = (rest = false) => {
    for (const u of frame.updaters) u();
    view.draw(theme, rest);
    numbers.fill();
  };
  const announcer = nlAnnouncer(frame.announce, view.facts);
  let missed = false; // a change seen while the model was held (nlSetAll)
  const onChange = () => {
    if (model.nlHeld) missed = true;
    else {
      redraw();
      announcer.changed();
    }
  };
  const release = () => {
    if (missed) {
      redraw();
      announcer.changed();
    }
    missed = false;
  };
  model.nlReleases = [...(model.nlReleases || []), release];
  const keys = view.keys.map((k) => "change:" + k);
  keys.forEach((k) => model.on(k, onChange));
  const retheme = () => {
    theme = nlTheme(el);
    redraw(true);
  };
  const stopTheme = nlWatchTheme(retheme);
  // Zooming or moving to another screen changes devicePixelRatio: redraw sharp (once a frame).
  let pending = 0;
  const onResize = () => {
    if (!pending) pending = requestAnimationFrame(() => { pending = 0; redraw(true); });
  };
  window.addEventListener("resize", onResize);
  let frames = 0;
  const whenAttached = () => {
    if (el.isConnected) retheme();
    else if (frames++ < 600) requestAnimationFrame(whenAttached);
  };
  redraw(true);
  if (!el.isConnected) requestAnimationFrame(whenAttached);
  // Two more draws of the same state while the reader is still reading: the browser's JIT
  // compiles the heat-map loops then, not on the reader's first slider move.
  // Then the numbers panel is written, closed (nlNumbers).
  nlIdle(() => { redraw(true); nlIdle(() => { redraw(true); nlIdle(() => numbers.prepare()); }); });
  // challenges on the static page find this explorer by its element's id (challenge.js)
  if (el.id) (window.nlExplorers = window.nlExplorers || {})[el.id] = { model, facts: view.facts };
  if (el.id) document.dispatchEvent(new Event("nl-mounted"));
  return () => {
    keys.forEach((k) => model.off(k, onChange));
    model.nlReleases = model.nlReleases.filter((r) => r !== release);
    stopTheme();
    window.removeEventListener("resize", onResize);
    announcer.stop();
    if (view.destroy) view.destroy();
  };
}
