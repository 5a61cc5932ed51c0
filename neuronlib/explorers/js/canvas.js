// canvas.js: drawing helpers shared by the explorers (sharp at any devicePixelRatio).

function nlMakeCanvas(parent, width, height, label) {
  const c = document.createElement("canvas");
  c.setAttribute("role", "img");
  c.setAttribute("aria-label", label);
  c.style.width = width + "px";
  c.style.aspectRatio = width + " / " + height;
  c.nlSize = [width, height];
  parent.appendChild(c);
  return c;
}

function nlBegin(canvas, theme) {
  // Size the backing store for the screen's pixel ratio and clear; draw in CSS pixels after.
  const [w, h] = canvas.nlSize;
  const dpr = window.devicePixelRatio || 1;
  const W = Math.round(w * dpr);
  const H = Math.round(h * dpr);
  if (canvas.width !== W || canvas.height !== H) {
    canvas.width = W;
    canvas.height = H;
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, w, h);
  ctx.font = "12px system-ui, sans-serif";
  ctx.textBaseline = "middle";
  ctx.setLineDash([]);
  // What was drawn, in CSS pixels, for placing labels clear of each other (and for the tests):
  // text boxes, neuron lines with their arrows, other marks to keep clear of, legend boxes.
  canvas.nlDrawn = { labels: [], lines: [], marks: [], legends: [] };
  return ctx;
}

function nlPlane(xlim, ylim, rect) {
  // Maps data coordinates to canvas pixels inside rect = [left, top, width, height], and back.
  const [left, top, width, height] = rect;
  const sx = width / (xlim[1] - xlim[0]);
  const sy = height / (ylim[1] - ylim[0]);
  return {
    xlim, ylim, rect,
    px: (x) => left + (x - xlim[0]) * sx,
    py: (y) => top + (ylim[1] - y) * sy,
    ix: (px) => xlim[0] + (px - left) / sx,
    iy: (py) => ylim[1] - (py - top) / sy,
  };
}

function nlNiceTicks(lo, hi) {
  const rough = (hi - lo) / 6;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= rough);
  const ticks = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + 1e-9 * step; t += step)
    ticks.push(Math.abs(t) < 1e-12 * step ? 0 : t);
  return ticks;
}

