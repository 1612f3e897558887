// Prints the runners' counts and one closing line "total: N passed, N failed" from their JSON reports.
import { existsSync, readFileSync } from "node:fs";

function printUnhandledErrors(logPath) {
  if (!existsSync(logPath)) return;
  const lines = readFileSync(logPath, "utf8").replace(/\x1b\[[0-9;]*m/g, "").split("\n");
  const start = lines.findIndex((line) => line.includes("Unhandled Error"));
  if (start >= 0) console.log(lines.slice(start, start + 40).join("\n"));
}

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null);
let passed = 0;
let failed = 0;
let skipped = 0;

for (const [name, report] of [["vitest", ".reports/vitest"], ["vitest on Redis Cluster", ".reports/vitest-redis-cluster"]]) {
  const vitest = read(`${report}.json`);
  if (!vitest) {
    console.log(`${name}: no report (did not run)`);
    continue;
  }
  console.log(`${name}: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ${vitest.numPendingTests + vitest.numTodoTests} skipped`);
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A file can fail with every test passed (a hook timing out, an import error); say which and why,
  // since the end of the log is often all a CI page shows.
  for (const file of vitest.testResults.filter((result) => result.status === "failed")) {
    console.log(`${name} file failed: ${file.name.replace(process.cwd() + "/", "")}: ${file.message.split("\n")[0].slice(0, 300)}`);
    for (const test of file.assertionResults.filter((result) => result.status === "failed")) {
      console.log(`  failed: ${test.fullName}: ${(test.failureMessages[0] ?? "").split("\n")[0].slice(0, 300)}`);
    }
  }
  if (!vitest.success && vitest.numFailedTests === 0 && vitest.numFailedTestSuites === 0) {
    console.log(`${name}: every test passed but the run failed: see the log's "Unhandled Errors" section (${report}.log)`);
    printUnhandledErrors(`${report}.log`);
  }
}

const playwright = read(".reports/playwright.json");
if (playwright) {
  const s = playwright.stats;
  console.log(`playwright: ${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
} else console.log("playwright: no report (did not run)");

console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
