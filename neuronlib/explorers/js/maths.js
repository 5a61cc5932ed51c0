// maths.js: the neuron's maths in the browser, the same formulas as neuronlib.activations and
// neuronlib.hyperplane (tests/test_explorers_js.py checks them against neuronlib to 1e-9).

const NL_SQRT_PI = Math.sqrt(Math.PI);
const NL_SQRT_2PI = Math.sqrt(2 * Math.PI);

function nlErfc(x) {
  // erfc(x) = 1 - erf(x); for x >= 2 by its continued fraction, accurate in the far tail:
  // erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + (2/2)/(x + (3/2)/(x + ...)))).
  if (Number.isNaN(x)) return NaN;
  if (x < 2) return 1 - nlErf(x);
  if (x > 27.5) return 0;
  // 8 + 220 / x^2 terms reach full double precision for every x >= 2 (checked to 2e-17).
  let f = x;
  for (let n = Math.ceil(8 + 220 / (x * x)); n >= 1; n--) f = x + n / 2 / f;
  return Math.exp(-x * x) / NL_SQRT_PI / f;
}

function nlErf(x) {
  // |x| < 2.5: erf(a) = 2/sqrt(pi) exp(-a^2) sum_n 2^n a^(2n+1) / (1*3*...*(2n+1)), all terms
  // positive so nothing cancels; larger |x|: 1 - erfc(|x|).
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  let r;
  if (a < 2.5) {
    const a2 = 2 * a * a;
    let term = a;
    let sum = a;
    for (let n = 1; n < 300 && term > sum * 1e-17; n++) {
      term *= a2 / (2 * n + 1);
      sum += term;
    }
    r = (2 / NL_SQRT_PI) * Math.exp(-a * a) * sum;
  } else {
    r = 1 - nlErfc(a);
  }
  return x < 0 ? -r : r;
}

function nlNormalCdf(z) {
  // Phi(z) = erfc(-z / sqrt 2) / 2, precise in the left tail (as neuronlib computes it).
  return 0.5 * nlErfc(-z / Math.SQRT2);
}

function nlSigmoid(z) {
  return nlSigmoidOf(z, Math.exp(-Math.abs(z)));
}

function nlSoftplus(z) {
  return nlSoftplusOf(z, Math.exp(-Math.abs(z)));
}

// Given e = e^-|z| (never overflows), so that a loop needing both computes one exponential:
function nlSigmoidOf(z, e) {
  // 1 / (1 + e^-z), written so that neither side overflows
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

function nlSoftplusOf(z, e) {
  // ln(1 + e^z), computed as numpy's logaddexp(0, z)
  return Math.max(z, 0) + Math.log1p(e);
}

// Each activation: f(z, p) and its derivative d(z, p); p holds {slope, alpha} (from Python).
const NL_ACTIVATIONS = {
  identity: { f: (z) => z, d: () => 1 },
  step: { f: (z) => (z >= 0 ? 1 : 0), d: () => 0 },
  sigmoid: {
    f: nlSigmoid,
    d: (z) => {
      const s = nlSigmoid(z);
      return s * (1 - s);
    },
  },
  tanh: {
    f: Math.tanh,
    d: (z) => {
      const t = Math.tanh(z);
      return 1 - t * t;
    },
  },
  relu: { f: (z) => (z > 0 ? z : 0), d: (z) => (z > 0 ? 1 : 0) },
  leaky_relu: {
    f: (z, p) => (z > 0 ? z : p.slope * z),
    d: (z, p) => (z > 0 ? 1 : p.slope),
  },
  elu: {
    f: (z, p) => (z > 0 ? z : p.alpha * Math.expm1(z)),
    d: (z, p) => (z > 0 ? 1 : p.alpha * Math.exp(z)),
  },
  softplus: { f: nlSoftplus, d: nlSigmoid },
  swish: {
    f: (z) => z * nlSigmoid(z),
    d: (z) => {
      const s = nlSigmoid(z);
      return s + z * s * (1 - s);
    },
  },
  gelu: {
    f: (z) => z * nlNormalCdf(z),
    d: (z) => nlNormalCdf(z) + (z * Math.exp(-0.5 * z * z)) / NL_SQRT_2PI,
  },
};
function nlActivation(name, params) {
  // params: {slope, alpha}, as the explorer's config (neuronlib's defaults) or sliders give them.
  const act = NL_ACTIVATIONS[name];
  if (!act) throw new Error("unknown activation " + name);
  if (act.f.length < 2 && act.d.length < 2) return { f: act.f, d: act.d };
  return { f: (z) => act.f(z, params), d: (z) => act.d(z, params) };
}

function nlDot(w, x) {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] * x[i];
  return s;
}

function nlNorm(w) {
  return Math.sqrt(nlDot(w, w));
}

function nlSignedDistance(w, b, x) {
  // (w.x + b) / |w|; NaN when w = 0 (no hyperplane).
  const n = nlNorm(w);
  return n === 0 ? NaN : (nlDot(w, x) + b) / n;
}

function nlSegmentInBox(w, b, xlim, ylim) {
  // The part of the line w1 x + w2 y + b = 0 inside the box as [[x, y], [x, y]] (sorted by x,
  // then y; both ends equal when it only touches a corner), or null: as neuronlib.hyperplane.
  const scale = Math.max(Math.abs(w[0]), Math.abs(w[1]));
  if (scale === 0) return null;
  const [w1, w2, c] = [w[0] / scale, w[1] / scale, b / scale];
  const tol = 1e-12 * Math.max(xlim[1] - xlim[0], ylim[1] - ylim[0], ...xlim.map(Math.abs), ...ylim.map(Math.abs));
  const clamp = (v, lim) => Math.min(Math.max(v, lim[0]), lim[1]);
  const inside = (v, lim) => lim[0] - tol <= v && v <= lim[1] + tol;
  const pts = [];
  if (w2 !== 0)
    for (const x of xlim) {
      const y = -(w1 * x + c) / w2;
      if (inside(y, ylim)) pts.push([x, clamp(y, ylim)]);
    }
  if (w1 !== 0)
    for (const y of ylim) {
      const x = -(w2 * y + c) / w1;
      if (inside(x, xlim)) pts.push([clamp(x, xlim), y]);
    }
  if (!pts.length) return null;
  let best = [pts[0], pts[0]];
  let longest = -1;
  for (let i = 0; i < pts.length; i++)
    for (let j = i; j < pts.length; j++) {
      const d = (pts[i][0] - pts[j][0]) ** 2 + (pts[i][1] - pts[j][1]) ** 2;
      if (d > longest) [best, longest] = [[pts[i], pts[j]], d];
    }
  return best.slice().sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function nlGrid(lo, hi, n) {
  // n + 1 evenly spaced points, computed as lo + (hi - lo) * i / n (as in Python).
  const out = new Array(n + 1);
  for (let i = 0; i <= n; i++) out[i] = lo + ((hi - lo) * i) / n;
  return out;
}
