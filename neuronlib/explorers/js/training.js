// training.js: explore_training (Chapter 5). Full-batch gradient descent on 2-D toy data: the
// hidden units' lines move, the decision regions change, the loss falls; dead units are marked.
// The trajectory for (seed, activation, learning rate) is computed once (train.js): up to the
// step shown before the frame is painted, the rest just after it; the step slider, Play and
// Step move along it; the initial weights per seed come from neuronlib.

function nlTrajectory(get, cfg, cache, upto = cfg.max_steps) {
  // The run for (seed, activation, learning rate), kept in cache and computed up to step
  // `upto` now; nlFinishLater computes the rest after the frame is painted. The last 8 runs are
  // kept: going back to a setting (Reset, a slider moved back) finds its run made.
  const key = [get("seed"), get("activation"), get("learning_rate")].join("|");
  if (cache.key !== key) {
    const runs = (cache.runs = cache.runs || new Map());
    cache.key = key;
    cache.trainer = runs.get(key) || nlTrainer({ X: cfg.X, y: cfg.y, init: cfg.inits[String(get("seed"))],
      activation: get("activation"), params: cfg.params, learning_rate: get("learning_rate"),
      steps: cfg.max_steps });
    runs.delete(key);
    runs.set(key, cache.trainer);
    if (runs.size > 8) runs.delete(runs.keys().next().value);
  }
  return cache.trainer.advance(upto);
}

function nlFinishLater(cache, onDone) {
  // After the next paint, the rest of the cached run in slices of about 4 ms (so a key or a
  // drag never waits longer for it), then onDone(run). A new run makes this one stop.
  const run = cache.trainer.run;
  cache.onDone = onDone;
  if (run.done || cache.pending === run) return;
  cache.pending = run;
  const slice = () => {
    if (cache.trainer.run !== run) return cache.pending === run && (cache.pending = null);
    const end = performance.now() + 4;
    while (!run.done && performance.now() < end) cache.trainer.advance(run.loss.length);
    if (run.done) cache.onDone(run);
    else setTimeout(slice, 0);
  };
  nlAfterPaint(slice);
}

function nlSummaryOf(get, cfg, cache = {}) {
  // The readout; equal to TrainingExplorer.summary() in Python (it needs the run up to the step).
  const step = get("step");
  const run = nlTrajectory(get, cfg, cache, step);
  const head = `Training explorer: ${cfg.data} data (${cfg.X.length} points), ${cfg.hidden} hidden ` +
    `${get("activation")} units and a sigmoid output, bce loss, learning rate ` +
    `${nlFmt(get("learning_rate"))}, seed ${get("seed")}; step ${step} of ${cfg.max_steps}: `;
  if (run.diverged !== null && step >= run.diverged)
    return head + `training diverged at step ${run.diverged} (the numbers blew up): try a smaller learning rate`;
  const act = nlActivation(get("activation"), cfg.params);
  const P = run.snapshots[step];
  const right = cfg.X.filter((x, i) => (nlPredict(P, act, x) >= 0.5 ? 1 : 0) === cfg.y[i]).length;
  const dead = run.dead[step];
  return head + `loss ${nlFmt(run.loss[step])}, accuracy ${nlFmt((100 * right) / cfg.X.length)}%, ` +
    `dead units: ${dead.length ? dead.map((j) => j + 1).join(", ") : "none"}`;
}

function nlDrawLoss(ctx, theme, run, step, max) {
  const reached = run.loss.length - 1;
  const top = Math.max(1e-9, ...run.loss.filter(Number.isFinite)) * 1.08;
  const p = nlPlane([0, max], [0, top], [44, 8, 276, 100]);
  nlAxes(ctx, p, theme, "step", "loss");
  const ks = run.loss.map((_, k) => k);
  nlClip(ctx, p, () => {
    nlCurve(ctx, p, ks, run.loss, theme.muted, 1.5, [3, 3]);
    const upto = Math.min(step, reached);
    nlCurve(ctx, p, ks.slice(0, upto + 1), run.loss.slice(0, upto + 1), theme.pos, 2.5);
    if (step <= reached) nlDisc(ctx, p.px(step), p.py(run.loss[step]), 4, theme.pos, theme.bg);
  });
  nlLabel(ctx, "solid: so far; dotted: what the next steps will do", 8, 150, theme, theme.muted, "left");
}

