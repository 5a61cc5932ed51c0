// learning.js: explore_learning (Chapter 6), the learning line. One sigmoid neuron learns a
// yes/no answer on 2-D data by full-batch gradient descent on the binary cross-entropy, computed
// exactly as neuronlib.training.train does (checked in tests/test_explorers_js.py). Left: the
// data and the line w.x + b = 0; right: the loss over (w1, w2) with b held near its current
// value, and the path gradient descent takes from a starting point the reader drags.

function nlNeuronRun(t) {
  // t = {X, y, start: [w1, w2, b], learning_rate, steps}. Returns loss[k] and params[k] =
  // [w1, w2, b] after k steps for k = 0..reached, and diverged = the first number of steps for
  // which neuronlib.training.train raises (as train.js decides it), or null.
  const { y } = t;
  const m = y.length;
  const [x1, x2] = [0, 1].map((j) => Float64Array.from(t.X, (x) => x[j]));
  const lr = t.learning_rate;
  let [w1, w2, b] = t.start;
  const run = { loss: [], params: [], diverged: null };
  for (let k = 0; k <= t.steps; k++) {
    let loss = 0;
    let finite = true;
    let g1 = 0;
    let g2 = 0;
    let gb = 0;
    for (let i = 0; i < m; i++) {
      const z = x1[i] * w1 + x2[i] * w2 + b;
      if (!Number.isFinite(z)) finite = false;
      // L = mean(ln(1 + e^z) - y z); dL/dz = (sigmoid(z) - y) / m: softplus and sigmoid share
      // their one exponential e^-|z| (the same numbers, half the calls to exp)
      const e = Math.exp(-Math.abs(z));
      loss += nlSoftplusOf(z, e) - y[i] * z;
      const dz = (nlSigmoidOf(z, e) - y[i]) / m;
      g1 += x1[i] * dz;
      g2 += x2[i] * dz;
      gb += dz;
    }
    loss /= m;
    if (!finite || !Number.isFinite(loss)) {
      run.diverged = k;
      break;
    }
    run.loss.push(loss);
    run.params.push([w1, w2, b]);
    if (k === t.steps) break;
    if (![g1, g2, gb].every(Number.isFinite)) {
      run.diverged = k + 1;
      break;
    }
    w1 -= lr * g1;
    w2 -= lr * g2;
    b -= lr * gb;
    // neuronlib refuses weights beyond 1e150 (its MAX_MAGNITUDE), as train.js checks
    if ([w1, w2, b].some((v) => Math.abs(v) > 1e150)) {
      run.diverged = k + 1;
      break;
    }
  }
  return run;
}

function nlLearningRun(get, cfg, cache) {
  // The trajectory for (data, learning rate, start), computed once for all max_steps steps.
  const key = JSON.stringify([get("data"), get("learning_rate"), get("start")]);
  if (cache.key !== key) {
    const s = cfg.sets[get("data")];
    cache.key = key;
    cache.run = nlNeuronRun({ X: s.X, y: s.y, start: get("start"), learning_rate: get("learning_rate"),
      steps: cfg.max_steps });
  }
  return cache.run;
}

function nlSummaryOf(get, cfg, cache = {}) {
  // The readout; equal to LearningExplorer.summary() in Python.
  const s = cfg.sets[get("data")];
  const start = get("start");
  const step = get("step");
  const run = nlLearningRun(get, cfg, cache);
  const head = `Learning line: ${s.title} (${s.X.length} points), one sigmoid neuron, bce loss, ` +
    `learning rate ${nlFmt(get("learning_rate"))}; start w = ${nlFmtVec(start.slice(0, 2))}, ` +
    `b = ${nlFmt(start[2])}; step ${step} of ${cfg.max_steps}: `;
  if (run.diverged !== null && step >= run.diverged)
    return head + `training diverged at step ${run.diverged} (the numbers blew up): try a smaller learning rate`;
  const [w1, w2, b] = run.params[step];
  const right = s.X.filter((x, i) => (nlSigmoid(x[0] * w1 + x[1] * w2 + b) >= 0.5 ? 1 : 0) === s.y[i]).length;
  return head + `w = ${nlFmtVec([w1, w2])}, b = ${nlFmt(b)}, loss ${nlFmt(run.loss[step])}, ` +
    `accuracy ${nlFmt((100 * right) / s.X.length)}%`;
}

