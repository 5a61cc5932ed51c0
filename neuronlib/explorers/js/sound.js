// sound.js: hear the neuron (issue 17). An explorer whose view has sweep() (one input that moves
// from the left of its range to the right: {name, at, xs, zs, outs}) gets a Listen button that
// plays it as sound, and a trace slider that steps through it in words. The tone schedule is
// neuronlib.sound.tone_schedule: pitch from the output (220 to 880 Hz over the window
// [min(0, lowest), max(1, highest)], linear on a musical scale), pan from the input (-1 left to
// 1 right), and a buzz (a sawtooth instead of a sine) where z < 0.

const NL_SWEEP_SECONDS = 2;
const NL_SAMPLES = 41;

function nlToneSchedule(sw, duration = NL_SWEEP_SECONDS) {
  // The tones of the sweep sw; equal to neuronlib.sound.tone_schedule(xs, zs, outputs, duration).
  const { xs, zs, outs } = sw;
  const n = xs.length;
  const lo = Math.min(0, ...outs);
  const hi = Math.max(1, ...outs);
  return xs.map((x, i) => ({ time: (duration * i) / n, x, z: zs[i], output: outs[i],
    frequency: 220 * Math.pow(880 / 220, (outs[i] - lo) / (hi - lo)),
    pan: -1 + (2 * (x - xs[0])) / (xs[n - 1] - xs[0]), negative: zs[i] < 0 }));
}

function nlTraceText(sw, i) {
  // What the trace point at step i says (equal to Explorer.trace(i) in Python).
  const z = sw.name === "z" ? "" : `z = ${nlFmt(sw.zs[i])}, `;
  return `${sw.name} = ${nlFmt(sw.xs[i])}${sw.at ? ` (${sw.at})` : ""}: ${z}output ${nlFmt(sw.outs[i])}.`;
}

function nlPlayTones(ac, tones, start, duration) {
  // Schedules the tones on the audio context ac (live or offline) from time start for duration
  // seconds: a sine where z >= 0 and a quieter sawtooth where z < 0, both at the tone's pitch,
  // through one stereo panner; every value set at its tone's start. Returns a stop function.
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
  const voices = [["sine", 1, false], ["sawtooth", 0.4, true]].map(([type, level, negative]) => {
    const osc = ac.createOscillator();
    const gain = ac.createGain();
    osc.type = type;
    osc.connect(gain).connect(pan);
    for (const t of tones) {
      osc.frequency.setValueAtTime(t.frequency, start + t.time - t0);
      gain.gain.setValueAtTime(t.negative === negative ? level : 0, start + t.time - t0);
    }
    osc.start(start);
    osc.stop(end);
    return osc;
  });
  return () => voices.forEach((o) => o.stop());
}

function nlTraceMark(ctx, theme, frame, plane, place) {
  // The trace point, while the trace slider has the focus: a ring at place(tone) (data
  // coordinates of the plane; tone = {x, z, output} of the step the trace is at).
  if (frame.traceAt === undefined) return;
  const sw = frame.traceSweep();
  const [x, y] = place({ x: sw.xs[frame.traceAt], z: sw.zs[frame.traceAt], output: sw.outs[frame.traceAt] });
  nlClip(ctx, plane, () => {
    nlDisc(ctx, plane.px(x), plane.py(y), 8, null, theme.fg);
    nlDisc(ctx, plane.px(x), plane.py(y), 2, theme.fg, theme.fg);
  });
}

function nlListen(frame, view, redraw) {
  // The Listen button (plays the sweep, about 2 s) and the trace slider (arrow keys step a point
  // along the sweep; the live region says x, z and the output, the point's tone plays, and the
  // figure shows the point while the slider has the focus: nlTraceMark).
  const Audio = window.AudioContext || window.webkitAudioContext;
  let ac = null;
  let stop = () => {};
  const play = (tones, seconds) => {
    if (!Audio) return;
    ac = ac || new Audio();
    ac.resume();
    stop();
    stop = nlPlayTones(ac, tones, ac.currentTime + 0.02, seconds);
  };
  const first = view.sweep();
  const { name, xs } = first;
  const n = xs.length;
  const g = frame.group();
  const button = nlButton(g, "Listen", "nl-listen", () => play(nlToneSchedule(view.sweep()), NL_SWEEP_SECONDS),
    `Listen: hear the output as ${name} goes from ${nlFmt(xs[0])} to ${nlFmt(xs[n - 1])}`);
  button.disabled = !Audio;
  // how to hear it, or (a .nl-why note, as a slider that is off has) why it cannot be heard
  const note = nlDescribedBy(button, Audio ? `pitch: the output; left to right: ${name}; a buzz where z < 0`
    : "Listen: this browser cannot play sound (no Web Audio)", g);
  if (Audio) [note.className, note.style.cssText] = ["nl-hear", "display:block;font-size:12px;flex-basis:100%"];
  let at = (n - 1) >> 1;
  const trace = frame.add(nlSlider(g, { label: `trace ${name}`, range: [xs[0], xs[n - 1], (xs[n - 1] - xs[0]) / (n - 1)],
    get: () => xs[at],
    set: (v) => {
      at = Math.max(0, Math.min(n - 1, Math.round(((v - xs[0]) * (n - 1)) / (xs[n - 1] - xs[0]))));
      trace.update();
      frame.traceAt = at;
      redraw();
      const sw = view.sweep();
      frame.announce.textContent = nlTraceText(sw, at);
      play([nlToneSchedule(sw)[at]], 0.15);
    } }));
  frame.traceSweep = view.sweep;
  trace.input.addEventListener("focus", () => { frame.traceAt = at; redraw(); });
  trace.input.addEventListener("blur", () => { frame.traceAt = undefined; redraw(); });
  // for the browser tests: the sweep, the schedule and the player, to render offline
  frame.el.nlSound = { sweep: view.sweep, schedule: nlToneSchedule, play: nlPlayTones };
}
