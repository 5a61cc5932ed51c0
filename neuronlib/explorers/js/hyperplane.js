// hyperplane.js: explore_hyperplane (Chapter 2). One neuron with two inputs: its output over
// the input plane, the line w.x + b = 0, the normal vector, and a point the reader moves.

function nlSummaryOf(get, cfg) {
  // The readout; equal to HyperplaneExplorer.summary() in Python.
  const [w, b, activation, p] = ["weights", "bias", "activation", "point"].map(get);
  const act = nlActivation(activation, cfg.params);
  const z = nlDot(w, p) + b;
  const head = `Hyperplane explorer: w = ${nlFmtVec(w)}, b = ${nlFmt(b)}, activation = ${activation}; `;
  const pt = `point ${nlFmtVec(p)} has z = ${nlFmt(z)}, output = ${nlFmt(act.f(z))}`;
  if (nlNorm(w) === 0) return head + pt + `; w = 0, so there is no line: z = b = ${nlFmt(b)} everywhere`;
  return head + pt + `, signed distance ${nlFmt(nlSignedDistance(w, b, p))}`;
}

function nlFactsOf(get, cfg) {
  // The figure in words; equal to HyperplaneExplorer.facts() in Python.
  const [w, b, activation, p] = ["weights", "bias", "activation", "point"].map(get);
  const z = nlDot(w, p) + b;
  const out = nlActivation(activation, cfg.params).f(z);
  const value = `z = ${nlFmt(z)}, output ${nlFmt(out)}.`;
  if (nlNorm(w) === 0)
    return [`There is no line: w = 0, so z = b = ${nlFmt(b)} everywhere.`, `The point ${nlFmtVec(p)} has ${value}`];
  const seg = nlSegmentInBox(w, b, cfg.xlim, cfg.ylim);
  const side = { positive: "on the positive side", negative: "on the negative side", zero: "on the line" }[nlSignWord(z)];
  return [seg ? `The line w·x + b = 0 runs from ${nlFmtVec(seg[0], 2)} to ${nlFmtVec(seg[1], 2)}; ` +
    `the arrow w = ${nlFmtVec(w)} points to its positive side.` : "The line w·x + b = 0 is outside the view.",
  `The point ${nlFmtVec(p)} is ${side}: ${value}`];
}

function nlTableOf(get, cfg) {
  // The numbers behind the shading: the output at the ticks of both axes.
  const [w, b, activation] = ["weights", "bias", "activation"].map(get);
  const f = nlActivation(activation, cfg.params).f;
  const xs = nlNiceTicks(cfg.xlim[0], cfg.xlim[1]);
  return { caption: `The neuron's output ${activation}(w·x + b) across the plane (a row for each x2, a column for each x1)`,
    head: ["x2 \\ x1", ...xs.map((x) => nlFmt(x, 2))],
    rows: nlNiceTicks(cfg.ylim[0], cfg.ylim[1]).reverse().map((y) =>
      [nlFmt(y, 2), ...xs.map((x) => nlFmt(f(w[0] * x + w[1] * y + b)))]) };
}

function nlSweepOf(get, cfg) {
  // What Listen plays: the horizontal line through the point, x1 across the view; equal to
  // HyperplaneExplorer.sweep() in Python.
  const [w, b, name, p] = ["weights", "bias", "activation", "point"].map(get);
  const xs = nlGrid(cfg.xlim[0], cfg.xlim[1], NL_SAMPLES - 1);
  const zs = xs.map((v) => w[0] * v + w[1] * p[1] + b);
  return { name: "x1", at: `x2 = ${nlFmt(p[1])}`, xs, zs, outs: zs.map(nlActivation(name, cfg.params).f) };
}

