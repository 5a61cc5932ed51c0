// activation.js: explore_activation (Chapter 3). An activation function, its derivative, and
// where its slope is zero (f' = 0) or it is saturated (0 < |f'| < 0.01) on the visible range.

function nlRuns(zs, flags) {
  // Maximal runs of consecutive grid points where flags[i] is true, as [z_first, z_last].
  const runs = [];
  for (let i = 0; i < zs.length; i++) {
    if (!flags[i]) continue;
    if (i > 0 && flags[i - 1]) runs[runs.length - 1][1] = zs[i];
    else runs.push([zs[i], zs[i]]);
  }
  return runs;
}

function nlRunsText(runs) {
  if (!runs.length) return "nowhere";
  return "for z in " + runs.map(([a, b]) => `[${nlFmt(a, 2)}, ${nlFmt(b, 2)}]`).join(" and ");
}

function nlActivationRegions(act, zlim, n, saturated) {
  // saturated: the threshold on |f'|, neuronlib.activations.SATURATED_SLOPE (in the config).
  const zs = nlGrid(zlim[0], zlim[1], n);
  const ds = zs.map(act.d);
  return {
    zs, ds,
    zeroSlope: nlRuns(zs, ds.map((d) => d === 0)),
    saturated: nlRuns(zs, ds.map((d) => d !== 0 && Math.abs(d) < saturated)),
  };
}

function nlActivationName(name, slope, alpha) {
  if (name === "leaky_relu") return `leaky_relu (slope ${nlFmt(slope)})`;
  if (name === "elu") return `elu (alpha ${nlFmt(alpha)})`;
  return name;
}

function nlSummaryOf(get, cfg) {
  // The readout; equal to ActivationExplorer.summary() in Python.
  const [name, slope, alpha, z] = ["activation", "slope", "alpha", "z"].map(get);
  const act = nlActivation(name, { slope, alpha });
  const zlim = cfg.zlim;
  const regions = nlActivationRegions(act, zlim, cfg.grid, cfg.saturated);
  const label = nlActivationName(name, slope, alpha);
  return `Activation explorer: ${label}; at z = ${nlFmt(z)}: f(z) = ${nlFmt(act.f(z))}, ` +
    `f'(z) = ${nlFmt(act.d(z))}; on [${nlFmt(zlim[0])}, ${nlFmt(zlim[1])}]: ` +
    `zero slope (f' = 0) ${nlRunsText(regions.zeroSlope)}; saturated (|f'| < 0.01) ${nlRunsText(regions.saturated)}`;
}

function nlFactsOf(get, cfg) {
  // The figure in words; equal to ActivationExplorer.facts() in Python.
  const [name, slope, alpha, z] = ["activation", "slope", "alpha", "z"].map(get);
  const act = nlActivation(name, { slope, alpha });
  const d = act.d(z);
  const here = d === 0 ? "; the slope is zero here" : Math.abs(d) < cfg.saturated ? "; it is saturated here" : "";
  const r = nlActivationRegions(act, cfg.zlim, cfg.grid, cfg.saturated);
  return [`${nlActivationName(name, slope, alpha)} at z = ${nlFmt(z)}: f(z) = ${nlFmt(act.f(z))}, ` +
    `f'(z) = ${nlFmt(d)}${here}.`,
  `Zero slope (f' = 0) ${nlRunsText(r.zeroSlope)}; saturated (|f'| < 0.01) ${nlRunsText(r.saturated)}.`];
}

function nlTableOf(get, cfg) {
  // The numbers behind the curves: f and f' every half unit of z.
  const act = nlActivation(get("activation"), { slope: get("slope"), alpha: get("alpha") });
  const [lo, hi] = cfg.zlim;
  return { caption: `${nlActivationName(get("activation"), get("slope"), get("alpha"))} and its slope f' along z`,
    head: ["z", "f(z)", "f'(z)"],
    rows: nlGrid(lo, hi, Math.max(1, Math.round(2 * (hi - lo)))).map((z) => [nlFmt(z), nlFmt(act.f(z)), nlFmt(act.d(z))]) };
}

function nlSweepOf(get, cfg) {
  // What Listen plays: z across the view, the output f(z); equal to ActivationExplorer.sweep().
  const xs = nlGrid(cfg.zlim[0], cfg.zlim[1], NL_SAMPLES - 1);
  return { name: "z", at: "", xs, zs: xs, outs: xs.map(nlActivation(get("activation"), { slope: get("slope"), alpha: get("alpha") }).f) };
}

