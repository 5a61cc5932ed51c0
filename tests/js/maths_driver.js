// maths_driver.js: tests/test_explorers_js.py appends this to an explorer's ES module and runs
// it in node. It reads a job (JSON on stdin), evaluates the front end's maths and readouts,
// and prints the results as JSON (non-finite numbers as strings).

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const job = JSON.parse(chunks.join(""));
const num = (v) => (Number.isFinite(v) ? v : String(v));
const out = {};
if (job.activations)
  out.activations = job.activations.map(({ name, params, z }) => {
    const a = nlActivation(name, params);
    return { f: z.map((v) => num(a.f(v))), d: z.map((v) => num(a.d(v))) };
  });
if (job.erf) out.erf = job.erf.map((v) => num(nlErf(v)));
if (job.erfc) out.erfc = job.erfc.map((v) => num(nlErfc(v)));
if (job.fmt) out.fmt = job.fmt.map((v) => nlFmt(v));
if (job.hyperplanes)
  out.hyperplanes = job.hyperplanes.map(({ w, b, x, xlim, ylim }) => ({
    distance: num(nlSignedDistance(w, b, x)),
    segment: nlSegmentInBox(w, b, xlim, ylim),
  }));
if (job.summaries) out.summaries = job.summaries.map((s) => nlSummaryOf((k) => s[k], s._config));
if (job.facts) out.facts = job.facts.map((s) => nlFactsOf((k) => s[k], s._config));
if (job.tables) out.tables = job.tables.map((s) => nlTableOf((k) => s[k], s._config));
if (job.sounds)
  out.sounds = job.sounds.map((s) => {
    const sw = nlSweepOf((k) => s[k], s._config, s._listen || {});
    return { tones: nlToneSchedule(sw), trace: sw.xs.map((_, i) => nlTraceText(sw, i)) };
  });
if (job.what_changed) out.what_changed = job.what_changed.map(([before, after]) => nlWhatChanged(before, after));
if (job.unit_labels)
  out.unit_labels = job.unit_labels.map(({ i, w, b, c, xlim }) => nlUnitText(i, w, b, c, xlim));
if (job.regions)
  out.regions = job.regions.map(({ state, X }) => X.map((x) => {
    const f = nlRegionsForward(state, x);
    const fast = nlRegionsFast(state)(x[0], x[1]);
    return { z1: f.z1.map(num), z2: f.z2.map(num), y: num(f.y), fast_code: fast.code, fast_y: num(fast.y) };
  }));
if (job.training) out.training = job.training.map((t) => nlTrainingRun(t));
if (job.learning) out.learning = job.learning.map((t) => nlNeuronRun(t));
if (job.playground)
  out.playground = job.playground.map((t) => {
    const visit = (run) => t.at.map((s) => {
      run.go(s);
      return { k: run.k, layers: run.layers.map((p) => [Array.from(p.W), Array.from(p.b)]),
        output: Array.from(run.A[run.A.length - 1]), test_output: Array.from(run.At[run.At.length - 1]) };
    });
    const run = nlPgRun({ ...t, start: nlSeededNetwork(t.sizes, t.seed) });
    const at = visit(run);
    // a run trained ahead to the last step first (as the page does after the paint), then visited
    const ahead = nlPgRun({ ...t, start: nlSeededNetwork(t.sizes, t.seed) });
    ahead.ahead(t.steps, Infinity);
    const { loss, test, dead, diverged } = run.go(t.steps);
    return { loss, test, dead, diverged, at, at_ahead: visit(ahead) };
  });
process.stdout.write(JSON.stringify(out));
