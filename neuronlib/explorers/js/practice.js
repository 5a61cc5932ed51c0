// practice.js: self-checks and predictions (neuronlib.practice: check, choose, predict).
// One module, run by the widget in Jupyter and on a stand-in model on the static page, like the
// explorers; a right answer counts in the page's progress (progress.js). The reader's text is
// read by nlReadNumber (neuronlib.practice.read_number is the
// same rule in Python, for the tests); nothing the reader types is ever put in the page as HTML:
// every text goes in with textContent. Concatenated after controls.js (for nlEl).

const NL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NL_HOW = "Write it like 0.8, .8, 4/5 or -1.25e0.";

function nlReadPart(part) {
  // One number of a fraction (or the whole answer): {value} or {error, message}.
  let p = part.trim().replace(/^([+-])\s+/, "$1");
  if (!p) return { error: "missing", message: "A number is missing on one side of the /. " + NL_HOW };
  if (/%$/.test(p)) return { error: "percent", message: "Write a percentage as a plain number (80% is 0.8)." };
  if (/^[A-Za-z_][\w']*\s*=/.test(p)) return { error: "name", message: "Type only the number, without “" + p.split("=")[0].trim() + " =”." };
  if (/\s/.test(p) && p.split(/\s+/).every((w) => NL_NUMBER.test(w))) return { error: "space", message: "There is a space inside “" + p + "”: type one number. " + NL_HOW };
  if (/^[+-]?[1-9]\d{0,2},\d{3}$/.test(p))
    return { error: "comma", message: "Is “" + p + "” a thousand and more, or a decimal? Write it without the comma, with a decimal point if it has one." };
  if (/^[+-]?\d*,\d+([eE][+-]?\d+)?$/.test(p)) p = p.replace(",", ".");
  if (!NL_NUMBER.test(p)) return { error: "not-a-number", message: "“" + p + "” is not a number. " + NL_HOW };
  const value = Number(p);
  if (!Number.isFinite(value)) return { error: "too-large", message: "“" + p + "” is too large to be an answer here." };
  return { value };
}

function nlReadNumber(text) {
  // A number as a person types it: 0.8, .8, +0.8, 4/5, -1.25e0, 0,8, " 0.8 ", −0.8 (a minus sign).
  const s = String(text).normalize("NFKC").replace(/[\u2212\u2012\u2013\uFE63\uFF0D]/g, "-")
    .replace(/[\u2044\u2215\u00F7]/g, "/").trim();
  if (!s) return { error: "empty", message: "Type a number first. " + NL_HOW };
  if (s.length > 40) return { error: "too-long", message: "That is too long for one number. " + NL_HOW };
  const parts = s.split("/");
  if (parts.length > 2) return { error: "fraction", message: "Use at most one /, as in 4/5." };
  const read = parts.map(nlReadPart);
  const bad = read.find((r) => r.error);
  if (bad) return bad;
  if (read.length === 1) return read[0];
  if (read[1].value === 0) return { error: "zero", message: "A fraction cannot have 0 below the line." };
  const value = read[0].value / read[1].value;
  if (!Number.isFinite(value)) return { error: "too-large", message: "That fraction is too large to be an answer here." };
  return { value };
}

function nlGrade(cfg, response) {
  // {status: "right" | "wrong" | "unreadable", message}; response is the text typed or the
  // choice picked. In predict mode any readable guess is "predicted".
  const predict = cfg.mode === "predict";
  if (cfg.kind === "choice") {
    const found = cfg.choices.find(([text]) => text === response);
    if (!found) return { status: "unreadable", message: "Choose one of the answers first." };
    const right = response === cfg.correct;
    if (predict) {
      const verdict = right ? "Your prediction was right. " : "The result is “" + cfg.correct + "”. ";
      return { status: "predicted", right, message: "You predicted “" + response + "”. " + verdict + found[1] };
    }
    return right ? { status: "right", message: "Right. " + found[1] }
      : { status: "wrong", message: "Not this one: " + found[1] + " Try another." };
  }
  const read = nlReadNumber(response);
  if (read.error) return { status: "unreadable", message: "Cannot read your answer: " + read.message };
  const off = read.value - cfg.answer;
  const right = Math.abs(off) <= cfg.tolerance * (1 + 1e-9);
  if (predict) {
    const verdict = right ? "close enough: you predicted it." : (off > 0 ? "your guess was too high." : "your guess was too low.");
    return { status: "predicted", right,
      message: "You predicted " + response.trim() + ". The result is " + cfg.answer_text + ": " + verdict };
  }
  if (right) return { status: "right", message: "Right: " + response.trim() + " is within " + cfg.tolerance_text + " of the answer." };
  return { status: "wrong",
    message: "Not yet: " + response.trim() + " is too " + (off > 0 ? "high" : "low") + ". Try again, or show the answer." };
}

function render({ model, el }) {
  nlPracticeStyle();
  const cfg = model.get("_config");
  el.replaceChildren();
  el.classList.add("nl-practice");
  el.dataset.practice = cfg.mode;
  // The question is the legend of the form's fieldset, and every control sits inside its own
  // label: no element ids, so any number of self-checks can share a page or a notebook.
  const form = nlEl("form", "", el);
  const set = nlEl("fieldset", "", form);
  nlEl("legend", "nl-question", set, cfg.question);
  let field;
  const response = () => (cfg.kind === "choice"
    ? (form.querySelector("input[type=radio]:checked") || { value: "" }).value : field.value);
  if (cfg.kind === "choice") {
    for (const [text] of cfg.choices) {
      const label = nlEl("label", "", set);
      const radio = nlEl("input", "", label);
      radio.type = "radio";
      radio.name = "choice";
      radio.value = text;
      label.append(" " + text);
    }
  } else {
    const label = nlEl("label", "nl-field", set, cfg.mode === "predict" ? "Your prediction " : "Your answer ");
    field = nlEl("input", "", label);
    field.type = "text";
    field.setAttribute("inputmode", "decimal");
    field.setAttribute("autocomplete", "off");
    field.setAttribute("spellcheck", "false");
  }
  const submit = nlEl("button", "nl-check", form, cfg.mode === "predict" ? "Commit my prediction" : "Check");
  submit.type = "submit";
  if (field) {
    // Enter in the field submits: JupyterLab's notebook keeps the browser from doing it itself.
    field.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || event.isComposing) return;
      event.preventDefault();
      form.requestSubmit(submit);
    });
  }
  const feedback = nlEl("p", "nl-feedback", el);
  feedback.setAttribute("role", "status");
  feedback.setAttribute("aria-live", "polite");
  const details = nlEl("details", "nl-answer", el);
  nlEl("summary", "", details, cfg.mode === "predict" ? "Show the result" : "Show the answer")
    .setAttribute("data-lm-suppress-shortcuts", "true");
  nlEl("p", "", details, cfg.answer_line);
  if (cfg.working) nlEl("p", "nl-working", details, cfg.working);

  // a right answer counts in the page's progress (predictions do not: any guess is fine)
  const solved = nlProgress(el, cfg.mode === "check" ? cfg.key : "");
  const show = (text) => {
    const result = nlGrade(cfg, text);
    feedback.dataset.status = result.status;
    feedback.textContent = result.message;
    if (result.status === "right" || result.status === "predicted") details.open = true;
    if (result.status === "right") solved();
    if (result.status === "predicted") {
      // A prediction is made once: the guess stays, next to the result.
      form.querySelectorAll("input, button").forEach((c) => { c.disabled = true; });
    }
    return result;
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = response();
    const result = show(text);
    model.set("response", text);
    model.set("status", result.status);
    model.save_changes();
  });
  // A widget shown again (or a saved notebook) shows what the reader already answered.
  const before = model.get("response");
  if (before && model.get("status")) {
    if (field) field.value = before;
    else form.querySelectorAll("input[type=radio]").forEach((r) => { r.checked = r.value === before; });
    show(before);
  }
}

export default { render };
