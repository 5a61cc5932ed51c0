// neuron.js: explore_neuron (Chapter 1). Inputs, weights, bias and activation of one neuron;
// the diagram's edges show each weight's sign (colour, dashed when negative) and size (width).

function nlSummaryOf(get, cfg) {
  // The readout; equal to NeuronExplorer.summary() in Python.
  const [x, w, b, name] = ["inputs", "weights", "bias", "activation"].map(get);
  const act = nlActivation(name, cfg.params);
  const z = nlDot(w, x) + b;
  const terms = w.map((wi, i) => `${nlFmt(wi)}*${nlFmt(x[i])}`).join(" + ");
  return `Neuron explorer: x = ${nlFmtVec(x)}, w = ${nlFmtVec(w)}, b = ${nlFmt(b)}, ` +
    `activation = ${name}; z = ${terms} + ${nlFmt(b)} = ${nlFmt(z)}, ` +
    `output = ${name}(${nlFmt(z)}) = ${nlFmt(act.f(z))}`;
}

function nlFactsOf(get, cfg) {
  // The figure in words; equal to NeuronExplorer.facts() in Python.
  const [x, w, b, name] = ["inputs", "weights", "bias", "activation"].map(get);
  const z = nlDot(w, x) + b;
  const inputs = x.map((xi, i) => `Input x${i + 1} = ${nlFmt(xi)} with weight w${i + 1} = ${nlFmt(w[i])} ` +
    `(${nlSignWord(w[i])}) adds ${nlFmt(w[i] * xi)}.`);
  return [...inputs, `With the bias ${nlFmt(b)}, z = ${nlFmt(z)} (${nlSignWord(z)}); ` +
    `the output is ${name}(z) = ${nlFmt(nlActivation(name, cfg.params).f(z))}.`];
}

function nlTableOf(get, cfg) {
  // The numbers behind the diagram: each input's term, the bias, z and the output.
  const [x, w, b, name] = ["inputs", "weights", "bias", "activation"].map(get);
  const z = nlDot(w, x) + b;
  return { caption: `How the neuron computes z = w·x + b and its output ${name}(z)`,
    head: ["term", "x", "w", "w·x"],
    rows: [...x.map((xi, i) => [`input ${i + 1}`, nlFmt(xi), nlFmt(w[i]), nlFmt(w[i] * xi)]),
      ["bias b", "", "", nlFmt(b)], ["z", "", "", nlFmt(z)],
      [`output ${name}(z)`, "", "", nlFmt(nlActivation(name, cfg.params).f(z))]] };
}

function nlSweepOf(get, cfg) {
  // What Listen plays: x1 across its slider's range, the other inputs as they are; equal to
  // NeuronExplorer.sweep() in Python.
  const [x, w, b, name] = ["inputs", "weights", "bias", "activation"].map(get);
  const xs = nlGrid(cfg.ranges.input[0], cfg.ranges.input[1], NL_SAMPLES - 1);
  const zs = xs.map((v) => nlDot(w, [v, ...x.slice(1)]) + b);
  return { name: "x1", at: "", xs, zs, outs: zs.map(nlActivation(name, cfg.params).f) };
}

function nlDrawDiagram(ctx, theme, x, w, b, z, out, wmax) {
  const n = x.length;
  const ys = x.map((_, i) => 110 + (i - (n - 1) / 2) * Math.min(42, 180 / n));
  const N = [220, 110];
  ctx.textAlign = "center";
  for (let i = 0; i < n; i++) {
    const pos = w[i] >= 0;
    const width = 1 + (5 * Math.min(1, Math.abs(w[i]) / wmax));
    nlLine(ctx, [[58, ys[i]], [N[0] - 30, N[1]]], pos ? theme.pos : theme.neg, width, pos ? [] : [7, 5]);
    const t = n > 3 ? 0.22 : 0.45;
    nlLabel(ctx, `w${i + 1} = ${nlFmt(w[i])}`, 58 + t * (N[0] - 88), ys[i] + t * (N[1] - ys[i]) - 9,
      theme, pos ? theme.pos : theme.neg);
    nlDisc(ctx, 40, ys[i], 17, theme.bg, theme.muted);
    nlLabel(ctx, nlFmt(x[i], 2), 40, ys[i], theme);
    ctx.fillStyle = theme.muted;
    ctx.fillText(`x${i + 1}`, 12, ys[i]);
  }
  nlLine(ctx, [[N[0], 26], [N[0], N[1] - 30]], theme.muted, 1.5);
  nlLabel(ctx, `b = ${nlFmt(b)}`, N[0], 18, theme);
  nlLine(ctx, [[N[0] + 30, N[1]], [318, N[1]]], theme.fg, 2);
  nlDisc(ctx, N[0], N[1], 30, theme.bg, theme.fg);
  nlLabel(ctx, `z = ${nlFmt(z, 2)}`, N[0], N[1] - 8, theme);
  nlLabel(ctx, "f(z)", N[0], N[1] + 10, theme, theme.muted);
  nlDisc(ctx, 340, N[1], 19, theme.bg, theme.fg);
  nlLabel(ctx, nlFmt(out, 2), 340, N[1], theme);
  nlLabel(ctx, "output", 340, N[1] + 32, theme, theme.muted);
}

