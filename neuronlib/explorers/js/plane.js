// plane.js: pieces shared by the explorers that draw the 2-D input plane (hyperplane, layer,
// training): the plane canvas, a neuron's line with its normal arrow, a colour bar, and dragging.

function nlPlaneCanvas(frame, label, xlim, ylim) {
  const canvas = nlMakeCanvas(frame.figure, 340, 372, label);
  const plane = nlPlane(xlim, ylim, [44, 8, 288, 288]);
  return { canvas, plane };
}

function nlNeuronLine(ctx, plane, theme, w, b, colour, name, dash = []) {
  // Draws w.x + b = 0 (dashed if dash is given) and its normal arrow (towards z > 0); returns
  // the segment or null.
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
  const P = (p) => [plane.px(p[0]), plane.py(p[1])];
  nlClip(ctx, plane, () => {
    nlLine(ctx, seg.map(P), theme.bg, 5);
    nlLine(ctx, seg.map(P), colour, 2.5, dash);
    nlArrow(ctx, P(foot), P(tip), colour, 2);
    const [lx, ly] = P([tip[0] + 0.25 * len * u[0], tip[1] + 0.25 * len * u[1]]);
    nlLabel(ctx, name, lx, ly, theme, colour);
  });
  return { seg, foot, unit: u, len };
}

function nlHalfPlaneLabels(ctx, plane, theme, line) {
  // "z > 0" on the arrow's side, "z < 0" on the other, inside the plot where there is room.
  const [left, top, width, height] = plane.rect;
  for (const [sign, text] of [[1, "z > 0 (positive side)"], [-1, "z < 0 (negative side)"]]) {
    const half = ctx.measureText(text).width / 2 + 3;
    for (const s of [2.2, 1.6, 3, 1.2, 4]) {
      const d = sign * s * line.len;
      const x = plane.px(line.foot[0] + d * line.unit[0]);
      const y = plane.py(line.foot[1] + d * line.unit[1]);
      if (y < top + 8 || y > top + height - 8 || x < left + 8 || x > left + width - 8) continue;
      nlLabel(ctx, text, Math.min(left + width - half, Math.max(left + half, x)), y, theme, theme.fg);
      break;
    }
  }
}

function nlDataPoints(ctx, plane, theme, X, y) {
  // Class 1 as filled dots, class 0 as hollow squares (told apart without colour).
  X.forEach((x, i) => {
    const [px, py] = [plane.px(x[0]), plane.py(x[1])];
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

function nlColourBar(ctx, paint, theme, x, y, width, caption, centre = 0) {
  // A horizontal bar from -max to +max of the painter's scale, with its end values; the
  // painter saw values minus `centre` (white = centre), so the labels add it back.
  const m = paint.max > 0 ? paint.max : 1;
  const px = new Uint8ClampedArray(4);
  for (let i = 0; i < width; i++) {
    paint(-m + (2 * m * (i + 0.5)) / width, px, 0);
    ctx.fillStyle = `rgb(${px[0]},${px[1]},${px[2]})`;
    ctx.fillRect(x + i, y, 1, 10);
  }
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.strokeRect(x, y, width, 10);
  ctx.fillStyle = theme.muted;
  ctx.textAlign = "left";
  ctx.fillText(nlFmt(centre - m, 2), x, y + 20);
  ctx.textAlign = "right";
  ctx.fillText(nlFmt(centre + m, 2), x + width, y + 20);
  ctx.textAlign = "center";
  ctx.fillText(caption, x + width / 2, y + 20);
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
