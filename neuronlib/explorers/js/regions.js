// regions.js: explore_regions (Chapter 7). A small two-layer ReLU network on the input plane:
// 2 inputs -> layer 1 (ReLU) -> layer 2 (2 ReLU units) -> y = c . h2 + d. Left: the plane
// coloured by on/off pattern (layer-1 lines straight, layer-2 boundaries bent); right: y.
// W1[i][j] is from input i to layer-1 unit j, W2[i][j] from layer-1 unit i to layer-2 unit j
// (neuronlib.layer.Layer's convention).

function nlRegionsForward(s, x) {
  // The network at one input x: {z1, z2, y}, summed in the order neuronlib's layers use.
  const [W1, b1, W2, b2, c, d] = ["W1", "b1", "W2", "b2", "c", "d"].map((k) => s[k]);
  const z1 = b1.map((b, j) => W1[0][j] * x[0] + W1[1][j] * x[1] + b);
  const h1 = z1.map((z) => (z > 0 ? z : 0));
  const z2 = b2.map((b, j) => {
    let sum = 0;
    for (let i = 0; i < h1.length; i++) sum += h1[i] * W2[i][j];
    return sum + b;
  });
  let y = 0;
  z2.forEach((z, j) => { y += (z > 0 ? z : 0) * c[j]; });
  return { z1, z2, y: y + d };
}

function nlRegionsFast(s) {
  // The same sums as nlRegionsForward, in the same order, without allocating per point (the
  // heat maps call it for every pixel). Returns (x1, x2) -> {code, y}, code = the pattern as an
  // integer: layer-1 bits first (unit 1 lowest), then the layer-2 bits.
  const [W1, b1, W2, b2, c, d] = ["W1", "b1", "W2", "b2", "c", "d"].map((k) => s[k]);
  const k1 = b1.length;
  const h = new Float64Array(k1);
  const res = { code: 0, y: 0 };
  return (x0, x1) => {
    let code = 0;
    for (let j = 0; j < k1; j++) {
      const z = W1[0][j] * x0 + W1[1][j] * x1 + b1[j];
      h[j] = z > 0 ? z : 0;
      if (z > 0) code |= 1 << j;
    }
    let y = 0;
    for (let j = 0; j < 2; j++) {
      let sum = 0;
      for (let i = 0; i < k1; i++) sum += h[i] * W2[i][j];
      const z = sum + b2[j];
      if (z > 0) code |= 1 << (k1 + j);
      y += (z > 0 ? z : 0) * c[j];
    }
    res.code = code;
    res.y = y + d;
    return res;
  };
}

function nlRegionsPatternText(f) {
  const bits = (zs) => zs.map((z) => (z > 0 ? "1" : "0")).join("");
  return `${bits(f.z1)}|${bits(f.z2)}`;
}

function nlRegionsUnits(W, b) {
  return b.map((bj, j) => `unit ${j + 1}: w = ${nlFmtVec(W.map((row) => row[j]))}, b = ${nlFmt(bj)}`).join("; ");
}

function nlSummaryOf(get, cfg) {
  // The readout; equal to RegionsExplorer.summary() in Python.
  const s = {};
  for (const k of ["W1", "b1", "W2", "b2", "c", "d"]) s[k] = get(k);
  const rows = cfg.points.map((x) => {
    const f = nlRegionsForward(s, x);
    return `${nlFmtVec(x)} pattern ${nlRegionsPatternText(f)}, y = ${nlFmt(f.y)}`;
  });
  return `Regions explorer: layer 1 (relu): ${nlRegionsUnits(s.W1, s.b1)}; layer 2 (relu): ` +
    `${nlRegionsUnits(s.W2, s.b2)}; y = c·h + d with c = ${nlFmtVec(s.c)}, d = ${nlFmt(s.d)}; ` +
    `patterns (layer 1|layer 2, 1 = on): ${rows.join("; ")}`;
}