function render({ model, el }) {
  return nlMount(model, el, "activation", "An activation function and its slope", (frame) => {
    const cfg = model.get("_config");
    const canvas = nlMakeCanvas(frame.figure, 380, 304, "activation function");
    const g = frame.group();
    frame.add(nlSelect(g, { label: "activation", options: cfg.names.map((s) => [s, s]),
      get: () => model.get("activation"), set: (v) => nlSetKey(model, "activation", v) }));
    frame.add(nlSlider(g, { label: "z", range: cfg.ranges.z,
      get: () => model.get("z"), set: (v) => nlSetKey(model, "z", v) }));
    const gp = frame.group();
    // Only Leaky ReLU has a slope and only ELU an alpha: the other slider is off, and says why.
    frame.add(nlSlider(gp, { label: "slope", range: cfg.ranges.slope,
      get: () => model.get("slope"), set: (v) => nlSetKey(model, "slope", v),
      why: () => (model.get("activation") === "leaky_relu" ? "" : "only for leaky_relu") }));
    frame.add(nlSlider(gp, { label: "alpha", range: cfg.ranges.alpha,
      get: () => model.get("alpha"), set: (v) => nlSetKey(model, "alpha", v),
      why: () => (model.get("activation") === "elu" ? "" : "only for elu") }));
    nlResetButton(frame.group(), model);

    const draw = (theme) => {
      const name = model.get("activation");
      const act = nlActivation(name, { slope: model.get("slope"), alpha: model.get("alpha") });
      const z = model.get("z");
      const zlim = cfg.zlim;
      const r = nlActivationRegions(act, zlim, cfg.grid, cfg.saturated);
      const fs = r.zs.map(act.f);
      const all = fs.concat(r.ds).filter(Number.isFinite);
      const lo = Math.min(-0.2, ...all);
      const hi = Math.max(1.2, ...all);
      const p = nlPlane(zlim, [lo - 0.08 * (hi - lo), hi + 0.08 * (hi - lo)], [44, 8, 326, 230]);
      const ctx = nlBegin(canvas, theme);
      const [, top, , height] = p.rect;
      const shade = (runs, colour) => {
        ctx.fillStyle = colour;
        for (const [a, b] of runs) ctx.fillRect(p.px(a), top, Math.max(1, p.px(b) - p.px(a)), height);
      };
      shade(r.saturated, nlRgba(nlParseColor(theme.muted), 0.15));
      shade(r.zeroSlope, nlRgba(nlParseColor(theme.muted), 0.35));
      nlLine(ctx, [[p.px(zlim[0]), p.py(0)], [p.px(zlim[1]), p.py(0)]], theme.grid, 1);
      nlAxes(ctx, p, theme, "z", "");
      nlClip(ctx, p, () => {
        nlCurve(ctx, p, r.zs, fs, theme.pos, 2.5);
        nlCurve(ctx, p, r.zs, r.ds, theme.neg, 2, [6, 4]);
      });
      nlDisc(ctx, p.px(z), p.py(act.f(z)), 5, theme.pos, theme.bg);
      nlDisc(ctx, p.px(z), p.py(act.d(z)), 5, theme.neg, theme.bg);
      nlTraceMark(ctx, theme, frame, p, (t) => [t.x, t.output]);
      const left = p.rect[0] + 8;
      nlLabel(ctx, `f(z) = ${name}(z)`, left, top + 10, theme, theme.pos, "left");
      nlLabel(ctx, "f'(z), dashed", left, top + 26, theme, theme.neg, "left");
      nlLabel(ctx, "dark band: zero slope (f' = 0)", p.rect[0], 279, theme, theme.muted, "left");
      nlLabel(ctx, "light band: saturated (|f'| < 0.01)", p.rect[0], 296, theme, theme.muted, "left");
      const label = nlActivationName(name, model.get("slope"), model.get("alpha"));
      const text = nlSummaryOf((k) => model.get(k), cfg);
      canvas.setAttribute("aria-label", `Graph of ${label} (solid) and its derivative (dashed) for z ` +
        `from ${nlFmt(zlim[0])} to ${nlFmt(zlim[1])}, with shaded bands where its slope is zero (dark) or below 0.01 (light, saturated). ` +
        text.slice(text.indexOf(";") + 2));
      nlSetText(frame.readout, text);
    };
    const get = (k) => model.get(k);
    return { keys: ["activation", "slope", "alpha", "z"], draw,
      facts: () => nlFactsOf(get, cfg), table: () => nlTableOf(get, cfg), sweep: () => nlSweepOf(get, cfg) };
  });
}

export default { render };
