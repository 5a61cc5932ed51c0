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
  };
  frame.readout.setAttribute("aria-live", "polite");
  frame.group = (parent) => nlEl("div", "nl-group", parent || frame.controls);
  return frame;
}

function nlSlider(parent, spec) {
  // spec: {label, range: [min, max, step], get: () => number, set: (number) => void}
  const label = nlEl("label", "", parent);
  const text = nlEl("span", "", label);
  const input = nlEl("input", "", label);
  input.type = "range";
  [input.min, input.max, input.step] = spec.range.map(String);
  input.addEventListener("input", () => spec.set(parseFloat(input.value)));
  const update = () => {
    const v = spec.get();
    if (v < +input.min) input.min = String(v);
    if (v > +input.max) input.max = String(v);
    if (parseFloat(input.value) !== v) input.value = String(v);
    const s = spec.label + " = " + nlFmt(v);
    text.textContent = s;
    input.setAttribute("aria-valuetext", s);
  };
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

function nlButton(parent, text, cls, onClick) {
  const b = nlEl("button", cls, parent, text);
  b.type = "button";
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

function nlResetButton(parent, model, onReset) {
  // Restores every value the explorer started with (kept by Python in _initial).
  return nlButton(parent, "Reset", "nl-reset", () => {
    const initial = model.get("_initial");
    for (const k of Object.keys(initial)) model.set(k, JSON.parse(JSON.stringify(initial[k])));
    model.save_changes();
    if (onReset) onReset();
  });
}

function nlMount(model, el, kind, title, build) {
  // build(frame) -> {keys: [model keys to watch], draw(theme)}; controls made with
  // nlSlider/nlSelect are collected in frame.updaters and refreshed before each draw.
  const frame = nlFrame(el, kind, title);
  frame.updaters = [];
  frame.add = (control) => {
    frame.updaters.push(control.update);
    return control;
  };
  const view = build(frame);
  let theme = nlTheme(el);
  const redraw = () => {
    for (const u of frame.updaters) u();
    view.draw(theme);
  };
  const keys = view.keys.map((k) => "change:" + k);
  keys.forEach((k) => model.on(k, redraw));
  const retheme = () => {
    theme = nlTheme(el);
    redraw();
  };
  const stopTheme = nlWatchTheme(retheme);
  // Zooming or moving to another screen changes devicePixelRatio: redraw sharp (once a frame).
  let pending = 0;
  const onResize = () => {
    if (!pending) pending = requestAnimationFrame(() => { pending = 0; redraw(); });
  };
  window.addEventListener("resize", onResize);
  let frames = 0;
  const whenAttached = () => {
    if (el.isConnected) retheme();
    else if (frames++ < 600) requestAnimationFrame(whenAttached);
  };
  redraw();
  if (!el.isConnected) requestAnimationFrame(whenAttached);
  // Two more draws of the same state while the reader is still reading: the browser's JIT
  // compiles the heat-map loops then, not on the reader's first slider move.
  const idle = window.requestIdleCallback || ((cb) => setTimeout(cb, 50));
  idle(() => { redraw(); idle(redraw); });
  return () => {
    keys.forEach((k) => model.off(k, redraw));
    stopTheme();
    window.removeEventListener("resize", onResize);
    if (view.destroy) view.destroy();
  };
}
