// links_driver.js: tests/test_links.py appends this to an explorer's ES module and runs it in
// node: the links js/links.js makes (nlLinkText) and what it reads from links (nlLinkRead).

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const job = JSON.parse(chunks.join(""));
const getter = (state) => (k) => state[k];
console.log(JSON.stringify({
  texts: job.texts.map(({ state, schema }) => nlLinkText(getter(state), schema)),
  reads: job.reads.map(({ query, schema }) => nlLinkRead(query, schema)),
}));
