// `npm test`: every suite, then one closing line `N passed, N failed`.
// Order: build (the smoke and e2e tests run the built bundles), static checks, Vitest projects, Playwright.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const failures = [];
const started = Date.now();

// Steps run one after the other: side by side on 2 cores every step got slower and the whole took longer
// (1141 s against 1102 s), so the CPU, not waiting, is what the suites spend.
const timings = [];

function step(label, command, args, env = {}) {
  console.log(`\n━━ ${label}`);
  const begun = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  timings.push(`${label} ${Math.round((Date.now() - begun) / 1000)} s`);
  if (result.status !== 0) failures.push(label);
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

mkdirSync(results, { recursive: true });
for (const file of ['vitest.json', 'playwright.json']) rmSync(join(results, file), { force: true });

const built = step('build', process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);

if (!process.env.DATABASE_URL_TEST) {
  console.log(
    '\nNote: DATABASE_URL_TEST is not set, so server tests run on SQLite only (.ci/run sets it for PostgreSQL).',
  );
}
step('vitest (node, server, interop, jsdom)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${join(results, 'vitest.json')}`,
]);
if (built) {
  step('playwright (browser shell in Chromium)', bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, 'playwright.json'),
  });
} else {
  failures.push('playwright (not run: the build failed)');
}

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = readJson(join(results, 'vitest.json'));
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
} else if (existsSync(bin('vitest'))) {
  failures.push('vitest wrote no report');
}
const playwright = readJson(join(results, 'playwright.json'));
if (playwright?.stats) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
} else if (built) {
  failures.push('playwright wrote no report');
}

const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\nSteps: ${timings.join(', ')}.`);
console.log(`\n${failures.length ? `Failed steps: ${failures.join(', ')}` : 'All steps passed'} (${seconds} s).`);
// A failed step with no failed test (a build or typecheck error) still counts as a failure.
if (failures.length && failed === 0) failed = failures.length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length || failed ? 1 : 0);
