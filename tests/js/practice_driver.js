// practice_driver.js: tests/test_practice.py appends this to the self-check module
// (neuronlib/explorers/js/practice.js) and runs it in node. It reads a job (JSON on stdin):
// {read: [text, ...], grade: [{config, response}, ...]}, and prints what the browser would
// make of each: nlReadNumber's {value} or {error, message}, nlGrade's {status, message}.

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const job = JSON.parse(chunks.join(""));
const out = {};
if (job.read) out.read = job.read.map((text) => nlReadNumber(text));
if (job.grade) out.grade = job.grade.map(({ config, response }) => nlGrade(config, response));
process.stdout.write(JSON.stringify(out));