function nlFactsOf(get, cfg) {
  // The figure in words; equal to RegionsExplorer.facts() in Python.
  const s = {};
  for (const k of ["W1", "b1", "W2", "b2", "c", "d"]) s[k] = get(k);
  const units = [[1, s.W1, s.b1], [2, s.W2, s.b2]].flatMap(([n, W, b]) =>
    nlRegionsUnits(W, b).split("; ").map((u) => `Layer ${n} ${u}.`));
  const points = cfg.points.map((x) => {
    const f = nlRegionsForward(s, x);
    return `Point ${nlFmtVec(x)} has the pattern ${nlRegionsPatternText(f)} (layer 1|layer 2, 1 = on) and the ` +
      `output y = ${nlFmt(f.y)}.`;
  });
  return [...units, `The output is y = c·h + d with c = ${nlFmtVec(s.c)}, d = ${nlFmt(s.d)}.`, ...points];
}

function nlTableOf(get, cfg) {
  // The numbers behind the figure: each point's preactivations in both layers, its pattern, y.
  const s = {};
  for (const k of ["W1", "b1", "W2", "b2", "c", "d"]) s[k] = get(k);
  const k1 = s.b1.length;
  const ones = Array.from({ length: k1 }, (_, j) => `layer 1 z${j + 1}`);
  return { caption: "The XOR points: each unit's preactivation z in both layers, the on/off pattern and the output y",
    head: ["point", ...ones, "layer 2 z1", "layer 2 z2", "pattern", "output y"],
    rows: cfg.points.map((x) => {
      const f = nlRegionsForward(s, x);
      return [nlFmtVec(x), ...f.z1.map((v) => nlFmt(v)), ...f.z2.map((v) => nlFmt(v)), nlRegionsPatternText(f), nlFmt(f.y)];
    }) };
}

function nlPatternNames(ctx, plane, theme, codes, n, k1) {
  // Not by colour alone: each on/off pattern is named on its region ("10|01": layer 1|layer 2, as
  // the readout writes it) at the spot nearest the region's middle where the whole name lies
  // inside the region (a pattern's region is convex: its four corners inside are enough) and is
  // clear of every line, point and label drawn so far; a region too small for it stays unnamed.
  const [left, top, width, height] = plane.rect;
  const at = (x, y) => codes[Math.min(n - 1, Math.floor(((y - top) * n) / height)) * n +
    Math.min(n - 1, Math.floor(((x - left) * n) / width))];
  const spots = new Map();
  for (let j = 2; j < n; j += 4)
    for (let i = 2; i < n; i += 4) {
      const code = codes[j * n + i];
      if (!spots.has(code)) spots.set(code, []);
      spots.get(code).push([left + ((i + 0.5) * width) / n, top + ((j + 0.5) * height) / n]);
    }
  for (const [code, list] of spots) {
    const bits = (from, m) => Array.from({ length: m }, (_, q) => (code >> (from + q)) & 1).join("");
    const text = `${bits(0, k1)}|${bits(k1, 2)}`;
    const mid = [0, 1].map((q) => list.reduce((t, s) => t + s[q], 0) / list.length);
    const far = ([x, y]) => (x - mid[0]) ** 2 + (y - mid[1]) ** 2;
    const box = nlTextBox(ctx, text, 0, 0); // measured once, moved to each spot
    const spot = list.sort((a, b) => far(a) - far(b)).find(([x, y]) => {
      const b = [box[0] + x, box[1] + y, box[2] + x, box[3] + y];
      return [[0, 1], [2, 1], [0, 3], [2, 3]].every(([u, v]) => at(b[u], b[v]) === code) &&
        nlBoxIsFree(ctx.canvas, b, [left, top, left + width, top + height]);
    });
    if (spot) nlLabel(ctx, text, spot[0], spot[1], theme);
  }
}

function nlSweepOf(get, cfg, opts = {}) {
  // What Listen plays: y along the row x2, the pattern said (and ticked where it changes); equal
  // to RegionsExplorer.sweep().
  const s = {};
  for (const k of ["W1", "b1", "W2", "b2", "c", "d"]) s[k] = get(k);
  return nlRowSweep(cfg.xlim, cfg.ylim, opts, (x1, x2) => {
    const f = nlRegionsForward(s, [x1, x2]);
    return [f.y, f.y, `pattern ${nlRegionsPatternText(f)}`];
  }, { what: "the network's output y", buzz: "y < 0" });
}

