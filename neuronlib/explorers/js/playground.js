// playground.js: explore_playground (Chapter 8), the network playground. A network 2 -> 1 to 3
// hidden layers -> 1 sigmoid output learns 2-D data by mini-batch gradient descent on the binary
// cross-entropy plus an L2 penalty, step for step as neuronlib.training.train (checked to 1e-9 in
// tests/test_explorers_js.py). Shown: the decision regions, every hidden unit's output as a small
// map (dead ReLU units marked from the step they die), the training and test loss curves.

function nlPgLoaded(get, L) {
  // Whether training starts from the loaded network: asked for, and it fits the settings.
  return !!(get("loaded") && L && L.hidden.join() === get("hidden").join() && L.activation === get("activation"));
}

function nlPgStart(get, cfg) {
  // The starting layers: the loaded network's (nlPgLoaded), else the seed's.
  const L = cfg.loaded;
  if (nlPgLoaded(get, L))
    return L.W.map((W, l) => ({ nin: W.length, nout: W[0].length, W: Float64Array.from(W.flat()),
      b: Float64Array.from(L.b[l]) }));
  return nlSeededNetwork([2, ...get("hidden"), 1], get("seed"));
}

function nlPgForward(layers, f, X, m, Z, A) {
  // Z[l], A[l] (m x nout, row-major) for every layer, the output through a sigmoid; false if a
  // preactivation is not finite (neuronlib then stops: training diverged).
  let inp = X;
  let ok = true;
  for (let l = 0; l < layers.length; l++) {
    const { nin, nout, W, b } = layers[l];
    const last = l === layers.length - 1;
    const Zl = Z[l];
    const Al = A[l];
    for (let r = 0; r < m; r++) {
      const zo = r * nout;
      const io = r * nin;
      for (let j = 0; j < nout; j++) Zl[zo + j] = 0;
      for (let i = 0; i < nin; i++) {
        const a = inp[io + i];
        if (a !== 0) for (let j = 0; j < nout; j++) Zl[zo + j] += a * W[i * nout + j];
      }
      for (let j = 0; j < nout; j++) {
        const z = Zl[zo + j] + b[j];
        if (z - z !== 0) ok = false;
        Zl[zo + j] = z;
        Al[zo + j] = last ? nlSigmoid(z) : f(z);
      }
    }
    inp = Al;
  }
  return ok;
}

function nlPgLoss(z, y) {
  // mean(ln(1 + e^z) - y z), the binary cross-entropy of sigmoid(z)
  let s = 0;
  for (let r = 0; r < y.length; r++) s += nlSoftplus(z[r]) - y[r] * z[r];
  return s / y.length;
}