function nlHalfPlaneLabels(ctx, plane, theme, line) {
  // "z > 0" on the arrow's side, "z < 0" on the other, inside the plot, clear of other marks.
  const [left, top, width, height] = plane.rect;
  for (const [sign, text] of [[1, "z > 0 (positive side)"], [-1, "z < 0 (negative side, hatched)"]]) {
    const half = ctx.measureText(text).width / 2 + 3;
    const candidates = [];
    for (const s of [2.2, 1.6, 3, 1.2, 4, 2.6, 1.9, 3.5]) {
      const d = sign * s * line.len;
      const x = plane.px(line.foot[0] + d * line.unit[0]);
      const y = plane.py(line.foot[1] + d * line.unit[1]);
      if (y < top + 8 || y > top + height - 8 || x < left + 8 || x > left + width - 8) continue;
      const cx = Math.min(left + width - half, Math.max(left + half, x));
      candidates.push([cx, y], [cx, y - 16], [cx, y + 16]);
    }
    if (candidates.length) nlPlaceLabel(ctx, text, candidates, theme, theme.fg, [left, top, left + width, top + height]);
  }
}

function nlColourBar(ctx, paint, theme, x, y, width, caption, centre = 0) {
  // A horizontal bar over the values the picture shows (the painter's lo..hi, always including
  // 0, its white), with its end values; the painter saw values minus `centre` (white = centre),
  // so the labels add it back. A ReLU's bar thus starts at 0: it never outputs less.
  const lo = Math.min(0, paint.lo);
  const hi = Math.max(0, paint.hi);
  if (ctx.canvas.nlDrawn) ctx.canvas.nlDrawn.colourBar = [centre + lo, centre + hi];
  const px = new Uint8ClampedArray(4);
  for (let i = 0; i < width; i++) {
    paint(lo + ((hi - lo) * (i + 0.5)) / width, px, 0);
    ctx.fillStyle = `rgb(${px[0]},${px[1]},${px[2]})`;
    ctx.fillRect(x + i, y, 1, 10);
  }
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.strokeRect(x, y, width, 10);
  ctx.fillStyle = theme.muted;
  ctx.textAlign = "left";
  ctx.fillText(nlFmt(centre + lo, 2), x, y + 20);
  ctx.textAlign = "right";
  if (hi > lo) ctx.fillText(nlFmt(centre + hi, 2), x + width, y + 20);
  ctx.textAlign = "center";
  ctx.fillText(caption, x + width / 2, y + 20);
}

