// challenge.js: slider challenges (neuronlib.challenges.challenge). The goals are plain data;
// nlChallengeResult checks them exactly as neuronlib.challenges.evaluate does. In Jupyter,
// Python checks them and sets the model's "result"; on the static page the challenge finds its
// explorer in window.nlExplorers (filled by nlMount, keyed by the explorer's element id) and
// checks them here on every change. Concatenated after format.js, controls.js, progress.js.

const NL_READOUT_NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]\d+)?/;

function nlNumberAfter(facts, after) {
  let at = 0;
  for (const text of after) {
    const found = facts.indexOf(text, at);
    if (found < 0) return null;
    at = found + text.length;
  }
  const m = NL_READOUT_NUMBER.exec(facts.slice(at));
  return m ? Number(m[0]) : null;
}

function nlMeasure(goal, get, facts) {
  if (goal.kind === "distance") {
    const [w1, w2] = get("weights");
    const norm = Math.hypot(w1, w2);
    return norm === 0 ? null : Math.abs(w1 * goal.point[0] + w2 * goal.point[1] + get("bias")) / norm;
  }
  if (goal.kind === "curve") {
    const [w, b, c, c0] = ["weights", "biases", "output_weights", "output_bias"].map(get);
    let worst = 0;
    goal.x.forEach((x, k) => {
      let y = c0;
      for (let i = 0; i < w.length; i++) y += Math.max(0, x * w[i] + b[i]) * c[i];
      worst = Math.max(worst, Math.abs(y - goal.y[k]));
    });
    return worst;
  }
  if (goal.kind === "readout") return nlNumberAfter(facts, goal.after);
  return null;
}

function nlGoalMet(goal, value, get, facts) {
  if (goal.kind === "shows") return facts.includes(goal.text) === goal.present;
  if (goal.kind === "setting") {
    const now = get(goal.key);
    return typeof goal.value === "string" ? now === goal.value : Math.abs(now - goal.value) <= 1e-9;
  }
  if (value === null || Number.isNaN(value)) return false;
  return (goal.lo === null || value >= goal.lo) && (goal.hi === null || value <= goal.hi);
}

function nlChallengeResult(goals, get, facts) {
  // {met: [bool], values: [number or null], solved, score}; equal to neuronlib's evaluate().
  const values = goals.map((g) => nlMeasure(g, get, facts));
  const met = goals.map((g, i) => nlGoalMet(g, values[i], get, facts));
  const n = met.filter(Boolean).length;
  return { met, values, solved: n === goals.length,
    score: n === goals.length ? "Solved: every goal is met." : `${n} of ${goals.length} goals met` };
}

function nlGoalNow(goal, value) {
  // The number a goal compares, in words ("" for goals without one).
  if (value === null || value === undefined) return goal.kind === "distance" ? " (now: no line, w = 0)" : "";
  const name = goal.kind === "distance" ? "distance" : goal.kind === "curve" ? "largest error" : "now";
  return ` (${name}: ${nlFmt(value)})`;
}

function render({ model, el }) {
  nlPracticeStyle();
  const cfg = model.get("_config");
  el.replaceChildren();
  el.classList.add("nl-practice", "nl-challenge");
  el.dataset.practice = "challenge";
  nlEl("p", "nl-question", el, "Challenge: " + cfg.task);
  const list = nlEl("ul", "nl-goals", el);
  const items = cfg.goals.map((g) => {
    const li = nlEl("li", "", list);
    const mark = nlEl("span", "nl-mark", li);
    nlEl("span", "", li, g.words);
    return { li, mark, now: nlEl("span", "nl-now", li) };
  });
  const score = nlEl("p", "nl-feedback", el);
  score.setAttribute("role", "status");
  score.setAttribute("aria-live", "polite");
  const controls = nlEl("div", "nl-challenge-help", el);
  const hint = nlEl("p", "nl-hint-text", el, "Hint: " + cfg.hint);
  hint.hidden = true;
  hint.id = nlId("hint");
  const hintButton = nlButton(controls, "Show a hint", "nl-show-hint", () => {
    hint.hidden = !hint.hidden;
    hintButton.setAttribute("aria-expanded", String(!hint.hidden));
    hintButton.textContent = hint.hidden ? "Show a hint" : "Hide the hint";
  });
  hintButton.setAttribute("aria-expanded", "false");
  hintButton.setAttribute("aria-controls", hint.id);
  const details = nlEl("details", "nl-answer", el);
  nlEl("summary", "", details, "Show a solution").setAttribute("data-lm-suppress-shortcuts", "true");
  nlEl("p", "", details, cfg.solution);
  const solved = nlProgress(el, cfg.key);

  let lastScore = "";
  const show = (r) => {
    r.met.forEach((met, i) => {
      items[i].mark.textContent = met ? "✓ met: " : "✗ not yet: ";
      items[i].li.dataset.met = String(met);
      items[i].now.textContent = nlGoalNow(cfg.goals[i], r.values[i]);
    });
    el.dataset.solved = String(r.solved);
    score.dataset.status = r.solved ? "right" : "wrong";
    // the live region speaks only when the score changes, not on every slider step
    if (r.score !== lastScore) score.textContent = lastScore = r.score;
    if (r.solved) solved();
  };
  show(model.get("result"));
  model.on("change:result", () => show(model.get("result")));
  // On the static page: the explorer's stand-in model, found by its element's id.
  const attach = () => {
    const entry = (window.nlExplorers || {})[cfg.target];
    if (!entry) return false;
    let pending = 0;
    const check = () => {
      pending = 0;
      show(nlChallengeResult(cfg.goals, (k) => entry.model.get(k), entry.facts().join(" ")));
    };
    entry.model.on("change", () => { if (!pending) pending = requestAnimationFrame(check); });
    check();
    return true;
  };
  if (el.id && !attach()) {
    const later = () => { if (attach()) document.removeEventListener("nl-mounted", later); };
    document.addEventListener("nl-mounted", later);
  }
}

export default { render };
