// sound.js: hear the neuron (issue 17). An explorer whose view has sweep() (one input that moves
// from the left of its range to the right: {name, at, xs, zs, outs}) gets a Listen button that
// plays it as sound, and a trace slider that steps through it in words. The tone schedule is
// neuronlib.sound.tone_schedule: pitch from the output (220 to 880 Hz over the window
// [min(0, lowest), max(1, highest)], linear on a musical scale), pan from the input (-1 left to
// 1 right), a buzz (a sawtooth instead of a sine) where z < 0 and a tick where the sweep says
// (ticks: the regions explorer's on/off pattern changes). The explorers of the whole plane sweep
// x1 along a row x2 the reader picks (nlRowSweep; neuronlib/explorers/listen.py).

const NL_SWEEP_SECONDS = 2;
const NL_SAMPLES = 41;

function nlToneSchedule(sw, duration = NL_SWEEP_SECONDS) {
  // The tones of the sweep sw; equal to neuronlib.sound.tone_schedule(xs, zs, outputs, duration,
  // ticks) (none when the sweep is silent).
  if (sw.silent) return [];
  const { xs, zs, outs } = sw;
  const n = xs.length;
  const lo = Math.min(0, ...outs);
  const hi = Math.max(1, ...outs);
  return xs.map((x, i) => ({ time: (duration * i) / n, x, z: zs[i], output: outs[i],
    frequency: 220 * Math.pow(880 / 220, (outs[i] - lo) / (hi - lo)),
    pan: -1 + (2 * (x - xs[0])) / (xs[n - 1] - xs[0]), negative: zs[i] < 0, tick: !!(sw.ticks && sw.ticks[i]) }));
}

function nlRowSweep(xlim, ylim, opts, at, words) {
  // The sweep along the row x2 = opts.x2 (at first 0, or the middle when 0 is out of view): x1
  // across xlim, at(x1, x2) -> [z, output, note]; words: {what (the pitch), buzz (where it buzzes),
  // also (said after the row: "unit 2"), silent (why nothing is heard)}. As listen.row_sweep.
  const x2 = opts.x2 ?? (ylim[0] <= 0 && 0 <= ylim[1] ? 0 : (ylim[0] + ylim[1]) / 2);
  const xs = nlGrid(xlim[0], xlim[1], NL_SAMPLES - 1);
  const got = words.silent ? [] : xs.map((x) => at(x, x2));
  const notes = got.length && got[0][2] !== undefined ? got.map((g) => g[2]) : null;
  return { ...words, name: "x1", at: `x2 = ${nlFmt(x2)}${words.also ? ", " + words.also : ""}`, x2, xs,
    zs: got.map((g) => g[0]), outs: got.map((g) => g[1]), notes, ticks: notes && notes.map((v, i) => i > 0 && v !== notes[i - 1]) };
}

function nlTrainedSweep(lims, opts, run, step, who, zAt) {
  // A trained model's sweep (training, learning line, playground) at this step: p = sigmoid(z),
  // z = zAt(x1, x2); silent once training has diverged. As listen.trained_sweep in Python.
  const gone = run.diverged !== null && step >= run.diverged;
  return nlRowSweep(lims[0], lims[1], opts, (x1, x2) => {
    const z = zAt(x1, x2);
    return [z, nlSigmoid(z)];
  }, { what: `the ${who}'s output p`, buzz: "p < 0.5 (class 0)", silent: gone ? `training diverged at step ${run.diverged}` : "" });
}

function nlTraceText(sw, i) {
  // What the trace point at step i says (equal to Explorer.trace(i) in Python).
  if (sw.silent) return `${sw.silent}: nothing to hear.`;
  const z = sw.name === "z" ? "" : `z = ${nlFmt(sw.zs[i])}, `;
  const note = sw.notes ? `, ${sw.notes[i]}` : "";
  return `${sw.name} = ${nlFmt(sw.xs[i])}${sw.at ? ` (${sw.at})` : ""}: ${z}output ${nlFmt(sw.outs[i])}${note}.`;
}

