// plane.js: pieces shared by the explorers that draw the 2-D input plane (hyperplane, layer,
// training, learning): the plane canvas, a neuron's line with its normal arrow, the data points,
// and dragging a point with the pointer.

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