function nlPgRun(t) {
  // t = {start: layers, activation, params, X, y, Xt, yt, learning_rate, batch_size, l2}. Returns
  // {go(s)}: go moves to step s (replaying from the nearest saved step when going back) and
  // returns the run {k, layers, loss[], test[], dead[] (["l.j", ...] per step), diverged, Z, A, Zt, At}.
  const act = nlActivation(t.activation, t.params);
  const relu = t.activation === "relu";
  const flat = (P) => Float64Array.from(P.flat());
  const [X, Xt, y, yt] = [flat(t.X), flat(t.Xt), Float64Array.from(t.y), Float64Array.from(t.yt)];
  const [m, mt, B, lr, l2] = [y.length, yt.length, t.batch_size, t.learning_rate, t.l2];
  const copy = (layers) => layers.map((p) => ({ ...p, W: p.W.slice(), b: p.b.slice() }));
  const bufs = (rows) => t.start.map((p) => new Float64Array(rows * p.nout));
  const run = { k: 0, layers: copy(t.start), loss: [], test: [], dead: [], diverged: null,
    Z: bufs(m), A: bufs(m), Zt: bufs(mt), At: bufs(mt) };
  const [dZ, gW] = [bufs(B), t.start.map((p) => new Float64Array(p.W.length))];
  const gb = bufs(1);
  const saved = new Map();
  const nL = t.start.length;
  const evaluate = () => {
    // loss, dead units and test loss at step k, or diverged = k (as neuronlib's forward pass)
    const { k } = run;
    run.loss.length = run.test.length = run.dead.length = k;
    if (!nlPgForward(run.layers, act.f, X, m, run.Z, run.A)) return (run.diverged = k), false;
    const loss = nlPgLoss(run.Z[nL - 1], y);
    if (!Number.isFinite(loss)) return (run.diverged = k), false;
    const dead = [];
    if (relu)
      run.layers.slice(0, -1).forEach(({ nout }, l) => {
        for (let j = 0; j < nout; j++) {
          let alive = false;
          for (let r = 0; r < m && !alive; r++) alive = run.Z[l][r * nout + j] > 0;
          if (!alive) dead.push(`${l}.${j}`);
        }
      });
    const testOk = nlPgForward(run.layers, act.f, Xt, mt, run.Zt, run.At);
    const test = nlPgLoss(run.Zt[nL - 1], yt);
    if (!testOk || !Number.isFinite(test)) return (run.diverged = k), false;
    run.loss.push(loss);
    run.dead.push(dead);
    run.test.push(test);
    if (k % 50 === 0) saved.set(k, copy(run.layers));
    return true;
  };
  const advance = () => {
    // one step on the batch rows (k B + i) mod m, from the forward pass over all rows
    const { k, layers } = run;
    const rows = Array.from({ length: B }, (_, i) => (k * B + i) % m);
    const out = run.Z[nL - 1];
    rows.forEach((row, r) => (dZ[nL - 1][r] = (nlSigmoid(out[row]) - y[row]) / B));
    let finite = true;
    for (let l = nL - 1; l >= 0; l--) {
      const { nin, nout, W } = layers[l];
      const inp = l ? run.A[l - 1] : X;
      const [g, d] = [gW[l], dZ[l]];
      g.fill(0);
      gb[l].fill(0);
      rows.forEach((row, r) => {
        for (let j = 0; j < nout; j++) {
          gb[l][j] += d[r * nout + j];
          for (let i = 0; i < nin; i++) g[i * nout + j] += inp[row * nin + i] * d[r * nout + j];
        }
        if (l)
          for (let i = 0; i < nin; i++) {
            let s = 0;
            for (let j = 0; j < nout; j++) s += d[r * nout + j] * W[i * nout + j];
            dZ[l - 1][r * nin + i] = s * act.d(run.Z[l - 1][row * nin + i]);
          }
      });
      if (!g.every(Number.isFinite) || !gb[l].every(Number.isFinite)) finite = false;
    }
    if (finite && l2) gW.forEach((g, l) => g.forEach((v, i) => (g[i] = v + l2 * layers[l].W[i])));
    if (!finite || !gW.every((g) => g.every(Number.isFinite))) return (run.diverged = k + 1), false;
    let ok = true;
    const move = (v, d) => {
      const w = v - lr * d;
      if (!(Math.abs(w) <= 1e150)) ok = false; // neuronlib's largest allowed weight
      return w;
    };
    layers.forEach((p, l) => {
      for (let i = 0; i < p.W.length; i++) p.W[i] = move(p.W[i], gW[l][i]);
      for (let j = 0; j < p.b.length; j++) p.b[j] = move(p.b[j], gb[l][j]);
    });
    if (!ok) return (run.diverged = k + 1), false;
    run.k = k + 1;
    return evaluate();
  };
  evaluate();
  run.go = (s) => {
    if (s < run.k) {
      const back = Math.floor(s / 50) * 50;
      run.k = back;
      run.layers = copy(saved.get(back));
      run.diverged = null;
      for (const key of saved.keys()) if (key > back) saved.delete(key);
      evaluate();
    }
    while (run.k < s && run.diverged === null) advance();
    return run;
  };
  return run;
}

function nlPgRunTo(get, cfg, cache) {
  // The run for the current settings, moved to the current step (a new run when a setting changes).
  const s = cfg.sets[get("data")];
  const key = JSON.stringify(["data", "hidden", "activation", "learning_rate", "batch_size", "l2", "seed",
    "loaded"].map(get));
  if (cache.key !== key)
    Object.assign(cache, { key, run: nlPgRun({ start: nlPgStart(get, cfg), activation: get("activation"),
      params: cfg.params, X: s.X, y: s.y, Xt: s.Xt, yt: s.yt, learning_rate: get("learning_rate"),
      batch_size: get("batch_size"), l2: get("l2") }) });
  return cache.run.go(get("step"));
}

