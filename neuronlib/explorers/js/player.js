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
    play.setAttribute("aria-label", "Play the training");
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
    play.setAttribute("aria-label", "Pause the training");
    play.setAttribute("aria-pressed", "true");
    // the next frame shows the button pressed; the steps start in the frame after it, so the
    // click is answered within a frame whatever a step and its redraw cost
    frame = requestAnimationFrame(() => (frame = requestAnimationFrame(tick)));
  }, "Play the training");
  play.setAttribute("aria-pressed", "false");
  nlButton(parent, "Step", "nl-step", () => {
    stop();
    nlSetKey(model, "step", Math.min(spec.max, model.get("step") + 1));
  }, "Step: train one step more");
  nlResetButton(parent, model, stop);
  return { destroy: () => { playing = false; cancelAnimationFrame(frame); } };
}

function nlSteppedFacts(summary) {
  // The figure in words for an explorer that trains step by step: the step, then what the
  // readout says of it (loss, accuracy, ...), as sentences. Equal to SteppedExplorer.facts().
  const tail = summary.slice(summary.indexOf("; step ") + 2);
  const cut = tail.indexOf(": ");
  const cap = (t) => t[0].toUpperCase() + t.slice(1) + ".";
  return [cap(tail.slice(0, cut)), cap(tail.slice(cut + 2))];
}