const NL_SURFACE_B_STEP = 0.25;
// The surface drawn at once, while the full one is computed, when no other can stand in for it.
const NL_SURFACE_COARSE = 16;

function nlSurfaces(s, wlim, n, onReady) {
  // Loss surfaces over (w1, w2) of data set s, one per bias b (a multiple of NL_SURFACE_B_STEP):
  // vals[j * n + i] = ln L(w1_i, w2_j, b) on an n x n grid. A surface takes n * n * m softplus
  // evaluations, too many for one frame: want(b) returns the nearest surface already computed
  // (or, when there is none, a coarse one computed now) and queues b's own, then its neighbours
  // b +- 0.25 and b +- 0.5, where the bias goes next. They are computed a few rows at a time
  // (about 4 ms of work after each painted frame); onReady() says that b's own is ready. So no
  // input waits for a surface.
  const done = new Map();
  let queue = [];
  let wanted = null;
  const m = s.X.length;
  const x1 = Float64Array.from(s.X, (x) => x[0]);
  const x2 = Float64Array.from(s.X, (x) => x[1]);
  const y = Float64Array.from(s.y);
  let job = null;
  let pumping = false;
  const rows = (j, until) => {
    // rows of surface j until the time `until`; true once all are done
    const size = j.n;
    const w = (k) => wlim[0] + ((k + 0.5) * (wlim[1] - wlim[0])) / size;
    for (; j.row < size && performance.now() < until; j.row++) {
      const w2 = w(size - 1 - j.row);
      for (let i = 0; i < size; i++) {
        const w1 = w(i);
        let sum = 0;
        for (let k = 0; k < m; k++) {
          const z = w1 * x1[k] + w2 * x2[k] + j.b;
          sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[k] * z;
        }
        j.vals[j.row * size + i] = Math.log(sum / m);
      }
    }
    if (j.row < size) return false;
    let [lo, hi] = [Infinity, -Infinity];
    for (const v of j.vals) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    Object.assign(j, { lo, hi });
    return true;
  };
  const make = (b, size) => ({ b, n: size, row: 0, vals: new Float64Array(size * size) });
  const pump = () => {
    pumping = false;
    const until = performance.now() + 4;
    while ((job || queue.length) && performance.now() < until) {
      if (!job) job = make(queue.shift(), n);
      if (!rows(job, until)) break;
      if (done.size >= 64) done.delete(done.keys().next().value);
      done.set(job.b, job);
      if (job.b === wanted) onReady();
      job = null;
    }
    if (job || queue.length) later();
  };
  const later = () => {
    if (!pumping) nlAfterPaint(pump);
    pumping = true;
  };
  return {
    want(b, now = true) {
      if (now) wanted = b;
      const step = NL_SURFACE_B_STEP;
      const next = [b, b + step, b - step, b + 2 * step, b - 2 * step].map((v) => v + 0).filter((v) => !done.has(v));
      if (job && !next.includes(job.b)) job = null;
      queue = next.filter((v) => !job || v !== job.b);
      if (job || queue.length) later();
      if (done.has(b)) return done.get(b);
      let best = null;
      for (const v of done.values()) if (!best || Math.abs(v.b - b) < Math.abs(best.b - b)) best = v;
      if (best || !now) return best;
      const coarse = make(b, NL_SURFACE_COARSE); // nothing to stand in: a coarse one, now
      rows(coarse, Infinity);
      return coarse;
    },
  };
}

