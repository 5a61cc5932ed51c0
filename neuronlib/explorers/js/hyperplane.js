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

function render({ model, el }) {
  return nlMount(model, el, "hyperplane", "Where the neuron switches: the line w·x + b = 0", (frame) => {
    const cfg = model.get("_config");
    const { canvas, plane } = nlPlaneCanvas(frame, "input plane", cfg.xlim, cfg.ylim);
    const cache = {};
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
      nlAxes(ctx, plane, theme, "x1", "x2");
      const line = nlNeuronLine(ctx, plane, theme, w, b, theme.fg, "w");
      const z = nlDot(w, p) + b;
      const [px, py] = [plane.px(p[0]), plane.py(p[1])];
      let where = "The line w·x + b = 0 lies outside the visible square: all of it is on one side. ";
      if (line) {
        nlHalfPlaneLabels(ctx, plane, theme, line);
        const k = z / nlDot(w, w);
        nlClip(ctx, plane, () =>
          nlLine(ctx, [[px, py], [plane.px(p[0] - k * w[0]), plane.py(p[1] - k * w[1])]], theme.fg, 1.5, [4, 3]));
        where = `The line w·x + b = 0 runs from ${nlFmtVec(line.seg[0], 2)} to ${nlFmtVec(line.seg[1], 2)}` +
          "; the arrow (the weight vector w) points to the side where z > 0. ";
      } else if (nlNorm(w) === 0) {
        nlLabel(ctx, "w = 0: no line, z = b everywhere", plane.px(0.5 * (plane.xlim[0] + plane.xlim[1])),
          plane.rect[1] + 14, theme);
        where = "With w = 0 there is no line: z = b everywhere. ";
      }
      nlDisc(ctx, px, py, 6, theme.fg, theme.bg);
      nlLabel(ctx, "z = " + nlFmt(z), px + 10, py - 12, theme, theme.fg, "left");
      nlColourBar(ctx, paint, theme, 44, 336, 288, "colour = output", centre);
      canvas.setAttribute("aria-label",
        `Input plane, x1 from ${nlFmt(cfg.xlim[0])} to ${nlFmt(cfg.xlim[1])}, x2 from ${nlFmt(cfg.ylim[0])} ` +
        `to ${nlFmt(cfg.ylim[1])}, shaded by the neuron's output: white where it equals the output on the line, ` +
        `${nlFmt(centre)}; blue above that, orange below. ` +
        where + `The point ${nlFmtVec(p)} has z = ${nlFmt(z)}.`);
      frame.readout.textContent = nlSummaryOf((k) => model.get(k), cfg);
    };
    return { keys: ["weights", "bias", "activation", "point"], draw };
  });
}

export default { render };