function nlPlayTones(ac, tones, start, duration) {
  // Schedules the tones on the audio context ac (live or offline) from time start for duration
  // seconds: a sine where z >= 0 and a quieter sawtooth where z < 0, both at the tone's pitch,
  // and a 20 ms click (a square wave at 1760 Hz) where a tone ticks, through one stereo panner;
  // every value set at its tone's start. Returns a stop function.
  if (!tones.length) return () => {};
  const t0 = tones[0].time;
  const end = start + duration;
  const out = ac.createGain();
  const pan = ac.createStereoPanner();
  pan.connect(out).connect(ac.destination);
  out.gain.setValueAtTime(0, start);
  out.gain.linearRampToValueAtTime(0.25, start + 0.01);
  out.gain.setValueAtTime(0.25, end - 0.01);
  out.gain.linearRampToValueAtTime(0, end);
  for (const t of tones) pan.pan.setValueAtTime(t.pan, start + t.time - t0);
  const voices = [["sine", 1, false], ["sawtooth", 0.4, true], ["square", 0.3, null]].map(([type, level, negative]) => {
    const osc = ac.createOscillator();
    const gain = ac.createGain();
    osc.type = type;
    osc.connect(gain).connect(pan);
    for (const t of tones) {
      const at = start + t.time - t0;
      if (negative === null) {
        osc.frequency.setValueAtTime(1760, at);
        gain.gain.setValueAtTime(t.tick ? level : 0, at);
        if (t.tick) gain.gain.setValueAtTime(0, at + 0.02);
        continue;
      }
      osc.frequency.setValueAtTime(t.frequency, at);
      gain.gain.setValueAtTime(t.negative === negative ? level : 0, at);
    }
    osc.start(start);
    osc.stop(end);
    return osc;
  });
  return () => voices.forEach((o) => o.stop());
}

function nlTraceMark(ctx, theme, frame, plane, place = (t, sw) => [t.x, sw.x2]) {
  // The trace point, while a trace slider has the focus: a ring at place(tone, sweep) (data
  // coordinates of the plane; tone = {x, z, output} of the step the trace is at; at first the
  // point of the row the sweep follows, and the row is drawn dotted).
  if (frame.traceAt === undefined) return;
  const sw = frame.traceSweep();
  const [x, y] = place({ x: sw.xs[frame.traceAt], z: sw.zs[frame.traceAt], output: sw.outs[frame.traceAt] }, sw);
  nlClip(ctx, plane, () => {
    // the row heard (the explorers of the whole plane), dotted
    if (sw.x2 !== undefined) nlLine(ctx, [0, sw.xs.length - 1].map((i) => [plane.px(sw.xs[i]), plane.py(sw.x2)]), theme.fg, 1, [2, 3]);
    nlDisc(ctx, plane.px(x), plane.py(y), 8, null, theme.fg);
    nlDisc(ctx, plane.px(x), plane.py(y), 2, theme.fg, theme.fg);
  });
}

function nlAudio() {
  // The page's one audio context (every explorer's module shares it through window), made at
  // the first sound: a page may hold only a few. Before that, nlAudio().warm() asks for the list
  // of audio outputs (once, in the background): it opens the browser's audio service, which
  // otherwise the first AudioContext opens while the page waits (40 to 100 ms in headless
  // Chromium on this book's test machine; 2 ms once warm). The explorers call it when the
  // reader first comes near one.
  const Audio = window.AudioContext || window.webkitAudioContext;
  const shared = (window.nlAudioShared = window.nlAudioShared || { context: null, warmed: false });
  return {
    able: !!Audio,
    context: () => (shared.context = shared.context || new Audio()),
    warm() {
      const devices = navigator.mediaDevices;
      if (shared.warmed || shared.context || !devices || !devices.enumerateDevices) return;
      shared.warmed = true;
      devices.enumerateDevices().catch(() => {});
    },
  };
}

