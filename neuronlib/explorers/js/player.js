// player.js: the Play/Pause, Step and Reset buttons of the explorers that train step by step
// (training, learning). Play moves the model's "step" by `speed` steps a frame up to last(upto)
// (the last step, or where training diverged: an explorer that computes its run step by step
// need look only up to step `upto`); it starts only when pressed, never on its own.

function nlPlayer(parent, model, spec) {
  // spec: {max, speed, last: (upto) => number}. Returns {destroy} for the view's destroy.
  let playing = false;
  let frame = 0;
  const stop = () => {
    if (!playing) return;
    playing = false;
    cancelAnimationFrame(frame);
    play.textContent = "Play";
    play.setAttribute("aria-pressed", "false");
    model.save_changes();
  };
  const tick = () => {
    const last = spec.last(model.get("step") + spec.speed);
    const next = Math.min(last, model.get("step") + spec.speed);
    model.set("step", next);
    if (next >= last) stop();
    else frame = requestAnimationFrame(tick);
  };
  const play = nlButton(parent, "Play", "nl-play", () => {
    if (playing) return stop();
    if (model.get("step") >= spec.last(model.get("step"))) nlSetKey(model, "step", 0);
    playing = true;
    play.textContent = "Pause";
    play.setAttribute("aria-pressed", "true");
    frame = requestAnimationFrame(tick);
  });
  play.setAttribute("aria-pressed", "false");
  nlButton(parent, "Step", "nl-step", () => {
    stop();
    nlSetKey(model, "step", Math.min(spec.max, model.get("step") + 1));
  });
  nlResetButton(parent, model, stop);
  return { destroy: () => { playing = false; cancelAnimationFrame(frame); } };
}
