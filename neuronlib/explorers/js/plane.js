// plane.js: pieces shared by the explorers that draw the 2-D input plane (hyperplane, layer,
// training, learning): the plane canvas, a neuron's line with its normal arrow, the data points,
// and dragging a point with the pointer.

function nlPlaneCanvas(frame, label, xlim, ylim) {
  // The plane gets equal scales on both axes (one unit is as many pixels across as up), so a
  // normal vector is drawn at right angles to its line; the longer range spans 288 px.
  const canvas = nlMakeCanvas(frame.figure, 340, 372, label);
  const s = 288 / Math.max(xlim[1] - xlim[0], ylim[1] - ylim[0]);
  const plane = nlPlane(xlim, ylim, [44, 8, s * (xlim[1] - xlim[0]), s * (ylim[1] - ylim[0])]);
  return { canvas, plane };
}

function nlNeuronLines(ctx, plane, theme, units, drawOver = () => {}) {
  // Draws each unit's line w.x + b = 0 (dashed if unit.dash is given) and its normal arrow
  // (towards z > 0), then drawOver() (the data points), then each unit's name where it is clear
  // of every line, arrow, point and label.
  // units: [{w, b, colour, name, dash}]; returns, per unit, {seg, foot, unit, len} or null.
  const [left, top, width, height] = plane.rect;
  const P = (p) => [plane.px(p[0]), plane.py(p[1])];
  const drawn = units.map(({ w, b, colour, dash = [] }) => {
    const seg = nlSegmentInBox(w, b, plane.xlim, plane.ylim);
    if (!seg) return null;
    const n = nlNorm(w);
    const u = [w[0] / n, w[1] / n];
    const cx = (plane.xlim[0] + plane.xlim[1]) / 2;
    const cy = (plane.ylim[0] + plane.ylim[1]) / 2;
    const t = (nlDot(w, [cx, cy]) + b) / n;
    const foot = [cx - t * u[0], cy - t * u[1]];
    const len = 0.18 * Math.min(plane.xlim[1] - plane.xlim[0], plane.ylim[1] - plane.ylim[0]);
    const tip = [foot[0] + len * u[0], foot[1] + len * u[1]];
    nlClip(ctx, plane, () => {
      nlLine(ctx, seg.map(P), theme.bg, 5);
      nlLine(ctx, seg.map(P), colour, 2.5, dash);
      nlArrow(ctx, P(foot), P(tip), colour, 2);
    });
    const mark = { seg: seg.map(P), arrow: [P(foot), P(tip)] };
    if (ctx.canvas.nlDrawn) ctx.canvas.nlDrawn.lines.push(mark);
    return { seg, foot, unit: u, len, mark };
  });
  drawOver();
  const bounds = [left + 2, top + 2, left + width - 2, top + height - 2];
  units.forEach(({ colour, name }, i) => {
    const d = drawn[i];
    if (!d) return;
    // Beyond the arrow's tip first, then beside the line (on either side) along its length.
    const along = (s) => P([d.foot[0] + s * d.len * d.unit[0], d.foot[1] + s * d.len * d.unit[1]]);
    const candidates = [1.25, 1.5, 1.9].map(along);
    const [a, c] = d.mark.seg;
    const nx = d.unit[0];
    const ny = -d.unit[1];
    for (const f of [0.85, 0.15, 0.7, 0.3, 0.5])
      for (const off of [12, -12, 20, -20])
        candidates.push([a[0] + f * (c[0] - a[0]) + off * nx, a[1] + f * (c[1] - a[1]) + off * ny]);
    nlClip(ctx, plane, () => nlPlaceLabel(ctx, name, candidates, theme, colour, bounds));
  });
  return drawn;
}

function nlDataPoints(ctx, plane, theme, X, y) {
  // Class 1 as filled dots, class 0 as hollow squares (told apart without colour).
  X.forEach((x, i) => {
    const [px, py] = [plane.px(x[0]), plane.py(x[1])];
    if (ctx.canvas.nlDrawn) ctx.canvas.nlDrawn.marks.push([px - 6, py - 6, px + 6, py + 6]);
    if (y[i]) nlDisc(ctx, px, py, 5, theme.fg, theme.bg);
    else {
      ctx.fillStyle = theme.bg;
      ctx.fillRect(px - 5, py - 5, 10, 10);
      ctx.strokeStyle = theme.fg;
      ctx.lineWidth = 2;
      ctx.strokeRect(px - 4, py - 4, 8, 8);
    }
  });
}

function nlDraggable(canvas, plane, onMove) {
  // Pointer dragging on the plane: onMove([x, y]) with the position rounded to 0.01, clamped.
  const clamp = (v, lim) => Math.round(100 * Math.min(lim[1], Math.max(lim[0], v))) / 100;
  const move = (e) => {
    const [x, y] = nlPointerData(canvas, plane, e);
    onMove([clamp(x, plane.xlim), clamp(y, plane.ylim)]);
  };
  canvas.style.touchAction = "none";
  canvas.style.cursor = "crosshair";
  canvas.addEventListener("pointerdown", (e) => {
    canvas.setPointerCapture(e.pointerId);
    move(e);
  });
  canvas.addEventListener("pointermove", (e) => {
    if (canvas.hasPointerCapture(e.pointerId)) move(e);
  });
}

function nlPointsTable(caption, X, y, p) {
  // The data points, their class and the output p the model gives them (nlTable's spec).
  return { caption, head: ["point", "x1", "x2", "class", "output p", "predicted class"],
    rows: X.map((x, i) => [i + 1, nlFmt(x[0]), nlFmt(x[1]), y[i], nlFmt(p[i]), p[i] >= 0.5 ? 1 : 0]) };
}