function nlListen(frame, view, redraw) {
  // The Listen button (plays the sweep, about 2 s) and the trace slider (arrow keys step a point
  // along the sweep; the live region says x, z and the output, the point's tone plays, and the
  // figure shows the point while the slider has the focus: nlTraceMark). view.listen, if given,
  // adds sliders before it: {units: k} "trace unit" (which unit is heard), {x2: ylim} "trace x2"
  // (the row heard). The sweep is computed when Listen or a trace slider is used, not on every draw.
  const audio = nlAudio();
  for (const near of ["pointerover", "focusin"]) frame.el.addEventListener(near, () => audio.warm(), { once: true });
  let stop = () => {};
  const play = (tones, seconds) => {
    if (!audio.able || !tones.length) return;
    const ac = audio.context();
    ac.resume();
    stop();
    stop = nlPlayTones(ac, tones, ac.currentTime + 0.02, seconds);
  };
  const spec = view.listen || {};
  const opts = {};
  let sw = view.sweep(opts);
  const n = sw.xs.length;
  const rangeOf = (xs) => [xs[0], xs[n - 1], (xs[n - 1] - xs[0]) / (n - 1)];
  let at = (n - 1) >> 1;
  const g = frame.group();
  const button = nlButton(g, "Listen", "nl-listen", () => {
    const tones = nlToneSchedule(fresh());
    if (!tones.length) frame.announce.textContent = nlTraceText(sw, at); // why there is nothing to hear
    play(tones, NL_SWEEP_SECONDS);
  });
  button.disabled = !audio.able;
  // how to hear it, or (a .nl-why note, as a slider that is off has) why it cannot be heard
  const note = nlDescribedBy(button, "Listen: this browser cannot play sound (no Web Audio)", g);
  if (audio.able) [note.className, note.style.cssText] = ["nl-hear", "display:block;font-size:12px;flex-basis:100%"];
  const sliders = [];
  const say = () => {
    // after a trace slider moved: the point is drawn, said and played
    fresh();
    frame.traceAt = at;
    redraw();
    frame.announce.textContent = nlTraceText(sw, at);
    play(nlToneSchedule(sw).slice(at, at + 1), 0.15);
  };
  if (spec.units > 1) sliders.push(nlSlider(g, { label: "trace unit", range: [1, spec.units, 1], get: () => opts.unit || 1,
    set: (v) => { opts.unit = Math.round(v); say(); } }));
  // the row's range and step: the view's x2 limits (they may change with the data set)
  const rows = () => [...spec.x2, 10 ** Math.floor(Math.log10(spec.x2[1] - spec.x2[0])) / 20];
  const row = spec.x2 && nlSlider(g, { label: "trace x2", range: rows(), get: () => sw.x2, set: (v) => { opts.x2 = v; say(); } });
  if (row) sliders.push(row);
  const trace = nlSlider(g, { label: `trace ${sw.name}`, range: rangeOf(sw.xs), get: () => sw.xs[at],
    set: (v) => {
      const xs = fresh().xs;
      at = Math.max(0, Math.min(n - 1, Math.round(((v - xs[0]) * (n - 1)) / (xs[n - 1] - xs[0]))));
      say();
    } });
  const fresh = () => {
    // the sweep as it is now; the button's name, its note and the trace's range follow it
    sw = view.sweep(opts);
    const { xs, name, what = "the output" } = sw;
    button.setAttribute("aria-label", `Listen: hear ${what} as ${name} goes from ${nlFmt(xs[0])} to ` +
      `${nlFmt(xs[n - 1])}${sw.x2 === undefined ? "" : ` along x2 = ${nlFmt(sw.x2)}`}`);
    if (audio.able) note.textContent = `pitch: ${what}; left to right: ${name}; a buzz where ${sw.buzz || "z < 0"}` +
      (sw.ticks ? "; a tick where the pattern changes" : "");
    [trace.input.min, trace.input.max, trace.input.step] = rangeOf(xs).map(String);
    if (row) [row.input.min, row.input.max, row.input.step] = rows().map(String);
    return sw;
  };
  fresh();
  sliders.push(trace);
  for (const s of sliders) {
    frame.add(s);
    s.input.addEventListener("focus", () => { fresh(); frame.traceAt = at; redraw(); });
    s.input.addEventListener("blur", () => { frame.traceAt = undefined; redraw(); });
  }
  frame.traceSweep = () => sw;
  // for the browser tests: the sweep, the schedule and the player, to render offline
  frame.el.nlSound = { sweep: () => view.sweep(opts), schedule: nlToneSchedule, play: nlPlayTones };
}