function nlPaintSurface(ctx, plane, theme, surface, cache) {
  // Bands of equal log-loss (filled contours), darker where the loss is lower: drawn smooth at the
  // screen's size once per surface and theme (the costly part), then copied at every redraw.
  const dpr = window.devicePixelRatio || 1;
  const [W, H] = [plane.rect[2] * dpr, plane.rect[3] * dpr].map(Math.round);
  const big = (cache.big = cache.big || document.createElement("canvas"));
  if (cache.surface !== surface || cache.theme !== theme || big.width !== W || big.height !== H) {
    cache.surface = surface;
    nlSurfaceImage(theme, surface, cache);
    [big.width, big.height] = [W, H];
    const bc = big.getContext("2d");
    bc.imageSmoothingEnabled = true;
    bc.drawImage(cache.canvas, 0, 0, W, H);
  }
  ctx.drawImage(big, ...plane.rect);
}

function nlSurfaceImage(theme, surface, cache) {
  // The surface's n x n cells in colour, in cache.canvas.
  const n = surface.n;
  if (!cache.canvas || cache.n !== n) {
    cache.canvas = document.createElement("canvas");
    [cache.canvas.width, cache.canvas.height, cache.n] = [n, n, n];
    cache.image = cache.canvas.getContext("2d").createImageData(n, n);
  }
  const bands = 10;
  if (cache.theme !== theme)
    [cache.theme, cache.colours] = [theme, Array.from({ length: bands }, (_, level) =>
      [...nlMix(theme.rgb.pos, theme.rgb.bg, 0.1 + (0.9 * level) / (bands - 1)), 255])];
  const { lo, hi, vals } = surface;
  const data = cache.image.data;
  for (let k = 0; k < n * n; k++)
    data.set(cache.colours[Math.min(bands - 1, Math.floor((bands * (vals[k] - lo)) / (hi - lo || 1)))], 4 * k);
  cache.canvas.getContext("2d").putImageData(cache.image, 0, 0);
}

function nlDrawPath(ctx, plane, theme, run, step) {
  // The (w1, w2) path: solid up to the current step, dotted for the steps still to come.
  const P = (p) => [plane.px(p[0]), plane.py(p[1])];
  const reached = run.params.length - 1;
  nlClip(ctx, plane, () => {
    nlLine(ctx, run.params.map(P), theme.muted, 1.5, [3, 3]);
    const upto = run.params.slice(0, Math.min(step, reached) + 1).map(P);
    nlLine(ctx, upto, theme.bg, 5);
    nlLine(ctx, upto, theme.neg, 2.5);
    nlDisc(ctx, ...P(run.params[0]), 6, theme.bg, theme.fg);
    if (step <= reached) nlDisc(ctx, ...P(run.params[step]), 5, theme.neg, theme.bg);
  });
}

function nlFactsOf(get, cfg, cache = {}) {
  // The figure in words; equal to LearningExplorer.facts() in Python.
  return nlSteppedFacts(nlSummaryOf(get, cfg, cache));
}

function nlTableOf(get, cfg, cache = {}) {
  // The numbers behind the figure: each data point and the neuron's output at this step.
  const s = cfg.sets[get("data")];
  const run = nlLearningRun(get, cfg, cache);
  const k = Math.min(get("step"), run.params.length - 1);
  const [w1, w2, b] = run.params[k];
  return nlPointsTable(`The ${s.X.length} points of the ${s.title} and the neuron's output p at step ${k}`,
    s.X, s.y, s.X.map((x) => nlSigmoid(w1 * x[0] + w2 * x[1] + b)));
}

function nlSweepOf(get, cfg, opts = {}, cache = {}) {
  // What Listen plays: the neuron's output p at this step along the row x2; equal to
  // LearningExplorer.sweep().
  const [run, step, lim] = [nlLearningRun(get, cfg, cache), get("step"), cfg.sets[get("data")].lim];
  return nlTrainedSweep([lim, lim], opts, run, step, "neuron", (x1, x2) => {
    const [w1, w2, b] = run.params[step];
    return w1 * x1 + w2 * x2 + b;
  });
}

