// links.js: links that carry an explorer's state, page#ID?key=value&... (README, "Links").
// "Copy link" makes one; opening one sets the explorer to it once every value has passed the
// checks of base.link_schema (as links.read_link does in Python). A link that does not fit
// leaves the starting values and says so. Nothing from a link reaches the page but numbers and
// names from the explorer's own lists (never decoded, never HTML); text goes in by textContent.

function nlLinkValue(s, spec, max) {
  // The value text `s` says for `spec`, or null if it does not fit (as links._value).
  const num = (s, whole) => {
    const x = +s;
    const ok = (whole ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i).test(s) && Math.abs(x) <= max &&
      !(x < spec.low || x > spec.high || x <= spec.above) && (!spec.in || spec.in.includes(x));
    return ok ? x : null;
  };
  const nums = (s, whole, n) => {
    const a = s.split(",").map((p) => num(p, whole));
    return a.includes(null) || (n ? a.length !== n : a.length > spec.most) ? null : a;
  };
  const t = spec.t;
  if (t === "s") return spec.in.includes(s) ? s : null;
  if (t === "n" || t === "i") return num(s, t === "i");
  if (t !== "m") return nums(s, t === "l", spec.n);
  const rows = s.split(";").map((r) => nums(r, false, spec.n[1]));
  return rows.includes(null) || rows.length !== spec.n[0] ? null : rows;
}

function nlLinkRead(query, schema) {
  // {values}, or {bad: the first key that does not fit ("" when it names no known one)}.
  const keys = new Map(schema.keys);
  const values = new Map();
  for (const pair of query.split("&")) {
    const [key, ...rest] = pair.split("=");
    if (!keys.has(key) || values.has(key)) return { bad: "" };
    const v = nlLinkValue(rest.join("="), keys.get(key), schema.max);
    if (v === null) return { bad: key };
    values.set(key, v);
  }
  const missing = [...keys.keys()].find((k) => !values.has(k));
  return missing === undefined ? { values: Object.fromEntries(values) } : { bad: missing };
}

function nlLinkText(get, schema) {
  return schema.keys.map(([k, spec]) => k + "=" + (spec.t === "m" ? get(k).join(";") : String(get(k)))).join("&");
}

function nlLinks(model, frame) {
  // Before the explorer is built (on a web page: JupyterLab gives it no id): the "Copy link"
  // button, and the values of the page's link when it is to this explorer.
  const el = frame.el;
  const schema = model.get("_links");
  if (!el.id || !schema) return;
  const row = nlEl("div", "nl-link", el);
  // the field is made only where there is no clipboard: it shows the link, selected
  let field;
  nlButton(row, "Copy link", "nl-copy-link", async () => {
    const link = location.href.split("#")[0] + "#" + el.id + "?" + nlLinkText(model.get, schema);
    try {
      await navigator.clipboard.writeText(link);
      frame.announce.textContent = "Link copied";
    } catch (e) {
      if (!field) {
        field = nlEl("input", "", row);
        Object.assign(field, { readOnly: true, style: "width:100%" });
        field.setAttribute("aria-label", "Link to this explorer");
      }
      field.value = link;
      field.select();
      frame.announce.textContent = "Link shown: copy it from the field";
    }
  }, "Copy link to this explorer as it is now");
  const [id, ...query] = location.hash.slice(1).split("?");
  if (id !== el.id) return;
  const go = () => el.scrollIntoView();
  go();
  addEventListener("load", go, { once: true });
  const got = query.length ? nlLinkRead(query.join("?"), schema) : {};
  for (const k in got.values) model.set(k, got.values[k]);
  if (got.bad !== undefined)
    nlEl("p", "nl-link-notice", row, `This link ${got.bad ? "gives " + got.bad + " a value that does" : "does"} not fit this explorer, so it shows its starting values.`);
}
