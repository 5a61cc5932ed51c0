// format.js: numbers as the book prints them, identical to neuronlib.explorers._format.fmt.
// Rule: 3 decimals, trailing zeros dropped, "-0" shown as "0". Exact decimal ties round half
// to even, as Python's format() does (toFixed alone would round them away from zero).
// From a million on: 4 significant digits and a power of ten, "1.5e+80".

function nlTwoProductError(a, b) {
  // The exact error of the rounded product a*b (Dekker): 0 when a*b is exact.
  const split = (v) => {
    const c = 134217729 * v;
    const hi = c - (c - v);
    return [hi, v - hi];
  };
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

function nlFmt(x, digits = 3) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (Math.abs(x) >= 1e6) {
    const [mantissa, exponent] = x.toExponential(3).split("e");
    return mantissa.replace(/0+$/, "").replace(/\.$/, "") + "e" + (+exponent >= 0 ? "+" : "") + +exponent;
  }
  const scale = 10 ** digits;
  const t = Math.abs(x) * scale;
  let s;
  if (t < 2 ** 52 && t - Math.floor(t) === 0.5 && nlTwoProductError(Math.abs(x), scale) === 0) {
    const n = Math.floor(t) % 2 === 0 ? Math.floor(t) : Math.floor(t) + 1;
    const whole = String(Math.floor(n / scale));
    const frac = String(n % scale).padStart(digits, "0");
    s = (x < 0 ? "-" : "") + whole + (digits > 0 ? "." + frac : "");
  } else {
    s = x.toFixed(digits);
  }
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return s === "-0" ? "0" : s;
}

function nlFmtVec(values, digits = 3) {
  return "(" + values.map((v) => nlFmt(v, digits)).join(", ") + ")";
}

function nlSignWord(x) {
  // "positive", "negative" or "zero", as the number reads when printed (nlFmt): a z printed as
  // 0 is called zero. Equal to base.sign_word.
  const v = parseFloat(nlFmt(x));
  return v > 0 ? "positive" : v < 0 ? "negative" : "zero";
}