function nlSummaryOf(get, cfg, cache = {}) {
  // The readout; equal to PlaygroundExplorer.summary() in Python.
  const s = cfg.sets[get("data")];
  const run = nlPgRunTo(get, cfg, cache);
  const step = get("step");
  const head = `Network playground: ${s.title} (${s.X.length} training and ${s.Xt.length} test points), ` +
    `network ${[2, ...get("hidden"), 1].join("-")}, ${get("activation")} hidden units and a sigmoid output, ` +
    `bce loss, learning rate ${nlFmt(get("learning_rate"))}, batch size ${get("batch_size")}, L2 ` +
    `${nlFmt(get("l2"))}, ${nlPgLoaded(get, cfg.loaded) ? "the loaded starting weights" : "seed " + get("seed")}; ` +
    `step ${step} of ${cfg.max_steps}: `;
  if (run.diverged !== null && step >= run.diverged)
    return head + `training diverged at step ${run.diverged} (the numbers blew up): try a smaller learning rate`;
  const right = (A, labels) => (100 * labels.filter((v, r) => (A[r] >= 0.5 ? 1 : 0) === v).length) / labels.length;
  const nL = run.layers.length;
  const dead = run.dead[step].map((u) => u.split(".").map((v) => +v + 1)).map(([l, j]) => `layer ${l} unit ${j}`);
  return head + `training loss ${nlFmt(run.loss[step])}, test loss ${nlFmt(run.test[step])}, accuracy ` +
    `${nlFmt(right(run.A[nL - 1], s.y))}% (training) and ${nlFmt(right(run.At[nL - 1], s.yt))}% (test), ` +
    `dead units: ${dead.length ? dead.join(", ") : "none"}`;
}

function nlFactsOf(get, cfg, cache = {}) {
  // The figure in words; equal to PlaygroundExplorer.facts() in Python.
  return nlSteppedFacts(nlSummaryOf(get, cfg, cache));
}

function nlTableOf(get, cfg, cache = {}) {
  // The numbers behind the figure: each training point and the network's output p at this step.
  const s = cfg.sets[get("data")];
  const run = nlPgRunTo(get, cfg, cache);
  return nlPointsTable(`The ${s.X.length} training points and the network's output p at step ${get("step")}`,
    s.X, s.y, Array.from(run.A[run.layers.length - 1]));
}

function nlSweepOf(get, cfg, opts = {}, cache = {}) {
  // What Listen plays: the network's output p at this step along the row x2; equal to
  // PlaygroundExplorer.sweep().
  const [run, step, lim] = [nlPgRunTo(get, cfg, cache), get("step"), cfg.sets[get("data")].lim];
  const f = nlActivation(get("activation"), cfg.params).f;
  return nlTrainedSweep([lim, lim], opts, run, step, "network", (x1, x2) => {
    const [Z, A] = [0, 1].map(() => run.layers.map((l) => new Float64Array(l.nout)));
    nlPgForward(run.layers, f, [x1, x2], 1, Z, A);
    return Z[Z.length - 1][0];
  });
}

