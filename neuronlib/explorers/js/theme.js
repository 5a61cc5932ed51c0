// theme.js: the explorers' stylesheet and colours. Colours are CSS variables, so light and dark
// mode (the book's html[data-theme="dark"], JupyterLab's body[data-jp-theme-light="false"], or
// the system setting when neither is present) are decided by CSS; canvases read the variables.
// Palette: Okabe-Ito (blue = positive, vermillion/orange = negative), safe for colour-blind readers.

// The dark palette, used for the book's and JupyterLab's dark themes and the system setting.
const NL_DARK = `--nl-fg: #e8e8e8; --nl-bg: #1c1f24; --nl-muted: #a8a8a8; --nl-grid: #3e434b;
  --nl-pos: #56b4e9; --nl-neg: #e69f00; --nl-c1: #56b4e9; --nl-c2: #e69f00; --nl-c3: #3fc79c;
  --nl-c4: #e59ac6; --nl-c5: #f0e442;`;
// The book's dark theme gives HTML outputs a light backdrop; an explorer draws its own colours.
const NL_CSS = `
.nl-explorer { position: relative; --nl-fg: #1b1b1b; --nl-bg: #ffffff; --nl-muted: #5c5c5c; --nl-grid: #d9d9d9;
  --nl-pos: #0072b2; --nl-neg: #d55e00; --nl-c1: #0072b2; --nl-c2: #d55e00; --nl-c3: #009e73;
  --nl-c4: #cc79a7; --nl-c5: #7a5c00;
  color: var(--nl-fg); background: var(--nl-bg); border: 1px solid var(--nl-grid);
  border-radius: 6px; padding: 10px; margin: 6px 0; max-width: 760px; box-sizing: border-box;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
  contain: content; }
html[data-theme="dark"] .nl-explorer, body[data-jp-theme-light="false"] .nl-explorer { ${NL_DARK} }
@media (prefers-color-scheme: dark) {
  html:not([data-theme]) body:not([data-jp-theme-light]) .nl-explorer { ${NL_DARK} } }
.nl-explorer [hidden] { display: none !important; }
html[data-theme="dark"] .text_html:has(> .nl-explorer) { background: transparent !important; }
.nl-explorer .nl-body { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
.nl-explorer .nl-figure { display: flex; flex-direction: column; gap: 6px; min-width: 0; max-width: 100%; }
.nl-explorer canvas { display: block; max-width: 100%; height: auto; }
.nl-explorer .nl-controls { display: flex; flex-direction: column; gap: 4px; min-width: 220px; flex: 1; }
.nl-explorer .nl-group { display: flex; flex-wrap: wrap; gap: 2px 12px; }
.nl-explorer label { display: flex; flex-direction: column; font-size: 13px; min-width: 140px; }
.nl-explorer input[type=range] { width: 100%; accent-color: var(--nl-pos); }
.nl-explorer label:has(input:disabled) { opacity: 0.5; }
.nl-explorer select, .nl-explorer button { font: inherit; color: var(--nl-fg);
  background: var(--nl-bg); border: 1px solid var(--nl-muted); border-radius: 4px; padding: 2px 8px; }
.nl-explorer button { cursor: pointer; margin-right: 6px; }
.nl-explorer :focus-visible { outline: 2px solid var(--nl-pos); outline-offset: 2px; }
.nl-explorer .nl-readout { font: 13px/1.4 ui-monospace, Menlo, Consolas, monospace;
  margin-top: 8px; white-space: pre-wrap; }
.nl-explorer .nl-title { font-weight: 600; margin-bottom: 6px; }
.nl-explorer .nl-why { display: block; font-size: 12px; flex-basis: 100%; min-height: 1.4em; }
.nl-explorer .nl-announce { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.nl-explorer .nl-numbers { margin-top: 8px; max-height: 320px; overflow: auto; scrollbar-gutter: stable; font-size: 13px; }
.nl-explorer .nl-numbers.nl-closed { height: 0; margin: 0; }
.nl-explorer .nl-numbers p { margin: 0 0 6px; }
.nl-explorer table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.nl-explorer caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
.nl-explorer th, .nl-explorer td { border: 1px solid var(--nl-grid); padding: 1px 6px; text-align: right; }
.nl-explorer thead th { position: sticky; top: 0; background: var(--nl-bg); }
.nl-explorer .nl-hint { display: none; font-size: 13px; margin-bottom: 6px; color: var(--nl-muted); }
.jupyter-widgets-disconnected.nl-explorer .nl-hint, .jupyter-widgets-disconnected .nl-explorer .nl-hint {
  display: block; }
`;

function nlInjectStyle() {
  if (typeof document === "undefined" || document.getElementById("nl-explorer-style")) return;
  const style = document.createElement("style");
  style.id = "nl-explorer-style";
  style.textContent = NL_CSS;
  document.head.appendChild(style);
}

function nlParseColor(text) {
  const s = text.trim();
  if (s[0] === "#") {
    const h = s.length === 4 ? s.slice(1).split("").map((c) => c + c).join("") : s.slice(1, 7);
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  }
  const m = s.match(/[\d.]+/g) || ["0", "0", "0"];
  return m.slice(0, 3).map(Number);
}

function nlTheme(el) {
  const cs = getComputedStyle(el);
  const read = (name) => cs.getPropertyValue(name).trim() || "#808080";
  const t = {};
  for (const k of ["fg", "bg", "muted", "grid", "pos", "neg", "c1", "c2", "c3", "c4", "c5"])
    t[k] = read("--nl-" + k);
  t.units = [t.c1, t.c2, t.c3, t.c4, t.c5];
  t.rgb = { pos: nlParseColor(t.pos), neg: nlParseColor(t.neg), bg: nlParseColor(t.bg) };
  t.dark = t.rgb.bg[0] + t.rgb.bg[1] + t.rgb.bg[2] < 3 * 128;
  return t;
}

function nlMix(a, b, t) {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function nlRgba(rgb, alpha) {
  return `rgba(${rgb.map(Math.round).join(",")},${alpha})`;
}

function nlWatchTheme(onChange) {
  // Calls onChange when the page switches light/dark; returns a function that stops watching.
  const obs = new MutationObserver(onChange);
  const opts = { attributes: true, attributeFilter: ["data-theme", "data-mode", "data-jp-theme-light", "class"] };
  obs.observe(document.documentElement, opts);
  if (document.body) obs.observe(document.body, opts);
  const mq = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  if (mq && mq.addEventListener) mq.addEventListener("change", onChange);
  return () => {
    obs.disconnect();
    if (mq && mq.removeEventListener) mq.removeEventListener("change", onChange);
  };
}
