// Prints the runners' counts and one closing line "total: N passed, N failed" from their JSON reports.
import { existsSync, readFileSync } from "node:fs";

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null);
let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = read(".reports/vitest.json");
if (vitest) {
  console.log(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ${vitest.numPendingTests + vitest.numTodoTests} skipped`);
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
} else console.log("vitest: no report (did not run)");

const playwright = read(".reports/playwright.json");
if (playwright) {
  const s = playwright.stats;
  console.log(`playwright: ${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
} else console.log("playwright: no report (did not run)");

console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