function nlFactsOf(get, cfg, cache = {}) {
  // The figure in words; equal to TrainingExplorer.facts() in Python.
  return nlSteppedFacts(nlSummaryOf(get, cfg, cache));
}

function nlTableOf(get, cfg, cache = {}) {
  // The numbers behind the figure: each training point and the network's output at this step.
  const run = nlTrajectory(get, cfg, cache, get("step"));
  const k = Math.min(get("step"), run.snapshots.length - 1);
  const act = nlActivation(get("activation"), cfg.params);
  return nlPointsTable(`The ${cfg.X.length} training points and the network's output p at step ${k}`,
    cfg.X, cfg.y, cfg.X.map((x) => nlPredict(run.snapshots[k], act, x)));
}

function nlSweepOf(get, cfg, opts = {}, cache = {}) {
  // What Listen plays: the network's output p at this step along the row x2; equal to
  // TrainingExplorer.sweep().
  const [step, act] = [get("step"), nlActivation(get("activation"), cfg.params)];
  const run = nlTrajectory(get, cfg, cache, step);
  return nlTrainedSweep([cfg.xlim, cfg.ylim], opts, run, step, "network", (x1, x2) => nlLogitAt(run.snapshots[step], act, x1, x2));
}

function render({ model, el }) {
  return nlMount(model, el, "training", "Training: gradient descent, step by step", (ui) => {
    const cfg = model.get("_config");
    const get = (k) => model.get(k);
    const cache = {};
    const { canvas, plane } = nlPlaneCanvas(ui, "training plane", cfg.xlim, cfg.ylim);
    const lossCanvas = nlMakeCanvas(ui.figure, 340, 160, "loss curve");
    const heat = {};
    const g = ui.group();
    ui.add(nlSlider(g, { label: "learning rate", range: cfg.ranges.learning_rate,
      get: () => get("learning_rate"), set: (v) => nlSetKey(model, "learning_rate", v) }));
    ui.add(nlSelect(g, { label: "initial weights", options: cfg.seeds.map((s) => [s, `seed ${s}`]),
      get: () => get("seed"), set: (v) => nlSetKey(model, "seed", Number(v)) }));
    ui.add(nlSelect(g, { label: "hidden activation", options: cfg.names.map((s) => [s, s]),
      get: () => get("activation"), set: (v) => nlSetKey(model, "activation", v) }));
    ui.add(nlSlider(ui.group(), { label: "step", range: [0, cfg.max_steps, 1],
      get: () => get("step"), set: (v) => nlSetKey(model, "step", Math.round(v)) }));
    const player = nlPlayer(ui.group(), model, { max: cfg.max_steps, speed: cfg.speed, last: (upto) => {
      const run = nlTrajectory(get, cfg, cache, upto);
      return run.diverged === null ? cfg.max_steps : run.diverged;
    } });

    // While the reader looks, each activation's training and heat-map loops run a few steps, so
    // the browser compiles them for every activation before the menu first picks one.
    nlIdle(() => cfg.names.forEach((name) => {
      const act = nlActivation(name, cfg.params);
      const run = nlTrainer({ X: cfg.X, y: cfg.y, init: cfg.inits[String(get("seed"))], activation: name,
        params: cfg.params, learning_rate: get("learning_rate"), steps: 5 }).advance(5);
      const P = run.snapshots[run.snapshots.length - 1];
      for (let k = 0; P && k < 4000; k++) nlPredictAt(P, act, k / 2000 - 1, 0.5);
    }));

    const drawLoss = (theme, run) => {
      // The loss curve and its label; drawn again alone once the rest of the run is computed.
      const step = get("step");
      nlDrawLoss(nlBegin(lossCanvas, theme), theme, run, step, cfg.max_steps);
      lossCanvas.setAttribute("aria-label", `Loss curve over ${cfg.max_steps} steps of training` +
        (run.diverged === null ? "" : `, diverging at step ${run.diverged}`) +
        (step < run.loss.length ? `; at step ${step} the loss is ${nlFmt(run.loss[step])}.` : "."));
    };
    // The plane: while the reader moves a control, its map on a grid half as fine (a quarter of
    // the work); once the controls rest for 150 ms, on the full grid (at once when the draw is
    // no move: mount, theme, idle).
    let fine = 0;
    const drawPlane = (theme, n) => {
      const step = get("step");
      const run = nlTrajectory(get, cfg, cache, step);
      const k = Math.min(step, run.snapshots.length - 1);
      const P = run.snapshots[k];
      const act = nlActivation(get("activation"), cfg.params);
      const ctx = nlBegin(canvas, theme);
      nlShade(ctx, plane, (heat[n] = heat[n] || {}), n, (x, y) => nlPredictAt(P, act, x, y) - 0.5,
        nlDiverging(theme, 0.5), (v) => v < 0, theme.fg);
      nlAxes(ctx, plane, theme, "x1", "x2");
      const dead = run.dead[k];
      const units = [];
      for (let j = 0; j < cfg.hidden; j++) {
        const w = [P.W1[0][j], P.W1[1][j]];
        if (nlNorm(w) === 0) continue;
        const isDead = dead.includes(j);
        units.push({ w, b: P.b1[j], colour: isDead ? theme.muted : theme.units[j % theme.units.length],
          name: isDead ? `${j + 1} dead` : `${j + 1}`, dash: isDead ? [6, 4] : [] });
      }
      nlNeuronLines(ctx, plane, theme, units, () => nlDataPoints(ctx, plane, theme, cfg.X, cfg.y));
      nlTraceMark(ctx, theme, ui, plane);
      nlLabel(ctx, "output p: blue, class 1; orange, hatched: class 0", 8, 336, theme, theme.muted, "left");
      nlLabel(ctx, "dot = class 1, square = class 0; lines: hidden units", 8, 352, theme, theme.muted, "left");
    };
    // Once, while the reader looks: the plane drawn on the coarse grid and again on the full one
    // (nothing is painted between), so the coarse grid's shading tables (nlShade) are made
    // before the first move, not on it.
    let coarseReady = false;
    const draw = (theme, rest) => {
      if (!coarseReady) {
        coarseReady = true;
        nlIdle(() => {
          drawPlane(theme, Math.ceil(cfg.grid / 2));
          drawPlane(theme, cfg.grid);
        });
      }
      clearTimeout(fine);
      drawPlane(theme, rest ? cfg.grid : Math.ceil(cfg.grid / 2));
      if (!rest) fine = setTimeout(() => drawPlane(theme, cfg.grid), 150);
      const run = nlTrajectory(get, cfg, cache, get("step"));
      drawLoss(theme, run);
      const text = nlSummaryOf(get, cfg, cache);
      canvas.setAttribute("aria-label", `Input plane with the ${cfg.X.length} training points, shaded by the ` +
        `network's output (hatched where it predicts class 0), with each hidden unit's line (dead units dashed). ` + text.slice(text.indexOf(";") + 2));
      nlSetText(ui.readout, text);
      nlFinishLater(cache, (done) => drawLoss(theme, done));
    };
    return { keys: ["learning_rate", "seed", "activation", "step"], draw, destroy: () => { clearTimeout(fine); player.destroy(); },
      facts: () => nlFactsOf(get, cfg, cache), table: () => nlTableOf(get, cfg, cache),
      sweep: (opts) => nlSweepOf(get, cfg, opts, cache), listen: { x2: cfg.ylim } };
  });
}

export default { render };