function nlPgGrid(layers, f, lim, n, cache) {
  // The network at the centres of an n x n grid over the plane, rows from the top as nlHeatmap
  // draws them: cache.A[l][j][k] is unit j of layer l at grid point k. Each unit's values over
  // the grid are one array, computed a unit at a time in tight loops over the 10 000 points
  // (the same sums, in the same order, as nlPgForward: (x1 w1j + x2 w2j) + bj, then f).
  const N = n * n;
  const key = lim.join() + "|" + layers.map((p) => p.nout).join();
  if (cache.key !== key) {
    cache.key = key;
    const d = (lim[1] - lim[0]) / n;
    cache.X = [new Float64Array(N), new Float64Array(N)];
    for (let k = 0; k < N; k++) {
      cache.X[0][k] = lim[0] + ((k % n) + 0.5) * d;
      cache.X[1][k] = lim[1] - (Math.floor(k / n) + 0.5) * d;
    }
    cache.A = layers.map((p) => Array.from({ length: p.nout }, () => new Float64Array(N)));
  }
  let inp = cache.X;
  for (let l = 0; l < layers.length; l++) {
    const { nin, nout, W, b } = layers[l];
    const last = l === layers.length - 1;
    for (let j = 0; j < nout; j++) {
      const a = cache.A[l][j];
      nlPgScaled(a, inp[0], W[j], N);
      for (let i = 1; i < nin; i++) nlPgAddScaled(a, inp[i], W[i * nout + j], N);
      if (last) for (let k = 0; k < N; k++) a[k] = nlSigmoid(a[k] + b[j]);
      else if (f === Math.tanh) nlPgTanh(a, b[j], N);
      else nlPgApply(a, f, b[j], N);
    }
    inp = cache.A[l];
  }
  return cache.A;
}

function nlPgScaled(a, x, w, N) {
  for (let k = 0; k < N; k++) a[k] = x[k] * w;
}

function nlPgAddScaled(a, x, w, N) {
  for (let k = 0; k < N; k++) a[k] += x[k] * w;
}

function nlPgApply(a, f, bias, N) {
  for (let k = 0; k < N; k++) a[k] = f(a[k] + bias);
}

function nlPgTanh(a, bias, N) {
  // tanh from one exp, 1 - 2 / (e^2z + 1): within 4e-16 of Math.tanh and faster (the maps' colours)
  for (let k = 0; k < N; k++) a[k] = 1 - 2 / (Math.exp(2 * (a[k] + bias)) + 1);
}