function render({ model, el }) {
  return nlMount(model, el, "learning", "The learning line: one neuron learns by gradient descent", (ui) => {
    const cfg = model.get("_config");
    const get = (k) => model.get(k);
    const cache = {};
    const heat = {};
    // The two figures side by side where there is room (each shrinks to 300 px), else stacked.
    Object.assign(ui.figure.style, { flexDirection: "row", flexWrap: "wrap", flex: "1 1 100%" });
    const lim = () => cfg.sets[get("data")].lim;
    const { canvas } = nlPlaneCanvas(ui, "data and the line", lim(), lim());
    const surface = nlMakeCanvas(ui.figure, 340, 372, "loss surface");
    for (const c of [canvas, surface]) Object.assign(c.style, { flex: "1 1 300px", minWidth: "0", maxWidth: "340px" });
    const wplane = nlPlane(cfg.wlim, cfg.wlim, [44, 8, 288, 288]);
    const setStart = (i, v) => nlSetItem(model, "start", [i], v);
    const surfaces = {};
    const picture = {};
    let lastTheme = null;
    // a surface that becomes ready redraws the surface alone (the data plane has not changed)
    const surfacesOf = (key) =>
      (surfaces[key] = surfaces[key] || nlSurfaces(cfg.sets[key], cfg.wlim, cfg.grid, () => drawSurface(lastTheme)));
    // While the reader looks, the other data sets' surfaces at the starting bias are computed (a
    // slice of a frame at a time), so choosing one in the menu does not wait for them.
    const quantise = (b) => Math.round(b / NL_SURFACE_B_STEP) * NL_SURFACE_B_STEP + 0;
    nlIdle(() =>
      cfg.order.forEach((key) => surfacesOf(key).want(quantise(get("start")[2]), false)));

    const g = ui.group();
    ui.add(nlSelect(g, { label: "data set", options: cfg.order.map((k) => [k, cfg.sets[k].menu]),
      get: () => get("data"), set: (v) => nlSetKey(model, "data", v) }));
    ui.add(nlSlider(g, { label: "learning rate", range: cfg.ranges.learning_rate,
      get: () => get("learning_rate"), set: (v) => nlSetKey(model, "learning_rate", v) }));
    ui.add(nlSlider(ui.group(), { label: "step", range: [0, cfg.max_steps, 1],
      get: () => get("step"), set: (v) => nlSetKey(model, "step", Math.round(v)) }));
    const gs = ui.group();
    ["start w1", "start w2", "start b"].forEach((label, i) =>
      ui.add(nlSlider(gs, { label, range: cfg.ranges.start, get: () => get("start")[i], set: (v) => setStart(i, v) })));
    const player = nlPlayer(ui.group(), model, { max: cfg.max_steps, speed: cfg.speed, last: () => {
      const run = nlLearningRun(get, cfg, cache);
      return run.diverged === null ? cfg.max_steps : run.diverged;
    } });

    // The starting point: drag it on the loss surface, or focus the surface and use the arrows.
    nlDraggable(surface, wplane, (p) => nlSetKey(model, "start", [p[0], p[1], get("start")[2]]));
    surface.tabIndex = 0;
    surface.setAttribute("data-lm-suppress-shortcuts", "true");
    surface.addEventListener("keydown", (e) => {
      const moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowDown: [1, -1], ArrowUp: [1, 1] };
      const mv = moves[e.key];
      if (!mv) return;
      e.preventDefault();
      const v = get("start")[mv[0]] + mv[1] * cfg.ranges.start[2] * (e.shiftKey ? 10 : 1);
      setStart(mv[0], Math.round(100 * Math.min(cfg.wlim[1], Math.max(cfg.wlim[0], v))) / 100);
    });

    const now = () => {
      // the run, the step shown, its parameters and the readout's words for them
      const run = nlLearningRun(get, cfg, cache);
      const step = get("step");
      const text = nlSummaryOf(get, cfg, cache);
      return { run, step, p: run.params[Math.min(step, run.params.length - 1)], text,
        now: text.slice(text.indexOf("; step") + 2) };
    };
    const drawSurface = (theme, at = now()) => {
      const { run, step } = at;
      const b = at.p[2];
      lastTheme = theme;
      const pic = surfacesOf(get("data")).want(quantise(b));
      const sctx = nlBegin(surface, theme);
      nlPaintSurface(sctx, wplane, theme, pic, picture);
      nlAxes(sctx, wplane, theme, "w1", "w2");
      nlDrawPath(sctx, wplane, theme, run, step);
      nlLabel(sctx, `loss over (w1, w2) at b = ${nlFmt(pic.b)} (b now ${nlFmt(b)})`, 8, 336, theme, theme.muted, "left");
      nlLabel(sctx, "darker: lower loss; ring: start (drag it); dot: now", 8, 352, theme, theme.muted, "left");
      const st = get("start");
      surface.setAttribute("aria-label", `Loss surface over w1 and w2 from ${nlFmt(cfg.wlim[0])} to ` +
        `${nlFmt(cfg.wlim[1])} with b held at ${nlFmt(pic.b)} (the current bias is ${nlFmt(b)}), in bands ` +
        `of equal log-loss from ${nlFmt(Math.exp(pic.lo))} (darkest) to ${nlFmt(Math.exp(pic.hi))}, ` +
        `and the path gradient descent takes from the start (${nlFmt(st[0])}, ${nlFmt(st[1])}), which ` +
        `can be dragged or moved with the arrow keys. ` + at.now);
    };

    const draw = (theme) => {
      const s = cfg.sets[get("data")];
      const at = now();
      const [w1, w2, b] = at.p;
      const plane = nlPlane(s.lim, s.lim, [44, 8, 288, 288]);
      const ctx = nlBegin(canvas, theme);
      nlShade(ctx, plane, heat, cfg.plane_grid, (x, y) => nlSigmoid(w1 * x + w2 * y + b) - 0.5, nlDiverging(theme, 0.5),
        (v) => v < 0, theme.fg);
      nlAxes(ctx, plane, theme, "x1", "x2");
      const [line] = nlNeuronLines(ctx, plane, theme, [{ w: [w1, w2], b, colour: theme.fg, name: "w" }],
        () => nlDataPoints(ctx, plane, theme, s.X, s.y));
      nlTraceMark(ctx, theme, ui, plane);
      nlLabel(ctx, "output p: blue, class 1; orange, hatched: class 0", 8, 336, theme, theme.muted, "left");
      nlLabel(ctx, "dot = class 1, square = class 0; arrow: w", 8, 352, theme, theme.muted, "left");
      canvas.setAttribute("aria-label", `Input plane, x1 and x2 from ${nlFmt(s.lim[0])} to ${nlFmt(s.lim[1])} ` +
        `on equal scales, with the ${s.X.length} points of the ${s.title}, shaded by the neuron's output p (hatched where p < 0.5), ` +
        (line ? `and the line w·x + b = 0 with the weight vector w at right angles to it, pointing to p > 0.5. `
          : "and no line in view. ") + at.now);
      drawSurface(theme, at);
      nlSetText(ui.readout, at.text);
    };
    return { keys: ["data", "learning_rate", "start", "step"], draw, destroy: player.destroy,
      facts: () => nlFactsOf(get, cfg, cache), table: () => nlTableOf(get, cfg, cache),
      sweep: (opts) => nlSweepOf(get, cfg, opts, cache), listen: { get x2() { return lim(); } } };
  });
}

export default { render };
