// challenge_driver.js: tests/test_challenges.py appends this to the challenge module and runs it
// in node: for each case {goals, state, facts} it prints nlChallengeResult's answer as JSON.

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const job = JSON.parse(chunks.join(""));
const out = job.cases.map(({ goals, state, facts }) => nlChallengeResult(goals, (k) => state[k], facts));
process.stdout.write(JSON.stringify(out));
