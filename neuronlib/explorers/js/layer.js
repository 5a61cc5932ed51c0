// layer.js: explore_layer (Chapter 4). Several neurons on the same input plane: their lines,
// normals, and the regions they cut (which units are active, z > 0), with the XOR points.
// weights[i][j] is from input i to unit j (neuronlib.layer.Layer's convention).

function nlLayerUnit(W, b, j) {
  return { w: [W[0][j], W[1][j]], b: b[j] };
}

function nlLayerPattern(W, b, x) {
  // Bit j set when unit j is active (z_j > 0).
  let code = 0;
  for (let j = 0; j < b.length; j++) if (W[0][j] * x[0] + W[1][j] * x[1] + b[j] > 0) code |= 1 << j;
  return code;
}

function nlLayerFast(W, b) {
  // nlLayerPattern as (x1, x2) -> code, the same sums in the same order without allocating per
  // point (the heat map and the label spots call it for every pixel).
  const [w0, w1, c] = [W[0], W[1], b].map((a) => Float64Array.from(a));
  return (x, y) => {
    let code = 0;
    for (let j = 0; j < c.length; j++) if (w0[j] * x + w1[j] * y + c[j] > 0) code |= 1 << j;
    return code;
  };
}

function nlPatternText(code, k) {
  const on = [];
  for (let j = 0; j < k; j++) if (code & (1 << j)) on.push(j + 1);
  return on.length ? on.join(" ") : "none";
}

function nlSummaryOf(get, cfg) {
  // The readout; equal to LayerExplorer.summary() in Python.
  const [W, b, name] = ["weights", "biases", "activation"].map(get);
  const act = nlActivation(name, cfg.params);
  const [points, labels] = [cfg.points, cfg.labels];
  const k = b.length;
  const units = b.map((_, j) => {
    const u = nlLayerUnit(W, b, j);
    return `unit ${j + 1}: w = ${nlFmtVec(u.w)}, b = ${nlFmt(u.b)}`;
  });
  const seen = new Map();
  let separated = true;
  const rows = points.map((x, i) => {
    const code = nlLayerPattern(W, b, x);
    if (seen.has(code) && seen.get(code) !== labels[i]) separated = false;
    seen.set(code, labels[i]);
    const out = b.map((_, j) => act.f(W[0][j] * x[0] + W[1][j] * x[1] + b[j]));
    return `${nlFmtVec(x)} class ${labels[i]} -> active ${nlPatternText(code, k)}, outputs ${nlFmtVec(out)}`;
  });
  return `Layer explorer: ${k} ${name} units; ${units.join("; ")}; points (active = z > 0): ` +
    `${rows.join("; ")}; the classes get ${separated ? "different" : "shared"} activity patterns`;
}

function nlFactsOf(get, cfg) {
  // The figure in words; equal to LayerExplorer.facts() in Python.
  const [W, b] = ["weights", "biases"].map(get);
  const k = b.length;
  const seen = new Map();
  let separated = true;
  const points = cfg.points.map((x, i) => {
    const code = nlLayerPattern(W, b, x);
    if (seen.has(code) && seen.get(code) !== cfg.labels[i]) separated = false;
    seen.set(code, cfg.labels[i]);
    const on = nlPatternText(code, k);
    return `Point ${nlFmtVec(x)} (class ${cfg.labels[i]}, ${cfg.labels[i] ? "a dot" : "a square"}) is in the region ` +
      (on === "none" ? "where no unit is active." : `where ${on.includes(" ") ? "units" : "unit"} ${on} ${on.includes(" ") ? "are" : "is"} active.`);
  });
  return [...b.map((_, j) => `Unit ${j + 1}: w = ${nlFmtVec(nlLayerUnit(W, b, j).w)}, b = ${nlFmt(b[j])}.`), ...points,
    separated ? "The two classes fall in different regions." : "Points of both classes share a region."];
}

function nlTableOf(get, cfg) {
  // The numbers behind the figure: each point's z and output for every unit.
  const [W, b, name] = ["weights", "biases", "activation"].map(get);
  const act = nlActivation(name, cfg.params);
  const units = b.map((_, j) => j + 1);
  return { caption: `The XOR points and what each ${name} unit computes for them`,
    head: ["point", "class", ...units.map((j) => `z${j}`), ...units.map((j) => `output ${j}`), "active units"],
    rows: cfg.points.map((x, i) => {
      const z = b.map((bj, j) => W[0][j] * x[0] + W[1][j] * x[1] + bj);
      return [nlFmtVec(x), cfg.labels[i], ...z.map((v) => nlFmt(v)), ...z.map((v) => nlFmt(act.f(v))),
        nlPatternText(nlLayerPattern(W, b, x), b.length)];
    }) };
}

function nlSweepOf(get, cfg, opts = {}) {
  // What Listen plays: unit opts.unit's output along the row x2; equal to LayerExplorer.sweep().
  const [W, b, name] = ["weights", "biases", "activation"].map(get);
  const [j, f] = [(opts.unit || 1) - 1, nlActivation(name, cfg.params).f];
  return nlRowSweep(cfg.xlim, cfg.ylim, opts, (x1, x2) => {
    const z = W[0][j] * x1 + W[1][j] * x2 + b[j];
    return [z, f(z)];
  }, { what: `unit ${j + 1}'s output`, also: `unit ${j + 1}` });
}

