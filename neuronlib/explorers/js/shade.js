// shade.js: the output over a plane in colour with the class-0 side hatched, as nlHeatmap and
// nlHatch draw them, but made pixel by pixel in one image put straight onto the canvas: no
// canvas is scaled, stroked or composited per frame (those took most of a redraw of the
// explorers that train: training, learning, playground).

function nlShade(ctx, plane, c, n, valueAt, painter, inside, colour) {
  // valueAt and painter as nlHeatmap's (c.values: the n x n values, rows from the top); the
  // cells where inside(value) get nlHatch's diagonal lines in `colour`. Returns the paint.
  const dpr = window.devicePixelRatio || 1;
  const [left, top, W, H] = plane.rect.map((v) => Math.round(v * dpr));
  const key = [W, H, n, colour].join();
  if (c.key !== key) {
    // nlHatch's lines, stroked once: how much of each pixel they cover
    const s = Object.assign(document.createElement("canvas"), { width: W, height: H }).getContext("2d");
    [s.lineWidth, s.globalAlpha] = [dpr, 0.3];
    s.beginPath();
    for (let d = -H; d < W; d += 8 * dpr) s.moveTo(d, H), s.lineTo(d + H, 0);
    s.stroke();
    const img = s.getImageData(0, 0, W, H);
    const rgba = new Uint8ClampedArray(4 * n * n);
    const map = (N, M) => Int32Array.from({ length: N }, (_, x) => Math.floor(((x + 0.5) * n) / N) * M);
    const [col, row] = [map(W, 1), map(H, n)];
    // the pixels the lines touch: where (4 p), how much (a) and in which cell (k)
    const line = [];
    for (let p = 0; p < W * H; p++) if (img.data[4 * p + 3]) line.push(p);
    Object.assign(c, { key, img, rgba, col, row, px: new Uint32Array(img.data.buffer), c32: new Uint32Array(rgba.buffer),
      p: Int32Array.from(line, (p) => 4 * p), a: Float32Array.from(line, (p) => img.data[4 * p + 3] / 255),
      k: Int32Array.from(line, (p) => row[Math.floor(p / W)] + col[p % W]), fg: nlParseColor(colour),
      values: new Float64Array(n * n), in: new Uint8Array(n * n) });
  }
  const { values, rgba, px, c32, fg, col, row } = c;
  const [[x0, x1], [y0, y1]] = [plane.xlim, plane.ylim];
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) values[j * n + i] = valueAt(x0 + ((i + 0.5) * (x1 - x0)) / n, y1 - ((j + 0.5) * (y1 - y0)) / n);
  const paint = painter(values);
  for (let k = 0; k < n * n; k++) {
    paint(values[k], rgba, 4 * k);
    rgba[4 * k + 3] = 255;
    c.in[k] = inside(values[k]);
  }
  const d = c.img.data;
  for (let y = 0, p = 0; y < H; y++) for (let x = 0; x < W; x++) px[p++] = c32[row[y] + col[x]];
  for (let q = 0; q < c.p.length; q++)
    if (c.in[c.k[q]]) for (let o = c.p[q], i = 0; i < 3; i++) d[o + i] += (fg[i] - d[o + i]) * c.a[q];
  ctx.putImageData(c.img, left, top);
  return paint;
}