function render({ model, el }) {
  return nlMount(model, el, "hyperplane", "Where the neuron switches: the line w·x + b = 0", (frame) => {
    const cfg = model.get("_config");
    const { canvas, plane } = nlPlaneCanvas(frame, "input plane", cfg.xlim, cfg.ylim);
    const cache = {};
    const hatch = {};
    const g = frame.group();
    for (const i of [0, 1])
      frame.add(nlSlider(g, { label: `w${i + 1}`, range: cfg.ranges.weight,
        get: () => model.get("weights")[i], set: (v) => nlSetItem(model, "weights", [i], v) }));
    frame.add(nlSlider(g, { label: "b", range: cfg.ranges.bias,
      get: () => model.get("bias"), set: (v) => nlSetKey(model, "bias", v) }));
    frame.add(nlSelect(frame.group(), { label: "activation", options: cfg.names.map((n) => [n, n]),
      get: () => model.get("activation"), set: (v) => nlSetKey(model, "activation", v) }));
    const gp = frame.group();
    for (const i of [0, 1])
      frame.add(nlSlider(gp, { label: `point x${i + 1}`, range: cfg.ranges.point,
        get: () => model.get("point")[i], set: (v) => nlSetItem(model, "point", [i], v) }));
    nlResetButton(frame.group(), model);
    nlDraggable(canvas, plane, (p) => nlSetKey(model, "point", p));

    const draw = (theme) => {
      const w = model.get("weights");
      const b = model.get("bias");
      const p = model.get("point");
      const name = model.get("activation");
      const act = nlActivation(name, cfg.params);
      const ctx = nlBegin(canvas, theme);
      // White is the output on the line itself, f(0), as in neuronlib.plots.plot_input_plane:
      // blue where the output is above it (z > 0), orange where it is below (z < 0).
      const centre = act.f(0);
      const paint = nlHeatmap(ctx, plane, cache, cfg.grid, (x, y) => act.f(w[0] * x + w[1] * y + b) - centre,
        nlDiverging(theme));
      // The negative side (z < 0) is hatched too: the sides differ by more than colour.
      const n = 100;
      const [x0, x1] = plane.xlim;
      const [y0, y1] = plane.ylim;
      cache.z = cache.z || new Float64Array(n * n);
      for (let j = 0; j < n; j++)
        for (let i = 0; i < n; i++)
          cache.z[j * n + i] = w[0] * (x0 + ((i + 0.5) * (x1 - x0)) / n) + w[1] * (y1 - ((j + 0.5) * (y1 - y0)) / n) + b;
      nlHatch(ctx, plane, hatch, cache.z, n, (v) => v < 0, theme.fg);
      nlAxes(ctx, plane, theme, "x1", "x2");
      const [line] = nlNeuronLines(ctx, plane, theme, [{ w, b, colour: theme.fg, name: "w" }]);
      const z = nlDot(w, p) + b;
      const [px, py] = [plane.px(p[0]), plane.py(p[1])];
      let where = "The line w·x + b = 0 lies outside the visible square: all of it is on one side. ";
      if (canvas.nlDrawn) canvas.nlDrawn.marks.push([px - 8, py - 8, px + 8, py + 8]);
      if (line) {
        nlHalfPlaneLabels(ctx, plane, theme, line);
        const k = z / nlDot(w, w);
        nlClip(ctx, plane, () =>
          nlLine(ctx, [[px, py], [plane.px(p[0] - k * w[0]), plane.py(p[1] - k * w[1])]], theme.fg, 1.5, [4, 3]));
        where = `The line w·x + b = 0 runs from ${nlFmtVec(line.seg[0], 2)} to ${nlFmtVec(line.seg[1], 2)}` +
          "; the arrow (the weight vector w) points to the side where z > 0; the side where z < 0 is hatched. ";
      } else if (nlNorm(w) === 0) {
        nlLabel(ctx, "w = 0: no line, z = b everywhere", plane.px(0.5 * (plane.xlim[0] + plane.xlim[1])),
          plane.rect[1] + 14, theme);
        where = "With w = 0 there is no line: z = b everywhere. ";
      }
      nlDisc(ctx, px, py, 6, theme.fg, theme.bg);
      nlTraceMark(ctx, theme, frame, plane, (t) => [t.x, p[1]]);
      const zText = "z = " + nlFmt(z);
      const half = ctx.measureText(zText).width / 2;
      nlPlaceLabel(ctx, zText, [[px + 10 + half, py - 12], [px + 10 + half, py + 12], [px - 10 - half, py - 12],
        [px - 10 - half, py + 12]], theme, theme.fg, [0, 0, ...canvas.nlSize]);
      nlColourBar(ctx, paint, theme, 44, 336, 288, "colour = output", centre);
      canvas.setAttribute("aria-label",
        `Input plane, x1 from ${nlFmt(cfg.xlim[0])} to ${nlFmt(cfg.xlim[1])}, x2 from ${nlFmt(cfg.ylim[0])} ` +
        `to ${nlFmt(cfg.ylim[1])}, shaded by the neuron's output: ${theme.dark ? "dark grey" : "white"} where it equals the output on the line, ` +
        `${nlFmt(centre)}; blue above that, orange below. ` +
        where + `The point ${nlFmtVec(p)} has z = ${nlFmt(z)}.`);
      nlSetText(frame.readout, nlSummaryOf((k) => model.get(k), cfg));
    };
    const get = (k) => model.get(k);
    return { keys: ["weights", "bias", "activation", "point"], draw,
      facts: () => nlFactsOf(get, cfg), table: () => nlTableOf(get, cfg), sweep: () => nlSweepOf(get, cfg) };
  });
}

export default { render };
