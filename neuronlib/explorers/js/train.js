// train.js: full-batch gradient descent for the training explorer, computed exactly as
// neuronlib.training.train does for a network 2 -> hidden (any activation) -> 1 sigmoid with
// the binary cross-entropy loss (checked against neuronlib in tests/test_explorers_js.py).
// Parameters P = {W1: [[h numbers], [h numbers]] (input i to unit j), b1: [h], W2: [h], b2}.

const NL_MAX_MAGNITUDE = 1e150;

function nlHidden(P, x) {
  // The hidden preactivations z_j = x . W1[:, j] + b1_j for one input x.
  return P.b1.map((b, j) => x[0] * P.W1[0][j] + x[1] * P.W1[1][j] + b);
}

function nlPredict(P, act, x) {
  // The network's output: the probability of class 1.
  const z = nlHidden(P, x);
  let out = P.b2;
  for (let j = 0; j < z.length; j++) out += act.f(z[j]) * P.W2[j];
  return nlSigmoid(out);
}

function nlLossAndGrads(P, act, X, y, wantGrads) {
  // Returns {loss, Z1, grads}; {diverged: "forward"} when a preactivation or the loss is not
  // finite, {loss, Z1, diverged: "gradient"} when a gradient is not (as neuronlib checks).
  const m = X.length;
  const h = P.b1.length;
  const Z1 = X.map((x) => nlHidden(P, x));
  const A1 = Z1.map((row) => row.map(act.f));
  const z = A1.map((a) => a.reduce((s, v, j) => s + v * P.W2[j], 0) + P.b2);
  if (!Z1.every((row) => row.every(Number.isFinite)) || !z.every(Number.isFinite)) return { diverged: "forward" };
  let loss = 0;
  for (let i = 0; i < m; i++) loss += nlSoftplus(z[i]) - y[i] * z[i];
  loss /= m;
  if (!Number.isFinite(loss)) return { diverged: "forward" };
  if (!wantGrads) return { loss, Z1 };
  const dz = z.map((v, i) => (nlSigmoid(v) - y[i]) / m);
  const g = { W1: [new Array(h).fill(0), new Array(h).fill(0)], b1: new Array(h).fill(0), W2: new Array(h).fill(0), b2: 0 };
  for (let i = 0; i < m; i++) {
    g.b2 += dz[i];
    for (let j = 0; j < h; j++) {
      g.W2[j] += A1[i][j] * dz[i];
      const d = dz[i] * P.W2[j] * act.d(Z1[i][j]);
      g.W1[0][j] += X[i][0] * d;
      g.W1[1][j] += X[i][1] * d;
      g.b1[j] += d;
    }
  }
  const all = [...g.W1[0], ...g.W1[1], ...g.b1, ...g.W2, g.b2];
  if (!all.every(Number.isFinite)) return { loss, Z1, diverged: "gradient" };
  return { loss, Z1, grads: g };
}

function nlDeadUnits(Z1, activationName) {
  // Hidden ReLU units (0-based) whose preactivation is <= 0 for every input.
  if (activationName !== "relu") return [];
  const dead = [];
  for (let j = 0; j < Z1[0].length; j++) if (Z1.every((row) => row[j] <= 0)) dead.push(j);
  return dead;
}

function nlTrainingRun(t) {
  // t = {X, y, init: P, activation, params, learning_rate, steps}. Returns the trajectory:
  // loss[k], dead[k] (dead unit indices), snapshots[k] (parameters) for k = 0..reached, and
  // diverged = the first number of steps for which neuronlib.training.train raises, or null.
  const act = nlActivation(t.activation, t.params);
  const lr = t.learning_rate;
  let P = JSON.parse(JSON.stringify(t.init));
  const run = { loss: [], dead: [], snapshots: [], diverged: null };
  for (let k = 0; k <= t.steps; k++) {
    const r = nlLossAndGrads(P, act, t.X, t.y, k < t.steps);
    if (r.diverged === "forward") {
      run.diverged = k;
      break;
    }
    run.loss.push(r.loss);
    run.dead.push(nlDeadUnits(r.Z1, t.activation));
    run.snapshots.push(P);
    if (r.diverged) {
      run.diverged = k + 1;
      break;
    }
    if (k === t.steps) break;
    const g = r.grads;
    const step = (v, d) => v - lr * d;
    P = {
      W1: P.W1.map((row, i) => row.map((v, j) => step(v, g.W1[i][j]))),
      b1: P.b1.map((v, j) => step(v, g.b1[j])),
      W2: P.W2.map((v, j) => step(v, g.W2[j])),
      b2: step(P.b2, g.b2),
    };
    const flat = [...P.W1[0], ...P.W1[1], ...P.b1, ...P.W2, P.b2];
    if (flat.some((v) => Math.abs(v) > NL_MAX_MAGNITUDE)) {
      run.diverged = k + 1;
      break;
    }
  }
  return run;
}
