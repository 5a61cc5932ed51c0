// train.js: full-batch gradient descent for the training explorer, computed exactly as
// neuronlib.training.train does for a network 2 -> hidden (any activation) -> 1 sigmoid with
// the binary cross-entropy loss (checked against neuronlib in tests/test_explorers_js.py).
// Parameters P = {W1: [[h numbers], [h numbers]] (input i to unit j), b1: [h], W2: [h], b2}.

const NL_MAX_MAGNITUDE = 1e150;

function nlPredict(P, act, x) {
  return nlPredictAt(P, act, x[0], x[1]);
}

function nlPredictAt(P, act, x0, x1) {
  // The network's output at (x0, x1): the probability of class 1 (no array made: the heat map
  // calls this 40 000 times a frame).
  return nlSigmoid(nlLogitAt(P, act, x0, x1));
}

function nlLogitAt(P, act, x0, x1) {
  // The output unit's z at (x0, x1), before its sigmoid.
  const W10 = P.W1[0];
  const W11 = P.W1[1];
  const b1 = P.b1;
  const W2 = P.W2;
  const f = act.f;
  let out = P.b2;
  for (let j = 0; j < b1.length; j++) out += f(x0 * W10[j] + x1 * W11[j] + b1[j]) * W2[j];
  return out;
}

// f and f' of an activation at once, A[k] = f(z) and D[k] = f'(z), where the two share their costly
// part (the very expressions of maths.js, so the same numbers); any other activation calls both.
const NL_BOTH = {
  relu: (z, A, D, k) => { A[k] = z > 0 ? z : 0; D[k] = z > 0 ? 1 : 0; },
  tanh: (z, A, D, k) => { const t = Math.tanh(z); A[k] = t; D[k] = 1 - t * t; },
  sigmoid: (z, A, D, k) => { const s = nlSigmoid(z); A[k] = s; D[k] = s * (1 - s); },
  swish: (z, A, D, k) => { const s = nlSigmoid(z); A[k] = z * s; D[k] = s + z * s * (1 - s); },
  gelu: (z, A, D, k) => { const c = nlNormalCdf(z); A[k] = z * c; D[k] = c + (z * Math.exp(-0.5 * z * z)) / NL_SQRT_2PI; },
};

function nlTrainingRun(t) {
  // t = {X, y, init: P, activation, params, learning_rate, steps}. Returns the trajectory:
  // loss[k], dead[k] (dead unit indices), snapshots[k] (parameters) for k = 0..reached, and
  // diverged = the first number of steps for which neuronlib.training.train raises, or null.
  return nlTrainer(t).advance(t.steps);
}

function nlTrainer(t) {
  // The same run, computed when asked: advance(upto) computes it up to step `upto` (or to where
  // it diverges) and returns it; run.done says whether it has reached its end. The arithmetic is
  // neuronlib's, in flat arrays made once, so that a step makes no garbage:
  // z1 = x W1 + b1, a1 = f(z1), z = a1 . W2 + b2, loss = mean(softplus(z) - y z),
  // dz = (sigmoid(z) - y) / m, dW2 = a1 dz, d1 = dz W2 f'(z1), dW1 = x d1, db1 = d1, db2 = dz (f and f' at once: NL_BOTH).
  const act = nlActivation(t.activation, t.params);
  const { f, d } = act;
  const both = NL_BOTH[t.activation] || ((z, A, D, k) => { A[k] = f(z); D[k] = d(z); });
  const lr = t.learning_rate;
  const m = t.X.length;
  const h = t.init.b1.length;
  const relu = t.activation === "relu";
  const x0 = Float64Array.from(t.X, (x) => x[0]);
  const x1 = Float64Array.from(t.X, (x) => x[1]);
  const y = Float64Array.from(t.y);
  const Z1 = new Float64Array(m * h);
  const A1 = new Float64Array(m * h);
  const D1 = new Float64Array(m * h);
  const z = new Float64Array(m);
  const w0 = Float64Array.from(t.init.W1[0]);
  const w1 = Float64Array.from(t.init.W1[1]);
  const b1 = Float64Array.from(t.init.b1);
  const w2 = Float64Array.from(t.init.W2);
  let b2 = t.init.b2;
  const gw0 = new Float64Array(h);
  const gw1 = new Float64Array(h);
  const gb1 = new Float64Array(h);
  const gw2 = new Float64Array(h);
  const run = { loss: [], dead: [], snapshots: [], diverged: null, done: false };
  let k = 0;
  const next = () => {
    // Appends step k to run; returns whether there is a step after it.
    // Forward: a non-finite preactivation or loss means train raises at this step.
    let finite = true;
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < h; j++) {
        const v = x0[i] * w0[j] + x1[i] * w1[j] + b1[j];
        if (!Number.isFinite(v)) finite = false;
        Z1[i * h + j] = v;
        both(v, A1, D1, i * h + j);
        s += A1[i * h + j] * w2[j];
      }
      z[i] = s + b2;
      if (!Number.isFinite(z[i])) finite = false;
    }
    let loss = 0;
    for (let i = 0; i < m; i++) loss += nlSoftplus(z[i]) - y[i] * z[i];
    loss /= m;
    if (!finite || !Number.isFinite(loss)) {
      run.diverged = k;
      return false;
    }
    run.loss.push(loss);
    const dead = [];
    if (relu)
      for (let j = 0; j < h; j++) {
        let all = true;
        for (let i = 0; i < m && all; i++) all = Z1[i * h + j] <= 0;
        if (all) dead.push(j);
      }
    run.dead.push(dead);
    run.snapshots.push({ W1: [Array.from(w0), Array.from(w1)], b1: Array.from(b1), W2: Array.from(w2), b2 });
    if (k >= t.steps) return false;
    // Backward.
    gw0.fill(0); gw1.fill(0); gb1.fill(0); gw2.fill(0);
    let gb2 = 0;
    for (let i = 0; i < m; i++) {
      const dz = (nlSigmoid(z[i]) - y[i]) / m;
      gb2 += dz;
      for (let j = 0; j < h; j++) {
        gw2[j] += A1[i * h + j] * dz;
        const dj = dz * w2[j] * D1[i * h + j];
        gw0[j] += x0[i] * dj;
        gw1[j] += x1[i] * dj;
        gb1[j] += dj;
      }
    }
    let ok = Number.isFinite(gb2);
    for (let j = 0; j < h; j++)
      ok = ok && Number.isFinite(gw0[j]) && Number.isFinite(gw1[j]) && Number.isFinite(gb1[j]) && Number.isFinite(gw2[j]);
    k++;
    if (!ok) {
      run.diverged = k;
      return false;
    }
    // The step, then neuronlib's size check on every parameter.
    let big = Math.abs((b2 -= lr * gb2)) > NL_MAX_MAGNITUDE;
    for (let j = 0; j < h; j++) {
      w0[j] -= lr * gw0[j];
      w1[j] -= lr * gw1[j];
      b1[j] -= lr * gb1[j];
      w2[j] -= lr * gw2[j];
      big = big || Math.abs(w0[j]) > NL_MAX_MAGNITUDE || Math.abs(w1[j]) > NL_MAX_MAGNITUDE ||
        Math.abs(b1[j]) > NL_MAX_MAGNITUDE || Math.abs(w2[j]) > NL_MAX_MAGNITUDE;
    }
    if (big) {
      run.diverged = k;
      return false;
    }
    return true;
  };
  const advance = (upto) => {
    while (!run.done && run.loss.length <= upto) run.done = !next();
    return run;
  };
  return { run, advance };
}