function render({ model, el }) {
  return nlMount(model, el, "neuron", "One neuron: output = f(w·x + b)", (frame) => {
    const cfg = model.get("_config");
    const n = model.get("inputs").length;
    const diagram = nlMakeCanvas(frame.figure, 370, 220, "neuron diagram");
    const curve = nlMakeCanvas(frame.figure, 370, 150, "activation curve");
    for (let i = 0; i < n; i++) {
      const g = frame.group();
      frame.add(nlSlider(g, { label: `x${i + 1}`, range: cfg.ranges.input,
        get: () => model.get("inputs")[i], set: (v) => nlSetItem(model, "inputs", [i], v) }));
      frame.add(nlSlider(g, { label: `w${i + 1}`, range: cfg.ranges.weight,
        get: () => model.get("weights")[i], set: (v) => nlSetItem(model, "weights", [i], v) }));
    }
    const g = frame.group();
    frame.add(nlSlider(g, { label: "b", range: cfg.ranges.bias,
      get: () => model.get("bias"), set: (v) => nlSetKey(model, "bias", v) }));
    frame.add(nlSelect(g, { label: "activation", options: cfg.names.map((s) => [s, s]),
      get: () => model.get("activation"), set: (v) => nlSetKey(model, "activation", v) }));
    nlResetButton(frame.group(), model);

    const draw = (theme) => {
      const x = model.get("inputs");
      const w = model.get("weights");
      const b = model.get("bias");
      const name = model.get("activation");
      const act = nlActivation(name, cfg.params);
      const z = nlDot(w, x) + b;
      const out = act.f(z);
      nlDrawDiagram(nlBegin(diagram, theme), theme, x, w, b, z, out, cfg.ranges.weight[1]);
      // The activation curve around z, with the neuron's current (z, output) marked.
      const zr = Math.max(4, Math.ceil(Math.abs(z) * 1.2));
      const zs = nlGrid(-zr, zr, 200);
      const fs = zs.map(act.f);
      const lo = Math.min(0, ...fs);
      const hi = Math.max(1, ...fs);
      const p = nlPlane([-zr, zr], [lo - 0.1 * (hi - lo), hi + 0.1 * (hi - lo)], [44, 8, 310, 112]);
      const ctx = nlBegin(curve, theme);
      nlAxes(ctx, p, theme, "z", "f(z)");
      nlClip(ctx, p, () => nlCurve(ctx, p, zs, fs, theme.pos, 2));
      nlDisc(ctx, p.px(z), p.py(out), 5, theme.fg, theme.bg);
      nlTraceMark(ctx, theme, frame, p, (t) => [t.z, t.output]);
      nlLabel(ctx, name, p.rect[0] + 8, p.rect[1] + 10, theme, theme.fg, "left");
      const signs = w.map((wi, i) => `w${i + 1} = ${nlFmt(wi)} (${wi < 0 ? "negative, dashed orange" : "positive, blue"})`);
      diagram.setAttribute("aria-label", `Neuron diagram: inputs ${nlFmtVec(x)} flow to the neuron along ` +
        `edges whose width shows each weight's size: ${signs.join(", ")}; bias ${nlFmt(b)}; ` +
        `z = ${nlFmt(z)}; output ${nlFmt(out)}.`);
      curve.setAttribute("aria-label", `Graph of ${name}(z) for z from ${-zr} to ${zr}, with a dot at ` +
        `z = ${nlFmt(z)}, output ${nlFmt(out)}.`);
      nlSetText(frame.readout, nlSummaryOf((k) => model.get(k), cfg));
    };
    const get = (k) => model.get(k);
    return { keys: ["inputs", "weights", "bias", "activation"], draw,
      facts: () => nlFactsOf(get, cfg), table: () => nlTableOf(get, cfg), sweep: () => nlSweepOf(get, cfg) };
  });
}

export default { render };