function nlAxes(ctx, plane, theme, xlabel, ylabel) {
  const [left, top, width, height] = plane.rect;
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.strokeRect(left, top, width, height);
  ctx.fillStyle = theme.muted;
  ctx.textAlign = "center";
  for (const t of nlNiceTicks(plane.xlim[0], plane.xlim[1])) {
    const x = plane.px(t);
    ctx.fillText(nlFmt(t, 2), x, top + height + 10);
    ctx.beginPath(); ctx.moveTo(x, top + height); ctx.lineTo(x, top + height + 3); ctx.stroke();
  }
  ctx.textAlign = "right";
  for (const t of nlNiceTicks(plane.ylim[0], plane.ylim[1])) {
    const y = plane.py(t);
    ctx.fillText(nlFmt(t, 2), left - 5, y);
    ctx.beginPath(); ctx.moveTo(left - 3, y); ctx.lineTo(left, y); ctx.stroke();
  }
  ctx.fillStyle = theme.fg;
  ctx.textAlign = "center";
  ctx.fillText(xlabel, left + width / 2, top + height + 24);
  ctx.save();
  ctx.translate(left - 30, top + height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(ylabel, 0, 0);
  ctx.restore();
}

function nlHeatmap(ctx, plane, cache, n, valueAt, painter) {
  // Evaluates valueAt(x, y) at the centres of an n x n grid over the plane, colours each value
  // with painter(values) -> (v, data, offset), and draws the image into the plane's rect.
  let paint;
  nlGridImage(ctx, plane, cache, n, (data) => {
    const [x0, x1] = plane.xlim;
    const [y0, y1] = plane.ylim;
    const vals = cache.values;
    for (let j = 0; j < n; j++) {
      const y = y1 - ((j + 0.5) * (y1 - y0)) / n;
      for (let i = 0; i < n; i++) vals[j * n + i] = valueAt(x0 + ((i + 0.5) * (x1 - x0)) / n, y);
    }
    paint = painter(vals);
    for (let k = 0; k < n * n; k++) paint(vals[k], data, 4 * k);
  });
  return paint;
}

function nlGridImage(ctx, plane, cache, n, fill) {
  // Draws an n x n image into the plane's rect, unsmoothed: fill(data) writes each cell's red,
  // green and blue (4 bytes a cell, row by row from the top); cache keeps the image (and
  // cache.values, n x n numbers, for nlHeatmap) from one draw to the next.
  if (!cache.canvas || cache.n !== n) {
    cache.canvas = document.createElement("canvas");
    cache.canvas.width = n;
    cache.canvas.height = n;
    cache.ctx = cache.canvas.getContext("2d");
    cache.image = cache.ctx.createImageData(n, n);
    cache.values = new Float64Array(n * n);
    cache.n = n;
  }
  const data = cache.image.data;
  fill(data);
  for (let k = 3; k < 4 * n * n; k += 4) data[k] = 255;
  cache.ctx.putImageData(cache.image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  const [left, top, width, height] = plane.rect;
  ctx.drawImage(cache.canvas, left, top, width, height);
}

function nlDiverging(theme, fixedMax) {
  // Painter: 0 -> background, +max -> blue, -max -> orange (max = largest |value| unless fixed).
  const { pos, neg, bg } = theme.rgb;
  return (vals) => {
    let m = fixedMax || 0;
    let [lo, hi] = [Infinity, -Infinity];
    for (let k = 0; k < vals.length; k++) {
      if (!Number.isFinite(vals[k])) continue;
      lo = Math.min(lo, vals[k]);
      hi = Math.max(hi, vals[k]);
    }
    if (!fixedMax) m = Math.max(Math.abs(lo), Math.abs(hi), 0);
    const scale = m > 0 && Number.isFinite(m) ? 0.85 / m : 0;
    const paint = (v, data, o) => {
      const t = Math.min(0.85, Math.abs(v) * scale);
      const c = v >= 0 ? pos : neg;
      data[o] = bg[0] + (c[0] - bg[0]) * t;
      data[o + 1] = bg[1] + (c[1] - bg[1]) * t;
      data[o + 2] = bg[2] + (c[2] - bg[2]) * t;
    };
    paint.max = m;
    paint.lo = Number.isFinite(lo) ? lo : 0;
    paint.hi = Number.isFinite(hi) ? hi : 0;
    return paint;
  };
}

function nlLine(ctx, points, colour, width = 2, dash = []) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  points.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  ctx.stroke();
  ctx.setLineDash([]);
}

function nlCurve(ctx, plane, xs, ys, colour, width = 2, dash = []) {
  nlLine(ctx, xs.map((x, i) => [plane.px(x), plane.py(Math.max(-1e6, Math.min(1e6, ys[i])))]), colour, width, dash);
}

function nlArrow(ctx, from, to, colour, width = 2) {
  nlLine(ctx, [from, to], colour, width);
  const a = Math.atan2(to[1] - from[1], to[0] - from[0]);
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.moveTo(to[0], to[1]);
  ctx.lineTo(to[0] - 9 * Math.cos(a - 0.4), to[1] - 9 * Math.sin(a - 0.4));
  ctx.lineTo(to[0] - 9 * Math.cos(a + 0.4), to[1] - 9 * Math.sin(a + 0.4));
  ctx.closePath();
  ctx.fill();
}

function nlDisc(ctx, x, y, r, fill, stroke) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  if (fill) { ctx.fillStyle = fill; ctx.fill(); }
  if (stroke) { ctx.strokeStyle = stroke; ctx.lineWidth = 2; ctx.stroke(); }
}

function nlTextBox(ctx, text, x, y, align = "center") {
  // The box [left, top, right, bottom] the text's ink covers (with its halo).
  ctx.textAlign = align;
  const m = ctx.measureText(text);
  return [x - m.actualBoundingBoxLeft - 1.5, y - m.actualBoundingBoxAscent - 1.5,
    x + m.actualBoundingBoxRight + 1.5, y + m.actualBoundingBoxDescent + 1.5];
}