function render({ model, el }) {
  return nlMount(model, el, "playground", "The network playground: a small network learns", (ui) => {
    const cfg = model.get("_config");
    const get = (k) => model.get(k);
    const cache = {};
    const heat = {};
    const grid = {};
    const overlay = {};
    const n = cfg.grid;
    const sample = Int32Array.from({ length: 625 }, (_, q) => (4 * Math.floor(q / 25) + 2) * n + 4 * (q % 25) + 2);
    const lim = () => cfg.sets[get("data")].lim;
    const { canvas } = nlPlaneCanvas(ui, "decision regions", lim(), lim());
    const unitBox = nlEl("div", "", ui.figure);
    unitBox.style.cssText = "display:flex;flex-direction:column;gap:2px;max-width:340px";
    const curves = nlMakeCanvas(ui.figure, 340, 180, "loss curves");
    let units = { sig: "" };
    let hold = false;
    let lastTheme = null;
    let due = null; // the unit maps waiting for the frame to be painted

    // A changed setting starts again from step 0: the settings and the step change together.
    const change = (values) => {
      hold = true;
      for (const [k, v] of Object.entries({ ...values, step: 0 })) model.set(k, v);
      hold = false;
      model.save_changes();
      if (lastTheme) draw(lastTheme);
    };
    const menu = (parent, label, key, values) => nlSelect(parent, { label, get: () => get(key),
      options: [...new Set([...values, get(key)])].sort((a, b) => a - b).map((v) => [v, nlFmt(v)]),
      set: (v) => change({ [key]: +v }) });
    const g = ui.group();
    ui.add(nlSelect(g, { label: "data set", options: cfg.order.map((k) => [k, cfg.sets[k].title]),
      get: () => get("data"), set: (v) => change({ data: v }) }));
    ui.add(nlSelect(g, { label: "hidden activation", options: cfg.names.map((k) => [k, k]),
      get: () => get("activation"), set: (v) => change({ activation: v }) }));
    const memory = [4, 4, 4];
    const gh = ui.group();
    ui.add(nlSlider(gh, { label: "hidden layers", range: [1, cfg.max_layers, 1], get: () => get("hidden").length,
      set: (v) => change({ hidden: memory.slice(0, v) }) }));
    for (let i = 0; i < cfg.max_layers; i++) {
      ui.add(nlSlider(gh, { label: `units in layer ${i + 1}`, range: [1, cfg.max_units, 1],
        get: () => (get("hidden")[i] === undefined ? memory[i] : get("hidden")[i]),
        set: (v) => change({ hidden: get("hidden").map((u, l) => (l === i ? v : u)) }),
        why: () => (i >= get("hidden").length ? `only with ${i + 1} hidden layers or more` : "") }));
      ui.add({ update: () => get("hidden").forEach((u, l) => (memory[l] = u)) });
    }
    const gt = ui.group();
    ui.add(menu(gt, "learning rate", "learning_rate", cfg.rates));
    ui.add(menu(gt, "batch size", "batch_size", cfg.batches));
    ui.add(menu(gt, "L2 regularisation", "l2", cfg.l2s));
    ui.add(nlSlider(gt, { label: "seed (starting weights)", range: [0, 99, 1], get: () => get("seed"),
      set: (v) => change({ seed: Math.round(v), loaded: false }) }));
    ui.add(nlSlider(ui.group(), { label: "step", range: [0, cfg.max_steps, 1],
      get: () => get("step"), set: (v) => nlSetKey(model, "step", Math.round(v)) }));
    // Play trains about cfg.speed steps per 1/60 s whatever the frame rate: more steps a frame
    // when frames take longer (a slow machine still trains as fast; it redraws less often).
    let [drawn, gap] = [0, 16.7];
    const player = nlPlayer(ui.group(), model, { max: cfg.max_steps,
      get speed() { return Math.min(12, Math.max(cfg.speed, Math.round((cfg.speed * gap) / 16.7))); },
      last: () => {
        const run = nlPgRunTo(get, cfg, cache);
        return run.diverged === null ? cfg.max_steps : run.diverged;
      } });

    const buildUnits = () => {
      // one small canvas per hidden unit, a row per layer (rebuilt when the architecture changes);
      // true when rebuilt
      const sig = get("hidden").join();
      if (units.sig === sig) return false;
      unitBox.replaceChildren();
      units = { sig, maps: [], heats: [] };
      get("hidden").forEach((count, l) => {
        const row = nlEl("div", "", unitBox);
        row.style.cssText = "display:flex;flex-wrap:wrap;gap:4px;align-items:center";
        nlEl("span", "", row, `layer ${l + 1}`).style.width = "50px";
        for (let j = 0; j < count; j++) {
          units.maps.push(Object.assign(nlMakeCanvas(row, 30, 30, ""), { nlUnit: [l, j] }));
          units.heats.push({});
        }
      });
      return true;
    };

    const draw = (theme) => {
      lastTheme = theme;
      if (hold) return;
      const t = performance.now();
      gap = t - drawn < 200 ? t - drawn : 16.7;
      drawn = t;
      const rebuilt = buildUnits();
      const s = cfg.sets[get("data")];
      const run = nlPgRunTo(get, cfg, cache);
      const step = Math.min(get("step"), run.loss.length - 1);
      const text = nlSummaryOf(get, cfg, cache);
      const now = text.slice(text.indexOf("; step") + 2);
      const f = nlActivation(get("activation"), cfg.params).f;
      const A = nlPgGrid(run.layers, f, s.lim, n, grid);
      const out = A[A.length - 1][0];
      let k = 0;
      const plane = nlPlane(s.lim, s.lim, [44, 8, 288, 288]);
      const ctx = nlBegin(canvas, theme);
      nlShade(ctx, plane, heat, n, () => out[k++] - 0.5, nlDiverging(theme, 0.5), (v) => v < 0, theme.fg); // class 0: hatched too
      // The axes, points and labels change only with the data set, the theme or the screen: drawn
      // once into a transparent layer, then copied on top of the regions at every step.
      const key = [get("data"), theme.fg, theme.bg, canvas.width].join();
      if (overlay.key !== key) {
        overlay.key = key;
        overlay.canvas = Object.assign(document.createElement("canvas"), { width: canvas.width, height: canvas.height,
          nlDrawn: { labels: [], lines: [], marks: [], legends: [] } });
        const o = overlay.canvas.getContext("2d");
        o.setTransform(canvas.width / 340, 0, 0, canvas.width / 340, 0, 0);
        [o.font, o.textBaseline] = [ctx.font, ctx.textBaseline];
        nlAxes(o, plane, theme, "x1", "x2");
        nlDataPoints(o, plane, theme, s.X, s.y);
        nlLabel(o, "output p: blue, class 1; orange, hatched: class 0", 8, 336, theme, theme.muted, "left");
        nlLabel(o, "training points: dot = class 1, square = class 0", 8, 352, theme, theme.muted, "left");
      }
      ctx.drawImage(overlay.canvas, 0, 0, 340, 372);
      nlTraceMark(ctx, theme, ui, plane);
      // what the layer holds counts as drawn on this canvas (the site tests read nlDrawn)
      for (const [k, v] of Object.entries(overlay.canvas.nlDrawn)) canvas.nlDrawn[k].push(...v);
      canvas.setAttribute("aria-label", `Decision regions, x1 and x2 from ${nlFmt(s.lim[0])} to ${nlFmt(s.lim[1])}, ` +
        `shaded by the output p (blue: class 1, orange and hatched: class 0), with the ${s.X.length} training points. ` + now);

      const small = nlPlane(s.lim, s.lim, [1, 1, 28, 28]);
      // The unit maps: drawn just after the frame is painted (the regions and curves come first),
      // or at once when they are new; a redraw made meanwhile takes the place of the one waiting.
      const drawUnits = () => units.maps.forEach((c, u) => {
        const [l, j] = c.nlUnit;
        const uctx = nlBegin(c, theme);
        // every fourth point of the regions' grid, 25 x 25 (the map is 28 px wide)
        const unit = A[l][j];
        let q = 0;
        const at = () => unit[sample[q++]];
        const paint = nlHeatmap(uctx, small, units.heats[u], 25, at, nlDiverging(theme));
        let since = (run.dead[step] || []).includes(`${l}.${j}`) ? step : null;
        if (since !== null) {
          while (since > 0 && run.dead[since - 1].includes(`${l}.${j}`)) since--;
          nlLine(uctx, [[3, 3], [27, 27]], theme.fg, 2);
          nlLine(uctx, [[27, 3], [3, 27]], theme.fg, 2);
        }
        uctx.strokeStyle = since === null ? theme.muted : theme.fg;
        uctx.setLineDash(since === null ? [] : [3, 2]);
        uctx.strokeRect(0.5, 0.5, 29, 29);
        c.setAttribute("aria-label", `layer ${l + 1} unit ${j + 1}: output over the plane, largest size ` +
          nlFmt(paint.max) + (since === null ? "" : `; dead since step ${since} (z <= 0 on every training point)`));
      });
      if (!rebuilt && !due)
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => due && due();
          ch.port2.postMessage(0);
        });
      due = rebuilt ? null : () => (due = null) || drawUnits();
      if (rebuilt) drawUnits();

      const top = Math.max(0.1, ...run.loss.slice(0, step + 1), ...run.test.slice(0, step + 1).filter((v) => v < 10));
      const cplane = nlPlane([0, Math.max(10, step)], [0, Math.ceil(top * 10) / 10], [44, 8, 288, 120]);
      const cctx = nlBegin(curves, theme);
      nlAxes(cctx, cplane, theme, "step", "loss");
      const xs = run.loss.slice(0, step + 1).map((_, i) => i);
      nlClip(cctx, cplane, () => {
        nlCurve(cctx, cplane, xs, run.loss.slice(0, step + 1), theme.c1, 2);
        nlCurve(cctx, cplane, xs, run.test.slice(0, step + 1), theme.c2, 2, [6, 4]);
      });
      nlLabel(cctx, "solid: training loss; dashed: test loss", 8, 170, theme, theme.muted, "left");
      curves.setAttribute("aria-label", `Training loss (solid) and test loss (dashed) after each step from 0 to ` +
        `${step}. ` + now);
      ui.readout.textContent = text;
    };
    return { keys: ["data", "hidden", "activation", "learning_rate", "batch_size", "l2", "seed", "loaded", "step"],
      draw, destroy: player.destroy, facts: () => nlFactsOf(get, cfg, cache), table: () => nlTableOf(get, cfg, cache),
      sweep: (opts) => nlSweepOf(get, cfg, opts, cache), listen: { get x2() { return cfg.sets[get("data")].lim; } } };
  });
}

export default { render };
