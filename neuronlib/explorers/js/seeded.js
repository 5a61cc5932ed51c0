// seeded.js: the starting weights of neuronlib.seeded.seeded_network, number for number:
// Mulberry32 (32-bit integer arithmetic, as in Python), nearly normal numbers as the sum of 12
// uniforms minus 6, He scaling sqrt(2 / n_inputs), zero biases.

function nlUniforms(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function nlSeededNetwork(sizes, seed) {
  // [{nin, nout, W: Float64Array (row-major, input i to unit j at i * nout + j), b}] per layer.
  const next = nlUniforms(seed);
  return sizes.slice(1).map((nout, l) => {
    const nin = sizes[l];
    const W = new Float64Array(nin * nout);
    const scale = Math.sqrt(2 / nin);
    for (let k = 0; k < W.length; k++) {
      let s = 0;
      for (let r = 0; r < 12; r++) s += next();
      W[k] = (s - 6) * scale;
    }
    return { nin, nout, W, b: new Float64Array(nout) };
  });
}