function render({ model, el }) {
  return nlMount(model, el, "layer", "A layer: several lines cut the plane into regions", (frame) => {
    const cfg = model.get("_config");
    const k = model.get("biases").length;
    const { canvas, plane } = nlPlaneCanvas(frame, "layer regions", cfg.xlim, cfg.ylim);
    const caches = {}; // one per grid (nlCoarseFirst draws two)
    for (let j = 0; j < k; j++) {
      const g = frame.group();
      for (const i of [0, 1])
        frame.add(nlSlider(g, { label: `unit ${j + 1}: w${i + 1}`, range: cfg.ranges.weight,
          get: () => model.get("weights")[i][j], set: (v) => nlSetItem(model, "weights", [i, j], v) }));
      frame.add(nlSlider(g, { label: `unit ${j + 1}: b`, range: cfg.ranges.bias,
        get: () => model.get("biases")[j], set: (v) => nlSetItem(model, "biases", [j], v) }));
    }
    frame.add(nlSelect(frame.group(), { label: "activation", options: cfg.names.map((s) => [s, s]),
      get: () => model.get("activation"), set: (v) => nlSetKey(model, "activation", v) }));
    nlResetButton(frame.group(), model);

    const draw = nlCoarseFirst((theme, full) => {
      const n = full ? cfg.grid : Math.ceil(cfg.grid / 2);
      const cache = (caches[n] = caches[n] || {});
      const W = model.get("weights");
      const b = model.get("biases");
      const ctx = nlBegin(canvas, theme);
      // Region colour: the background tinted towards the mean colour of the active units.
      const unitRgb = b.map((_, j) => nlParseColor(theme.units[j % theme.units.length]));
      const tints = [];
      for (let code = 0; code < 1 << k; code++) {
        const on = unitRgb.filter((_, j) => code & (1 << j));
        const mean = on.length ? [0, 1, 2].map((c) => on.reduce((s, r) => s + r[c], 0) / on.length) : theme.rgb.bg;
        tints.push(nlMix(theme.rgb.bg, mean, 0.18 + (0.27 * on.length) / k));
      }
      const painter = () => (v, data, o) => {
        const t = tints[v];
        data[o] = t[0]; data[o + 1] = t[1]; data[o + 2] = t[2];
      };
      const at = nlLayerFast(W, b);
      nlHeatmap(ctx, plane, cache, n, at, painter);
      nlAxes(ctx, plane, theme, "x1", "x2");
      const units = b.map((_, j) => nlLayerUnit(W, b, j)).map((u, j) =>
        ({ ...u, colour: theme.units[j % theme.units.length], name: `${j + 1}` })).filter((u) => nlNorm(u.w) > 0);
      nlNeuronLines(ctx, plane, theme, units, () => nlDataPoints(ctx, plane, theme, cfg.points, cfg.labels));
      // Label each region (pattern) as near the centre of its pixels as it fits inside the region
      // (a region is convex: the box's corners decide), clear of the arrows, points and labels.
      const vals = cache.values;
      const sums = new Float64Array(3 << k); // per pattern: sum of columns, of rows, count
      const order = []; // the patterns in the order they are first met, row by row
      for (let j = 0, idx = 0; j < n; j++)
        for (let i = 0; i < n; i++, idx++) {
          const o = 3 * vals[idx];
          if (!sums[o + 2]) order.push(vals[idx]);
          sums[o] += i; sums[o + 1] += j; sums[o + 2] += 1;
        }
      const [left, top, width, height] = plane.rect;
      const bounds = [left, top, left + width, top + height];
      const spots = [];
      for (let y = top + 8; y < top + height - 6; y += 6)
        for (let x = left + 8; x < left + width - 6; x += 6)
          spots.push([x, y, at(plane.ix(x), plane.iy(y))]);
      for (const code of order) {
        const [sx, sy, count] = sums.subarray(3 * code, 3 * code + 3);
        if (count <= 0.03 * n * n) continue;
        const text = "active: " + nlPatternText(code, k);
        const [cx, cy] = [left + ((sx / count + 0.5) * width) / n, top + ((sy / count + 0.5) * height) / n];
        const list = spots.filter((p) => p[2] === code).map((p) => [p[0], p[1], Math.hypot(p[0] - cx, p[1] - cy)])
          .sort((p, q) => p[2] - q[2]);
        // the first of the 400 nearest spots whose box lies in the region and is free, or else
        // the nearest in the region (nlPlaceLabel's rule), found without measuring every spot
        let [first, free, seen] = [null, null, 0];
        for (const [x, y] of list) {
          const box = nlTextBox(ctx, text, x, y);
          if (![[box[0], box[1]], [box[2], box[1]], [box[0], box[3]], [box[2], box[3]]].every(([u, v]) =>
            at(plane.ix(u), plane.iy(v)) === code)) continue;
          first = first || [x, y];
          if (nlBoxIsFree(ctx.canvas, box, bounds)) free = [x, y];
          if (free || ++seen >= 400) break;
        }
        if (first) nlLabel(ctx, text, ...(free || first), theme, theme.muted);
      }
      nlTraceMark(ctx, theme, frame, plane);
      nlLabel(ctx, "XOR points: dot = class 1, square = class 0", 8, 336, theme, theme.muted, "left");
      nlLabel(ctx, "each arrow points to its unit's active side (z > 0)", 8, 352, theme, theme.muted, "left");
      const text = nlSummaryOf((k) => model.get(k), cfg);
      canvas.setAttribute("aria-label", `Input plane cut by ${k} neuron lines into regions coloured by ` +
        `which units are active. ` + text.slice(text.indexOf(";") + 2));
      nlSetText(frame.readout, text);
    });
    const get = (k) => model.get(k);
    return { keys: ["weights", "biases", "activation"], draw,
      facts: () => nlFactsOf(get, cfg), table: () => nlTableOf(get, cfg),
      sweep: (opts) => nlSweepOf(get, cfg, opts), listen: { units: model.get("biases").length, x2: cfg.ylim } };
  });
}

export default { render };
