// progress.js: which self-checks and challenges the reader solved on this page, kept in the
// browser's local storage only (nothing leaves the browser), shown under the chapter's title
// with a "Clear my progress" button. Only on the static site (an element with an id: JupyterLab's
// views have none). A browser that refuses storage (it throws) gets everything but the progress.
// Shared by the self-check and challenge modules: the page's one record is window.nlProgress.

const NL_PROGRESS_PREFIX = "inside-the-neuron:progress:";

function nlStorage() {
  // localStorage, or null when the browser switched it off (reading it, or writing, throws).
  try {
    const s = window.localStorage;
    s.setItem("inside-the-neuron:probe", "1");
    s.removeItem("inside-the-neuron:probe");
    return s;
  } catch (e) {
    return null;
  }
}

function nlProgressPage() {
  // The page's record: {storage, key, keys: the widgets on it, solved: the keys solved, bar}.
  if (window.nlProgress) return window.nlProgress;
  const storage = nlStorage();
  const key = NL_PROGRESS_PREFIX + (location.pathname.split("/").pop() || "index");
  let solved = [];
  try {
    solved = JSON.parse((storage && storage.getItem(key)) || "[]");
  } catch (e) {
    solved = [];
  }
  window.nlProgress = { storage, key, keys: new Set(), solved: new Set(Array.isArray(solved) ? solved.map(String) : []), bar: null };
  return window.nlProgress;
}

function nlProgressBar(p) {
  // "2 of 5 solved on this page" and the Clear button, under the chapter's title.
  if (p.bar || !p.storage) return;
  // the article's title (the theme also prints a copy of it, hidden on screen, before it)
  const head = ["article h1", "main h1", "h1"].map((q) => document.querySelector(q)).find(Boolean);
  const bar = document.createElement("div");
  bar.className = "nl-progress";
  bar.setAttribute("role", "region");
  bar.setAttribute("aria-label", "Your progress on this page");
  const text = nlEl("span", "nl-progress-text", bar);
  nlEl("span", "", bar, " ");
  nlButton(bar, "Clear my progress", "nl-progress-clear", () => {
    p.solved.clear();
    try { p.storage.removeItem(p.key); } catch (e) { /* storage went away: nothing to clear */ }
    document.querySelectorAll(".nl-solved-before").forEach((n) => n.remove());
    nlProgressShow(p);
  }, "Clear my progress on this page (kept in this browser only)");
  p.bar = { bar, text };
  if (head) head.after(bar);
  else document.body.prepend(bar);
  const style = document.createElement("style");
  style.textContent = ".nl-progress{margin:.3em 0 1em;font-size:.95em}.nl-progress button{font:inherit;color:inherit;background:transparent;border:1px solid currentColor;border-radius:4px;padding:.1em .6em;cursor:pointer}.nl-progress button:focus-visible{outline:3px solid #0072B2;outline-offset:2px}.nl-solved-before{margin:.3em 0 0;font-style:italic}@media print{.nl-progress{display:none}}";
  document.head.appendChild(style);
}

function nlProgressShow(p) {
  if (!p.bar) return;
  const n = [...p.keys].filter((k) => p.solved.has(k)).length;
  p.bar.text.textContent = `${n} of ${p.keys.size} solved on this page (kept in this browser only).`;
}

function nlProgress(el, key) {
  // Registers the widget `el` (stable key `key`) on the page; returns solved(), which records
  // it as solved. A no-op in Jupyter and without storage.
  if (!el.id || !key) return () => {};
  const p = nlProgressPage();
  if (!p.storage) return () => {};
  p.keys.add(key);
  nlProgressBar(p);
  if (p.solved.has(key)) nlEl("p", "nl-solved-before", el, "You solved this one before.");
  nlProgressShow(p);
  return () => {
    if (p.solved.has(key)) return;
    p.solved.add(key);
    try {
      p.storage.setItem(p.key, JSON.stringify([...p.solved]));
    } catch (e) { /* full or switched off since: the page still shows it until reloaded */ }
    nlProgressShow(p);
  };
}
