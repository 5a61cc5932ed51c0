// model.js: the stand-in for the anywidget model on a static page (no kernel): it holds the
// state Python wrote into the page and speaks the part of the model API the explorers use.

function nlStandInModel(state) {
  const data = JSON.parse(JSON.stringify(state));
  const handlers = {};
  const fire = (name, value) => (handlers[name] || []).slice().forEach((cb) => cb(value));
  return {
    get: (key) => data[key],
    set(key, value) {
      if (JSON.stringify(data[key]) === JSON.stringify(value)) return;
      data[key] = value;
      fire("change:" + key, value);
      fire("change", value);
    },
    save_changes() {},
    on(name, cb) {
      (handlers[name] = handlers[name] || []).push(cb);
    },
    off(name, cb) {
      handlers[name] = (handlers[name] || []).filter((h) => h !== cb);
    },
  };
}