function nlBoxesMeet(a, b) {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

function nlBoxMeetsSegment(box, p, q) {
  // Does the segment p-q pass through the box? (clip the segment to the box, Liang-Barsky)
  let [t0, t1] = [0, 1];
  const d = [q[0] - p[0], q[1] - p[1]];
  for (const [k, lo, hi] of [[0, box[0], box[2]], [1, box[1], box[3]]]) {
    if (d[k] === 0) {
      if (p[k] < lo || p[k] > hi) return false;
      continue;
    }
    let [a, b] = [(lo - p[k]) / d[k], (hi - p[k]) / d[k]];
    if (a > b) [a, b] = [b, a];
    t0 = Math.max(t0, a);
    t1 = Math.min(t1, b);
    if (t0 > t1) return false;
  }
  return true;
}

function nlBoxIsFree(canvas, box, bounds, skipLine) {
  // Inside bounds, clear of every label, mark, neuron line and arrow drawn so far.
  const d = canvas.nlDrawn;
  if (bounds && (box[0] < bounds[0] || box[1] < bounds[1] || box[2] > bounds[2] || box[3] > bounds[3])) return false;
  if (!d) return true;
  if (d.labels.some((l) => nlBoxesMeet(l.box, box)) || d.marks.some((m) => nlBoxesMeet(m, box))) return false;
  return d.lines.every((l) => l === skipLine ||
    (!nlBoxMeetsSegment(box, l.seg[0], l.seg[1]) && !nlBoxMeetsSegment(box, l.arrow[0], l.arrow[1])));
}

function nlPlaceLabel(ctx, text, candidates, theme, colour, bounds, skipLine) {
  // Draws the label at the first candidate [x, y] where it is clear of everything drawn so far
  // (nlBoxIsFree), or at the first candidate if none is; returns the place used.
  const free = candidates.find(([x, y]) => nlBoxIsFree(ctx.canvas, nlTextBox(ctx, text, x, y), bounds, skipLine));
  const [x, y] = free || candidates[0];
  nlLabel(ctx, text, x, y, theme, colour);
  return [x, y];
}

function nlLegend(ctx, lines, x, y, theme, gap = 17) {
  // Lines of text [text, colour] from (x, y) down, on a box of the background colour, so plotted
  // lines never cross the text.
  const boxes = lines.map(([text], i) => nlTextBox(ctx, text, x, y + gap * i, "left"));
  const box = [x - 4, Math.min(...boxes.map((b) => b[1])) - 2, Math.max(...boxes.map((b) => b[2])) + 4,
    Math.max(...boxes.map((b) => b[3])) + 2];
  ctx.fillStyle = nlRgba(theme.rgb.bg, 0.9);
  ctx.fillRect(box[0], box[1], box[2] - box[0], box[3] - box[1]);
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(box[0], box[1], box[2] - box[0], box[3] - box[1]);
  if (ctx.canvas.nlDrawn) ctx.canvas.nlDrawn.legends.push(box);
  lines.forEach(([text, colour], i) => nlLabel(ctx, text, x, y + gap * i, theme, colour, "left"));
}

function nlLabel(ctx, text, x, y, theme, colour, align = "center") {
  // Text with a halo of the background colour, readable over lines and heat maps.
  if (ctx.canvas.nlDrawn) ctx.canvas.nlDrawn.labels.push({ text, box: nlTextBox(ctx, text, x, y, align) });
  ctx.textAlign = align;
  ctx.lineWidth = 3;
  ctx.strokeStyle = theme.bg;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = colour || theme.fg;
  ctx.fillText(text, x, y);
}

function nlClip(ctx, plane, draw) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(...plane.rect);
  ctx.clip();
  draw();
  ctx.restore();
}

function nlPointerData(canvas, plane, event) {
  // The data coordinates under a pointer event (the canvas may be shrunk by CSS).
  const r = canvas.getBoundingClientRect();
  const lx = ((event.clientX - r.left) * canvas.nlSize[0]) / r.width;
  const ly = ((event.clientY - r.top) * canvas.nlSize[1]) / r.height;
  return [plane.ix(lx), plane.iy(ly)];
}

function nlHatch(ctx, plane, cache, values, n, inside, colour, angle = 45) {
  // Thin lines at `angle` degrees (45: rising to the right) over the cells of the plane's n x n
  // grid (values, row by row from the top, as nlHeatmap computes them) where inside(value): a
  // side or class told apart by a pattern as well as by colour.
  const [left, top, width, height] = plane.rect;
  const dpr = window.devicePixelRatio || 1;
  const [W, H] = [Math.round(width * dpr), Math.round(height * dpr)];
  if (!cache.mask || cache.n !== n) {
    cache.mask = document.createElement("canvas");
    cache.mask.width = cache.mask.height = n;
    cache.image = cache.mask.getContext("2d").createImageData(n, n);
    cache.n = n;
    cache.hatch = document.createElement("canvas");
  }
  const data = cache.image.data;
  for (let k = 0; k < n * n; k++) data[4 * k + 3] = inside(values[k]) ? 255 : 0;
  cache.mask.getContext("2d").putImageData(cache.image, 0, 0);
  const h = cache.hatch;
  [h.width, h.height] = [W, H];
  const hc = h.getContext("2d");
  hc.strokeStyle = colour;
  hc.lineWidth = dpr;
  hc.globalAlpha = 0.3;
  hc.beginPath();
  const [c, s, R] = [Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180), W + H];
  // lines 8 px apart across the centre, as far as the corners reach along their normal (s, c)
  const reach = (Math.abs(s) * W + Math.abs(c) * H) / 2;
  for (let d = -Math.ceil(reach / (8 * dpr)) * 8 * dpr; d <= reach; d += 8 * dpr) {
    hc.moveTo(W / 2 + s * d - c * R, H / 2 + c * d + s * R);
    hc.lineTo(W / 2 + s * d + c * R, H / 2 + c * d - s * R);
  }
  hc.stroke();
  hc.globalAlpha = 1;
  hc.globalCompositeOperation = "destination-in";
  hc.imageSmoothingEnabled = false;
  hc.drawImage(cache.mask, 0, 0, W, H);
  ctx.drawImage(h, left, top, width, height);
}
