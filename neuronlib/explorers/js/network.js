// network.js: explore_network (Chapter 4). One input x, a few hidden ReLU units; the output
// y = sum_i c_i relu(w_i x + b_i) + c0 is a sum of bent lines, with kinks at x = -b_i / w_i.

function nlKink(w, b) {
  // Where the unit relu(w x + b) bends: x = -b / w (null when w = 0: it never bends).
  return w === 0 ? null : -b / w;
}

function nlNetworkKinks(w, b, c, xlim) {
  // Kinks strictly inside xlim where the slope of y really changes: unit i's slope jumps by
  // c_i |w_i| at -b_i / w_i; jumps at the same x are added (they can cancel).
  const jumps = new Map();
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 0 || c[i] === 0) continue;
    const k = nlKink(w[i], b[i]);
    if (k > xlim[0] && k < xlim[1]) jumps.set(k, (jumps.get(k) || 0) + c[i] * Math.abs(w[i]));
  }
  return [...jumps].filter(([, j]) => Math.abs(j) > 1e-12).map(([k]) => k).sort((p, q) => p - q);
}

function nlNetworkY(w, b, c, c0, x) {
  let y = c0;
  for (let i = 0; i < w.length; i++) y += c[i] * Math.max(0, w[i] * x + b[i]);
  return y;
}

function nlAffineText(w, b) {
  // "2x - 5", "-x + 4", "0.5x", "3": w*x + b as a reader would write it.
  const term = w === 0 ? "" : (w === 1 ? "" : w === -1 ? "-" : nlFmt(w)) + "x";
  if (b === 0) return term || "0";
  if (!term) return nlFmt(b);
  return `${term} ${b < 0 ? "-" : "+"} ${nlFmt(Math.abs(b))}`;
}

function nlUnitText(i, w, b, c, xlim) {
  // The label of hidden unit i on the figure: its term with today's numbers, and where it bends,
  // so a unit that is flat (zero) on the whole view still shows what the sliders did to it.
  let bend = "no bend (w = 0)";
  const k = nlKink(w, b);
  if (k !== null) {
    bend = `bend x = ${nlFmt(k)}${k < xlim[0] || k > xlim[1] ? ", off view" : ""}`;
  }
  return `unit ${i + 1}: ${nlFmt(c)}·relu(${nlAffineText(w, b)}), ${bend}`;
}

function nlSummaryOf(get, cfg) {
  // The readout; equal to NetworkExplorer.summary() in Python.
  const [w, b, c, c0] = ["weights", "biases", "output_weights", "output_bias"].map(get);
  const xlim = cfg.xlim;
  const kinks = nlNetworkKinks(w, b, c, xlim);
  const range = `[${nlFmt(xlim[0])}, ${nlFmt(xlim[1])}]`;
  const ends = `y(${nlFmt(xlim[0])}) = ${nlFmt(nlNetworkY(w, b, c, c0, xlim[0]))}, ` +
    `y(${nlFmt(xlim[1])}) = ${nlFmt(nlNetworkY(w, b, c, c0, xlim[1]))}`;
  const verdict = kinks.length
    ? `kinks inside ${range} at x = ${kinks.map((k) => nlFmt(k)).join(", ")}, so y is not linear on ${range}`
    : `no kink inside ${range}, so y is exactly linear on ${range}`;
  return `Network explorer: ${w.length} hidden ReLU units, y = sum of c_i*relu(w_i*x + b_i) + ` +
    `${nlFmt(c0)}; ${ends}; ${verdict}`;
}

function nlFactsOf(get, cfg) {
  // The figure in words; equal to NetworkExplorer.facts() in Python.
  const [w, b, c, c0] = ["weights", "biases", "output_weights", "output_bias"].map(get);
  const xlim = cfg.xlim;
  const text = nlSummaryOf(get, cfg);
  const [, ends, verdict] = text.split("; ");
  return [...w.map((_, i) => nlUnitText(i, w[i], b[i], c[i], xlim) + "."),
    `The output bias is c0 = ${nlFmt(c0)}: ${ends}.`, verdict[0].toUpperCase() + verdict.slice(1) + "."];
}

function nlTableOf(get, cfg) {
  // The numbers behind the curves: each unit's part and the sum y along x.
  const [w, b, c, c0] = ["weights", "biases", "output_weights", "output_bias"].map(get);
  const [lo, hi] = cfg.xlim;
  return { caption: "The network's output y and each hidden unit's part c_i·relu(w_i·x + b_i) along x",
    head: ["x", ...w.map((_, i) => `unit ${i + 1}`), "y"],
    rows: nlGrid(lo, hi, Math.max(1, Math.round(2 * (hi - lo)))).map((x) =>
      [nlFmt(x), ...w.map((_, i) => nlFmt(c[i] * Math.max(0, w[i] * x + b[i]))), nlFmt(nlNetworkY(w, b, c, c0, x))]) };
}

