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
  // the run {go(s), ahead(last, until)}. Training goes forwards only, from step 0: its front is
  // the last step trained, each step's parameters are kept, and loss[], test[] and dead[] (["l.j",
  // ...] per step) hold every step up to the front. go(s) trains up to step s if the front is
  // not there yet, then sets k, layers and the forward pass Z, A (training points), Zt, At (test
  // points) to step s (a step behind the front: its kept parameters and one forward pass) and
  // returns the run; diverged is the step where training diverged, or null. ahead(last, until)
  // trains on towards step `last` until performance.now() reaches `until` (the playground does
  // it in idle time, so a reader's later step, drag or Play only looks steps up); true once
  // the front is at `last` or training has diverged.
  const act = nlActivation(t.activation, t.params);
  const relu = t.activation === "relu";
  const flat = (P) => Float64Array.from(P.flat());
  const [X, Xt, y, yt] = [flat(t.X), flat(t.Xt), Float64Array.from(t.y), Float64Array.from(t.yt)];
  const [m, mt, B, lr, l2] = [y.length, yt.length, t.batch_size, t.learning_rate, t.l2];
  const bufs = (rows) => t.start.map((p) => new Float64Array(rows * p.nout));
  // the front: its step, parameters and forward pass (what a step of training works on)
  const front = { k: 0, layers: t.start.map((p) => ({ ...p, W: p.W.slice(), b: p.b.slice() })),
    Z: bufs(m), A: bufs(m), Zt: bufs(mt), At: bufs(mt) };
  const run = { k: 0, layers: front.layers, loss: [], test: [], dead: [], diverged: null,
    Z: front.Z, A: front.A, Zt: front.Zt, At: front.At };
  // the forward pass of a step behind the front (view.at: which)
  const view = { at: -1, Z: bufs(m), A: bufs(m), Zt: bufs(mt), At: bufs(mt) };
  const [dZ, gW] = [bufs(B), t.start.map((p) => new Float64Array(p.W.length))];
  const gb = bufs(1);
  const nL = t.start.length;
  // every step's parameters, W then b of each layer, in chunks of 256 steps
  const size = t.start.reduce((n, p) => n + p.W.length + p.b.length, 0);
  const kept = [];
  const keep = (k) => {
    if (k % 256 === 0) kept.push(new Float64Array(256 * size));
    let o = (k % 256) * size;
    for (const p of front.layers) {
      kept[kept.length - 1].set(p.W, o);
      kept[kept.length - 1].set(p.b, (o += p.W.length));
      o += p.b.length;
    }
  };
  const layersAt = (k) => {
    const chunk = kept[Math.floor(k / 256)];
    let o = (k % 256) * size;
    return t.start.map(({ nin, nout, W, b }) => ({ nin, nout, W: chunk.subarray(o, (o += W.length)),
      b: chunk.subarray(o, (o += b.length)) }));
  };
  const evaluate = () => {
    // loss, dead units and test loss at the front's step k, or diverged = k (as neuronlib's
    // forward pass)
    const { k } = front;
    if (!nlPgForward(front.layers, act.f, X, m, front.Z, front.A)) return (run.diverged = k), false;
    const loss = nlPgLoss(front.Z[nL - 1], y);
    if (!Number.isFinite(loss)) return (run.diverged = k), false;
    const dead = [];
    if (relu)
      front.layers.slice(0, -1).forEach(({ nout }, l) => {
        for (let j = 0; j < nout; j++) {
          let alive = false;
          for (let r = 0; r < m && !alive; r++) alive = front.Z[l][r * nout + j] > 0;
          if (!alive) dead.push(`${l}.${j}`);
        }
      });
    const testOk = nlPgForward(front.layers, act.f, Xt, mt, front.Zt, front.At);
    const test = nlPgLoss(front.Zt[nL - 1], yt);
    if (!testOk || !Number.isFinite(test)) return (run.diverged = k), false;
    run.loss.push(loss);
    run.dead.push(dead);
    run.test.push(test);
    keep(k);
    return true;
  };
  const advance = () => {
    // one step on the batch rows (k B + i) mod m, from the forward pass over all rows
    const { k, layers } = front;
    const rows = Array.from({ length: B }, (_, i) => (k * B + i) % m);
    const out = front.Z[nL - 1];
    rows.forEach((row, r) => (dZ[nL - 1][r] = (nlSigmoid(out[row]) - y[row]) / B));
    let finite = true;
    for (let l = nL - 1; l >= 0; l--) {
      const { nin, nout, W } = layers[l];
      const inp = l ? front.A[l - 1] : X;
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
            dZ[l - 1][r * nin + i] = s * act.d(front.Z[l - 1][row * nin + i]);
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
    front.k = k + 1;
    return evaluate();
  };
  evaluate();
  run.go = (s) => {
    while (front.k < s && run.diverged === null) advance();
    // at the front (or past it, once training diverged): its own numbers
    if (s >= front.k) return Object.assign(run, { k: front.k, layers: front.layers, Z: front.Z, A: front.A,
      Zt: front.Zt, At: front.At });
    Object.assign(run, { k: s, layers: layersAt(s), Z: view.Z, A: view.A, Zt: view.Zt, At: view.At });
    if (view.at !== s) {
      nlPgForward(run.layers, act.f, X, m, view.Z, view.A);
      nlPgForward(run.layers, act.f, Xt, mt, view.Zt, view.At);
      view.at = s;
    }
    return run;
  };
  run.ahead = (last, until) => {
    while (front.k < last && run.diverged === null && performance.now() < until) advance();
    return front.k >= last || run.diverged !== null;
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
  // The grid's points are kept while the plane is the same; a unit's array is kept from one
  // network to the next (cache.units[l][j]): adding a unit or a layer makes only its own.
  const N = n * n;
  const key = lim.join() + "|" + n;
  if (cache.key !== key) {
    cache.key = key;
    const d = (lim[1] - lim[0]) / n;
    cache.X = [new Float64Array(N), new Float64Array(N)];
    for (let k = 0; k < N; k++) {
      cache.X[0][k] = lim[0] + ((k % n) + 0.5) * d;
      cache.X[1][k] = lim[1] - (Math.floor(k / n) + 0.5) * d;
    }
    cache.units = [];
  }
  cache.A = layers.map(({ nout }, l) => {
    const kept = (cache.units[l] = cache.units[l] || []);
    while (kept.length < nout) kept.push(new Float64Array(N));
    return kept.slice(0, nout);
  });
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

    const rows = []; // per layer: its row and its units' canvases, kept when units or layers go
    const buildUnits = () => {
      // one small canvas per hidden unit, a row per layer (made to fit when the architecture
      // changes: only the units and layers added are made, the others are kept); returns the
      // canvases made now (not drawn yet)
      const sig = get("hidden").join();
      if (units.sig === sig) return [];
      const made = [];
      units = { sig, maps: [] };
      get("hidden").forEach((count, l) => {
        if (!rows[l]) {
          const el = nlEl("div", "");
          el.style.cssText = "display:flex;flex-wrap:wrap;gap:4px;align-items:center";
          nlEl("span", "", el, `layer ${l + 1}`).style.width = "50px";
          rows[l] = { el, maps: [] };
        }
        const row = rows[l];
        while (row.maps.length < count) {
          const c = Object.assign(nlMakeCanvas(row.el, 30, 30, ""), { nlUnit: [l, row.maps.length], nlHeat: {} });
          row.maps.push(c);
          made.push(c);
        }
        row.maps.forEach((c, j) => {
          if (j < count && c.parentNode !== row.el) row.el.appendChild(c);
          if (j >= count) c.remove();
        });
        if (row.el.parentNode !== unitBox || unitBox.children[l] !== row.el) unitBox.insertBefore(row.el, unitBox.children[l] || null);
        units.maps.push(...row.maps.slice(0, count));
      });
      rows.slice(get("hidden").length).forEach((row) => row.el.remove());
      return made;
    };

    // The rest of a new run is trained while the page is idle, in slices of at most 4 ms that
    // end before the next frame is due (a newer run stops it): the step slider, Step and Play
    // then find their steps trained (nlPgRun's ahead), and the reader's frames never wait for it.
    let ahead = null;
    const trainAhead = () => {
      const run = cache.run;
      if (ahead === run) return;
      ahead = run;
      const slice = (deadline) => cache.run === run &&
        !run.ahead(cfg.max_steps, performance.now() + Math.min(4, deadline.timeRemaining())) && nlIdle(slice);
      nlIdle(slice);
    };

    const draw = (theme) => {
      lastTheme = theme;
      if (hold) return;
      const t = performance.now();
      gap = t - drawn < 200 ? t - drawn : 16.7;
      drawn = t;
      const made = buildUnits();
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
      const drawUnit = (c) => {
        const [l, j] = c.nlUnit;
        const uctx = nlBegin(c, theme);
        // every fourth point of the regions' grid, 25 x 25 (the map is 28 px wide)
        const unit = A[l][j];
        let q = 0;
        const at = () => unit[sample[q++]];
        const paint = nlHeatmap(uctx, small, c.nlHeat, 25, at, nlDiverging(theme));
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
      };
      made.forEach(drawUnit);
      if (!due) nlAfterPaint(() => due && due());
      due = () => (due = null) || units.maps.forEach((c) => made.includes(c) || drawUnit(c));

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
      nlSetText(ui.readout, text);
      trainAhead();
    };
    return { keys: ["data", "hidden", "activation", "learning_rate", "batch_size", "l2", "seed", "loaded", "step"],
      draw, destroy: player.destroy, facts: () => nlFactsOf(get, cfg, cache), table: () => nlTableOf(get, cfg, cache),
      sweep: (opts) => nlSweepOf(get, cfg, opts, cache), listen: { get x2() { return cfg.sets[get("data")].lim; } } };
  });
}

export default { render };