function render({ model, el }) {
  return nlMount(model, el, "regions", "Two layers: on/off regions and the output over the plane", (frame) => {
    const cfg = model.get("_config");
    const keys = ["W1", "b1", "W2", "b2", "c", "d"];
    const k1 = model.get("b1").length;
    const left = nlPlaneCanvas(frame, "on/off regions", cfg.xlim, cfg.ylim);
    const right = nlPlaneCanvas(frame, "network output", cfg.xlim, cfg.ylim);
    const grids = {}; // per grid (nlCoarseFirst draws two): images, each cell's y, 1 on a layer-2 boundary, hatches
    const range = cfg.ranges;
    const unitSliders = (layer, n, inputs, W, b) => {
      for (let j = 0; j < n; j++) {
        const g = frame.group();
        for (let i = 0; i < inputs; i++)
          frame.add(nlSlider(g, { label: `layer ${layer} unit ${j + 1}: w${i + 1}`, range: range.weight,
            get: () => model.get(W)[i][j], set: (v) => nlSetItem(model, W, [i, j], v) }));
        frame.add(nlSlider(g, { label: `layer ${layer} unit ${j + 1}: b`, range: range.bias,
          get: () => model.get(b)[j], set: (v) => nlSetItem(model, b, [j], v) }));
      }
    };
    unitSliders(1, k1, 2, "W1", "b1");
    unitSliders(2, 2, k1, "W2", "b2");
    const g = frame.group();
    for (const j of [0, 1])
      frame.add(nlSlider(g, { label: `output: c${j + 1}`, range: range.weight,
        get: () => model.get("c")[j], set: (v) => nlSetItem(model, "c", [j], v) }));
    frame.add(nlSlider(g, { label: "output: d", range: range.bias,
      get: () => model.get("d"), set: (v) => nlSetKey(model, "d", v) }));
    nlResetButton(frame.group(), model);

    const draw = nlCoarseFirst((theme, full) => {
      const s = {};
      for (const k of keys) s[k] = model.get(k);
      const n = full ? cfg.grid : Math.ceil(cfg.grid / 2);
      const grid = (grids[n] = grids[n] || { cacheL: {}, cacheR: {}, ys: new Float64Array(n * n), edges: new Uint8Array(n * n), hatches: [] });
      const { cacheL, cacheR, ys, edges, hatches } = grid;
      // Left: each pattern its own tint (layer-1 units' colours mixed; layer-2 units darken).
      const ctx = nlBegin(left.canvas, theme);
      const unitRgb = theme.units.map(nlParseColor);
      const tint = (code) => {
        const on = [];
        for (let j = 0; j < k1; j++) if (code & (1 << j)) on.push(unitRgb[j % unitRgb.length]);
        const mean = on.length ? [0, 1, 2].map((q) => on.reduce((t, r) => t + r[q], 0) / on.length) : theme.rgb.bg;
        const upper = (code >> k1) & 3;
        return nlMix(theme.rgb.bg, mean, 0.15 + (0.3 * on.length) / k1 + 0.12 * ((upper & 1) + (upper >> 1)));
      };
      const tints = [];
      for (let code = 0; code < 1 << (k1 + 2); code++) tints.push(tint(code));
      // Layer-2 boundaries: grid cells whose layer-2 bits differ from the next cell's (right or
      // below), painted in the text colour straight into the image (one pass, no path drawing).
      const fg = nlParseColor(theme.fg);
      const painter = (codes) => {
        for (let k = 0; k < n * n; k++) {
          const a = codes[k] >> k1;
          edges[k] = (k % n < n - 1 && codes[k + 1] >> k1 !== a) || (k + n < n * n && codes[k + n] >> k1 !== a) ? 1 : 0;
        }
        return (v, data, o) => {
          const t = edges[o >> 2] ? fg : tints[v];
          data[o] = t[0]; data[o + 1] = t[1]; data[o + 2] = t[2];
        };
      };
      const at = nlRegionsFast(s);
      let idx = 0;
      nlHeatmap(ctx, left.plane, cacheL, n, (x, y) => {
        const f = at(x, y);
        ys[idx++] = f.y;
        return f.code;
      }, painter);
      const codes = cacheL.values;
      // not by tint alone: each layer-1 unit that is on hatches at its own angle (1: 45°, 2: -45°, 3: 0°, 4: 90°)
      for (let j = 0; j < k1; j++)
        nlHatch(ctx, left.plane, (hatches[j] = hatches[j] || {}), codes, n, (v) => v & (1 << j), theme.fg, [45, -45, 0, 90][j]);
      nlAxes(ctx, left.plane, theme, "x1", "x2");
      const units = [];
      for (let j = 0; j < k1; j++) {
        const w = [s.W1[0][j], s.W1[1][j]];
        if (nlNorm(w) > 0) units.push({ w, b: s.b1[j], colour: theme.units[j % theme.units.length], name: `${j + 1}` });
      }
      nlNeuronLines(ctx, left.plane, theme, units, () => nlDataPoints(ctx, left.plane, theme, cfg.points, cfg.labels));
      nlPatternNames(ctx, left.plane, theme, codes, n, k1);
      nlTraceMark(ctx, theme, frame, left.plane);
      const hit = new Uint8Array(tints.length); // the patterns in view
      for (let q = 0; q < n * n; q++) hit[codes[q]] = 1;
      const patterns = hit.reduce((t, h) => t + h, 0);
      nlLabel(ctx, `${patterns} patterns, named layer 1|layer 2 (1 = on)`, 8, 336, theme, theme.muted, "left");
      nlLabel(ctx, "layer 1: lines, hatched / \\ - | where on; black: layer 2", 8, 352, theme, theme.muted, "left");
      // Right: the output y as a heat map, with the same boundaries.
      const ctx2 = nlBegin(right.canvas, theme);
      const paint = nlDiverging(theme)(ys);
      nlGridImage(ctx2, right.plane, cacheR, n, (data) => {
        for (let q = 0, o = 0; q < n * n; q++, o += 4)
          if (edges[q]) { data[o] = fg[0]; data[o + 1] = fg[1]; data[o + 2] = fg[2]; } else paint(ys[q], data, o);
      });
      nlAxes(ctx2, right.plane, theme, "x1", "x2");
      nlDataPoints(ctx2, right.plane, theme, cfg.points, cfg.labels);
      nlLabel(ctx2, `y: blue > 0, orange < 0, largest |y| ${nlFmt(paint.max || 0)}`, 8, 336, theme, theme.muted, "left");
      nlLabel(ctx2, "y is a flat plane on each region", 8, 352, theme, theme.muted, "left");
      const text = nlSummaryOf((key) => model.get(key), cfg);
      nlSetText(frame.readout, text);
      if (!full) return; // the counts below are the full grid's
      left.canvas.setAttribute("aria-label", `Input plane coloured by on/off pattern: ${patterns} patterns in view, ` +
        `each named on its region where the name fits, layer-1 lines straight, layer-2 boundaries bent; each layer-1 unit ` +
        `hatches the side where it is on at its own angle (unit 1 at 45°, unit 2 at -45°, unit 3 level, unit 4 upright). ` + text.slice(text.indexOf("patterns (")));
      right.canvas.setAttribute("aria-label", `Network output y over the input plane, largest |y| ` +
        `${nlFmt(paint.max || 0)}, flat on each region. ` + text.slice(text.indexOf("patterns (")));
    });
    const get = (k) => model.get(k);
    return { keys, draw, facts: () => nlFactsOf(get, cfg), table: () => nlTableOf(get, cfg),
      sweep: (opts) => nlSweepOf(get, cfg, opts), listen: { x2: cfg.ylim } };
  });
}

export default { render };