function nlSweepOf(get, cfg) {
  // What Listen plays: x across the view; the output unit has no activation, so its z is y
  // (a buzz where y < 0). Equal to NetworkExplorer.sweep() in Python.
  const [w, b, c, c0] = ["weights", "biases", "output_weights", "output_bias"].map(get);
  const xs = nlGrid(cfg.xlim[0], cfg.xlim[1], NL_SAMPLES - 1);
  const ys = xs.map((x) => nlNetworkY(w, b, c, c0, x));
  return { name: "x", at: "", xs, zs: ys, outs: ys };
}

function render({ model, el }) {
  return nlMount(model, el, "network", "Bent lines add up: a network with one input", (frame) => {
    const cfg = model.get("_config");
    const n = model.get("weights").length;
    const canvas = nlMakeCanvas(frame.figure, 380, 320, "network output");
    for (let i = 0; i < n; i++) {
      const g = frame.group();
      for (const [key, sym] of [["weights", "w"], ["biases", "b"], ["output_weights", "c"]])
        frame.add(nlSlider(g, { label: `${sym}${i + 1}`, range: cfg.ranges[key],
          get: () => model.get(key)[i], set: (v) => nlSetItem(model, key, [i], v) }));
    }
    frame.add(nlSlider(frame.group(), { label: "c0 (output bias)", range: cfg.ranges.output_bias,
      get: () => model.get("output_bias"), set: (v) => nlSetKey(model, "output_bias", v) }));
    nlResetButton(frame.group(), model);

    const draw = (theme) => {
      const [w, b, c, c0] = ["weights", "biases", "output_weights", "output_bias"].map((k) => model.get(k));
      const xlim = cfg.xlim;
      const xs = nlGrid(xlim[0], xlim[1], 400);
      const parts = w.map((_, i) => xs.map((x) => c[i] * Math.max(0, w[i] * x + b[i])));
      const ys = xs.map((x) => nlNetworkY(w, b, c, c0, x));
      const all = ys.concat(...parts);
      const lo = Math.min(-1, ...all);
      const hi = Math.max(1, ...all);
      const p = nlPlane(xlim, [lo - 0.08 * (hi - lo), hi + 0.08 * (hi - lo)], [44, 8, 326, 250]);
      const ctx = nlBegin(canvas, theme);
      nlLine(ctx, [[p.px(xlim[0]), p.py(0)], [p.px(xlim[1]), p.py(0)]], theme.grid, 1);
      nlAxes(ctx, p, theme, "x", "");
      const kinks = nlNetworkKinks(w, b, c, xlim);
      nlClip(ctx, p, () => {
        for (let i = 0; i < n; i++) {
          const colour = theme.units[i % theme.units.length];
          nlCurve(ctx, p, xs, parts[i], colour, 1.5, [5, 4]);
          const k = nlKink(w[i], b[i]);
          if (k !== null) {
            nlLine(ctx, [[p.px(k), p.rect[1] + p.rect[3] - 10], [p.px(k), p.rect[1] + p.rect[3]]], colour, 3);
          }
        }
        nlCurve(ctx, p, xs, ys, theme.fg, 3);
        for (const k of kinks) nlDisc(ctx, p.px(k), p.py(nlNetworkY(w, b, c, c0, k)), 5, theme.fg, theme.bg);
      });
      nlTraceMark(ctx, theme, frame, p, (t) => [t.x, t.output]);
      const left = p.rect[0] + 8;
      const units = w.map((_, i) => nlUnitText(i, w[i], b[i], c[i], xlim));
      nlLegend(ctx, [["y = sum (thick)", theme.fg], ...units.map((t, i) => [t, theme.units[i % theme.units.length]])],
        left, 19, theme);
      nlLabel(ctx, kinks.length ? "dots: kinks of y; ticks: where each unit bends" : "no kink of y in view: a straight line",
        p.rect[0], 312, theme, theme.muted, "left");
      const text = nlSummaryOf((k) => model.get(k), cfg);
      canvas.setAttribute("aria-label", `Graph of the network output y (thick) and each hidden unit's ` +
        `contribution (dashed) for x from ${nlFmt(xlim[0])} to ${nlFmt(xlim[1])}. ` + units.join("; ") + ". " +
        text.slice(text.indexOf(";") + 2));
      nlSetText(frame.readout, text);
    };
    const get = (k) => model.get(k);
    return { keys: ["weights", "biases", "output_weights", "output_bias"], draw,
      facts: () => nlFactsOf(get, cfg), table: () => nlTableOf(get, cfg), sweep: () => nlSweepOf(get, cfg) };
  });
}

export default { render };
